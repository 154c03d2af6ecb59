import { type App, FuzzySuggestModal, type TFile } from "obsidian";

/** Fuzzy list of template notes; resolves with the chosen one, or null when dismissed. */
class TemplatePickerModal extends FuzzySuggestModal<TFile> {
	private chosen = false;

	constructor(
		app: App,
		private readonly templates: readonly TFile[],
		private readonly done: (file: TFile | null) => void,
	) {
		super(app);
		this.setPlaceholder("Choose a framework template");
	}

	getItems(): TFile[] {
		return [...this.templates];
	}

	getItemText(file: TFile): string {
		return file.path;
	}

	onChooseItem(file: TFile): void {
		this.chosen = true;
		this.done(file);
	}

	override onClose(): void {
		super.onClose();
		// Obsidian closes the modal before it reports the choice: wait a tick before calling it a dismissal.
		window.setTimeout(() => {
			if (!this.chosen) this.done(null);
		}, 0);
	}
}

/** Ask which template to use. */
export function pickTemplate(app: App, templates: readonly TFile[]): Promise<TFile | null> {
	return new Promise((resolve) => {
		let settled = false;
		new TemplatePickerModal(app, templates, (file) => {
			if (settled) return;
			settled = true;
			resolve(file);
		}).open();
	});
}
