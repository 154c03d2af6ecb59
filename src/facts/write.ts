import { type App, TFile } from "obsidian";
import { errorMessage } from "../shared/core/errors";
import { sameData } from "../shared/core/settings";
import type { Proposal } from "./core/index";

/** The proposals the user ticked for one note. */
export interface NoteChoice {
	readonly path: string;
	readonly proposals: readonly Proposal[];
}

export interface ApplyOutcome {
	/** Notes written. */
	readonly notes: number;
	/** Properties written, over all notes. */
	readonly properties: number;
	/** Properties left alone because the note's value changed after the preview was made: `Django.md: license`. */
	readonly changedMeanwhile: readonly string[];
	/** Notes that could not be written, with why. */
	readonly failed: readonly string[];
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The value of `key` in frontmatter (undefined when absent). */
function valueOf(frontmatter: unknown, key: string): unknown {
	return typeof frontmatter === "object" && frontmatter !== null && hasOwn(frontmatter, key)
		? (frontmatter as Record<string, unknown>)[key]
		: undefined;
}

/** What the preview proposed is still true of the note: its value is the one shown, and differs from the new one. */
function stillApplies(current: unknown, proposal: Proposal): "write" | "same" | "changed" {
	if (sameData(current, proposal.value)) return "same";
	return sameData(current, proposal.current) ? "write" : "changed";
}

/**
 * Write the ticked proposals: each note once, through `processFrontMatter`, only the ticked keys.
 * A key whose value changed after the preview was made (an edit meanwhile) is left as the user
 * left it and reported; a note where nothing would change is not written at all.
 */
export async function applyFacts(app: App, choices: readonly NoteChoice[]): Promise<ApplyOutcome> {
	let notes = 0;
	let properties = 0;
	const changedMeanwhile: string[] = [];
	const failed: string[] = [];
	for (const choice of choices) {
		if (choice.proposals.length === 0) continue;
		const file = app.vault.getAbstractFileByPath(choice.path);
		if (!(file instanceof TFile)) {
			failed.push(`${choice.path}: the note no longer exists`);
			continue;
		}
		// Nothing to do by the metadata cache: no write at all.
		const cached: unknown = app.metadataCache.getFileCache(file)?.frontmatter;
		if (choice.proposals.every((p) => stillApplies(valueOf(cached, p.key), p) !== "write")) {
			for (const p of choice.proposals)
				if (stillApplies(valueOf(cached, p.key), p) === "changed") changedMeanwhile.push(`${choice.path}: ${p.key}`);
			continue;
		}
		let written = 0;
		const skipped: string[] = [];
		try {
			await app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
				for (const proposal of choice.proposals) {
					const verdict = stillApplies(valueOf(frontmatter, proposal.key), proposal);
					if (verdict === "changed") skipped.push(`${choice.path}: ${proposal.key}`);
					if (verdict !== "write") continue;
					frontmatter[proposal.key] = proposal.value;
					written++;
				}
			});
		} catch (error) {
			failed.push(`${choice.path}: ${errorMessage(error)}`);
			continue;
		}
		changedMeanwhile.push(...skipped);
		if (written > 0) {
			notes++;
			properties += written;
		}
	}
	return { notes, properties, changedMeanwhile, failed };
}

/** The outcome in one sentence or a few: "Wrote 12 properties to 4 notes." */
export function describeOutcome(outcome: ApplyOutcome): string {
	const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
	const lines = [
		outcome.properties === 0
			? "No properties were written."
			: `Wrote ${count(outcome.properties, "property", "properties")} to ${count(outcome.notes, "note", "notes")}.`,
	];
	if (outcome.changedMeanwhile.length > 0)
		lines.push(`Left alone because they changed after the preview: ${outcome.changedMeanwhile.join(", ")}.`);
	if (outcome.failed.length > 0) lines.push(`Not written: ${outcome.failed.join("; ")}.`);
	return lines.join("\n");
}
