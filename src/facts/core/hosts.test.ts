import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./fetcher";
import { baseUrlProblem, hostsOf } from "./hosts";
import { DEFAULT_SOURCE_BASES } from "./types";

describe("hostsOf", () => {
	it("names each host once, in the sources' order, ports kept", () => {
		expect(hostsOf(DEFAULT_SOURCE_BASES)).toEqual(["pypi.org", "registry.npmjs.org", "crates.io", "api.github.com"]);
		const mirror = {
			pypi: "https://mirror.example.org/pypi",
			npm: "https://mirror.example.org/npm/",
			crates: "http://127.0.0.1:8080",
			github: "not a url",
		};
		expect(hostsOf(mirror)).toEqual(["mirror.example.org", "127.0.0.1:8080"]);
	});

	it("says why a base URL cannot be used", () => {
		expect(baseUrlProblem("https://pypi.org")).toBeNull();
		expect(baseUrlProblem("ftp://pypi.org")).toMatch(/http or https/);
		expect(baseUrlProblem("pypi.org")).toMatch(/http or https URL/);
		expect(baseUrlProblem("https://u:p@pypi.org")).toMatch(/user name/);
		expect(baseUrlProblem("https://pypi.org/?x=1")).toMatch(/query/);
	});
});

describe("retryAfterMs", () => {
	const now = new Date("2026-01-15T10:05:00Z");
	it("reads seconds and HTTP dates; a past date means now", () => {
		expect(retryAfterMs("7", now)).toBe(7000);
		expect(retryAfterMs("Thu, 15 Jan 2026 10:06:00 GMT", now)).toBe(60_000);
		expect(retryAfterMs("Thu, 15 Jan 2026 10:00:00 GMT", now)).toBe(0);
		expect(retryAfterMs("soon", now)).toBeNull();
		expect(retryAfterMs(undefined, now)).toBeNull();
	});
});
