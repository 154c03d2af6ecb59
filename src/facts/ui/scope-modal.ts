import { type App, Modal } from "obsidian";
import type { FactsScopes } from "../notes";

/** The scope's label with its count of notes: "Every framework note (10 notes)". */
function withCount(label: string, count: number): string {
	return `${label} (${count === 1 ? "1 note" : `${count} notes`})`;
}

/**
 * The first step of "Fill facts from registries": which notes. One button per scope: the active
 * note, the framework notes of its folder, every framework note; a scope without notes is
 * disabled. Choosing one closes the dialog and runs `choose` with the scope's paths.
 */
export class FactsScopeModal extends Modal {
	constructor(
		app: App,
		private readonly scopes: FactsScopes,
		private readonly choose: (paths: readonly string[]) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		const { contentEl } = this;
		contentEl.empty();
		this.setTitle("Fill facts from registries");
		contentEl.createEl("p", {
			text: "Which notes? Facts are fetched first and shown in a preview; nothing is written before you apply it.",
			cls: "fn-facts-scope-intro",
		});
		const list = contentEl.createDiv({ cls: "fn-facts-scopes" });
		const { active, folder, inFolder, all } = this.scopes;
		const option = (scope: string, label: string, paths: readonly string[]): void => {
			const button = list.createEl("button", { text: label, cls: "fn-facts-scope", attr: { "data-scope": scope } });
			button.disabled = paths.length === 0;
			button.addEventListener("click", () => {
				this.close();
				this.choose(paths);
			});
		};
		option("note", active ? `This note: ${active.basename}` : "This note (no note is open)", active ? [active.path] : []);
		const folderName = folder === null ? "" : folder === "" ? "the vault's top folder" : folder;
		option(
			"folder",
			folder === null ? "Framework notes in this folder" : withCount(`Framework notes in ${folderName}`, inFolder.length),
			inFolder,
		);
		option("all", withCount("Every framework note", all.length), all);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
