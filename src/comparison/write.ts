import { type App, normalizePath, Notice, TFile, TFolder } from "obsidian";
import { errorMessage } from "../shared/core/errors";
import { cellOf, type ComparisonModel, parseCellInput, type ViewColumn } from "./core/index";
import { comparisonNoteTarget, comparisonSaveAction, isGeneratedComparison } from "./core/index";
import { sameData } from "../shared/core/settings";

/** What happened to an edit (for tests and callers; the user sees a Notice when it matters). */
export type EditOutcome = "written" | "unchanged" | "invalid" | "refused" | "failed";

/**
 * Write one typed cell: validate `input` for the column's type, then change only that key with
 * `processFrontMatter`. Invalid input, a note with broken YAML, or an unchanged value writes nothing.
 */
export async function writeCell(app: App, model: ComparisonModel, path: string, column: ViewColumn, input: string): Promise<EditOutcome> {
	const row = model.rows.find((r) => r.path === path);
	const file = app.vault.getAbstractFileByPath(path);
	if (!row || !(file instanceof TFile)) return "refused";
	if (row.warning !== null) {
		new Notice(`${row.basename}: fix its properties (invalid YAML) before editing here.`);
		return "refused";
	}
	if (column.type === "object" || column.type === "unknown") {
		new Notice(`${column.key} holds structured values; edit them in the note.`);
		return "refused";
	}
	const parsed = parseCellInput(column.type, input);
	if (!parsed.ok) {
		new Notice(`${column.key}: ${parsed.message}`);
		return "invalid";
	}
	const current = cellOf(row, column.key);
	if (current.state === "absent" && input.trim() === "") return "unchanged";
	if (current.state === "value" && sameData(current.raw, parsed.value)) return "unchanged";
	if (current.state === "null" && parsed.value === null) return "unchanged";
	const key = column.key;
	const value = parsed.value;
	try {
		await app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			// An own data property, whatever the key: `frontmatter["__proto__"] = value` would
			// replace the object's prototype and write nothing.
			Object.defineProperty(frontmatter, key, { value, writable: true, enumerable: true, configurable: true });
		});
		return "written";
	} catch (error) {
		new Notice(`Could not write ${key} of ${row.basename}: ${errorMessage(error)}`);
		return "failed";
	}
}

/** Where "Save as note" writes: the settings' path under the scope folder (or the vault root). */
export function comparisonNotePath(scope: string | null, settingPath: string): string {
	return normalizePath(comparisonNoteTarget(scope, settingPath));
}

/**
 * Write the living comparison note (`text`, from `livingComparisonNote`). An existing note is
 * replaced only when it is itself a generated comparison (frontmatter `framework-notes:
 * comparison`; an older, static one is upgraded so); unchanged text is not written.
 */
export async function saveComparisonNote(app: App, path: string, text: string): Promise<"created" | "updated" | "unchanged" | "refused"> {
	const existing = app.vault.getAbstractFileByPath(path);
	if (existing instanceof TFolder) {
		new Notice(`${path} is a folder; choose another comparison note path in settings.`);
		return "refused";
	}
	if (existing instanceof TFile) {
		const action = comparisonSaveAction(await app.vault.read(existing), text);
		if (action === "refuse") {
			new Notice(
				`${path} exists and was not made by Framework Notes, so it was left alone. Choose another comparison note path in settings.`,
			);
			return "refused";
		}
		if (action === "unchanged") {
			new Notice(`${path} is already up to date.`);
			return "unchanged";
		}
		let replaced = false;
		await app.vault.process(existing, (data) => {
			if (!isGeneratedComparison(data)) return data;
			replaced = true;
			return text;
		});
		new Notice(replaced ? `Updated ${path}.` : `${path} changed meanwhile and was left alone.`);
		return replaced ? "updated" : "refused";
	}
	const slash = path.lastIndexOf("/");
	const folder = slash > 0 ? path.slice(0, slash) : "";
	if (folder !== "" && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
	await app.vault.create(path, text);
	new Notice(`Saved the comparison to ${path}.`);
	return "created";
}

/** Copy text to the clipboard with a Notice either way. */
export async function copyText(text: string, what: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		new Notice(`Copied ${what}.`);
		return true;
	} catch {
		new Notice(`Could not copy ${what} to the clipboard.`);
		return false;
	}
}
