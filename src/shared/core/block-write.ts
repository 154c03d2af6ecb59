/**
 * The last step both engines share (index blocks, living blocks): act on a note's refresh
 * outcome. Unchanged: nothing. An error: reported once per text of the note. Changed: written
 * through `process`, recomputed from what the note holds at that moment if it changed since it
 * was read (an edit in between is never lost), never written when the recomputation changes
 * nothing; the written text is remembered so its own modify event causes no further write. In a
 * dry run (a check) the note is only listed.
 */

/** What refreshing one note's text gives. */
export type BlockOutcome =
	| { readonly status: "unchanged" }
	| { readonly status: "error"; readonly message: string }
	| { readonly status: "changed"; readonly text: string };

/** The engine state and the vault access the step needs. */
export interface BlockWriter {
	/** Per note, the text whose error was reported (not reported again for the same text). */
	readonly reported: Map<string, string>;
	/** Per note, the text the engine wrote (its own write echoes back as a modify event). */
	readonly ownWrites: Map<string, string>;
	process(path: string, edit: (current: string) => string): Promise<unknown>;
	reportError(path: string, message: string): void;
	/** A check: a note that would change is listed in `written` and nothing is written. */
	readonly dryRun?: boolean;
}

/** An engine's writer: its maps, its vault access (`process`, `reportError`), and whether this run is a check. */
export function blockWriter(
	reported: Map<string, string>,
	ownWrites: Map<string, string>,
	io: Pick<BlockWriter, "process" | "reportError">,
	dryRun: boolean,
): BlockWriter {
	return {
		reported,
		ownWrites,
		process: (path, edit) => io.process(path, edit),
		reportError: (path, message) => io.reportError(path, message),
		dryRun,
	};
}

/** Act on `outcome` for the note at `path` read as `text`; `again` recomputes from newer text. */
export async function writeOutcome(
	writer: BlockWriter,
	path: string,
	text: string,
	outcome: BlockOutcome,
	again: (current: string) => BlockOutcome,
	report: { readonly written: string[]; readonly errors: string[] },
): Promise<void> {
	if (outcome.status === "unchanged") {
		writer.reported.delete(path);
		return;
	}
	if (outcome.status === "error") {
		report.errors.push(path);
		if (writer.reported.get(path) !== text) {
			writer.reported.set(path, text);
			writer.reportError(path, outcome.message);
		}
		return;
	}
	writer.reported.delete(path);
	if (writer.dryRun === true) {
		report.written.push(path);
		return;
	}
	let wrote = false;
	await writer.process(path, (current) => {
		let next = outcome.text;
		if (current !== text) {
			// The note changed since it was read: recompute from what it holds now.
			const recomputed = again(current);
			if (recomputed.status !== "changed") return current;
			next = recomputed.text;
		}
		wrote = true;
		writer.ownWrites.set(path, next);
		return next;
	});
	if (wrote) report.written.push(path);
}

/** A replacement of `text.slice(start, end)`. */
export interface TextEdit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

const UNCHANGED_OUTCOME: BlockOutcome = Object.freeze({ status: "unchanged" });

/** `text` with the (non-overlapping) `edits` applied: "changed" with the new text, or "unchanged". */
export function applyEdits(text: string, edits: readonly TextEdit[]): BlockOutcome {
	if (edits.length === 0) return UNCHANGED_OUTCOME;
	const sorted = [...edits].sort((a, b) => a.start - b.start);
	const parts: string[] = [];
	let at = 0;
	for (const e of sorted) {
		parts.push(text.slice(at, e.start), e.text);
		at = e.end;
	}
	parts.push(text.slice(at));
	const next = parts.join("");
	return next === text ? UNCHANGED_OUTCOME : { status: "changed", text: next };
}
