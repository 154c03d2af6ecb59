/**
 * The `package` property: one text or a list of `registry:name` (`pypi:django`, `npm:express`,
 * `npm:@angular/core`, `crates:actix-web`), each name checked by its registry's rules; and the
 * names guessed from a note's name when it has none.
 */
import type { PackageRef, RegistryId } from "./types";
import { describe, quote } from "./values";

export interface PackageRefsResult {
	readonly refs: readonly PackageRef[];
	/** One line per entry that is not a package ("\"django\": no registry; write pypi:django, …"). */
	readonly errors: readonly string[];
}

export const REGISTRY_NAMES: ReadonlyMap<RegistryId, string> = new Map<RegistryId, string>([
	["pypi", "PyPI"],
	["npm", "npm"],
	["crates", "crates.io"],
]);

// PEP 508: letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit.
const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/;
// npm: URL-safe, not starting with `.` or `_`, at most 214 characters; an optional `@scope/`.
// Old packages may have capital letters, so they are allowed.
const NPM_NAME = /^(?:@[A-Za-z0-9~-][A-Za-z0-9._~-]*\/)?[A-Za-z0-9~-][A-Za-z0-9._~-]*$/;
// crates.io: ASCII letters, digits, `-` and `_`, starting with a letter, at most 64 characters.
const CRATE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Why `name` is not a package name on `registry`, or null when it is one. */
export function packageNameProblem(registry: RegistryId, name: string): string | null {
	switch (registry) {
		case "pypi":
			return PYPI_NAME.test(name)
				? null
				: "a PyPI name has letters, digits, '.', '_' and '-', and starts and ends with a letter or digit";
		case "npm":
			if (name.length > 214) return "an npm name has at most 214 characters";
			return NPM_NAME.test(name) ? null : "an npm name is '@scope/name' or 'name' with letters, digits, '-', '.', '_' and '~'";
		case "crates":
			return CRATE_NAME.test(name) ? null : "a crate name has up to 64 letters, digits, '-' and '_', starting with a letter";
	}
}

function isRegistry(text: string): text is RegistryId {
	return text === "pypi" || text === "npm" || text === "crates";
}

/** `pypi:django`. */
export function formatPackageRef(ref: PackageRef): string {
	return `${ref.registry}:${ref.name}`;
}

/** One entry of the `package` property. */
export function parsePackageRef(raw: unknown): { ref: PackageRef } | { error: string } {
	if (typeof raw !== "string") return { error: `${describe(raw)} is not a package (write pypi:name, npm:name or crates:name)` };
	const text = raw.trim();
	const colon = text.indexOf(":");
	if (colon < 0) return { error: `${quote(text)}: no registry (write pypi:${text.slice(0, 40)}, npm:… or crates:…)` };
	const registry = text.slice(0, colon).trim().toLowerCase();
	const name = text.slice(colon + 1).trim();
	if (!isRegistry(registry)) return { error: `${quote(text)}: unknown registry ${quote(registry, 20)} (use pypi, npm or crates)` };
	if (name === "") return { error: `${quote(text)}: no package name` };
	const problem = packageNameProblem(registry, name);
	if (problem !== null) return { error: `${quote(text)}: ${problem}` };
	return { ref: { registry, name } };
}

/** Empty as a property: absent, null, blank text or an empty list. */
export function isEmptyProperty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === "string") return value.trim() === "";
	return Array.isArray(value) && value.every((item) => item === null || (typeof item === "string" && item.trim() === ""));
}

/** The `package` property (one text or a list) → its packages, and a line for each bad entry. Duplicates are dropped. */
export function parsePackageRefs(value: unknown): PackageRefsResult {
	if (isEmptyProperty(value)) return { refs: [], errors: [] };
	const items: readonly unknown[] = Array.isArray(value) ? value : [value];
	const refs: PackageRef[] = [];
	const errors: string[] = [];
	const seen = new Set<string>();
	for (const item of items) {
		if (item === null || (typeof item === "string" && item.trim() === "")) continue;
		const parsed = parsePackageRef(item);
		if ("error" in parsed) {
			errors.push(parsed.error);
			continue;
		}
		const key = samePackageKey(parsed.ref);
		if (seen.has(key)) continue;
		seen.add(key);
		refs.push(parsed.ref);
	}
	return { refs, errors };
}

/** Two refs name the same package when this is equal (PyPI folds case and runs of `-_.`). */
export function samePackageKey(ref: PackageRef): string {
	return `${ref.registry}:${normalizedName(ref)}`;
}

/** The name as the registry's URLs want it: PyPI's normalised form (PEP 503); npm and crates as written. */
export function normalizedName(ref: PackageRef): string {
	return ref.registry === "pypi" ? ref.name.toLowerCase().replace(/[-_.]+/g, "-") : ref.name;
}

/**
 * Names to try for a note without `package`, in order: the name lower-cased with runs of spaces
 * and punctuation as `-` ("AWS Chalice" → `aws-chalice`), the same without separators
 * (`awschalice`), then the last word (`chalice`). Duplicates are dropped.
 */
export function guessNames(noteName: string): string[] {
	const words = noteName
		.toLowerCase()
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== "");
	if (words.length === 0) return [];
	const names = [words.join("-"), words.join(""), words[words.length - 1] ?? ""];
	return [...new Set(names)].filter((name) => name !== "" && name.length <= 64);
}

const ALL_REGISTRIES: readonly RegistryId[] = ["pypi", "npm", "crates"];

function languageName(raw: string): string {
	return raw
		.trim()
		.replace(/^\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]$/, "$1")
		.replace(/^#/, "")
		.trim()
		.toLowerCase();
}

function registryOf(name: string): RegistryId[] | null {
	switch (name) {
		case "python":
			return ["pypi"];
		case "javascript":
		case "typescript":
		case "js":
		case "ts":
		case "node.js":
		case "nodejs":
			return ["npm"];
		case "rust":
			return ["crates"];
		default:
			return null;
	}
}

/** The registries to guess on for a note's `language` (all three when it names none; none for another language). */
export function registriesForLanguage(language: unknown): RegistryId[] {
	const first = Array.isArray(language)
		? (language as unknown[]).find((item) => typeof item === "string" && item.trim() !== "")
		: language;
	if (typeof first !== "string" || first.trim() === "") return [...ALL_REGISTRIES];
	return registryOf(languageName(first)) ?? [];
}

/**
 * The registries to guess on for a note: its `language`; without one, a language among its
 * `tags` (`tags: [python, framework]`) when exactly one registry fits them; else all three.
 */
export function registriesForNote(frontmatter: ReadonlyMap<string, unknown>): RegistryId[] {
	const language = frontmatter.get("language");
	if (!isEmptyProperty(language)) return registriesForLanguage(language);
	const tags = frontmatter.get("tags");
	const list: readonly unknown[] = Array.isArray(tags) ? tags : typeof tags === "string" ? tags.split(/[\s,]+/) : [];
	const fits = new Set<RegistryId>();
	for (const tag of list) {
		if (typeof tag !== "string") continue;
		for (const registry of registryOf(languageName(tag)) ?? []) fits.add(registry);
	}
	return fits.size === 1 ? [...fits] : [...ALL_REGISTRIES];
}
