/**
 * The seed's path, in the core: the ten notes the outline import makes (category and summary
 * only) against a server that answers as PyPI and GitHub do (npm and crates.io know none of
 * them). Every note gets its package guessed and its main facts filled; a hand-written value is
 * kept.
 */
import { describe, expect, it } from "vitest";
import githubDjango from "./fixtures/github-django.json";
import classifierOnly from "./fixtures/pypi-license-classifier.json";
import pypiDjango from "./fixtures/pypi-django.json";
import licenceText from "./fixtures/pypi-license-text.json";
import { gatherFacts } from "./gather";
import { ticked } from "./proposals";
import { fakeHttp, json, testOptions, type FakeAnswer } from "./testing/fake-http";

const SEED: ReadonlyArray<[note: string, pkg: string]> = [
	["Django", "django"],
	["Flask", "flask"],
	["FastAPI", "fastapi"],
	["AIOHTTP", "aiohttp"],
	["Bottle", "bottle"],
	["CherryPy", "cherrypy"],
	["Web2py", "web2py"],
	["Tornado", "tornado"],
	["Zappa", "zappa"],
	["AWS Chalice", "chalice"],
];

/** PyPI documents in three shapes (licence expression; licence only in a classifier; a licence text and no URLs). */
const SHAPES = [pypiDjango, classifierOnly, licenceText] as const;

function routes(): Record<string, FakeAnswer> {
	const out: Record<string, FakeAnswer> = {};
	SEED.forEach(([, pkg], i) => {
		const doc = structuredClone(SHAPES[i % SHAPES.length]) as { info: Record<string, unknown> };
		doc.info.name = pkg;
		doc.info.home_page = `https://github.com/seed/${pkg}`;
		doc.info.project_urls = null;
		out[`https://pypi.org/pypi/${pkg}/json`] = json(doc);
		out[`https://api.github.com/repos/seed/${pkg}`] = json({
			...githubDjango,
			full_name: `seed/${pkg}`,
			homepage: `https://${pkg}.example.org/`,
		});
	});
	return out;
}

describe("facts for the seed's ten notes", () => {
	it("guesses every package on PyPI and fills language, licence, first release, latest version, website and repository", async () => {
		const notes = SEED.map(([name]) => ({
			path: `Web/${name}.md`,
			name,
			frontmatter: new Map<string, unknown>([
				["category", "full-stack"],
				["summary", `About ${name}`],
				...(name === "Django" ? [["license", "BSD (hand-written)"] as [string, unknown]] : []),
			]),
		}));
		const http = fakeHttp(routes());
		const result = await gatherFacts(notes, http.get, testOptions());
		expect(result.messages).toEqual([]);
		for (const [i, facts] of result.notes.entries()) {
			const [name, pkg] = SEED[i] ?? ["", ""];
			expect(facts.error, name).toBeNull();
			const written = ticked(facts, { update: false });
			expect(written.get("package"), name).toBe(`pypi:${pkg}`);
			const wanted =
				name === "Django"
					? ["language", "first_release", "latest_version", "website", "repository"]
					: ["language", "license", "first_release", "latest_version", "website", "repository"];
			for (const key of wanted) expect(written.has(key), `${name} ${key}`).toBe(true);
			expect(written.has("summary"), name).toBe(false);
		}
		const django = result.notes[0];
		expect(django?.proposals.find((p) => p.key === "license")).toMatchObject({
			current: "BSD (hand-written)",
			kind: "replace",
			ticked: false,
		});
		expect(ticked(django, { update: false }).has("license")).toBe(false);
		expect(http.urls().filter((u) => u.includes("chalice"))).toContain("https://pypi.org/pypi/chalice/json");
	});
});
