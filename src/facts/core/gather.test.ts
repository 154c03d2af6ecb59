import { describe, expect, it } from "vitest";
import githubArchived from "./fixtures/github-archived.json";
import githubDjango from "./fixtures/github-django.json";
import npmExpress from "./fixtures/npm-express.json";
import pypiChalice from "./fixtures/pypi-license-classifier.json";
import pypiDjango from "./fixtures/pypi-django.json";
import pypiNoReleases from "./fixtures/pypi-no-releases.json";
import pypiSimple from "./fixtures/pypi-simple-fastapi.json";
import { gatherFacts } from "./gather";
import { ticked } from "./proposals";
import { fakeHttp, json, status, testOptions } from "./testing/fake-http";
import { HttpFailure, type FactsNote, type NoteFacts } from "./types";

const PYPI = "https://pypi.org/pypi";
const GH = "https://api.github.com/repos";

function note(name: string, props: Record<string, unknown> = {}, path = `Web/${name}.md`): FactsNote {
	return { path, name, frontmatter: new Map(Object.entries(props)) };
}

function values(facts: NoteFacts | undefined): Record<string, unknown> {
	return Object.fromEntries((facts?.proposals ?? []).map((p) => [p.key, p.value]));
}

describe("gatherFacts", () => {
	it("fills a note from PyPI, then GitHub for stars, archived and last commit, each value with where it comes from", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		const result = await gatherFacts([note("Django", { category: "web", package: "pypi:django" })], http.get, testOptions());
		const [facts] = result.notes;
		expect(result.messages).toEqual([]);
		expect(facts?.error).toBeNull();
		expect(facts?.packageRef).toEqual({ registry: "pypi", name: "django" });
		expect(values(facts)).toEqual({
			language: "Python",
			license: "BSD-3-Clause",
			first_release: 2010,
			latest_version: "5.2",
			latest_release: "2025-04-02",
			website: "https://www.djangoproject.com/",
			repository: "https://github.com/django/django",
			stars: 83512,
			archived: false,
			last_commit: "2025-04-03",
			summary: "A high-level Python web framework that encourages rapid development and clean, pragmatic design.",
		});
		expect(facts?.proposals.every((p) => p.kind === "fill" && p.ticked)).toBe(true);
		expect(facts?.proposals.find((p) => p.key === "first_release")?.provenance).toBe("first upload to PyPI: 2010");
		expect(facts?.proposals.find((p) => p.key === "stars")?.provenance).toBe("GitHub: stargazers_count");
	});

	it("keeps a hand-written value: a differing one is an unticked replacement, written only with update", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		const props = {
			package: "pypi:django",
			license: "BSD",
			first_release: "2005",
			language: "python",
			summary: "Mine",
			website: "https://djangoproject.com",
		};
		const [facts] = (await gatherFacts([note("Django", props)], http.get, testOptions())).notes;
		const license = facts?.proposals.find((p) => p.key === "license");
		expect(license).toMatchObject({ current: "BSD", value: "BSD-3-Clause", kind: "replace", ticked: false });
		for (const key of ["first_release", "language", "summary", "website"])
			expect(facts?.proposals.some((p) => p.key === key)).toBe(false);
		const plain = ticked(facts, { update: false });
		expect(plain.has("license")).toBe(false);
		expect(plain.get("stars")).toBe(83512);
		expect(ticked(facts, { update: true }).get("license")).toBe("BSD-3-Clause");
		expect([...ticked(facts, { update: true, only: ["license", "stars"] }).keys()]).toEqual(["license", "stars"]);
	});

	it("asks each URL once per run, however many notes name the package", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		const notes = [note("Django"), note("Django again"), note("Django 3")].map((n) => ({
			...n,
			frontmatter: new Map([["package", "pypi:Django"]]),
		}));
		const result = await gatherFacts(notes, http.get, testOptions());
		expect(result.notes.map((n) => n.error)).toEqual([null, null, null]);
		expect(http.urls().sort()).toEqual([`${GH}/django/django`, `${PYPI}/django/json`]);
	});

	it("keeps answers in the session cache for the next run", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		const cache = new Map();
		await gatherFacts([note("Django", { package: "pypi:django" })], http.get, testOptions({ cache }));
		await gatherFacts([note("Django", { package: "pypi:django" })], http.get, testOptions({ cache }));
		expect(http.requests).toHaveLength(2);
	});

	it("has at most 4 requests in flight per host, and reports progress for every note", async () => {
		const routes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${PYPI}/p${i}/json`, json(pypiNoReleases)]));
		const http = fakeHttp(routes, json(pypiSimple));
		const progress: string[] = [];
		const notes = Array.from({ length: 12 }, (_, i) => note(`P${i}`, { package: `pypi:p${i}`, repository: "https://gitlab.com/x/y" }));
		const result = await gatherFacts(notes, http.get, testOptions({ onProgress: (done, total) => progress.push(`${done}/${total}`) }));
		expect(result.notes.every((n) => n.error === null)).toBe(true);
		expect(http.requests).toHaveLength(24);
		expect(http.maxInFlight("pypi.org")).toBe(4);
		expect(progress).toHaveLength(12);
		expect(progress.at(-1)).toBe("12/12");
	});

	it("reads the first upload from the JSON simple API when the JSON API has no releases", async () => {
		const http = fakeHttp({ [`${PYPI}/fastapi/json`]: json(pypiNoReleases), "https://pypi.org/simple/fastapi/": json(pypiSimple) });
		const [facts] = (
			await gatherFacts(
				[note("FastAPI", { package: "pypi:fastapi", repository: "https://example.org/src" })],
				http.get,
				testOptions(),
			)
		).notes;
		expect(values(facts).first_release).toBe(2018);
		const simple = http.requests.find((r) => r.url.includes("/simple/"));
		expect(simple?.headers.get("accept")).toBe("application/vnd.pypi.simple.v1+json");
	});

	it("keeps the other facts when the simple API answers HTML, and says why first_release is missing", async () => {
		const http = fakeHttp({
			[`${PYPI}/fastapi/json`]: json(pypiNoReleases),
			"https://pypi.org/simple/fastapi/": status(200, {}, "<!DOCTYPE html>"),
		});
		const [facts] = (
			await gatherFacts(
				[note("FastAPI", { package: "pypi:fastapi", repository: "https://example.org/src" })],
				http.get,
				testOptions(),
			)
		).notes;
		expect(facts?.error).toBeNull();
		expect(values(facts).first_release).toBeUndefined();
		expect(values(facts).license).toBe("MIT");
		expect(facts?.skipped).toContainEqual({
			source: "pypi",
			field: "first_release",
			reason: "no upload times: PyPI (pypi.org) answered with invalid JSON",
		});
	});

	it("retries 429 and 5xx twice, waiting as Retry-After says (seconds or a date)", async () => {
		const http = fakeHttp({
			[`${PYPI}/django/json`]: [
				status(503, { "retry-after": "5" }),
				status(429, { "retry-after": "Thu, 15 Jan 2026 10:05:30 GMT" }),
				json(pypiDjango),
			],
			[`${GH}/django/django`]: json(githubDjango),
		});
		const options = testOptions();
		const [facts] = (await gatherFacts([note("Django", { package: "pypi:django" })], http.get, options)).notes;
		expect(facts?.error).toBeNull();
		expect(options.sleeps).toEqual([5000, 30000]);
	});

	it("gives up after two retries, and does not wait longer than 60 s", async () => {
		const http = fakeHttp({ [`${PYPI}/a/json`]: status(500), [`${PYPI}/b/json`]: status(503, { "retry-after": "3600" }) });
		const options = testOptions();
		const result = await gatherFacts([note("A", { package: "pypi:a" }), note("B", { package: "pypi:b" })], http.get, options);
		expect(result.notes[0]?.error).toBe("pypi:a: pypi.org answered 500, also after 2 retries");
		expect(result.notes[1]?.error).toMatch(/asked to wait 3600 s; not retried/);
		expect(http.urls().filter((u) => u.endsWith("/a/json"))).toHaveLength(3);
		expect(http.urls().filter((u) => u.endsWith("/b/json"))).toHaveLength(1);
		expect(options.sleeps).toEqual([1000, 2000]);
	});

	it("says once that there is no connection, and each note fails with a short error", async () => {
		const offline = new HttpFailure("offline", "getaddrinfo ENOTFOUND pypi.org");
		const http = fakeHttp({}, offline);
		const notes = Array.from({ length: 10 }, (_, i) => note(`N${i}`, { package: `pypi:n${i}` }));
		const result = await gatherFacts(notes, http.get, testOptions());
		expect(result.messages).toHaveLength(1);
		expect(result.messages[0]).toMatch(/^No connection to pypi\.org \(getaddrinfo ENOTFOUND pypi\.org\)/);
		expect(result.notes.every((n) => n.error?.endsWith("no connection to pypi.org"))).toBe(true);
		expect(http.requests.length).toBeLessThanOrEqual(4);
	});

	it("names GitHub's rate limit once with its reset time, and keeps the registry's facts", async () => {
		const limited = status(403, {
			"x-ratelimit-remaining": "0",
			"x-ratelimit-reset": String(Date.parse("2026-01-15T10:42:00Z") / 1000),
		});
		const http = fakeHttp({
			[`${PYPI}/django/json`]: json(pypiDjango),
			[`${GH}/django/django`]: limited,
			[`${GH}/aws/chalice`]: limited,
			[`${PYPI}/chalice/json`]: json(pypiChalice),
		});
		const result = await gatherFacts(
			[note("Django", { package: "pypi:django" }), note("Chalice", { package: "pypi:chalice" })],
			http.get,
			testOptions(),
		);
		expect(result.messages).toEqual([
			"GitHub's rate limit is used up until 10:42 UTC (in 37 min); stars, archived and last commit were not fetched. Without a token GitHub allows 60 requests an hour; with one, 5,000.",
		]);
		expect(values(result.notes[0]).license).toBe("BSD-3-Clause");
		expect(result.notes[0]?.error).toMatch(/rate limit/);
	});

	it("makes no more GitHub requests once the rate limit is used up", async () => {
		const limited = status(429, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1768472520" });
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango) }, limited);
		const notes = Array.from({ length: 8 }, (_, i) =>
			note(`D${i}`, { package: "pypi:django", repository: `https://github.com/o/r${i}` }),
		);
		const result = await gatherFacts(notes, http.get, testOptions());
		expect(result.messages).toHaveLength(1);
		expect(http.urls().filter((u) => u.startsWith(GH))).toHaveLength(4);
		expect(result.notes.every((n) => n.error?.includes("rate limit"))).toBe(true);
	});

	it("guesses a package from the note's name: dashed, joined, then the last word", async () => {
		const http = fakeHttp({ [`${PYPI}/chalice/json`]: json(pypiChalice), [`${GH}/aws/chalice`]: json(githubArchived) });
		const [facts] = (await gatherFacts([note("AWS Chalice", { language: "Python" })], http.get, testOptions())).notes;
		expect(http.urls().slice(0, 3)).toEqual([`${PYPI}/aws-chalice/json`, `${PYPI}/awschalice/json`, `${PYPI}/chalice/json`]);
		expect(facts?.guessed).toBe(true);
		expect(facts?.packageRef).toEqual({ registry: "pypi", name: "chalice" });
		expect(facts?.proposals[0]).toMatchObject({ key: "package", value: "pypi:chalice", kind: "fill", ticked: true });
		expect(ticked(facts, { update: false }).get("package")).toBe("pypi:chalice");
		expect(values(facts).stars).toBe(1204);
	});

	it("prefers GitHub's homepage over a registry website that is only the repository's page", async () => {
		const github = { ...githubArchived, homepage: "https://aws.github.io/chalice/" };
		const http = fakeHttp({ [`${PYPI}/chalice/json`]: json(pypiChalice), [`${GH}/aws/chalice`]: json(github) });
		const [facts] = (await gatherFacts([note("Chalice", { package: "pypi:chalice" })], http.get, testOptions())).notes;
		expect(facts?.proposals.find((p) => p.key === "website")).toMatchObject({
			value: "https://aws.github.io/chalice/",
			provenance: "GitHub: homepage",
		});
		expect(values(facts).repository).toBe("https://github.com/aws/chalice");
	});

	it("does not guess when the name is found on several registries, and says which", async () => {
		const http = fakeHttp({ [`${PYPI}/express/json`]: json(pypiChalice), "https://registry.npmjs.org/express": json(npmExpress) });
		const [facts] = (await gatherFacts([note("Express")], http.get, testOptions())).notes;
		expect(facts?.error).toBe('"Express" matches several packages (pypi:express, npm:express); name one in the package property');
		expect(facts?.proposals).toEqual([]);
	});

	it("on several registries, takes the package whose description matches the note's summary, and says so", async () => {
		// As the seed's outline writes it: no language, a summary in the note's own words.
		const summary =
			"A high-level framework that encourages rapid development and clean, pragmatic design. It's great for large-scale projects.";
		const npmDjango = { ...npmExpress, name: "django", description: "Tiny template helpers for Node, named after a film." };
		const http = fakeHttp({
			[`${PYPI}/django/json`]: json(pypiDjango),
			"https://registry.npmjs.org/django": json(npmDjango),
			[`${GH}/django/django`]: json(githubDjango),
		});
		const [facts] = (await gatherFacts([note("Django", { summary })], http.get, testOptions())).notes;
		expect(facts?.error).toBeNull();
		expect(facts?.packageRef).toEqual({ registry: "pypi", name: "django" });
		const pkg = facts?.proposals.find((p) => p.key === "package");
		expect(pkg?.value).toBe("pypi:django");
		expect(pkg?.ticked).toBe(true);
		expect(pkg?.provenance).toMatch(/matches the note \(also on npm:django\)/);
		expect(values(facts).license).toBe("BSD-3-Clause");
	});

	it("stays ambiguous when the summary matches no description clearly", async () => {
		const npmDjango = { ...npmExpress, name: "django", description: "A high-level framework for rapid development in Node." };
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), "https://registry.npmjs.org/django": json(npmDjango) });
		const summary = "A high-level framework that encourages rapid development and clean, pragmatic design.";
		const [facts] = (await gatherFacts([note("Django", { summary })], http.get, testOptions())).notes;
		expect(facts?.error).toMatch(/matches several packages \(pypi:django, npm:django\)/);
		expect(facts?.proposals).toEqual([]);
	});

	it("fails a note whose package is not found, or whose package property is bad, and does the rest", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		const result = await gatherFacts(
			[
				note("Gone", { package: "pypi:gone" }),
				note("Django", { package: ["pypi:django", "django"] }),
				note("Nothing", { language: "Rust" }),
			],
			http.get,
			testOptions(),
		);
		expect(result.notes[0]?.error).toBe("pypi:gone was not found on PyPI");
		expect(result.notes[1]?.error).toMatch(/^package "django": no registry/);
		expect(values(result.notes[1]).license).toBe("BSD-3-Clause");
		expect(result.notes[2]?.error).toBe("no package found (tried crates:nothing)");
	});

	it("fails a note on invalid JSON with a clear error", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: status(200, {}, "<html>oops</html>") });
		const [facts] = (await gatherFacts([note("Django", { package: "pypi:django" })], http.get, testOptions())).notes;
		expect(facts?.error).toBe("pypi:django: PyPI (pypi.org) answered with invalid JSON");
	});

	it("sends User-Agent everywhere and the GitHub token only to the GitHub base URL", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/django/django`]: json(githubDjango) });
		await gatherFacts([note("Django", { package: "pypi:django" })], http.get, testOptions({ githubToken: "ghp_secret" }));
		for (const request of http.requests) {
			expect(request.headers.get("user-agent")).toBe("framework-notes-test/1.0");
			expect(request.headers.get("authorization")).toBe(
				request.url.startsWith("https://api.github.com/") ? "Bearer ghp_secret" : undefined,
			);
		}
		expect(http.requests.some((r) => r.headers.has("authorization"))).toBe(true);
	});

	it("uses the note's own GitHub repository over the registry's", async () => {
		const http = fakeHttp({ [`${PYPI}/django/json`]: json(pypiDjango), [`${GH}/me/fork`]: json(githubArchived) });
		const [facts] = (
			await gatherFacts(
				[note("Django", { package: "pypi:django", repository: "https://github.com/me/fork" })],
				http.get,
				testOptions(),
			)
		).notes;
		expect(http.urls()).toContain(`${GH}/me/fork`);
		expect(facts?.proposals.find((p) => p.key === "repository")).toMatchObject({ kind: "replace", ticked: false });
		expect(values(facts).archived).toBe(true);
	});
});
