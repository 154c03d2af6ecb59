/**
 * The comparison table: a `<table>` with sticky headers whose body holds only the rows in view
 * (plus a buffer) between two spacers, so 10,000 notes cost the same as 40. Rows whose note did
 * not change are kept, not rebuilt. One focusable cell at a time (roving tabindex).
 *
 * This class wires the parts: the layout of the orientation (core/table-layout), the header and
 * body renderers, the virtual window, the grid focus, the keyboard (core/keymap), the pointer
 * and the cell editor.
 */
import { type App, type Component, type HoverParent, Keymap } from "obsidian";
import { clampCell } from "../../core/keymap";
import { EMPTY_LAYOUT, type TableLayout, tableLayout } from "../../core/table-layout";
import { TableBody } from "./body";
import { CellEditor } from "./editor";
import { GridFocus } from "./focus";
import { TableHeader } from "./header";
import { type KeyboardHost, onKeyDown } from "./keyboard";
import { onChange, onClick, onContextMenu, onDoubleClick, onHover, type PointerHost } from "./pointer";
import type { TableCallbacks, TableInput } from "./types";
import { VirtualWindow } from "./window";

export { COLUMN_WIDTH, ROW_BUFFER, ROW_HEIGHT } from "../../core/table-layout";
export { editText } from "./editor";
export type { TableCallbacks, TableInput } from "./types";

export class ComparisonTable {
	readonly scroller: HTMLElement;
	private readonly table: HTMLTableElement;
	private input: TableInput | null = null;
	private layout: TableLayout = EMPTY_LAYOUT;
	/** What the header and the drawn rows depend on: the columns without their number ranges (only the bars use those). */
	private headerColumns = "";
	private readonly header: TableHeader;
	private readonly body: TableBody;
	private readonly window: VirtualWindow;
	private readonly focus: GridFocus;
	private readonly editor: CellEditor;

	constructor(parent: HTMLElement, app: App, owner: Component & HoverParent, hoverSource: string, callbacks: TableCallbacks) {
		this.scroller = parent.createDiv({ cls: "fn-cmp-scroller" });
		this.table = this.scroller.createEl("table", { cls: "fn-cmp-table" });
		this.header = new TableHeader(this.table.createEl("thead"));
		this.body = new TableBody(this.table.createEl("tbody"), app);
		this.window = new VirtualWindow(this.scroller);
		this.focus = new GridFocus(this.table, {
			header: () => this.header.row(),
			line: (r) => this.body.line(r),
			lines: () => this.body.renderedLines(),
		});
		this.editor = new CellEditor({
			input: () => this.input,
			write: (path, column, value) => callbacks.edit(path, column, value),
			done: (path, at) => {
				this.body.forget([path]);
				this.renderWindow(true);
				if (at) this.focusCell(at.r, at.c);
			},
		});
		const pointer: PointerHost = {
			clickedCell: (r, c, focus) => {
				this.focus.moveTo(r, c);
				this.focus.applyRoving();
				// As a click focuses natively: the cell is where the pointer is, nothing to scroll to
				// (scrolling would also make the next frame lay out the pane again to read it).
				if (focus) this.focus.cellAt(r, c)?.focus({ preventScroll: true });
			},
			open: (linktext, sourcePath, evt) => void app.workspace.openLinkText(linktext, sourcePath, Keymap.isModEvent(evt)),
			sort: (key, additive) => callbacks.sort(key, additive),
			edit: (td) => this.startEdit(td),
			toggleSelected: (path, checked) => callbacks.toggleSelected(path, checked),
			selectAll: (checked) => {
				if (this.input)
					callbacks.selectAll(
						this.input.view.rows.map((r) => r.path),
						checked,
					);
			},
			hover: (event, targetEl, linktext, sourcePath) =>
				app.workspace.trigger("hover-link", { event, source: hoverSource, hoverParent: owner, targetEl, linktext, sourcePath }),
			get columnMenu() {
				return callbacks.columnMenu?.bind(callbacks);
			},
		};
		const keyboard: KeyboardHost = {
			grid: () => ({ lines: this.layout.lineCount, columns: this.layout.columnCount, page: this.window.page() }),
			editing: (target) => (this.editor.owns(target) ? "field" : this.editor.active ? "elsewhere" : null),
			finishEdit: (commit) => this.editor.finish(commit),
			focusCell: (r, c) => this.focusCell(r, c),
			sort: (key, additive) => callbacks.sort(key, additive),
			open: (path, evt) => void app.workspace.openLinkText(path, "", Keymap.isModEvent(evt)),
			edit: (td) => this.startEdit(td),
			toggleSelected: (path, checked) => callbacks.toggleSelected(path, checked),
		};
		owner.registerDomEvent(this.scroller, "scroll", () => {
			this.window.scrolled();
			this.renderWindow(false);
		});
		this.window.observe(owner, () => this.renderWindow(false));
		owner.registerDomEvent(this.table, "click", (evt) => onClick(evt, pointer));
		owner.registerDomEvent(this.table, "auxclick", (evt) => onClick(evt, pointer));
		owner.registerDomEvent(this.table, "dblclick", (evt) => onDoubleClick(evt, pointer));
		owner.registerDomEvent(this.table, "change", (evt) => onChange(evt, pointer));
		owner.registerDomEvent(this.table, "keydown", (evt) => onKeyDown(evt, keyboard));
		owner.registerDomEvent(this.table, "mouseover", (evt) => onHover(evt, pointer));
		owner.registerDomEvent(this.table, "contextmenu", (evt) => onContextMenu(evt, pointer));
		owner.registerDomEvent(this.table, "focusin", (evt) => {
			// The keyboard entered a cell (a click, Tab, a restored focus): the focus remembers which.
			const cell = (evt.target as HTMLElement | null)?.closest<HTMLElement>("[data-c]") ?? null;
			this.focus.entered(cell && this.table.contains(cell) ? cell : null);
		});
		owner.registerDomEvent(this.table, "focusout", (evt) => {
			if (this.editor.owns(evt.target)) this.editor.finish(true);
		});
	}

	get element(): HTMLTableElement {
		return this.table;
	}

	/** Show a new result. Rows whose `Row` object is unchanged are reused when the columns are. */
	update(input: TableInput): void {
		this.window.during(() => this.focus.keeping(() => this.show(input)));
	}

	private show(input: TableInput): void {
		this.input = input;
		this.layout = tableLayout(input.view, input.orientation);
		this.table.toggleClass("fn-cmp-transposed", input.orientation === "columns");
		const labels = input.labels === undefined ? "" : [...input.labels].map(([key, label]) => `${key}\u0001${label}`).join("\u0002");
		const headerColumns = [
			input.orientation,
			input.editable ? "e" : "r",
			labels,
			...input.view.columns.map((c) => `${c.key}\u0001${c.type}`),
		].join("\u0002");
		// Rows drawn for other columns are drawn again; a new number range redraws only that
		// column's cells (see `TableBody.decorateRow`).
		if (headerColumns !== this.headerColumns) {
			this.headerColumns = headerColumns;
			this.body.forgetAll();
		}
		this.window.reset();
		this.renderHeader();
		this.renderWindow(true);
	}

	/** Forget the rendered rows of these notes so the next render rebuilds them. */
	invalidate(paths: Iterable<string>): void {
		this.body.forget(paths);
	}

	/** The pane was resized: measure the rows again on the next render. */
	resized(): void {
		this.window.resized();
		this.renderWindow(false);
	}

	private renderHeader(): void {
		this.header.render(this.input, this.headerColumns, this.window.columns(this.layout), false);
	}

	/** Render the rows (or note columns) in view; cheap when the window did not move. */
	renderWindow(force: boolean): void {
		this.window.during(() => this.focus.keeping(() => this.renderWindowNow(force)));
	}

	private renderWindowNow(force: boolean): void {
		const input = this.input;
		if (!input || this.editor.active) return;
		const next = this.window.next(this.layout, force);
		if (!next) return;
		if (next.columnsMoved) this.renderHeader();
		if (input.orientation === "rows") {
			const first = this.body.renderRows(input, this.layout, next.rows.start, next.rows.end, this.window.rowHeight);
			this.window.learnRowHeight(first);
		} else {
			this.body.renderLines(input, next.cols.start, next.cols.end);
		}
		this.focus.applyRoving();
	}

	/** Move the focus to a cell, scrolling it into the rendered window first. */
	focusCell(r: number, c: number): void {
		const at = clampCell(r, c, { lines: this.layout.lineCount, columns: this.layout.columnCount });
		this.focus.moveTo(at.row, at.col);
		if (this.input) this.window.reveal(this.layout, at.row, at.col);
		this.renderWindow(false);
		this.focus.applyRoving();
		this.focus.focus();
	}

	/** Replace a value cell by a text field; Enter or leaving it writes, Escape cancels. */
	startEdit(td: HTMLElement): void {
		this.editor.start(td);
	}
}
