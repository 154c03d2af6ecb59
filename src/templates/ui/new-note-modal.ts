import { AbstractInputSuggest, type App, Modal, Setting } from "obsidian";

export interface NewNoteInput {
	readonly name: string;
	readonly category: string;
}

/** Suggests the categories already used by framework notes, filtered by what is typed. */
class CategorySuggest extends AbstractInputSuggest<string> {
	constructor(
		app: App,
		input: HTMLInputElement,
		private readonly categories: readonly string[],
	) {
		super(app, input);
	}

	protected getSuggestions(query: string): string[] {
		const q = query.trim().toLowerCase();
		return this.categories.filter((c) => c.toLowerCase().includes(q));
	}

	renderSuggestion(category: string, el: HTMLElement): void {
		el.setText(category);
	}

	override selectSuggestion(category: string): void {
		this.setValue(category);
		this.close();
	}
}

/**
 * Asks for a framework's name and category. `submit` returns true when the note was made
 * (the modal closes) or false to keep it open so the name can be corrected.
 */
export class NewFrameworkNoteModal extends Modal {
	private nameEl: HTMLInputElement | null = null;
	private categoryEl: HTMLInputElement | null = null;
	private busy = false;

	constructor(
		app: App,
		private readonly categories: readonly string[],
		private readonly folderLabel: string,
		private readonly submit: (input: NewNoteInput) => Promise<boolean>,
	) {
		super(app);
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle("New framework note");
		contentEl.addClass("framework-notes-new-note");

		new Setting(contentEl)
			.setName("Name")
			.setDesc(`The note is created in ${this.folderLabel}.`)
			.addText((text) => {
				text.setPlaceholder("Django");
				this.nameEl = text.inputEl;
				text.inputEl.addClass("framework-notes-new-note-name");
				window.setTimeout(() => text.inputEl.focus(), 0);
			});

		new Setting(contentEl)
			.setName("Category")
			.setDesc(this.categories.length > 0 ? "Pick a category already in use or type a new one." : "For example: full-stack.")
			.addText((text) => {
				text.setPlaceholder(this.categories[0] ?? "full-stack");
				this.categoryEl = text.inputEl;
				text.inputEl.addClass("framework-notes-new-note-category");
				if (this.categories.length > 0) new CategorySuggest(this.app, text.inputEl, this.categories);
			});

		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText("Create")
					.setCta()
					.onClick(() => void this.create()),
			);

		this.scope.register([], "Enter", (evt) => {
			if (evt.isComposing) return;
			evt.preventDefault();
			void this.create();
		});
	}

	/** Submit the current input; used by the button, Enter, and tests. */
	async create(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			const input = { name: this.nameEl?.value.trim() ?? "", category: this.categoryEl?.value.trim() ?? "" };
			if (await this.submit(input)) this.close();
		} finally {
			this.busy = false;
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
