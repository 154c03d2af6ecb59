/**
 * The test page's `requestUrl`: no request leaves the page. A spec sets answers by URL with
 * `window.fn.setNetwork(routes)`; a URL without an answer gets a 404, and with no answers set at
 * all the network is "offline" (requestUrl rejects as Obsidian's does without a connection).
 * Every URL asked for is recorded (`window.fn.networkRequests()`).
 */

export interface Route {
	readonly status: number;
	/** The body: text, or any JSON value. */
	readonly body: unknown;
	readonly headers?: Readonly<Record<string, string>>;
}

interface RequestParam {
	readonly url: string;
	readonly headers?: Record<string, string>;
}

const routes = new Map<string, Route>();
const requests: Array<{ url: string; headers: Record<string, string> }> = [];
let online = false;

export function setNetwork(answers: Readonly<Record<string, Route>> | null): void {
	routes.clear();
	requests.length = 0;
	online = answers !== null;
	for (const [url, route] of Object.entries(answers ?? {})) routes.set(url, route);
}

export function networkRequests(): Array<{ url: string; headers: Record<string, string> }> {
	return requests.map((r) => ({ url: r.url, headers: { ...r.headers } }));
}

export function requestUrl(request: RequestParam | string): Promise<unknown> {
	const param: RequestParam = typeof request === "string" ? { url: request } : request;
	requests.push({ url: param.url, headers: { ...(param.headers ?? {}) } });
	if (!online) return Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
	const route = routes.get(param.url) ?? { status: 404, body: { message: "Not Found" } };
	const text = typeof route.body === "string" ? route.body : JSON.stringify(route.body);
	const bytes = new TextEncoder().encode(text);
	return Promise.resolve({
		status: route.status,
		headers: { "Content-Type": "application/json", ...(route.headers ?? {}) },
		text,
		arrayBuffer: bytes.buffer,
		get json(): unknown {
			return JSON.parse(text) as unknown;
		},
	});
}
