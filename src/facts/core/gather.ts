/**
 * `gatherFacts`: for each note, its packages (the `package` property, or a guess from the note's
 * name), the registries' facts, then GitHub's for a github.com repository, and the proposals.
 *
 * Guessing: the names from `guessNames` in order, each on the registries that fit the note's
 * `language` (or a language among its `tags`; all three when it has neither). The first name
 * found on exactly one registry is the guess; found on several, the one whose description clearly
 * matches the note's summary and category (`disambiguate.ts`), else the note fails as ambiguous
 * (nothing is written); not found anywhere, the next name is tried.
 *
 * Merging: the first package's facts first, then the next package's for keys still missing
 * (`first_release` takes the earliest year of all), then GitHub's for keys still missing — stars,
 * archived and last commit always come from GitHub.
 *
 * A note fails (`error`) when a request for it failed, a package was not found, or the
 * `package` property has a bad entry; what its other sources gave is still proposed.
 */
import { clearBestMatch } from "./disambiguate";
import { Fetcher, type FetchResult } from "./fetcher";
import {
	formatPackageRef,
	guessNames,
	normalizedName,
	packageNameProblem,
	parsePackageRefs,
	REGISTRY_NAMES,
	registriesForNote,
} from "./package-ref";
import { proposalsFor } from "./proposals";
import { cratesSource } from "./sources/crates";
import { githubRepoOf, githubSource } from "./sources/github";
import { npmSource } from "./sources/npm";
import { parsePypi, pypiSimpleSource, pypiSource } from "./sources/pypi";
import type { Parsed, Source } from "./sources/source";
import {
	FACT_KEYS,
	type Fact,
	type FactKey,
	type FactsNote,
	type GatherOptions,
	type GatherResult,
	type HttpGet,
	type NoteFacts,
	type PackageRef,
	type RegistryId,
	type SkippedValue,
} from "./types";
import { checkUrl } from "./values";

const REGISTRY_SOURCES: ReadonlyMap<RegistryId, Source> = new Map<RegistryId, Source>([
	["pypi", pypiSource],
	["npm", npmSource],
	["crates", cratesSource],
]);

function sourceOf(registry: RegistryId): Source {
	return REGISTRY_SOURCES.get(registry) ?? pypiSource;
}

/** Facts merged from several sources: the first for each key wins, except the earliest first release. */
class Merged {
	readonly facts = new Map<FactKey, Fact>();
	readonly skipped: SkippedValue[] = [];

	add(parsed: Parsed): void {
		for (const fact of parsed.facts) {
			const had = this.facts.get(fact.key);
			if (
				!had ||
				(fact.key === "first_release" && typeof had.value === "number" && typeof fact.value === "number" && fact.value < had.value)
			) {
				this.facts.set(fact.key, fact);
			}
		}
		this.skipped.push(...parsed.skipped);
	}

	/**
	 * GitHub's homepage over a registry "website" that is only the repository's own page (PyPI's
	 * `home_page` often is): the project's site says more than a second link to the code.
	 */
	preferHomepage(github: Parsed): void {
		const website = this.facts.get("website");
		const homepage = github.facts.find((fact) => fact.key === "website");
		if (!website || !homepage || website.source === "github" || typeof website.value !== "string") return;
		const repo = githubRepoOf(website.value);
		if (repo !== null && `https://github.com/${repo}` === website.value.replace(/\/+$/, "")) this.facts.set("website", homepage);
	}
}

interface Found {
	readonly ref: PackageRef;
	readonly json: unknown;
	/** The other registries the name was found on, when the note's words chose this one. */
	readonly alsoOn?: readonly PackageRef[];
}

/** A package's description as its parser reads it (the `summary` fact), or null. */
function descriptionOf(found: Found): string | null {
	const parsed = found.ref.registry === "pypi" ? parsePypi(found.json) : sourceOf(found.ref.registry).parse(found.json);
	const summary = parsed.facts.find((fact) => fact.key === "summary");
	return typeof summary?.value === "string" ? summary.value : null;
}

/** The note's own words about what it is: its summary and category. */
function noteWords(note: FactsNote): string {
	return ["summary", "category"]
		.map((key) => note.frontmatter.get(key))
		.filter((value): value is string => typeof value === "string")
		.join(" ");
}

type Guess = { readonly found: Found } | { readonly error: string } | { readonly notFound: string };

async function guess(note: FactsNote, fetcher: Fetcher): Promise<Guess> {
	const registries = registriesForNote(note.frontmatter);
	if (registries.length === 0) return { notFound: "no package property, and no registry for the note's language" };
	const names = guessNames(note.name);
	const tried: string[] = [];
	for (const name of names) {
		const refs = registries
			.filter((registry) => packageNameProblem(registry, name) === null)
			.map((registry): PackageRef => ({ registry, name }));
		const results = await Promise.all(refs.map((ref) => fetcher.get(sourceOf(ref.registry), normalizedName(ref))));
		tried.push(...refs.map(formatPackageRef));
		const hits: Found[] = [];
		const failures: string[] = [];
		results.forEach((result, i) => {
			const ref = refs[i];
			if (!ref) return;
			if (result.kind === "ok") hits.push({ ref, json: result.json });
			else if (result.kind === "failed") failures.push(result.message);
		});
		if (hits.length > 1) {
			const chosen = clearBestMatch(noteWords(note), hits.map(descriptionOf));
			const hit = chosen === null ? undefined : hits[chosen];
			if (hit !== undefined && failures.length === 0) {
				return { found: { ...hit, alsoOn: hits.filter((h) => h !== hit).map((h) => h.ref) } };
			}
			return {
				error: `"${note.name}" matches several packages (${hits.map((h) => formatPackageRef(h.ref)).join(", ")}); name one in the package property`,
			};
		}
		const [hit] = hits;
		if (hit && failures.length === 0) return { found: hit };
		if (failures.length > 0) return { error: `could not look for a package: ${failures[0] ?? ""}` };
	}
	return {
		notFound:
			tried.length === 0
				? "no package found: the note's name gives nothing to look for"
				: `no package found (tried ${tried.join(", ")})`,
	};
}

function failure(result: FetchResult, ref: PackageRef): string | null {
	if (result.kind === "not-found") return `${formatPackageRef(ref)} was not found on ${REGISTRY_NAMES.get(ref.registry) ?? ref.registry}`;
	if (result.kind === "failed") return `${formatPackageRef(ref)}: ${result.message}`;
	return null;
}

/** One package's facts into `merged`; an error or null. */
async function readPackage(ref: PackageRef, json: unknown, fetcher: Fetcher, merged: Merged): Promise<string | null> {
	const source = sourceOf(ref.registry);
	if (ref.registry !== "pypi") {
		const parsed = source.parse(json);
		merged.add(parsed);
		return parsed.error === null ? null : `${formatPackageRef(ref)}: ${parsed.error}`;
	}
	const parsed = parsePypi(json);
	merged.add(parsed);
	if (parsed.error !== null) return `${formatPackageRef(ref)}: ${parsed.error}`;
	if (!parsed.needsUploadTimes) return null;
	// The simple API only adds the first upload: when it cannot, the note keeps the rest, and the
	// preview says why first_release is missing.
	const simple = await fetcher.get(pypiSimpleSource, normalizedName(ref));
	const upload = simple.kind === "ok" ? pypiSimpleSource.parse(simple.json) : null;
	if (upload !== null) merged.add(upload);
	const problem =
		simple.kind === "failed" ? simple.message : simple.kind === "not-found" ? "the simple API does not know it" : upload?.error;
	if (problem) merged.skipped.push({ source: "pypi", field: "first_release", reason: `no upload times: ${problem}` });
	return null;
}

/** The GitHub repository a note's facts come from: the note's own `repository`, else the one a registry gave. */
function githubRepository(frontmatter: ReadonlyMap<string, unknown>, merged: Merged): string | null {
	const raw = frontmatter.get("repository");
	const first: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
	const own = checkUrl(first);
	if (own.ok) return githubRepoOf(own.value);
	const found = merged.facts.get("repository");
	return typeof found?.value === "string" ? githubRepoOf(found.value) : null;
}

async function factsForNote(note: FactsNote, fetcher: Fetcher): Promise<NoteFacts> {
	const errors: string[] = [];
	const merged = new Merged();
	const parsedRefs = parsePackageRefs(note.frontmatter.get("package"));
	errors.push(...parsedRefs.errors.map((e) => `package ${e}`));
	let guessed: Found | null = null;
	if (parsedRefs.refs.length === 0 && parsedRefs.errors.length === 0) {
		const result = await guess(note, fetcher);
		if ("found" in result) guessed = result.found;
		else if ("error" in result) errors.push(result.error);
		else if (githubRepository(note.frontmatter, merged) === null) errors.push(result.notFound);
		else merged.skipped.push({ source: "pypi", field: "package", reason: result.notFound });
	}

	if (guessed) {
		const error = await readPackage(guessed.ref, guessed.json, fetcher, merged);
		if (error !== null) errors.push(error);
	}
	for (const ref of parsedRefs.refs) {
		const result = await fetcher.get(sourceOf(ref.registry), normalizedName(ref));
		const error = result.kind === "ok" ? await readPackage(ref, result.json, fetcher, merged) : failure(result, ref);
		if (error !== null) errors.push(error);
	}

	const repo = githubRepository(note.frontmatter, merged);
	if (repo !== null) {
		const result = await fetcher.get(githubSource, repo);
		if (result.kind === "ok") {
			const parsed = githubSource.parse(result.json);
			merged.add(parsed);
			merged.preferHomepage(parsed);
			if (parsed.error !== null) errors.push(`GitHub ${repo}: ${parsed.error}`);
		} else {
			errors.push(result.kind === "not-found" ? `GitHub has no repository ${repo}` : `GitHub ${repo}: ${result.message}`);
		}
	}

	const ref = guessed?.ref ?? parsedRefs.refs[0] ?? null;
	const packageProposal = guessed
		? {
				value: formatPackageRef(guessed.ref),
				provenance:
					guessed.alsoOn === undefined
						? `guessed from the note's name: found on ${REGISTRY_NAMES.get(guessed.ref.registry) ?? ""}`
						: `guessed from the note's name and summary: found on ${REGISTRY_NAMES.get(guessed.ref.registry) ?? ""}, whose description matches the note (also on ${guessed.alsoOn.map(formatPackageRef).join(", ")})`,
			}
		: null;
	return {
		path: note.path,
		packageRef: ref,
		guessed: guessed !== null,
		proposals: proposalsFor(note.frontmatter, orderedFacts(merged), packageProposal),
		skipped: merged.skipped,
		error: errors.length === 0 ? null : errors.join("; "),
	};
}

function orderedFacts(merged: Merged): Fact[] {
	return FACT_KEYS.flatMap((key) => {
		const fact = merged.facts.get(key);
		return fact ? [fact] : [];
	});
}

/**
 * Fetch and parse the facts of `notes`; one `NoteFacts` per note, in order. Never throws: a
 * failure becomes the note's `error`, or one of the run's `messages`.
 */
export async function gatherFacts(notes: readonly FactsNote[], http: HttpGet, options: GatherOptions): Promise<GatherResult> {
	const fetcher = new Fetcher(http, options);
	let done = 0;
	const results = await Promise.all(
		notes.map(async (note): Promise<NoteFacts> => {
			let result: NoteFacts;
			try {
				result = await factsForNote(note, fetcher);
			} catch (e) {
				result = {
					path: note.path,
					packageRef: null,
					guessed: false,
					proposals: [],
					skipped: [],
					error: e instanceof Error ? e.message : String(e),
				};
			}
			done++;
			try {
				options.onProgress?.(done, notes.length);
			} catch {
				// A failing progress display must not lose the run.
			}
			return result;
		}),
	);
	return { notes: results, messages: fetcher.messages() };
}
