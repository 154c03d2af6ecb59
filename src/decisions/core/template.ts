/** The built-in decision note a "New decision" starts from, and its file name. */

export const NEW_DECISION_TEXT = `---
type: decision
must: []
prefer: []
---
# Decision

What must a framework have, and what would you prefer? Add requirements to **must** (a
framework failing one is ruled out) and weighted preferences to **prefer**, here or in the
comparison pane's Decision mode:

- \`language = Python\`, \`license in [MIT, Apache-2.0]\`, \`tags has web\`, \`website exists\`
- \`async = true * 3\`, \`stars high * 2\`, \`first_release low\`
`;

/** `Decision.md`, or `Decision 2.md`, `Decision 3.md`, … when taken, inside `folder` ("" = vault root). */
export function newDecisionPath(folder: string, exists: (path: string) => boolean): string {
	const prefix = folder === "" || folder === "/" ? "" : `${folder}/`;
	for (let n = 1; ; n++) {
		const path = `${prefix}Decision${n === 1 ? "" : ` ${n}`}.md`;
		if (!exists(path)) return path;
	}
}
