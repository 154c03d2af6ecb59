import { describe, expect, it } from "vitest";
import archived from "../fixtures/github-archived.json";
import django from "../fixtures/github-django.json";
import notFound from "../fixtures/github-not-found.json";
import { factMap } from "../testing/parsed";
import { githubRepoOf, githubSource, parseGithub } from "./github";

describe("GitHub", () => {
	it("finds owner/repo in any github.com URL, and nothing in others", () => {
		expect(githubRepoOf("https://github.com/django/django")).toBe("django/django");
		expect(githubRepoOf("https://github.com/pallets/flask.git")).toBe("pallets/flask");
		expect(githubRepoOf("http://www.github.com/aws/chalice/tree/master/docs")).toBe("aws/chalice");
		expect(githubRepoOf("https://gitlab.com/a/b")).toBeNull();
		expect(githubRepoOf("https://github.com/django")).toBeNull();
		expect(githubRepoOf("https://github.com.evil.example/a/b")).toBeNull();
		expect(githubSource.url("https://api.github.com/", "django/django")).toBe("https://api.github.com/repos/django/django");
	});

	it("reads stars, archived, the last push, the SPDX id, homepage and description", () => {
		expect(factMap(parseGithub(django))).toEqual({
			stars: [83512, "GitHub: stargazers_count"],
			archived: [false, "GitHub: archived"],
			last_commit: ["2025-04-03", "GitHub: pushed_at (the last push)"],
			license: ["BSD-3-Clause", "GitHub: license.spdx_id"],
			website: ["https://www.djangoproject.com/", "GitHub: homepage"],
			summary: ["The Web framework for perfectionists with deadlines.", "GitHub: description"],
		});
	});

	it("ignores NOASSERTION and empty texts", () => {
		const parsed = parseGithub(archived);
		expect(Object.keys(factMap(parsed)).sort()).toEqual(["archived", "last_commit", "stars"]);
		expect(factMap(parsed).archived?.[0]).toBe(true);
		expect(parsed.skipped).toEqual([
			{ source: "github", field: "license.spdx_id", reason: "GitHub could not tell the licence (NOASSERTION)" },
		]);
	});

	it("says when the answer is not a repository", () => {
		expect(parseGithub(notFound).error).toMatch(/not a GitHub repository document/);
	});
});
