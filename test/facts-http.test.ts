import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HttpFailure, type HttpRequest } from "../src/facts/core/index";
import { obsidianHttpGet } from "../src/facts/http-obsidian";
import { answer, FakeNetwork, type RequestHandler, response } from "./harness/request-url";

const net = vi.hoisted(() => ({ handler: null as RequestHandler | null }));
vi.mock("obsidian", async (original) => ({ ...(await original<object>()), requestUrl: (r: unknown) => answer(net.handler, r) }));

const request = (url: string, headers: [string, string][] = []): HttpRequest => ({ url, headers: new Map(headers) });

async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof HttpFailure) return error;
		throw error;
	}
	throw new Error("expected an HttpFailure");
}

let network: FakeNetwork;

beforeEach(() => {
	network = new FakeNetwork();
	net.handler = network.handler;
});

afterEach(() => {
	net.handler = null;
	vi.useRealTimers();
});

describe("the requestUrl adapter", () => {
	it("answers every status (throw: false), with header names in lower case and the request's headers sent", async () => {
		network.on("https://pypi.org/pypi/django/json", 200, { info: {} }, { "X-Thing": "1", ETag: "abc" });
		network.on("https://pypi.org/pypi/nope/json", 404, { message: "Not Found" });
		const get = obsidianHttpGet();
		const ok = await get(request("https://pypi.org/pypi/django/json", [["user-agent", "framework-notes/test"]]));
		expect(ok.status).toBe(200);
		expect(JSON.parse(ok.text)).toEqual({ info: {} });
		expect([...ok.headers.keys()].sort()).toEqual(["content-type", "etag", "x-thing"]);
		expect(ok.headers.get("etag")).toBe("abc");
		expect(network.requests[0]).toMatchObject({ method: "GET", throw: false, headers: { "user-agent": "framework-notes/test" } });
		expect((await get(request("https://pypi.org/pypi/nope/json"))).status).toBe(404);
	});

	it("names a missing connection as offline, and other failures as other", async () => {
		network.offline = true;
		const offline = await failureOf(obsidianHttpGet()(request("https://pypi.org/pypi/django/json")));
		expect(offline.reason).toBe("offline");
		expect(offline.message).toBe("net::ERR_INTERNET_DISCONNECTED");
		net.handler = () => Promise.reject(new Error("certificate has expired"));
		expect((await failureOf(obsidianHttpGet()(request("https://pypi.org/x")))).reason).toBe("other");
	});

	it("refuses a body over the limit", async () => {
		network.on("https://registry.npmjs.org/big", 200, "x".repeat(2048));
		const failure = await failureOf(obsidianHttpGet({ maxBytes: 1024 })(request("https://registry.npmjs.org/big")));
		expect(failure.reason).toBe("too-large");
		network.on("https://registry.npmjs.org/small", 200, "x".repeat(1024));
		expect((await obsidianHttpGet({ maxBytes: 1024 })(request("https://registry.npmjs.org/small"))).status).toBe(200);
	});

	it("gives up after the timeout, and ignores the answer that comes later", async () => {
		vi.useFakeTimers();
		let late: ((r: ReturnType<typeof response>) => void) | null = null;
		net.handler = () => new Promise((resolve) => (late = resolve));
		let settled = false;
		const pending = failureOf(obsidianHttpGet({ timeoutMs: 10_000 })(request("https://crates.io/api/v1/crates/serde"))).finally(() => {
			settled = true;
		});
		await vi.advanceTimersByTimeAsync(9_999);
		expect(late).not.toBeNull();
		expect(settled).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		const failure = await pending;
		expect(failure.reason).toBe("timeout");
		expect(failure.message).toBe("no answer within 10 s");
		(late as unknown as (r: ReturnType<typeof response>) => void)(response(200, {}));
	});
});
