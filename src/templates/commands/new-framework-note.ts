import { type App, MarkdownView, normalizePath, Notice, TFile, TFolder } from "obsidian";
import { errorMessage } from "../../shared/core/errors";
import { buildNote, collectCategories, notePath, offsetToPosition, sanitizeFileName } from "../core/index";
import type { PluginHost } from "../../shared/host";
import { chooseTemplate, templateOptions } from "../template-source";
import { type NewNoteInput, NewFrameworkNoteModal } from "../ui/new-note-modal";

/** Categories already used by framework notes (`type: framework`) in the vault, most used first. */
export function categoriesInVault(app: App): string[] {
	return collectCategories(app.vault.getMarkdownFiles().map((file) => app.metadataCache.getFileCache(file)?.frontmatter));
}

/** Where a new note goes: the folder from the settings, else the active note's folder; `""` is the vault root. */
export function newNoteFolder(host: PluginHost): string {
	const configured = host.settings.templates.newNoteFolder.trim();
	const folder = configured !== "" ? normalizePath(configured) : (host.app.workspace.getActiveFile()?.parent?.path ?? "");
	return folder === "/" ? "" : folder;
}

export function folderLabel(folder: string): string {
	return folder === "" ? "the top of the vault" : `the folder "${folder}"`;
}

function existingNote(app: App, path: string): TFile | null {
	const direct = app.vault.getAbstractFileByPath(path);
	if (direct instanceof TFile) return direct;
	const lower = path.toLowerCase();
	return app.vault.getFiles().find((f) => f.path.toLowerCase() === lower) ?? null;
}

/**
 * Create a framework note `input.name` in `folder` from the template, with its category set,
 * and open it. Refuses (Notice, nothing created) an unusable or existing name.
 */
export async function createFrameworkNote(host: PluginHost, input: NewNoteInput, folder: string): Promise<TFile | null> {
	const { app } = host;
	if (input.name.trim() === "") {
		new Notice("Enter the framework's name.");
		return null;
	}
	const fileName = sanitizeFileName(input.name);
	if (!fileName.ok) {
		new Notice(`Cannot make a note from this name: ${fileName.error}.`);
		return null;
	}
	const path = notePath(folder, fileName.name);
	const existing = existingNote(app, path);
	if (existing) {
		new Notice(`A note named "${existing.basename}" already exists in ${folderLabel(folder)}. Nothing was created.`);
		return null;
	}
	const choice = await chooseTemplate(host);
	if (!choice) return null;
	const text = buildNote(
		{ title: fileName.name, folder, properties: [["category", input.category]] },
		templateOptions(host, choice.text),
	);
	if (!text.ok) {
		new Notice(`Cannot use ${choice.source}: ${text.error}.`);
		return null;
	}
	try {
		if (folder !== "") {
			const node = app.vault.getAbstractFileByPath(folder);
			if (!node) await app.vault.createFolder(folder);
			else if (!(node instanceof TFolder)) {
				new Notice(`Cannot create the note: "${folder}" is a file, not a folder.`);
				return null;
			}
		}
		const file = await app.vault.create(path, text.value.text);
		if (fileName.name !== input.name) new Notice(`Created "${fileName.name}" (characters that file names cannot hold were replaced).`);
		await app.workspace.getLeaf(false).openFile(file);
		const view = app.workspace.getActiveViewOfType(MarkdownView);
		if (text.value.cursor !== null && view?.file?.path === file.path) {
			view.editor.setCursor(offsetToPosition(text.value.text, text.value.cursor));
		}
		return file;
	} catch (error) {
		new Notice(`Could not create "${path}": ${errorMessage(error)}`);
		return null;
	}
}

export function registerNewFrameworkNote(host: PluginHost): void {
	host.plugin.addCommand({
		id: "new-framework-note",
		name: "New framework note",
		callback: () => {
			const folder = newNoteFolder(host);
			new NewFrameworkNoteModal(host.app, categoriesInVault(host.app), folderLabel(folder), async (input) => {
				return (await createFrameworkNote(host, input, folder)) !== null;
			}).open();
		},
	});
}
