/** The CLI's HTTP GET (node:http) against a local server on 127.0.0.1. */
import * as zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { HttpFailure, type HttpResponse } from "../src/facts/core/index";
import { nodeHttpGet } from "../src/facts/cli/http-node";
import { closedBase, send, startServer, type LocalServer } from "./kit/local-server";

const servers: LocalServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(...args: Parameters<typeof startServer>): Promise<LocalServer> {
	const s = await startServer(...args);
	servers.push(s);
	return s;
}

function request(url: string, headers: Record<string, string> = {}): { url: string; headers: Map<string, string> } {
	return { url, headers: new Map(Object.entries(headers)) };
}

async function failure(promise: Promise<HttpResponse>): Promise<HttpFailure> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof HttpFailure) return e;
		throw e;
	}
	throw new Error("expected the request to fail");
}

describe("nodeHttpGet", () => {
	it("sends the request's headers and returns status, lower-case headers and the UTF-8 body", async () => {
		const s = await server((_req, res) => send(res, 404, { message: "Not Found — ü" }, { "X-Rate-Remaining": "59" }));
		const response = await nodeHttpGet()(request(`${s.base}/pypi/nope/json`, { "user-agent": "framework-notes-test" }));
		expect(response.status).toBe(404);
		expect(response.headers.get("x-rate-remaining")).toBe("59");
		expect(JSON.parse(response.text)).toEqual({ message: "Not Found — ü" });
		expect(s.requests[0]?.url).toBe("/pypi/nope/json");
		expect(s.requests[0]?.headers["user-agent"]).toBe("framework-notes-test");
	});

	it("unpacks a gzip body", async () => {
		const s = await server((_req, res) => {
			const packed = zlib.gzipSync(JSON.stringify({ ok: true }));
			res.writeHead(200, { "content-encoding": "gzip", "content-length": String(packed.length) });
			res.end(packed);
		});
		expect(JSON.parse((await nodeHttpGet()(request(s.base))).text)).toEqual({ ok: true });
	});

	it("gives up after the timeout", async () => {
		const s = await server(() => undefined);
		const e = await failure(nodeHttpGet({ timeoutMs: 100 })(request(`${s.base}/slow`)));
		expect(e.reason).toBe("timeout");
		expect(e.message).toContain("127.0.0.1");
	});

	it("refuses a body larger than the limit by its Content-Length, unread", async () => {
		const s = await server((_req, res) => {
			res.writeHead(200, { "content-length": String(50_000) });
			res.write("x".repeat(100));
		});
		const e = await failure(nodeHttpGet({ maxBytes: 1000 })(request(s.base)));
		expect(e.reason).toBe("too-large");
	});

	it("refuses a body that grows past the limit while streaming (no Content-Length)", async () => {
		const s = await server((_req, res) => {
			res.writeHead(200, { "content-type": "application/json" });
			const timer = setInterval(() => res.write("[".repeat(400)), 1);
			res.on("close", () => clearInterval(timer));
		});
		const e = await failure(nodeHttpGet({ maxBytes: 10_000 })(request(s.base)));
		expect(e.reason).toBe("too-large");
	});

	it("counts unpacked bytes: a small gzip bomb is refused", async () => {
		const s = await server((_req, res) => {
			const packed = zlib.gzipSync(Buffer.alloc(200_000, 32));
			res.writeHead(200, { "content-encoding": "gzip", "content-length": String(packed.length) });
			res.end(packed);
		});
		const e = await failure(nodeHttpGet({ maxBytes: 10_000 })(request(s.base)));
		expect(e.reason).toBe("too-large");
	});

	it("a closed port is offline, naming the host", async () => {
		const base = await closedBase();
		const e = await failure(nodeHttpGet()(request(`${base}/pypi/django/json`)));
		expect(e.reason).toBe("offline");
		expect(e.message).toBe(`No connection to ${new URL(base).host}: ECONNREFUSED`);
	});

	it("follows redirects, and drops the authorization header when the origin changes", async () => {
		const other = await server((_req, res) => send(res, 200, { moved: true }));
		const s = await server((req, res) => {
			if (req.url === "/a") send(res, 301, "", { location: "/b" });
			else if (req.url === "/b") send(res, 302, "", { location: `${other.base}/c` });
		});
		const response = await nodeHttpGet()(request(`${s.base}/a`, { authorization: "Bearer secret" }));
		expect(JSON.parse(response.text)).toEqual({ moved: true });
		expect(s.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
			["/a", "Bearer secret"],
			["/b", "Bearer secret"],
		]);
		expect(other.requests.map((r) => [r.url, r.headers.authorization])).toEqual([["/c", undefined]]);
	});

	it("stops after five redirects, and never follows one to another scheme", async () => {
		const s = await server((req, res) => {
			if (req.url === "/js") send(res, 302, "", { location: "javascript:alert(1)" });
			else send(res, 302, "", { location: `/loop${s.requests.length}` });
		});
		const loop = await failure(nodeHttpGet()(request(`${s.base}/loop`)));
		expect(loop.message).toMatch(/Too many redirects/);
		expect(s.requests).toHaveLength(6);
		const js = await failure(nodeHttpGet()(request(`${s.base}/js`)));
		expect(js.message).toMatch(/not http or https/);
	});

	it("refuses URLs that are not http or https without contacting anything", async () => {
		for (const url of ["file:///etc/passwd", "javascript:alert(1)", "not a url"]) {
			const e = await failure(nodeHttpGet()(request(url)));
			expect(e.reason).toBe("other");
		}
	});
});
