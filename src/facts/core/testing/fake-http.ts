/**
 * Test helper: a fake `HttpGet` answering from a table of URL → answers (the last answer repeats),
 * recording every request and the most requests in flight at once per host. Each answer arrives
 * after a number of microtask turns, so requests overlap as they would on a network.
 */
import { HttpFailure, type GatherOptions, type HttpGet, type HttpRequest, type HttpResponse } from "../types";
import { DEFAULT_SOURCE_BASES } from "../types";

export type FakeAnswer = HttpResponse | HttpFailure | ((request: HttpRequest) => HttpResponse | HttpFailure);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse {
	return { status, headers: new Map(Object.entries(headers)), text: JSON.stringify(body) };
}

export function status(code: number, headers: Record<string, string> = {}, text = ""): HttpResponse {
	return { status: code, headers: new Map(Object.entries(headers)), text };
}

export interface FakeHttp {
	readonly get: HttpGet;
	readonly requests: HttpRequest[];
	/** URLs requested, in order. */
	urls(): string[];
	/** The most requests that were in flight at once to `host`. */
	maxInFlight(host: string): number;
}

export function fakeHttp(routes: Record<string, FakeAnswer | FakeAnswer[]>, fallback: FakeAnswer = status(404)): FakeHttp {
	const requests: HttpRequest[] = [];
	const served = new Map<string, number>();
	const inFlight = new Map<string, number>();
	const max = new Map<string, number>();
	const get: HttpGet = async (request) => {
		requests.push(request);
		const host = new URL(request.url).host;
		inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
		max.set(host, Math.max(max.get(host) ?? 0, inFlight.get(host) ?? 0));
		try {
			for (let i = 0; i < 20; i++) await Promise.resolve();
			const route = Object.prototype.hasOwnProperty.call(routes, request.url) ? routes[request.url] : undefined;
			const list = route === undefined ? [fallback] : Array.isArray(route) ? route : [route];
			const index = served.get(request.url) ?? 0;
			served.set(request.url, index + 1);
			let answer = list[Math.min(index, list.length - 1)] ?? fallback;
			if (typeof answer === "function") answer = answer(request);
			if (answer instanceof HttpFailure) throw answer;
			return answer;
		} finally {
			inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
		}
	};
	return { get, requests, urls: () => requests.map((r) => r.url), maxInFlight: (host) => max.get(host) ?? 0 };
}

/** Options for tests: default bases, a recorded fake sleep, a fixed clock. */
export function testOptions(extra: Partial<GatherOptions> = {}): GatherOptions & { sleeps: number[] } {
	const sleeps: number[] = [];
	return {
		bases: DEFAULT_SOURCE_BASES,
		userAgent: "framework-notes-test/1.0",
		sleep: (ms) => {
			sleeps.push(ms);
			return Promise.resolve();
		},
		now: () => new Date("2026-01-15T10:05:00Z"),
		...extra,
		sleeps,
	};
}
