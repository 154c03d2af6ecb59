import { describe, expect, it } from "vitest";
import express from "../fixtures/npm-express.json";
import repoString from "../fixtures/npm-repo-string.json";
import scoped from "../fixtures/npm-scoped.json";
import unpublished from "../fixtures/npm-unpublished.json";
import { factMap } from "../testing/parsed";
import { npmSource, parseNpm } from "./npm";

describe("npm", () => {
	it("builds the package document URL, scoped names with their slash encoded", () => {
		expect(npmSource.url("https://registry.npmjs.org/", "express")).toBe("https://registry.npmjs.org/express");
		expect(npmSource.url("https://registry.npmjs.org", "@angular/core")).toBe("https://registry.npmjs.org/@angular%2Fcore");
	});

	it("reads the first publish, the latest version and its time, licence, homepage and a git+https repository", () => {
		const parsed = parseNpm(express);
		expect(parsed.error).toBeNull();
		expect(factMap(parsed)).toEqual({
			language: ["JavaScript", "npm: a JavaScript package"],
			summary: ["Fast, unopinionated, minimalist web framework", "npm: description"],
			license: ["MIT", "npm: license"],
			repository: ["https://github.com/expressjs/express", "npm: repository"],
			website: ["https://expressjs.com/", "npm: homepage"],
			latest_version: ["5.1.0", "npm: dist-tags.latest"],
			latest_release: ["2025-03-31", "npm: publish time of 5.1.0"],
			first_release: [2010, "first publish to npm: 2010"],
		});
		expect(parsed.skipped).toEqual([]);
	});

	it("reads a shorthand repository string and the old licence object; a readme homepage is not a website", () => {
		const parsed = parseNpm(repoString);
		const facts = factMap(parsed);
		expect(facts.repository).toEqual(["https://github.com/someone/tiny-router", "npm: repository"]);
		expect(facts.license).toEqual(["ISC", "npm: license"]);
		expect(facts.website).toBeUndefined();
		expect(facts.summary?.[0]).toBe("A tiny router for the browser");
		expect(parsed.skipped).toEqual([{ source: "npm", field: "homepage", reason: "the repository's readme, not a website" }]);
	});

	it("reads a scoped package with a monorepo repository object and the old licenses list", () => {
		const facts = factMap(parseNpm(scoped));
		expect(facts.repository?.[0]).toBe("https://github.com/angular/angular");
		expect(facts.license).toEqual(["MIT", "npm: license"]);
		expect(facts.website).toBeUndefined();
		expect(facts.latest_version?.[0]).toBe("19.2.4");
	});

	it("says when a package was unpublished or the answer is not a package document", () => {
		expect(parseNpm(unpublished).error).toBe("unpublished from npm");
		expect(parseNpm({ error: "Not found" }).error).toMatch(/not an npm package document/);
		expect(parseNpm("Not found").error).toMatch(/not an npm package document/);
	});
});
