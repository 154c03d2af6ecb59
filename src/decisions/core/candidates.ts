/**
 * The candidates of a decision: the framework notes in its scope (the shared selection rule),
 * without the decision note itself or any other decision note.
 */
import { comparedNotes, type NoteSelection } from "../../shared/core/selection";
import type { VaultSnapshot } from "../../shared/core/vault";
import { isDecisionFrontmatter } from "./decision-note";
import type { CandidateNote } from "./engine";

export interface DecisionSelection extends NoteSelection {
	/** Vault path of the decision note. */
	readonly decision: string;
}

/** Whether a framework note may be a candidate (not the decision note, not a decision). */
export function isCandidate(snapshot: VaultSnapshot, path: string, decision: string): boolean {
	return path !== decision && !isDecisionFrontmatter(snapshot.frontmatter(path));
}

export function decisionCandidates(snapshot: VaultSnapshot, selection: DecisionSelection): CandidateNote[] {
	return comparedNotes(snapshot, selection)
		.filter((file) => isCandidate(snapshot, file.path, selection.decision))
		.map((file) => ({ path: file.path, name: file.basename, frontmatter: snapshot.frontmatter(file.path) }));
}
