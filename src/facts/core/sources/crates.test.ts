import { describe, expect, it } from "vitest";
import actix from "../fixtures/crates-actix-web.json";
import notFound from "../fixtures/crates-not-found.json";
import prerelease from "../fixtures/crates-prerelease.json";
import { factMap } from "../testing/parsed";
import { cratesSource, parseCrates } from "./crates";

describe("crates.io", () => {
	it("builds the crate URL", () => {
		expect(cratesSource.url("https://crates.io", "actix-web")).toBe("https://crates.io/api/v1/crates/actix-web");
	});

	it("reads the crate and its newest stable version's licence and upload time", () => {
		const parsed = parseCrates(actix);
		expect(parsed.error).toBeNull();
		expect(factMap(parsed)).toEqual({
			language: ["Rust", "crates.io: a Rust crate"],
			summary: ["Actix Web is a powerful, pragmatic, and extremely fast web framework for Rust", "crates.io: description"],
			website: ["https://actix.rs", "crates.io: homepage"],
			repository: ["https://github.com/actix/actix-web", "crates.io: repository"],
			latest_version: ["4.10.2", "crates.io: max_stable_version"],
			latest_release: ["2025-03-10", "crates.io: upload of 4.10.2"],
			license: ["MIT OR Apache-2.0", "crates.io: license of 4.10.2"],
			first_release: [2017, "first upload to crates.io: 2017"],
		});
	});

	it("falls back to the newest version when there is no stable one, and reads MIT/Apache-2.0 as an OR", () => {
		const facts = factMap(parseCrates(prerelease));
		expect(facts.latest_version).toEqual(["0.2.0-alpha.1", "crates.io: newest_version"]);
		expect(facts.license?.[0]).toBe("MIT OR Apache-2.0");
		expect(facts.repository?.[0]).toBe("https://gitlab.com/someone/young_web");
		expect(facts.summary?.[0]).toBe("A young web framework. Still experimental.");
		expect(facts.website).toBeUndefined();
	});

	it("says when the answer is not a crate document", () => {
		expect(parseCrates(notFound).error).toMatch(/not a crates.io crate document/);
	});
});
