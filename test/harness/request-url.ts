/**
 * A stand-in for Obsidian's `requestUrl` in plugin tests: the mock's own answers every request
 * with an empty 200, so a test that exercises the network replaces it in its file with
 *
 *   const net = vi.hoisted(() => ({ handler: null as RequestHandler | null }));
 *   vi.mock("obsidian", async (original) => ({ ...(await original<object>()), requestUrl: (r: unknown) => answer(net.handler, r) }));
 *
 * and sets `net.handler` to a `FakeNetwork`'s handler (or any function). No request leaves the
 * process: a URL the network does not know is answered 404.
 */
import type { RequestUrlParam, RequestUrlResponse } from "obsidian";

export type RequestHandler = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

/** A response as `requestUrl` gives it (text, headers as a plain object, the body's bytes). */
export function response(status: number, body: string | object, headers: Record<string, string> = {}): RequestUrlResponse {
	const text = typeof body === "string" ? body : JSON.stringify(body);
	const bytes = new TextEncoder().encode(text);
	return {
		status,
		headers: { "Content-Type": "application/json", ...headers },
		text,
		arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
		get json(): unknown {
			return JSON.parse(text) as unknown;
		},
	};
}

/** What `vi.mock` puts in place of `requestUrl`: the current handler, or a failure when none is set. */
export function answer(handler: RequestHandler | null, request: unknown): Promise<RequestUrlResponse> {
	if (handler === null) return Promise.reject(new Error("requestUrl called without a fake network"));
	const param: RequestUrlParam = typeof request === "string" ? { url: request } : (request as RequestUrlParam);
	return handler(param);
}

/** Answers by URL, records every request, and can go offline. */
export class FakeNetwork {
	readonly requests: RequestUrlParam[] = [];
	private readonly routes = new Map<string, () => RequestUrlResponse>();
	offline = false;

	/** Answer `url` with `status` and `body` (JSON unless a string). */
	on(url: string, status: number, body: string | object, headers: Record<string, string> = {}): this {
		this.routes.set(url, () => response(status, body, headers));
		return this;
	}

	readonly handler: RequestHandler = (request) => {
		this.requests.push(request);
		if (this.offline) return Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
		const route = this.routes.get(request.url);
		return Promise.resolve(route ? route() : response(404, { message: "Not Found" }));
	};

	/** The URLs asked for, in order. */
	urls(): string[] {
		return this.requests.map((r) => r.url);
	}
}
