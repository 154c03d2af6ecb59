import { requestUrl, type RequestUrlResponse } from "obsidian";
import { errorMessage } from "../shared/core/errors";
import { HttpFailure, type HttpGet, type HttpRequest, type HttpResponse } from "./core/index";

/** A request gets no answer after this long: it fails as `timeout`. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** A larger response body is refused. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface HttpOptions {
	readonly timeoutMs?: number;
	readonly maxBytes?: number;
}

/** Messages of errors Obsidian's `requestUrl` throws when there is no connection (desktop: Chromium's net errors; mobile: the platform's). */
const OFFLINE =
	/ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_ADDRESS_UNREACHABLE|ERR_NETWORK_CHANGED|ERR_PROXY_CONNECTION_FAILED|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|offline|not connected|network connection was lost|could not connect|failed to fetch/i;

/** Header names in lower case, in a Map (names come from the network: never object keys). */
function lowerCaseHeaders(headers: unknown): Map<string, string> {
	const out = new Map<string, string>();
	if (typeof headers !== "object" || headers === null) return out;
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value === "string") out.set(name.toLowerCase(), value);
		else if (typeof value === "number") out.set(name.toLowerCase(), String(value));
	}
	return out;
}

function bodyBytes(response: RequestUrlResponse, headers: ReadonlyMap<string, string>): number {
	const buffer: unknown = response.arrayBuffer;
	if (buffer instanceof ArrayBuffer) return buffer.byteLength;
	const declared = Number(headers.get("content-length"));
	return Number.isFinite(declared) ? declared : 0;
}

/**
 * The facts core's `HttpGet` on Obsidian's `requestUrl` (which works on desktop and mobile and is
 * not subject to CORS). Every status is an answer (`throw: false`); a request that gets no answer
 * rejects with an `HttpFailure`: `offline` when there is no connection, `timeout` after 10 s
 * (`requestUrl` has no timeout of its own, so the request is raced with a timer and its late
 * answer ignored), `too-large` for a body over 20 MB (`requestUrl` reads the whole body before it
 * answers, so the limit keeps such a body from being parsed, not from being downloaded).
 */
export function obsidianHttpGet(options: HttpOptions = {}): HttpGet {
	const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
	const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
	return (request: HttpRequest): Promise<HttpResponse> =>
		new Promise<HttpResponse>((resolve, reject) => {
			let settled = false;
			const timer = window.setTimeout(() => {
				settled = true;
				reject(new HttpFailure("timeout", `no answer within ${Math.round(timeoutMs / 1000)} s`));
			}, timeoutMs);
			const finish = (outcome: () => void): void => {
				if (settled) return;
				settled = true;
				window.clearTimeout(timer);
				outcome();
			};
			let pending: Promise<RequestUrlResponse>;
			try {
				pending = requestUrl({ url: request.url, method: "GET", headers: Object.fromEntries(request.headers), throw: false });
			} catch (error) {
				finish(() => reject(failure(error)));
				return;
			}
			pending.then(
				(response) =>
					finish(() => {
						try {
							resolve(toResponse(response, maxBytes));
						} catch (error) {
							reject(error instanceof HttpFailure ? error : failure(error));
						}
					}),
				(error: unknown) => finish(() => reject(failure(error))),
			);
		});
}

function toResponse(response: RequestUrlResponse, maxBytes: number): HttpResponse {
	const headers = lowerCaseHeaders(response.headers);
	const bytes = bodyBytes(response, headers);
	if (bytes > maxBytes) {
		throw new HttpFailure("too-large", `the answer is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
	}
	const text: unknown = response.text;
	return { status: response.status, headers, text: typeof text === "string" ? text : "" };
}

/** A failure's message is the error's own; the core adds the host when it reports it. */
function failure(error: unknown): HttpFailure {
	const message = errorMessage(error);
	const offline = OFFLINE.test(message) || (typeof navigator !== "undefined" && navigator.onLine === false);
	return new HttpFailure(offline ? "offline" : "other", message);
}
