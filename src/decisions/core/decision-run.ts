/**
 * A decision note ranked over a vault, as both CLIs run it (the Node CLI's `decide`, Obsidian's
 * `framework-notes:decide`): the note's criteria read, the candidates chosen in its scope (or in
 * a folder given instead), ranked; with the lines that say what is wrong with the note.
 */
import type { CompareSettings } from "../../shared/core/settings";
import { isFolder, type VaultSnapshot } from "../../shared/core/vault";
import { decisionCandidates } from "./candidates";
import { readDecision } from "./decision-note";
import { decide } from "./engine";
import { errorLines, type ReportInput } from "./report";

export interface DecisionRunOptions {
	/** The choice of framework notes (the settings', or one made on the command line). */
	readonly settings: CompareSettings;
	readonly templatesFolder: string | null;
	/** A folder to take the notes from instead of the decision's scope (`""`: the whole vault). */
	readonly folder?: string;
}

export function runDecision(
	snapshot: VaultSnapshot,
	decision: string,
	options: DecisionRunOptions,
): { readonly report: ReportInput; readonly errors: string[] } {
	const spec = readDecision(snapshot.frontmatter(decision));
	const errors = errorLines(spec);
	if (spec.scope !== null && options.folder === undefined) {
		const folder = snapshot.getNode(spec.scope);
		if (folder === null || !isFolder(folder)) errors.push(`scope: no folder "${spec.scope}" in the vault`);
	}
	const scope = options.folder === undefined ? spec.scope : options.folder === "" ? null : options.folder;
	const notes = decisionCandidates(snapshot, { settings: options.settings, scope, templatesFolder: options.templatesFolder, decision });
	return { report: { decision, spec: { ...spec, scope }, result: decide(spec, notes) }, errors };
}
