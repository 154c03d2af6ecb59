/**
 * Planning "Insert framework template" as plain text edits: the body goes in at the cursor and
 * the template's properties are merged into the note's frontmatter, all as one set of changes
 * (offsets in the original text) that an editor applies in one transaction.
 */
import type { RenderedTemplate } from "./engine";
import {
	findFrontmatter,
	frontmatterBlock,
	mergeProperties,
	readProperties,
	readPropertyTexts,
	type Parsed,
} from "../../shared/core/frontmatter-edit";

export interface TextChange {
	/** Offsets in the original text; `from === to` for an insertion. */
	readonly from: number;
	readonly to: number;
	readonly text: string;
}

export interface InsertPlan {
	/** Non-overlapping changes, last position first (safe to apply one by one in this order). */
	readonly changes: readonly TextChange[];
	/** The note's text after the changes. */
	readonly text: string;
	/** Where the cursor goes in the new text. */
	readonly cursor: number;
}

/** Apply non-overlapping changes given against the same original text. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
	let out = text;
	for (const change of [...changes].sort((a, b) => b.from - a.from)) {
		out = out.slice(0, change.from) + change.text + out.slice(change.to);
	}
	return out;
}

/**
 * Plan inserting `template` into `note` at `cursorOffset`. The body starts on its own line (a
 * line break is added when the cursor is in the middle of a line); a cursor inside the
 * frontmatter inserts the body just below it. Fails (nothing changed) when the note's or the template's
 * frontmatter is not valid YAML.
 */
export function planInsert(note: string, cursorOffset: number, template: RenderedTemplate): Parsed<InsertPlan> {
	const block = findFrontmatter(note);
	let at = Math.max(0, Math.min(cursorOffset, note.length));
	if (block && at < block.end) at = block.end;

	let fmChange: TextChange | null = null;
	if (template.frontmatter !== null) {
		const props = readProperties(template.frontmatter);
		if (!props.ok) return { ok: false, error: `the template's frontmatter: ${props.error}` };
		const merged = mergeProperties(block ? block.inner : null, props.value, "fill", readPropertyTexts(template.frontmatter));
		if (!merged.ok) return { ok: false, error: `the note's frontmatter: ${merged.error}` };
		if (merged.value.changed) {
			fmChange = block
				? { from: block.innerStart, to: block.innerEnd, text: merged.value.yaml }
				: { from: 0, to: 0, text: frontmatterBlock(merged.value.yaml) };
		}
	}

	const trimmed = template.body.replace(/^(?:[ \t]*\r?\n)+/, "");
	// The body starts on a line of its own: a cursor in the middle of a line gets a line break first.
	const lineBreak = trimmed !== "" && at > 0 && note[at - 1] !== "\n" ? "\n" : "";
	const body = lineBreak + trimmed;
	const bodyCursor = template.cursor === null ? null : Math.max(lineBreak.length, template.cursor - (template.body.length - body.length));
	const changes: TextChange[] = [];
	let cursor: number;
	if (fmChange && fmChange.from === at) {
		// No frontmatter yet and the cursor at the very top: one insertion, block then body.
		changes.push({ from: at, to: at, text: fmChange.text + body });
		cursor = at + fmChange.text.length + (bodyCursor ?? body.length);
	} else {
		const shift = fmChange ? fmChange.text.length - (fmChange.to - fmChange.from) : 0;
		if (body !== "") changes.push({ from: at, to: at, text: body });
		if (fmChange) changes.push(fmChange);
		cursor = at + shift + (bodyCursor ?? body.length);
	}
	return { ok: true, value: { changes, text: applyChanges(note, changes), cursor } };
}

/** Line and column of an offset in `text` (lines split on `\n`). */
export function offsetToPosition(text: string, offset: number): { line: number; ch: number } {
	const before = text.slice(0, offset);
	const line = before.split("\n").length - 1;
	return { line, ch: offset - (before.lastIndexOf("\n") + 1) };
}
