import { type App, parseYaml, TFile, TFolder } from "obsidian";
import { comparedNotes, type NoteInput, noteInputs } from "./core/index";
import type { CompareSettings } from "../shared/core/settings";
import type { VaultSnapshot } from "../shared/core/vault";
import { vaultSnapshot } from "../shared/live-snapshot";
import { templatesFolderOf } from "../shared/templates-folder";
import { locateFrontmatter } from "../shared/core/frontmatter-block";

/** Message shown for a note whose properties block is not valid YAML. */
export const INVALID_YAML = "Invalid properties (YAML): fix them in the note to compare it.";

/**
 * Obsidian keeps no trace of frontmatter it could not parse, so notes whose cache has no
 * frontmatter are read (from Obsidian's cache of file contents) and checked here, once per change.
 */
export class FrontmatterErrors {
	private readonly errors = new Map<string, string>();

	constructor(private readonly app: App) {}

	get(path: string): string | null {
		return this.errors.get(path) ?? null;
	}

	forget(path: string): void {
		this.errors.delete(path);
	}

	rename(oldPath: string, newPath: string): void {
		const error = this.errors.get(oldPath);
		this.errors.delete(oldPath);
		if (error !== undefined) this.errors.set(newPath, error);
	}

	/** Re-check the given notes (only those whose cache lacks frontmatter are read). */
	async check(files: readonly TFile[]): Promise<void> {
		await Promise.all(files.map((file) => this.checkOne(file)));
	}

	private async checkOne(file: TFile): Promise<void> {
		this.errors.delete(file.path);
		if (file.extension !== "md") return;
		const cache = this.app.metadataCache.getFileCache(file);
		if (cache && cache.frontmatter !== undefined) return;
		let text: string;
		try {
			text = await this.app.vault.cachedRead(file);
		} catch {
			return;
		}
		const yaml = locateFrontmatter(text)?.yaml;
		if (yaml === undefined || yaml.trim() === "") return;
		try {
			const parsed: unknown = parseYaml(yaml);
			if (parsed !== null && typeof parsed !== "object") this.errors.set(file.path, INVALID_YAML);
		} catch {
			this.errors.set(file.path, INVALID_YAML);
		}
	}
}

/** The vault as the comparison sees it: invalid-YAML notes reported, and the templates folder. */
export interface ComparisonSnapshot extends VaultSnapshot {
	/** Folder of the core Templates plugin (its notes are never compared), or null. */
	readonly templatesFolder: string | null;
}

/** The app's vault as the core sees it, with invalid-YAML notes reported. */
export function comparisonSnapshot(app: App, errors: FrontmatterErrors): ComparisonSnapshot {
	const base = vaultSnapshot(app);
	return {
		templatesFolder: templatesFolderOf(app).folder(),
		get root() {
			return base.root;
		},
		getNode: (path) => base.getNode(path),
		frontmatter: (path) => base.frontmatter(path),
		frontmatterError: (path) => errors.get(path),
	};
}

/** Markdown files the comparison could include (scope folder or the whole vault). */
export function candidateFiles(app: App, scope: string | null): TFile[] {
	const prefix = scope === null || scope === "" || scope === "/" ? null : `${scope}/`;
	return app.vault.getMarkdownFiles().filter((file) => prefix === null || file.path.startsWith(prefix));
}

/**
 * The first `count` Markdown files in scope, in the vault's folder order, found without listing
 * the whole vault: what a first screen of a large vault is drawn from while the rest is read.
 */
export function firstCandidateFiles(app: App, scope: string | null, count: number): TFile[] {
	const start = scope === null || scope === "" || scope === "/" ? app.vault.getRoot() : app.vault.getAbstractFileByPath(scope);
	const out: TFile[] = [];
	if (!(start instanceof TFolder)) return out;
	const stack: TFolder[] = [start];
	for (let folder = stack.pop(); folder !== undefined && out.length < count; folder = stack.pop()) {
		const folders: TFolder[] = [];
		for (const child of folder.children) {
			if (child instanceof TFile && child.extension === "md" && out.length < count) out.push(child);
			else if (child instanceof TFolder) folders.push(child);
		}
		for (const sub of folders.reverse()) stack.push(sub);
	}
	return out;
}

/** The compared notes in scope, as model input. */
export function collectNoteInputs(snapshot: ComparisonSnapshot, settings: CompareSettings, scope: string | null): NoteInput[] {
	return noteInputs(snapshot, comparedNotes(snapshot, { settings, scope, templatesFolder: snapshot.templatesFolder }));
}

/** The `TFile` for a path, or null. */
export function fileAt(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? file : null;
}
