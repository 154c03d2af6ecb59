/**
 * Fixtures shared by several test files: the seed outline, framework notes and copies of the
 * example vault. Node-only (tests and benchmarks).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "../cli-helpers";

/** The seed note of the example vault: the outline of ten web frameworks that import-outline reads. */
export const SEED_OUTLINE: string = fs.readFileSync(path.join(__dirname, "..", "fixtures", "seed-outline.md"), "utf8");

/**
 * The text of a framework note: frontmatter with `type: framework`, the category, then `extra`
 * properties in the given order, one `key: value` line each, and no body.
 * `frameworkNote("full-stack", { first_release: 2005 })` is
 * `"---\ntype: framework\ncategory: full-stack\nfirst_release: 2005\n---\n"`.
 */
export function frameworkNote(category: string, extra: Readonly<Record<string, string | number | boolean>> = {}): string {
	const lines = ["type: framework", `category: ${category}`, ...Object.entries(extra).map(([k, v]) => `${k}: ${String(v)}`)];
	return `---\n${lines.join("\n")}\n---\n`;
}

/** Django and Flask in `Web/`, with a category each: the smallest vault a comparison can show. */
export const TWO_FRAMEWORKS: Readonly<Record<string, string>> = Object.freeze({
	"Web/Django.md": frameworkNote("full-stack"),
	"Web/Flask.md": frameworkNote("micro"),
});

/**
 * A copy of examples/vault in a new temporary folder, as a fresh clone has it (no installed
 * plugin). The caller removes it (`cleanup` in cli-helpers).
 */
export function exampleVaultCopy(prefix?: string): string {
	const root = tempDir(prefix);
	fs.cpSync(path.resolve("examples/vault"), root, { recursive: true });
	fs.rmSync(path.join(root, ".obsidian", "plugins"), { recursive: true, force: true });
	return root;
}
