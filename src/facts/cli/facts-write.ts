/**
 * Writing facts into a note on disk: the ticked properties are set in the frontmatter's YAML text
 * (every other line kept byte for byte, line endings kept), and the note is replaced atomically,
 * only when its text changes and only if it is still the text the facts were computed from.
 */
import { findFrontmatter, frontmatterBlock, mergeProperties, type PropertyEntry } from "../../shared/core/frontmatter-edit";
import type { FactValue } from "../core/index";
import { writeNoteAtomic } from "../../cli/write";

/**
 * The note's text with `values` set in its frontmatter, or an error (its YAML cannot be edited).
 * A note without frontmatter gets a block at the top (after a byte order mark).
 */
export function withProperties(text: string, values: ReadonlyMap<string, FactValue>): { text: string } | { error: string } {
	const entries: PropertyEntry[] = [...values];
	const block = findFrontmatter(text);
	const inner = block === null ? "" : block.inner;
	const crlf = inner.includes("\r\n");
	const merged = mergeProperties(crlf ? inner.replace(/\r\n/g, "\n") : inner, entries, "set");
	if (!merged.ok) return { error: merged.error };
	if (!merged.value.changed) return { text };
	const yaml = crlf ? merged.value.yaml.replace(/\r?\n/g, "\r\n") : merged.value.yaml;
	if (block !== null) return { text: text.slice(0, block.innerStart) + yaml + text.slice(block.innerEnd) };
	const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	return { text: bom + frontmatterBlock(yaml).replace(/\n/g, eol) + text.slice(bom.length) };
}

export interface NoteOnDisk {
	readonly realPath: string;
	readonly vaultReal: string;
	/** The text the facts were gathered for. */
	readonly text: string;
}

/**
 * Set `values` in the note and write it. Returns false when the text would not change (nothing
 * is written). Throws `WriteRefused` when the note changed since it was read, and an Error when
 * its frontmatter cannot be edited.
 */
export function writeFacts(note: NoteOnDisk, values: ReadonlyMap<string, FactValue>): boolean {
	const next = withProperties(note.text, values);
	if ("error" in next) throw new Error(`frontmatter not edited: ${next.error}`);
	if (next.text === note.text) return false;
	writeNoteAtomic({ realPath: note.realPath, vaultReal: note.vaultReal, expected: note.text }, next.text);
	return true;
}
