/**
 * The facts feature's HTTP GET on Node (`node:http` / `node:https`), for the CLI.
 *
 * It contacts only the URL it is given (and, when that answers with a redirect, at most five
 * further http/https URLs; an `authorization` header never follows a redirect to another
 * origin). Every request ends within the timeout; a body over the size limit is refused, by its
 * Content-Length before reading and by counting while reading; a connection that cannot be made
 * is an `offline` failure naming the host. Bodies are decoded as UTF-8; header names are lower
 * case. gzip is asked for when the caller did not choose an encoding, and unpacked here (the
 * limit applies to the unpacked bytes).
 */
import * as http from "node:http";
import * as https from "node:https";
import * as zlib from "node:zlib";
import type { Readable } from "node:stream";
import { HttpFailure, type HttpGet, type HttpRequest, type HttpResponse } from "../core/index";

export interface NodeHttpOptions {
	/** Milliseconds from the request to the last byte of the body, redirects included (default 10 s). */
	readonly timeoutMs?: number;
	/** Largest body accepted, in bytes (default 20 MB). */
	readonly maxBytes?: number;
	/** Redirects followed (default 5). */
	readonly maxRedirects?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** Error codes that mean "no connection to that host" rather than a fault of the answer. */
const OFFLINE_CODES = new Set([
	"ECONNREFUSED",
	"ENOTFOUND",
	"EAI_AGAIN",
	"EAI_FAIL",
	"EAI_NONAME",
	"ENETUNREACH",
	"ENETDOWN",
	"EHOSTUNREACH",
	"EHOSTDOWN",
	"ECONNRESET",
	"EADDRNOTAVAIL",
]);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function codeOf(e: unknown): string {
	return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : "";
}

function megabytes(bytes: number): string {
	return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function responseHeaders(message: http.IncomingMessage): Map<string, string> {
	const headers = new Map<string, string>();
	for (const [name, value] of Object.entries(message.headers)) {
		if (value === undefined) continue;
		headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
	}
	return headers;
}

/** The request's headers as Node takes them, without `authorization` when `withAuth` is false. */
function outgoingHeaders(request: HttpRequest, withAuth: boolean): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of request.headers) {
		const lower = name.toLowerCase();
		if (lower === "authorization" && !withAuth) continue;
		out[lower] = value;
	}
	if (out["accept-encoding"] === undefined) out["accept-encoding"] = "gzip";
	return out;
}

/** The body stream, unpacked when the server packed it; null for an encoding we cannot read. */
function bodyStream(message: http.IncomingMessage): Readable | null {
	const encoding = (message.headers["content-encoding"] ?? "identity").trim().toLowerCase();
	if (encoding === "identity" || encoding === "") return message;
	if (encoding === "gzip" || encoding === "x-gzip") return message.pipe(zlib.createGunzip());
	if (encoding === "deflate") return message.pipe(zlib.createInflate());
	return null;
}

/** An `HttpGet` over Node's http and https modules. */
export function nodeHttpGet(options: NodeHttpOptions = {}): HttpGet {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
	return (request) => get(request, timeoutMs, maxBytes, maxRedirects);
}

function parseHttpUrl(text: string): URL | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

function get(request: HttpRequest, timeoutMs: number, maxBytes: number, maxRedirects: number): Promise<HttpResponse> {
	const first = parseHttpUrl(request.url);
	if (first === null) return Promise.reject(new HttpFailure("other", `Not an http or https URL: ${request.url.slice(0, 200)}`));
	return new Promise<HttpResponse>((resolve, reject) => {
		let settled = false;
		let current: http.ClientRequest | null = null;
		let host = first.host;
		const finish = (outcome: { response: HttpResponse } | { failure: HttpFailure }): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if ("response" in outcome) resolve(outcome.response);
			else {
				current?.destroy();
				reject(outcome.failure);
			}
		};
		const timer = setTimeout(() => {
			finish({ failure: new HttpFailure("timeout", `No answer from ${host} within ${Math.round(timeoutMs / 1000)} s`) });
		}, timeoutMs);

		const send = (url: URL, redirectsLeft: number): void => {
			host = url.host;
			const client = url.protocol === "https:" ? https : http;
			const withAuth = url.origin === first.origin;
			let req: http.ClientRequest;
			try {
				req = client.get(url, { headers: outgoingHeaders(request, withAuth) });
			} catch (e) {
				finish({
					failure: new HttpFailure("other", `Request to ${url.host} failed: ${e instanceof Error ? e.message : String(e)}`),
				});
				return;
			}
			current = req;
			req.on("error", (e) => {
				const code = codeOf(e);
				if (OFFLINE_CODES.has(code)) finish({ failure: new HttpFailure("offline", `No connection to ${url.host}: ${code}`) });
				else finish({ failure: new HttpFailure("other", `Request to ${url.host} failed: ${code || e.message}`) });
			});
			req.on("response", (message) => {
				// A body cut off after the request settled (timeout, redirect drained) is no longer anyone's concern.
				message.on("error", () => undefined);
				if (settled) {
					message.resume();
					return;
				}
				const status = message.statusCode ?? 0;
				const location = message.headers.location;
				if (REDIRECTS.has(status) && location !== undefined) {
					message.resume();
					const next = URL.canParse(location, url) ? parseHttpUrl(new URL(location, url).href) : null;
					if (next === null) {
						finish({ failure: new HttpFailure("other", `${url.host} redirected to a URL that is not http or https`) });
					} else if (redirectsLeft <= 0) {
						finish({ failure: new HttpFailure("other", `Too many redirects from ${first.host}`) });
					} else {
						send(next, redirectsLeft - 1);
					}
					return;
				}
				receive(url, status, message);
			});
		};

		const receive = (url: URL, status: number, message: http.IncomingMessage): void => {
			const tooLarge = (): HttpFailure =>
				new HttpFailure("too-large", `The answer from ${url.host} is larger than ${megabytes(maxBytes)}; refused`);
			const declared = Number(message.headers["content-length"]);
			if (Number.isFinite(declared) && declared > maxBytes) {
				message.destroy();
				finish({ failure: tooLarge() });
				return;
			}
			const body = bodyStream(message);
			if (body === null) {
				message.destroy();
				finish({ failure: new HttpFailure("other", `${url.host} answered in an encoding this tool cannot read`) });
				return;
			}
			const chunks: Buffer[] = [];
			let size = 0;
			body.on("data", (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxBytes) {
					message.destroy();
					if (body !== message) body.destroy();
					finish({ failure: tooLarge() });
					return;
				}
				chunks.push(chunk);
			});
			body.on("error", (e) => {
				finish({ failure: new HttpFailure("other", `The answer from ${url.host} was cut off: ${codeOf(e) || e.message}`) });
			});
			if (body !== message) {
				message.on("error", (e) => {
					finish({ failure: new HttpFailure("other", `The answer from ${url.host} was cut off: ${codeOf(e) || e.message}`) });
				});
			}
			body.on("end", () => {
				const text = new TextDecoder("utf-8").decode(Buffer.concat(chunks, size));
				finish({ response: { status, headers: responseHeaders(message), text } });
			});
		};

		send(first, maxRedirects);
	});
}
