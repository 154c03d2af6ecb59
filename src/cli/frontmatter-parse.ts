/**
 * A note's frontmatter source → its properties: the fast reader for simple frontmatter, else the
 * `yaml` library (YAML 1.2 core schema, duplicate keys allowed as Obsidian allows them).
 */
import { parseDocument } from "yaml";
import { errorMessage } from "../shared/core/errors";
import type { Frontmatter } from "../shared/core/vault";
import { readSimpleFrontmatter } from "./fast-yaml";

export interface FrontmatterEntry {
	readonly data: Frontmatter | null;
	readonly error: string | null;
}

/** Parse a frontmatter source: the fast reader when it answers, else `yaml` (`fast: false`: always `yaml`). */
export function parseFrontmatter(source: string | null, options: { fast?: boolean } = {}): FrontmatterEntry {
	if (source === null || source.trim() === "") return { data: null, error: null };
	// Most notes' frontmatter is a flat list of simple values: read without the full parser.
	const simple = options.fast === false ? undefined : readSimpleFrontmatter(source);
	if (simple !== undefined) return { data: simple, error: null };
	let value: unknown;
	try {
		const doc = parseDocument(source, { uniqueKeys: false, logLevel: "error" });
		const first = doc.errors[0];
		if (first) return { data: null, error: `invalid YAML in frontmatter: ${yamlMessage(first.message)}` };
		value = doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		return { data: null, error: `invalid YAML in frontmatter: ${errorMessage(e)}` };
	}
	if (typeof value !== "object" || value === null || Array.isArray(value)) return { data: null, error: null };
	return { data: value as Frontmatter, error: null };
}

/** The YAML error's first line, its line number counted in the note (after the opening `---`). */
function yamlMessage(message: string): string {
	return (message.split("\n")[0] ?? message).replace(
		/ at line (\d+), column (\d+):?$/,
		(_m, line: string, column: string) => ` (line ${Number(line) + 1}, column ${column})`,
	);
}
