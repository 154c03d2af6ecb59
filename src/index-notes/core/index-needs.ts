/** What index notes depend on beyond the tree: their own options, and the property values shown. */

import type { Frontmatter } from "../../shared/core/vault";

/** What an index note's own frontmatter makes it depend on. */
export interface IndexNeeds {
	readonly order: boolean;
	readonly mtime: boolean;
	readonly group: string | null;
}

/** Stable text for the values of `keys` in `frontmatter` ("" when none is set). */
export function fingerprint(frontmatter: Frontmatter | null, keys: readonly string[]): string {
	if (!frontmatter || keys.length === 0) return "";
	const values: unknown[] = [];
	let any = false;
	for (const key of keys) {
		const value = frontmatter[key];
		if (value !== undefined) any = true;
		values.push(value ?? null);
	}
	return any ? JSON.stringify(values) : "";
}
