import { MarkdownView, Notice, type TFile } from "obsidian";
import { errorMessage } from "../../shared/core/errors";
import { linkOutlineItems, type OutlineItem, type OutlineLink, parseOutline, planItems, type SkippedItem } from "../core/index";
import type { PluginHost } from "../../shared/host";
import { chooseTemplate, templateOptions } from "../template-source";
import { OutlinePreviewModal, type PreviewRow } from "../ui/outline-preview-modal";
import { folderLabel } from "./new-framework-note";

export interface ImportResult {
	readonly created: string[];
	readonly skipped: SkippedItem[];
	/** True when item names in the outline were replaced with links. */
	readonly linked: boolean;
}

function folderOf(file: TFile): string {
	return file.parent && !file.parent.isRoot() ? file.parent.path : "";
}

/** The outline's current text: the open editor's when it shows this note, else the file's. */
async function outlineText(host: PluginHost, file: TFile): Promise<string> {
	const view = host.app.workspace.getActiveViewOfType(MarkdownView);
	if (view?.file?.path === file.path) return view.editor.getValue();
	return host.app.vault.cachedRead(file);
}

function existingPaths(host: PluginHost): Set<string> {
	return new Set(host.app.vault.getFiles().map((f) => f.path));
}

/** One row per item: where its note goes and why it cannot be made, if so. */
export function previewRows(items: readonly OutlineItem[], folder: string, existing: ReadonlySet<string>): PreviewRow[] {
	const plan = planItems(items, folder, existing, { template: "" });
	const blocked = new Map<OutlineItem, SkippedItem>(plan.skip.map((s) => [s.item, s]));
	const paths = new Map<OutlineItem, string>(plan.create.map((c) => [c.item, c.path]));
	return items.map((item) => {
		const skip = blocked.get(item);
		return { item, path: skip?.path ?? paths.get(item) ?? "", blocked: skip ? skip.reason : null };
	});
}

function summary(result: ImportResult): string {
	let text = `Created ${result.created.length}, skipped ${result.skipped.length}.`;
	if (result.skipped.length > 0) {
		text += " " + result.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ") + ".";
	}
	if (result.linked) text += " Item names in the outline now link to their notes.";
	return text;
}

/**
 * Create one note per item in the outline's folder (never over an existing note), then, when
 * `link` is set, link each item's name to its note in one `Vault.process` on the outline.
 */
export async function importOutline(
	host: PluginHost,
	outline: TFile,
	items: readonly OutlineItem[],
	link: boolean,
): Promise<ImportResult | null> {
	const { app } = host;
	const folder = folderOf(outline);
	const choice = items.length > 0 ? await chooseTemplate(host) : { text: "", source: "" };
	if (!choice) return null;
	const plan = planItems(items, folder, existingPaths(host), templateOptions(host, choice.text));
	const created: string[] = [];
	const skipped: SkippedItem[] = [...plan.skip];
	for (const note of plan.create) {
		try {
			await app.vault.create(note.path, note.text);
			created.push(note.path);
		} catch (error) {
			skipped.push({
				name: note.item.name,
				path: note.path,
				reason: errorMessage(error),
				item: note.item,
			});
		}
	}

	let linked = false;
	if (link) {
		const links: OutlineLink[] = [];
		for (const { item, path } of [...plan.create, ...plan.skip]) {
			if (path === "" || !app.vault.getFileByPath(path)) continue;
			links.push({ line: item.line, name: item.name, target: path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "") });
		}
		const current = await app.vault.cachedRead(outline);
		if (links.length > 0 && linkOutlineItems(current, links) !== current) {
			await app.vault.process(outline, (text) => linkOutlineItems(text, links));
			linked = true;
		}
	}
	const result = { created, skipped, linked };
	new Notice(summary(result), 10_000);
	return result;
}

/** Parse the active note and show the preview; resolves once the import ran or was cancelled. */
export async function runOutlineImport(host: PluginHost): Promise<ImportResult | null> {
	const file = host.app.workspace.getActiveFile();
	if (!file || file.extension !== "md") {
		new Notice("Open the outline note first, then run this command.");
		return null;
	}
	const items = parseOutline(await outlineText(host, file));
	if (items.length === 0) {
		new Notice(
			`No outline items found in "${file.basename}". Items look like "1. **Django**: description" or "- **Flask** — description", under a heading that names their category.`,
		);
		return null;
	}
	const folder = folderOf(file);
	const rows = previewRows(items, folder, existingPaths(host));
	return new Promise((resolve) => {
		new OutlinePreviewModal(host.app, rows, folderLabel(folder), host.settings.templates.linkOutlineItems, (choice) => {
			// Items that cannot be made stay in, so that the report counts them as skipped.
			const chosen = rows.filter((row) => row.blocked !== null || choice?.items.includes(row.item)).map((row) => row.item);
			if (choice) void importOutline(host, file, chosen, choice.link).then(resolve);
			else resolve(null);
		}).open();
	});
}

export function registerImportOutline(host: PluginHost): void {
	host.plugin.addCommand({
		id: "create-notes-from-outline",
		name: "Create notes from outline",
		callback: () => void runOutlineImport(host),
	});
}
