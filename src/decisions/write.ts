import { type App, TFile } from "obsidian";
import { addItem, removeItem, setWeight } from "./core/edit";
import type { CriterionList } from "./core/decision-note";
import { reportError } from "../shared/report";

export type ListEdit =
	| { readonly kind: "weight"; readonly list: CriterionList; readonly index: number; readonly weight: number }
	| { readonly kind: "remove"; readonly list: CriterionList; readonly index: number }
	| { readonly kind: "add"; readonly list: CriterionList; readonly text: string };

function apply(edit: ListEdit, current: unknown): unknown[] | null {
	switch (edit.kind) {
		case "weight":
			return setWeight(current, edit.index, edit.weight);
		case "remove":
			return removeItem(current, edit.index);
		case "add":
			return addItem(current, edit.text);
	}
}

/**
 * Change one list of a decision note through `processFrontMatter`: only that property changes,
 * and the note is not written when the list would stay the same. Resolves whether it wrote.
 */
export async function editDecisionList(app: App, path: string, edit: ListEdit): Promise<boolean> {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) return false;
	const cached: unknown = app.metadataCache.getFileCache(file)?.frontmatter;
	const before = typeof cached === "object" && cached !== null ? (cached as Record<string, unknown>)[edit.list] : undefined;
	if (apply(edit, Object.prototype.hasOwnProperty.call(cached ?? {}, edit.list) ? before : undefined) === null) return false;
	let wrote = false;
	try {
		await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			const current = Object.prototype.hasOwnProperty.call(fm, edit.list) ? fm[edit.list] : undefined;
			const next = apply(edit, current);
			if (next === null) return;
			fm[edit.list] = next;
			wrote = true;
		});
	} catch (e) {
		reportError(`changing the decision ${path}`, e);
		return false;
	}
	return wrote;
}
