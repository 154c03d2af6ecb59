/**
 * A page object for the comparison pane in the plugin harness: it opens the pane and finds and
 * drives its parts (rows, cells, headers, toolbar, search, filter chips, the cell editor) through
 * the pane's public DOM only. The same page reads a comparison drawn anywhere else (a Bases view)
 * when it is given the element the table sits in.
 */
import type { WorkspaceLeaf } from "obsidian";
import { openComparison } from "../../src/comparison/commands/open-comparison";
import { ComparisonView } from "../../src/comparison/ui/comparison-view";
import type { Harness } from "../harness/plugin-harness";

export interface OpenPaneOptions {
	/** The folder to compare (null or absent: the whole vault). */
	readonly scope?: string | null;
}

export interface SortOptions {
	/** Add the property as a further sort key (a shift-click) instead of replacing the sort. */
	readonly additive?: boolean;
}

export interface EditOptions {
	/** The key that ends the edit: Enter commits, Escape cancels (default Enter). */
	readonly key?: "Enter" | "Escape";
	/** How the editor is opened: a double click (default) or Enter on the focused cell. */
	readonly via?: "dblclick" | "keyboard";
}

export class ComparisonPanePage {
	/**
	 * @param h the harness the plugin runs in
	 * @param root the element the pane's table sits in (the view's content element)
	 * @param view the comparison view, when the page is a pane rather than a Bases view
	 */
	constructor(
		readonly h: Harness,
		readonly root: HTMLElement,
		private readonly paneView: ComparisonView | null = null,
	) {}

	/** Open the comparison pane (the "Open framework comparison" path) and wait until it has drawn. */
	static async open(h: Harness, options: OpenPaneOptions = {}): Promise<ComparisonPanePage> {
		const leaf = await openComparison(h.plugin, options.scope ?? null);
		await h.settle();
		if (!leaf) throw new Error("no leaf");
		return ComparisonPanePage.of(h, leaf);
	}

	/** The page of the comparison view in `leaf`, once it has drawn. */
	static async of(h: Harness, leaf: WorkspaceLeaf): Promise<ComparisonPanePage> {
		const view = leaf.view;
		if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
		await view.ready;
		await h.settle();
		return new ComparisonPanePage(h, view.contentEl, view);
	}

	/** The page of a comparison view found some other way (a command, a menu), as it is now. */
	static forView(h: Harness, view: ComparisonView): ComparisonPanePage {
		return new ComparisonPanePage(h, view.contentEl, view);
	}

	/** The page of a comparison drawn into `container` (a Bases view). */
	static inContainer(h: Harness, container: HTMLElement): ComparisonPanePage {
		return new ComparisonPanePage(h, container);
	}

	/** The comparison view (throws for a page made from a container). */
	get view(): ComparisonView {
		if (!this.paneView) throw new Error("not a comparison pane");
		return this.paneView;
	}

	/** Run queued work, then wait for the pane's pending redraw. */
	async settle(): Promise<void> {
		await this.h.settle();
		await this.paneView?.ready;
	}

	/** Apply the live updates the pane has collected, then run queued work. */
	async flushLive(): Promise<void> {
		await this.paneView?.flushLive();
		await this.h.settle();
	}

	/** The comparison table. */
	table(): HTMLTableElement {
		const el = this.root.querySelector("table.fn-cmp-table");
		if (!(el instanceof HTMLTableElement)) throw new Error("no table");
		return el;
	}

	/** The rendered note rows (rows orientation), top to bottom. */
	rows(): HTMLElement[] {
		return Array.from(this.root.querySelectorAll<HTMLElement>("tbody tr.fn-cmp-row"));
	}

	/** The note row named `note` (its link text), if rendered. */
	row(note: string): HTMLElement | undefined {
		return this.rows().find((r) => r.querySelector("a.fn-cmp-note-link")?.textContent === note);
	}

	/** Names of the rendered note rows, top to bottom. */
	rowNames(): string[] {
		return this.rows().map((r) => r.querySelector("a.fn-cmp-note-link")?.textContent ?? "");
	}

	/** Property keys of the column headers, left to right. */
	headerKeys(): string[] {
		return Array.from(this.table().querySelectorAll<HTMLElement>("thead th.fn-cmp-col-head")).map((th) => th.dataset.key ?? "");
	}

	/** Names of the note column headers in the transposed table, left to right. */
	noteHeadNames(): (string | null)[] {
		return Array.from(this.table().querySelectorAll("thead th.fn-cmp-note-head a.fn-cmp-note-link")).map((a) => a.textContent);
	}

	/** The cell of `note` (its name) and `property` (throws when it is not rendered). */
	cell(note: string, property: string): HTMLElement {
		const td = this.row(note)?.querySelector<HTMLElement>(`td[data-key="${property}"]`);
		if (!td) throw new Error(`no cell ${note}/${property}`);
		return td;
	}

	/** The text of a cell. */
	cellText(note: string, property: string): string {
		return this.cell(note, property).textContent ?? "";
	}

	/** The column header of `property`. */
	header(property: string): HTMLElement {
		const th = this.table().querySelector<HTMLElement>(`thead th[data-key="${property}"]`);
		if (!th) throw new Error(`no header ${property}`);
		return th;
	}

	/** Click a property's header; `additive` shift-clicks (adds a sort key). */
	sortBy(property: string, options: SortOptions = {}): void {
		const th = this.header(property);
		if (options.additive) th.dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
		else th.click();
	}

	/** The toolbar button whose text starts with `text`. */
	button(text: string): HTMLButtonElement {
		const b = Array.from(this.root.querySelectorAll<HTMLButtonElement>(".fn-cmp-toolbar button")).find((el) =>
			el.textContent?.startsWith(text),
		);
		if (!b) throw new Error(`no button ${text}`);
		return b;
	}

	/** Click the Transpose button. */
	toggleTranspose(): void {
		this.button("Transpose").click();
	}

	/** Type `text` into the search box. */
	search(text: string): void {
		const input = this.root.querySelector<HTMLInputElement>("input.fn-cmp-search");
		if (!input) throw new Error("no search");
		input.value = text;
		input.dispatchEvent(new Event("input", { bubbles: true }));
	}

	/** Every filter chip shown, in order. */
	filterChips(): HTMLElement[] {
		return Array.from(this.root.querySelectorAll<HTMLElement>(".fn-cmp-filter-chip"));
	}

	/** The value chip of `property` = `value`, if shown. */
	filterChip(property: string, value: string): HTMLElement | undefined {
		return this.filterChips().find((c) => c.dataset.filterKey === property && c.dataset.value === value);
	}

	/** Choose the group-by property in the toolbar ("" for no grouping). */
	groupBy(property: string, options: { bubbles?: boolean } = {}): void {
		const select = this.root.querySelector<HTMLSelectElement>("select.fn-cmp-group-by");
		if (!select) throw new Error("no group select");
		select.value = property;
		select.dispatchEvent(new Event("change", { bubbles: options.bubbles ?? true }));
	}

	/** The selection checkbox of `note`. */
	checkbox(note: string): HTMLInputElement {
		const box = this.table().querySelector<HTMLInputElement>(`input.fn-cmp-select[aria-label="Select ${note}"]`);
		if (!box) throw new Error("no checkbox");
		return box;
	}

	/** Tick the selection checkbox of `note`. */
	check(note: string): void {
		const box = this.checkbox(note);
		box.checked = true;
		box.dispatchEvent(new Event("change", { bubbles: true }));
	}

	/** Open the cell editor of `note` / `property` and return its input. */
	openEditor(note: string, property: string, options: Pick<EditOptions, "via"> = {}): HTMLInputElement {
		const td = this.cell(note, property);
		if (options.via === "keyboard") {
			td.focus();
			td.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		} else td.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
		const input = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!input) throw new Error("no editor");
		return input;
	}

	/**
	 * Edit a cell: open its editor, type `text`, press Enter (or Escape), and let the write run.
	 * Returns the text the editor opened with.
	 */
	async edit(note: string, property: string, text: string, options: EditOptions = {}): Promise<string> {
		const input = this.openEditor(note, property, options);
		const opened = input.value;
		input.value = text;
		input.dispatchEvent(new KeyboardEvent("keydown", { key: options.key ?? "Enter", bubbles: true }));
		await this.h.settle();
		return opened;
	}
}
