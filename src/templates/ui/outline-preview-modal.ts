import { type App, Modal, Setting } from "obsidian";
import type { OutlineItem } from "../core/index";

export interface PreviewRow {
	readonly item: OutlineItem;
	/** Where the note would be created. */
	readonly path: string;
	/** Why it cannot be created (it exists, unusable name, listed twice), or null. */
	readonly blocked: string | null;
}

export interface PreviewChoice {
	readonly items: OutlineItem[];
	readonly link: boolean;
}

/**
 * Lists the outline's items by category with a checkbox each; items that cannot be created are
 * shown with the reason and cannot be checked. Reports through `confirm` the checked items, or
 * null when the modal is closed without confirming.
 */
export class OutlinePreviewModal extends Modal {
	private readonly checked: boolean[];
	private link: boolean;
	private createButton: HTMLButtonElement | null = null;
	private submitted = false;

	constructor(
		app: App,
		private readonly rows: readonly PreviewRow[],
		private readonly folderLabel: string,
		linkByDefault: boolean,
		private readonly confirm: (choice: PreviewChoice | null) => void,
	) {
		super(app);
		this.checked = rows.map((row) => row.blocked === null);
		this.link = linkByDefault;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Create framework notes from outline");
		contentEl.addClass("framework-notes-outline");
		const creatable = this.rows.filter((r) => r.blocked === null).length;
		contentEl.createEl("p", {
			text: `Found ${this.rows.length} ${this.rows.length === 1 ? "item" : "items"}; ${creatable} can be created in ${this.folderLabel}.`,
		});

		const list = contentEl.createDiv({ cls: "framework-notes-outline-list" });
		let category: string | null = null;
		this.rows.forEach((row, index) => {
			if (row.item.category !== category) {
				category = row.item.category;
				const heading = list.createDiv({ cls: "framework-notes-outline-category" });
				heading.createSpan({ text: category === "" ? "No category" : category });
				if (row.item.categorySlug !== "") heading.createSpan({ cls: "framework-notes-outline-slug", text: row.item.categorySlug });
			}
			const label = list.createEl("label", { cls: "framework-notes-outline-item" });
			const box = label.createEl("input", { type: "checkbox" });
			box.checked = this.checked[index] ?? false;
			box.disabled = row.blocked !== null;
			box.addEventListener("change", () => {
				this.checked[index] = box.checked;
				this.updateButton();
			});
			const text = label.createDiv({ cls: "framework-notes-outline-text" });
			text.createDiv({ cls: "framework-notes-outline-name", text: row.item.name });
			if (row.item.summary !== "") text.createDiv({ cls: "framework-notes-outline-summary", text: row.item.summary });
			if (row.blocked !== null) {
				label.addClass("is-blocked");
				text.createDiv({ cls: "framework-notes-outline-reason", text: `Skipped: ${row.blocked}` });
			}
		});

		new Setting(contentEl)
			.setName("Link item names in the outline")
			.setDesc("Replace each item's bold name with a link to its note, existing notes included.")
			.addToggle((toggle) => toggle.setValue(this.link).onChange((value) => this.setLink(value)));

		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) => {
				this.createButton = button.buttonEl;
				button.setCta().onClick(() => this.submit());
			});
		this.updateButton();
	}

	private selected(): OutlineItem[] {
		return this.rows.filter((_row, i) => this.checked[i] === true).map((row) => row.item);
	}

	private updateButton(): void {
		if (!this.createButton) return;
		const n = this.selected().length;
		this.createButton.setText(n === 0 && this.link ? "Link items" : n === 1 ? "Create 1 note" : `Create ${n} notes`);
		this.createButton.disabled = n === 0 && !this.link;
	}

	/** Confirm the current choice; used by the button and by tests. */
	submit(): void {
		const items = this.selected();
		this.submitted = true;
		this.close();
		this.confirm({ items, link: this.link });
	}

	/** Check or uncheck one row (tests; the checkboxes do the same). */
	setChecked(index: number, value: boolean): void {
		if (this.rows[index]?.blocked !== null) return;
		this.checked[index] = value;
		this.updateButton();
	}

	setLink(value: boolean): void {
		this.link = value;
		this.updateButton();
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.submitted) {
			this.submitted = true;
			this.confirm(null);
		}
	}
}
