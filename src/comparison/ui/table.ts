import { type App, type Component, type HoverParent, Keymap } from "obsidian";
import { type Cell, cellOf, NAME_KEY, type Row, type RowGroup, type SortKey, type ViewColumn, type ViewResult } from "../core/index";
import { type Orientation, visibleWindow } from "../core/index";
import { renderCell } from "./cells";

/** What the table asks of its owner (the pane or the Bases view). */
export interface TableCallbacks {
	/** Header click: sort by `key` (`NAME_KEY` for the note name); shift adds a key. */
	sort(key: string, additive: boolean): void;
	toggleSelected(path: string, checked: boolean): void;
	/** Check or clear every shown note. */
	selectAll(paths: readonly string[], checked: boolean): void;
	/** Write a cell; resolves when done (the table re-renders the cell either way). */
	edit(path: string, column: ViewColumn, input: string): Promise<void>;
	/** Right-click on a property header. */
	columnMenu?(key: string, evt: MouseEvent): void;
}

export interface TableInput {
	readonly view: ViewResult;
	readonly orientation: Orientation;
	readonly sort: readonly SortKey[];
	readonly selected: ReadonlySet<string>;
	readonly editable: boolean;
}

type Item = { readonly kind: "group"; readonly group: RowGroup } | { readonly kind: "row"; readonly row: Row };

interface RenderedRow {
	readonly row: Row;
	readonly tr: HTMLTableRowElement;
}

/** What `decorateRow` last applied to a row, so unchanged marks cost no DOM work. */
interface RowMarks {
	selected: boolean;
	/** One flag per value cell (column order): marked as differing (see `ViewResult.differingCells`). */
	differs: boolean[];
}

/** The scroller's scroll position and client size. */
interface Viewport {
	readonly top: number;
	readonly left: number;
	readonly height: number;
	readonly width: number;
}

/** Fallbacks when layout is unknown (hidden pane, tests): CSS sets the same sizes. */
export const ROW_HEIGHT = 32;
export const COLUMN_WIDTH = 160;
const FALLBACK_VIEWPORT_HEIGHT = 640;
const FALLBACK_VIEWPORT_WIDTH = 960;
/** Rows rendered above and below the viewport. */
export const ROW_BUFFER = 6;
const COLUMN_BUFFER = 2;

const SVG_NS = "http://www.w3.org/2000/svg";

function sortState(sort: readonly SortKey[], key: string): { index: number; dir: "asc" | "desc" } | null {
	const index = sort.findIndex((k) => k.key === key);
	const found = sort[index];
	return found ? { index, dir: found.dir } : null;
}

function ariaSort(dir: "asc" | "desc" | undefined): string {
	if (dir === "asc") return "ascending";
	if (dir === "desc") return "descending";
	return "none";
}

/**
 * Make `parent`'s children exactly `nodes`, touching only what differs: rows kept from the last
 * render stay where they are (no detach / re-attach), stale rows go, new rows are inserted.
 */
function reconcile(parent: HTMLElement, nodes: readonly HTMLElement[]): void {
	const wanted = new Set<Node>(nodes);
	let cursor = parent.firstChild;
	for (const node of nodes) {
		while (cursor && cursor !== node && !wanted.has(cursor)) {
			const next = cursor.nextSibling;
			parent.removeChild(cursor);
			cursor = next;
		}
		if (cursor === node) {
			cursor = cursor.nextSibling;
			continue;
		}
		parent.insertBefore(node, cursor);
	}
	while (cursor) {
		const next = cursor.nextSibling;
		parent.removeChild(cursor);
		cursor = next;
	}
}

/** The note a cell, header or control belongs to (the nearest `data-path`). */
function pathOf(el: HTMLElement): string | null {
	return el.closest("[data-path]")?.getAttribute("data-path") ?? null;
}

/** Which cell it is, independent of where it is rendered: its line (note, property or header) and its place in it. */
interface CellIdentity {
	readonly line: string;
	readonly cell: string;
}

/** A note row by its path, a transposed line by its property, the header row, else null. */
function lineIdentity(tr: HTMLElement): string | null {
	if (tr.dataset.path !== undefined) return `p\u0001${tr.dataset.path}`;
	if (tr.dataset.key !== undefined) return `k\u0001${tr.dataset.key}`;
	return tr.parentElement?.tagName === "THEAD" ? "head" : null;
}

/** A cell within its line: its property and note (either may be missing) and whether it is a header. */
function cellKey(cell: HTMLElement): string {
	return `${cell.tagName}\u0001${cell.dataset.key ?? ""}\u0001${cell.dataset.path ?? ""}`;
}

function cellIdentity(cell: HTMLElement): CellIdentity | null {
	const tr = cell.closest<HTMLElement>("tr");
	const line = tr ? lineIdentity(tr) : null;
	return line === null ? null : { line, cell: cellKey(cell) };
}

/** Text to put in the editor for a cell's current value. */
export function editText(cell: Cell): string {
	if (cell.state !== "value") return "";
	const raw = cell.raw;
	if (Array.isArray(raw)) return raw.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ");
	if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return String(raw);
	return cell.display;
}

/**
 * The comparison table: a `<table>` with sticky headers whose body holds only the rows in view
 * (plus a buffer) between two spacers, so 10,000 notes cost the same as 40. Rows whose note did
 * not change are kept, not rebuilt. One focusable cell at a time (roving tabindex).
 */
export class ComparisonTable {
	readonly scroller: HTMLElement;
	private readonly table: HTMLTableElement;
	private readonly thead: HTMLTableSectionElement;
	private readonly tbody: HTMLTableSectionElement;
	private input: TableInput | null = null;
	private items: Item[] = [];
	private columnSignature = "";
	private rendered = new Map<string, RenderedRow>();
	private windowKey = "";
	private focusRow = 0;
	private focusCol = 0;
	private editing: { readonly field: HTMLInputElement; finish(commit: boolean): Promise<void> } | null = null;
	private rowHeight = ROW_HEIGHT;
	private headerSignature = "";
	private sortSignature = "";
	/** Rendered rows by row index (`-1` is the header row). */
	private rowsByIndex = new Map<number, HTMLElement>();
	private tabStop: HTMLElement | null = null;
	private topSpacer: HTMLElement | null = null;
	private bottomSpacer: HTMLElement | null = null;
	private groupRows = new Map<string, HTMLTableRowElement>();
	private readonly marks = new WeakMap<HTMLElement, RowMarks>();
	private restoringFocus = false;
	private viewport: Viewport | null = null;
	private rowHeightKnown = false;

	constructor(
		parent: HTMLElement,
		private readonly app: App,
		private readonly owner: Component & HoverParent,
		private readonly hoverSource: string,
		private readonly callbacks: TableCallbacks,
	) {
		this.scroller = parent.createDiv({ cls: "fn-cmp-scroller" });
		this.table = this.scroller.createEl("table", { cls: "fn-cmp-table" });
		this.thead = this.table.createEl("thead");
		this.tbody = this.table.createEl("tbody");
		owner.registerDomEvent(this.scroller, "scroll", () => this.renderWindow(false));
		owner.registerDomEvent(this.table, "click", (evt) => this.onClick(evt));
		owner.registerDomEvent(this.table, "auxclick", (evt) => this.onClick(evt));
		owner.registerDomEvent(this.table, "dblclick", (evt) => this.onDoubleClick(evt));
		owner.registerDomEvent(this.table, "change", (evt) => this.onChange(evt));
		owner.registerDomEvent(this.table, "keydown", (evt) => this.onKeyDown(evt));
		owner.registerDomEvent(this.table, "mouseover", (evt) => this.onHover(evt));
		owner.registerDomEvent(this.table, "contextmenu", (evt) => this.onContextMenu(evt));
		owner.registerDomEvent(this.table, "focusout", (evt) => {
			if (this.editing && evt.target === this.editing.field) void this.editing.finish(true);
		});
	}

	get element(): HTMLTableElement {
		return this.table;
	}

	/** Show a new result. Rows whose `Row` object is unchanged are reused when the columns are. */
	update(input: TableInput): void {
		try {
			this.keepingFocus(() => this.show(input));
		} finally {
			this.viewport = null;
		}
	}

	private show(input: TableInput): void {
		// Read the scroll position and size before writing to the DOM: reading them after a write
		// would force the browser to lay out the table again in the middle of the render.
		this.viewport = this.measureViewport();
		this.input = input;
		const { view } = input;
		this.table.toggleClass("fn-cmp-transposed", input.orientation === "columns");
		if (input.orientation === "rows") {
			this.items = view.groups
				? view.groups.flatMap((group): Item[] => [
						{ kind: "group", group },
						...group.rows.map((row): Item => ({ kind: "row", row })),
					])
				: view.rows.map((row): Item => ({ kind: "row", row }));
		} else {
			this.items = [];
		}
		const signature = [
			input.orientation,
			input.editable ? "e" : "r",
			...view.columns.map((c) => `${c.key}\u0001${c.type}\u0001${c.min ?? ""}\u0001${c.max ?? ""}`),
		].join("\u0002");
		if (signature !== this.columnSignature) {
			this.columnSignature = signature;
			this.rendered.clear();
		}
		this.windowKey = "";
		this.renderHeader(false);
		this.renderWindow(true);
	}

	/** Forget the rendered rows of these notes so the next render rebuilds them. */
	invalidate(paths: Iterable<string>): void {
		for (const path of paths) this.rendered.delete(path);
	}

	private get columnCount(): number {
		const input = this.input;
		if (!input) return 0;
		return input.orientation === "rows" ? input.view.columns.length : input.view.rows.length;
	}

	private get lineCount(): number {
		const input = this.input;
		if (!input) return 0;
		return input.orientation === "rows" ? this.items.length : input.view.columns.length;
	}

	/** The pane was resized: measure the rows again on the next render. */
	resized(): void {
		this.rowHeightKnown = false;
		this.renderWindow(false);
	}

	private measureViewport(): Viewport {
		const s = this.scroller;
		return {
			top: s.scrollTop,
			left: s.scrollLeft,
			height: s.clientHeight > 0 ? s.clientHeight : FALLBACK_VIEWPORT_HEIGHT,
			width: s.clientWidth > 0 ? s.clientWidth : FALLBACK_VIEWPORT_WIDTH,
		};
	}

	/** The scroller's position and size: read once per render (see `show`), else now. */
	private get scrollState(): Viewport {
		return this.viewport ?? this.measureViewport();
	}

	private viewportHeight(): number {
		return this.scrollState.height;
	}

	private viewportWidth(): number {
		return this.scrollState.width;
	}

	private rowWindow(): { start: number; end: number } {
		const input = this.input;
		if (!input || input.orientation === "columns") return { start: 0, end: this.lineCount };
		return visibleWindow(this.scrollState.top - this.rowHeight, this.viewportHeight(), this.rowHeight, this.items.length, ROW_BUFFER);
	}

	private columnWindow(): { start: number; end: number } {
		const input = this.input;
		if (!input || input.orientation === "rows") return { start: 0, end: this.columnCount };
		return visibleWindow(
			this.scrollState.left - COLUMN_WIDTH,
			this.viewportWidth(),
			COLUMN_WIDTH,
			input.view.rows.length,
			COLUMN_BUFFER,
		);
	}

	private spacer(tag: "td" | "th", parent: HTMLElement, width: number, height: number, colSpan: number): void {
		const cell = parent.createEl(tag, { cls: "fn-cmp-spacer-cell", attr: { "aria-hidden": "true" } });
		if (colSpan > 1) cell.colSpan = colSpan;
		if (width > 0 || height > 0) {
			const svg = document.createElementNS(SVG_NS, "svg");
			svg.setAttribute("width", String(Math.max(1, width)));
			svg.setAttribute("height", String(Math.max(1, height)));
			svg.setAttribute("aria-hidden", "true");
			cell.appendChild(svg);
		}
	}

	private renderHeader(force: boolean): void {
		const input = this.input;
		if (!input) {
			this.thead.empty();
			return;
		}
		const { view } = input;
		const cols = this.columnWindow();
		const shown = input.orientation === "rows" ? view.rows : view.rows.slice(cols.start, cols.end);
		const sortSignature = input.sort.map((k) => `${k.key}:${k.dir}`).join(",");
		const signature = [
			this.columnSignature,
			view.columns.map((c) => `${c.coverage.present}/${c.coverage.total}/${c.conflicts.length}/${c.differs ? 1 : 0}`).join(","),
			input.orientation === "rows"
				? String(shown.length > 0 && shown.every((r) => input.selected.has(r.path)))
				: shown.map((r) => `${r.path}:${input.selected.has(r.path) ? 1 : 0}:${r.warning ?? ""}`).join("\u0001"),
			`${cols.start}:${cols.end}:${view.rows.length}`,
			input.orientation === "columns" && view.groups
				? view.groups.map((g) => `${g.value}:${g.label}:${g.rows.length}`).join("\u0001")
				: "",
		].join("\u0002");
		if (!force && signature === this.headerSignature && this.thead.firstChild) {
			// Same header, another sort (a header click): update the sort marks in place, so the
			// header cells (and the keyboard focus on them) stay.
			if (sortSignature !== this.sortSignature) {
				this.sortSignature = sortSignature;
				this.patchSortMarks(input.sort);
			}
			return;
		}
		this.headerSignature = signature;
		this.sortSignature = sortSignature;
		this.thead.empty();
		const tr = this.thead.createEl("tr");
		tr.dataset.r = "-1";
		if (input.orientation === "rows") {
			const shown = input.view.rows.map((r) => r.path);
			const corner = tr.createEl("th", { cls: "fn-cmp-name-head fn-cmp-col-head", attr: { scope: "col" } });
			corner.dataset.c = "0";
			corner.dataset.key = NAME_KEY;
			const all = corner.createEl("input", {
				cls: "fn-cmp-select-all",
				type: "checkbox",
				attr: { "aria-label": "Select all shown notes" },
			});
			all.checked = shown.length > 0 && shown.every((p) => input.selected.has(p));
			this.headerLabel(corner, "Note", NAME_KEY);
			input.view.columns.forEach((column, i) => {
				const th = tr.createEl("th", { cls: "fn-cmp-col-head", attr: { scope: "col" } });
				th.dataset.c = String(i + 1);
				th.dataset.key = column.key;
				this.columnLabel(th, column);
			});
		} else {
			const corner = tr.createEl("th", { cls: "fn-cmp-name-head", attr: { scope: "col" }, text: "Property" });
			corner.dataset.c = "0";
			const { start, end } = this.columnWindow();
			if (start > 0) this.spacer("th", tr, start * COLUMN_WIDTH, 0, 1);
			input.view.rows.slice(start, end).forEach((row, i) => {
				const th = tr.createEl("th", { cls: "fn-cmp-note-head", attr: { scope: "col" } });
				th.dataset.c = String(start + i + 1);
				th.dataset.path = row.path;
				this.noteHeader(th, row, input.selected.has(row.path));
			});
			if (end < input.view.rows.length) this.spacer("th", tr, (input.view.rows.length - end) * COLUMN_WIDTH, 0, 1);
			if (view.groups && view.groups.length > 0) this.groupHeader(tr, view.groups, start, end, input.view.rows.length);
		}
	}

	/** The header row of the keyboard grid (row -1); a group row may stand above it. */
	private headerRow(): HTMLElement | null {
		const rows = this.thead.children;
		for (let i = 0; i < rows.length; i++) {
			const tr = rows[i] as HTMLElement;
			if (tr.dataset.r === "-1") return tr;
		}
		return null;
	}

	/**
	 * Transposed and grouped: a row above the note headers with one cell per group spanning its
	 * notes' columns (the notes are already in group order), cut to the rendered column window.
	 */
	private groupHeader(before: HTMLElement, groups: readonly RowGroup[], start: number, end: number, total: number): void {
		const tr = createEl("tr", { cls: "fn-cmp-group-head" });
		this.thead.insertBefore(tr, before);
		tr.createEl("th", { cls: "fn-cmp-name-head fn-cmp-group-corner", attr: { "aria-hidden": "true" } });
		if (start > 0) this.spacer("th", tr, start * COLUMN_WIDTH, 0, 1);
		let offset = 0;
		for (const group of groups) {
			const from = Math.max(offset, start);
			const to = Math.min(offset + group.rows.length, end);
			offset += group.rows.length;
			if (to <= from) continue;
			const th = tr.createEl("th", { cls: "fn-cmp-group-cell", attr: { scope: "colgroup" } });
			if (to - from > 1) th.colSpan = to - from;
			th.dataset.group = group.value;
			th.createSpan({ cls: "fn-cmp-group-label", text: group.label });
			th.createSpan({ cls: "fn-cmp-group-count", text: `${group.rows.length}` });
		}
		if (end < total) this.spacer("th", tr, (total - end) * COLUMN_WIDTH, 0, 1);
	}

	/** Set `aria-sort` and the sort rank of the header cells to `sort`. */
	private patchSortMarks(sort: readonly SortKey[]): void {
		const tr = this.headerRow();
		if (!tr) return;
		for (let i = 0; i < tr.children.length; i++) {
			const th = tr.children[i] as HTMLElement;
			const key = th.dataset.key;
			if (key === undefined) continue;
			const sorted = sortState(sort, key);
			const aria = ariaSort(sorted?.dir);
			if (th.getAttribute("aria-sort") !== aria) th.setAttr("aria-sort", aria);
			const rankText = sorted && sort.length > 1 ? ` ${sorted.index + 1}` : null;
			const rank = th.querySelector<HTMLElement>(".fn-cmp-sort-rank");
			if (rankText === null) {
				rank?.remove();
			} else if (rank) {
				if (rank.textContent !== rankText) rank.setText(rankText);
			} else {
				const label = th.querySelector(".fn-cmp-head-label");
				th.insertBefore(createSpan({ cls: "fn-cmp-sort-rank", text: rankText }), label ? label.nextSibling : null);
			}
		}
	}

	private headerLabel(th: HTMLElement, label: string, key: string): void {
		const input = this.input;
		const sorted = input ? sortState(input.sort, key) : null;
		th.setAttr("aria-sort", ariaSort(sorted?.dir));
		const name = th.createSpan({ cls: "fn-cmp-head-label fn-cmp-sort-mark", text: label });
		name.setAttr(
			"title",
			key === NAME_KEY ? "Sort by note name (shift-click adds a sort key)" : `Sort by ${label} (shift-click adds a sort key)`,
		);
		if (sorted && input && input.sort.length > 1) th.createSpan({ cls: "fn-cmp-sort-rank", text: ` ${sorted.index + 1}` });
	}

	private columnLabel(th: HTMLElement, column: ViewColumn): void {
		this.headerLabel(th, column.key, column.key);
		const { present, total } = column.coverage;
		th.createSpan({
			cls: "fn-cmp-coverage",
			text: `${present}/${total}`,
			attr: { "aria-label": `${present} of ${total} notes have it` },
		});
		// The column-level difference marker: cells are marked only against a strict-majority value
		// (or both cells when two notes are compared), so this is what says "the values differ".
		if (column.differs)
			th.createSpan({
				cls: "fn-cmp-differs-mark",
				text: "≠",
				attr: { title: "Values differ between the shown notes", "aria-label": "values differ" },
			});
		if (column.conflicts.length > 0) {
			const lines = column.conflicts.map((c) => `${column.key} is ${c.actualType} in ${c.basename}`);
			th.createSpan({ cls: "fn-cmp-conflict", text: "⚠", attr: { title: lines.join("\n"), "aria-label": lines.join("; ") } });
		}
	}

	private noteHeader(th: HTMLElement, row: Row, selected: boolean): void {
		const box = th.createEl("input", { cls: "fn-cmp-select", type: "checkbox", attr: { "aria-label": `Select ${row.basename}` } });
		box.checked = selected;
		th.createEl("a", { cls: "fn-cmp-note-link", text: row.basename, attr: { title: row.path } });
		if (row.warning !== null) {
			th.createSpan({ cls: "fn-cmp-invalid", text: "⚠", attr: { title: row.warning, "aria-label": row.warning } });
		}
	}

	/**
	 * Run a render that may replace the cell holding the keyboard focus (a live update rebuilds
	 * the row of a changed note, a new sort moves it): afterwards the focus goes to the cell of
	 * the same note and property, wherever it now is, instead of falling back to the page.
	 */
	private keepingFocus(render: () => void): void {
		if (this.restoringFocus) {
			render();
			return;
		}
		const active = this.table.ownerDocument.activeElement;
		const focused = active !== null && this.table.contains(active) ? (active as HTMLElement) : null;
		const cell = focused?.closest<HTMLElement>("[data-c]") ?? null;
		const id = cell ? cellIdentity(cell) : null;
		this.restoringFocus = true;
		try {
			render();
		} finally {
			this.restoringFocus = false;
		}
		if (!focused || !id || focused.isConnected) return;
		// The same note and property; if its row left the rendered window (it moved far away in
		// the new order), the cell now at the same place, so the keyboard stays in the table.
		const replacement = this.findCell(id) ?? this.cellAt(this.focusRow, this.focusCol);
		if (!replacement) return;
		const at = this.cellIndices(replacement);
		if (at) {
			this.focusRow = at.r;
			this.focusCol = at.c;
		}
		this.applyRovingFocus();
		replacement.focus({ preventScroll: true });
	}

	/** The rendered cell with this identity (see `cellIdentity`), if it is in the DOM. */
	private findCell(id: CellIdentity): HTMLElement | null {
		const lines: HTMLElement[] = [];
		const head = this.headerRow();
		if (head) lines.push(head);
		for (const tr of this.rowsByIndex.values()) lines.push(tr);
		for (const tr of lines) {
			if (lineIdentity(tr) !== id.line) continue;
			for (let i = 0; i < tr.children.length; i++) {
				const cell = tr.children[i] as HTMLElement;
				if (cell.dataset.c !== undefined && cellKey(cell) === id.cell) return cell;
			}
		}
		return null;
	}

	/** Render the rows (or note columns) in view; cheap when the window did not move. */
	renderWindow(force: boolean): void {
		const outer = this.viewport === null;
		if (outer) this.viewport = this.measureViewport();
		try {
			this.keepingFocus(() => this.renderWindowNow(force));
		} finally {
			if (outer) this.viewport = null;
		}
	}

	private renderWindowNow(force: boolean): void {
		const input = this.input;
		if (!input || this.editing) return;
		const rows = this.rowWindow();
		const cols = this.columnWindow();
		const key = `${rows.start}:${rows.end}:${cols.start}:${cols.end}`;
		if (!force && key === this.windowKey) return;
		const columnsMoved =
			input.orientation === "columns" && this.windowKey !== "" && !this.windowKey.endsWith(`:${cols.start}:${cols.end}`);
		this.windowKey = key;
		if (columnsMoved) this.renderHeader(false);
		if (input.orientation === "rows") this.renderRows(input, rows.start, rows.end);
		else this.renderLines(input, cols.start, cols.end);
		this.applyRovingFocus();
	}

	/** A spacer row (kept across renders) whose SVG's height attribute stands for rows not rendered. */
	private spacerRow(which: "top" | "bottom", height: number, colSpan: number): HTMLElement {
		let tr = which === "top" ? this.topSpacer : this.bottomSpacer;
		if (!tr) {
			tr = createEl("tr", { cls: "fn-cmp-spacer", attr: { "aria-hidden": "true" } });
			const td = tr.createEl("td", { cls: "fn-cmp-spacer-cell" });
			const svg = document.createElementNS(SVG_NS, "svg");
			svg.setAttribute("width", "1");
			svg.setAttribute("aria-hidden", "true");
			td.appendChild(svg);
			if (which === "top") this.topSpacer = tr;
			else this.bottomSpacer = tr;
		}
		const td = tr.firstElementChild as HTMLTableCellElement;
		if (td.colSpan !== colSpan) td.colSpan = colSpan;
		const svg = td.firstElementChild;
		const value = String(Math.max(0, Math.round(height)));
		if (svg && svg.getAttribute("height") !== value) svg.setAttribute("height", value);
		return tr;
	}

	private renderRows(input: TableInput, start: number, end: number): void {
		const colSpan = input.view.columns.length + 1;
		const nodes: HTMLElement[] = [this.spacerRow("top", start * this.rowHeight, colSpan)];
		const keep = new Map<string, RenderedRow>();
		const groups = new Map<string, HTMLTableRowElement>();
		this.rowsByIndex = new Map();
		for (let i = start; i < end; i++) {
			const item = this.items[i];
			if (!item) continue;
			let tr: HTMLTableRowElement;
			if (item.kind === "group") {
				const key = `${item.group.value}\u0001${item.group.label}\u0001${item.group.rows.length}\u0001${colSpan}`;
				tr = this.groupRows.get(key) ?? this.groupRow(item.group, colSpan);
				groups.set(key, tr);
			} else {
				const previous = this.rendered.get(item.row.path);
				tr = previous && previous.row === item.row ? previous.tr : this.noteRow(input, item.row);
				keep.set(item.row.path, { row: item.row, tr });
				this.decorateRow(input, tr, item.row);
			}
			const index = String(i);
			if (tr.getAttribute("data-r") !== index) tr.setAttribute("data-r", index);
			this.rowsByIndex.set(i, tr);
			nodes.push(tr);
		}
		nodes.push(this.spacerRow("bottom", (this.items.length - end) * this.rowHeight, colSpan));
		this.rendered = keep;
		this.groupRows = groups;
		reconcile(this.tbody, nodes);
		// Measuring a row forces a layout: done once, and again after a resize (a hidden pane
		// measures 0 and keeps the CSS height until it is shown, which Obsidian reports as a resize).
		const first = nodes[1];
		if (!this.rowHeightKnown && first && first !== nodes[nodes.length - 1]) {
			this.rowHeightKnown = true;
			const height = first.getBoundingClientRect().height;
			if (height > 0) this.rowHeight = height;
		}
	}

	private groupRow(group: RowGroup, colSpan: number): HTMLTableRowElement {
		const tr = createEl("tr", { cls: "fn-cmp-group-row" });
		const th = tr.createEl("th", { attr: { scope: "rowgroup", colspan: String(colSpan) } });
		th.dataset.c = "0";
		th.createSpan({ text: group.label });
		th.createSpan({ cls: "fn-cmp-group-count", text: `${group.rows.length}` });
		return tr;
	}

	private noteRow(input: TableInput, row: Row): HTMLTableRowElement {
		const selected = input.selected.has(row.path);
		const tr = createEl("tr", { cls: selected ? "fn-cmp-row is-selected" : "fn-cmp-row" });
		tr.setAttribute("data-path", row.path);
		const th = tr.createEl("th", { attr: { scope: "row", "data-c": "0" } });
		this.noteHeader(th, row, selected);
		const differs: boolean[] = [];
		input.view.columns.forEach((column, i) => {
			const differing = input.view.differingCells.get(column.key)?.has(row.path) ?? false;
			differs.push(differing);
			const td = tr.createEl("td", differing ? { cls: "fn-cmp-differs" } : undefined);
			td.setAttribute("data-c", String(i + 1));
			td.setAttribute("data-key", column.key);
			td.setAttribute("data-path", row.path);
			renderCell(td, this.app, cellOf(row, column.key), column, row.path);
		});
		this.marks.set(tr, { selected, differs });
		return tr;
	}

	/** Selection and difference marks change without the note changing. */
	private decorateRow(input: TableInput, tr: HTMLElement, row: Row): void {
		const selected = input.selected.has(row.path);
		let marks = this.marks.get(tr);
		if (!marks) {
			marks = { selected: false, differs: [] };
			this.marks.set(tr, marks);
		}
		if (marks.selected !== selected) {
			marks.selected = selected;
			tr.toggleClass("is-selected", selected);
			const box = tr.firstElementChild?.firstElementChild;
			if (box instanceof HTMLInputElement) box.checked = selected;
		}
		const columns = input.view.columns;
		const cells = tr.children;
		for (let i = 0; i < columns.length; i++) {
			const column = columns[i];
			if (!column) continue;
			const differs = input.view.differingCells.get(column.key)?.has(row.path) ?? false;
			if ((marks.differs[i] ?? false) === differs) continue;
			marks.differs[i] = differs;
			(cells[i + 1] as HTMLElement | undefined)?.toggleClass("fn-cmp-differs", differs);
		}
	}

	private renderLines(input: TableInput, start: number, end: number): void {
		const notes = input.view.rows;
		const nodes: HTMLElement[] = [];
		this.rowsByIndex = new Map();
		input.view.columns.forEach((column, line) => {
			const tr = createEl("tr", { cls: "fn-cmp-line" });
			tr.dataset.r = String(line);
			tr.dataset.key = column.key;
			const th = tr.createEl("th", { cls: "fn-cmp-col-head", attr: { scope: "row" } });
			th.dataset.c = "0";
			th.dataset.key = column.key;
			this.columnLabel(th, column);
			if (start > 0) this.spacer("td", tr, start * COLUMN_WIDTH, 0, 1);
			const differing = input.view.differingCells.get(column.key);
			for (let i = start; i < end; i++) {
				const row = notes[i];
				if (!row) continue;
				const td = tr.createEl("td");
				td.dataset.c = String(i + 1);
				td.dataset.key = column.key;
				td.dataset.path = row.path;
				if (differing?.has(row.path)) td.addClass("fn-cmp-differs");
				if (input.selected.has(row.path)) td.addClass("is-selected");
				renderCell(td, this.app, cellOf(row, column.key), column, row.path);
			}
			if (end < notes.length) this.spacer("td", tr, (notes.length - end) * COLUMN_WIDTH, 0, 1);
			this.rowsByIndex.set(line, tr);
			nodes.push(tr);
		});
		this.rendered.clear();
		this.groupRows.clear();
		this.tbody.replaceChildren(...nodes);
	}

	// Focus -------------------------------------------------------------------------------------

	private cellAt(r: number, c: number): HTMLElement | null {
		const tr = r < 0 ? this.headerRow() : this.rowsByIndex.get(r);
		if (!tr) return null;
		let first: HTMLElement | null = null;
		const wanted = String(c);
		for (let i = 0; i < tr.children.length; i++) {
			const cell = tr.children[i] as HTMLElement;
			const at = cell.dataset.c;
			if (at === wanted) return cell;
			if (at === "0") first = cell;
		}
		return first;
	}

	/** Exactly one cell is in the tab order: the focused one, or the first header cell. */
	private applyRovingFocus(): void {
		const target = this.cellAt(this.focusRow, this.focusCol) ?? this.cellAt(-1, 0);
		if (this.tabStop === target && target?.getAttr("tabindex") === "0") return;
		if (this.tabStop && this.tabStop !== target) this.tabStop.setAttr("tabindex", "-1");
		target?.setAttr("tabindex", "0");
		this.tabStop = target;
	}

	private cellIndices(el: HTMLElement): { r: number; c: number } | null {
		const cell = el.closest<HTMLElement>("[data-c]");
		const tr = cell?.closest<HTMLElement>("tr[data-r]");
		if (!cell || !tr) return null;
		return { r: Number(tr.dataset.r), c: Number(cell.dataset.c) };
	}

	/** Move the focus to a cell, scrolling it into the rendered window first. */
	focusCell(r: number, c: number): void {
		const maxRow = this.lineCount - 1;
		this.focusRow = Math.max(-1, Math.min(maxRow, r));
		this.focusCol = Math.max(0, Math.min(this.columnCount, c));
		const input = this.input;
		if (input && input.orientation === "rows" && this.focusRow >= 0) {
			const top = this.focusRow * this.rowHeight;
			const viewport = this.viewportHeight() - 2 * this.rowHeight;
			if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
			else if (top > this.scroller.scrollTop + viewport) this.scroller.scrollTop = top - viewport;
		} else if (input && input.orientation === "columns" && this.focusCol > 0) {
			const left = (this.focusCol - 1) * COLUMN_WIDTH;
			const viewport = this.viewportWidth() - 2 * COLUMN_WIDTH;
			if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
			else if (left > this.scroller.scrollLeft + viewport) this.scroller.scrollLeft = left - viewport;
		}
		this.renderWindow(false);
		this.applyRovingFocus();
		(this.cellAt(this.focusRow, this.focusCol) ?? this.cellAt(-1, 0))?.focus();
	}

	// Events ------------------------------------------------------------------------------------

	private onKeyDown(evt: KeyboardEvent): void {
		const target = evt.target as HTMLElement | null;
		if (this.editing && target === this.editing.field) {
			if (evt.key === "Enter") {
				evt.preventDefault();
				void this.editing.finish(true);
			} else if (evt.key === "Escape") {
				evt.preventDefault();
				void this.editing.finish(false);
			}
			return;
		}
		if (!target || this.editing || target.tagName === "INPUT") {
			if (target?.tagName === "INPUT" && target.hasClass("fn-cmp-select") && evt.key === "Enter") evt.preventDefault();
			return;
		}
		const at = this.cellIndices(target);
		if (!at) return;
		const page = Math.max(1, Math.floor(this.viewportHeight() / this.rowHeight) - 1);
		let next: { r: number; c: number } | null = null;
		switch (evt.key) {
			case "ArrowUp":
				next = { r: at.r - 1, c: at.c };
				break;
			case "ArrowDown":
				next = { r: at.r + 1, c: at.c };
				break;
			case "ArrowLeft":
				next = { r: at.r, c: at.c - 1 };
				break;
			case "ArrowRight":
				next = { r: at.r, c: at.c + 1 };
				break;
			case "Home":
				next = evt.ctrlKey || evt.metaKey ? { r: -1, c: 0 } : { r: at.r, c: 0 };
				break;
			case "End":
				next = evt.ctrlKey || evt.metaKey ? { r: this.lineCount - 1, c: this.columnCount } : { r: at.r, c: this.columnCount };
				break;
			case "PageUp":
				next = { r: Math.max(0, at.r - page), c: at.c };
				break;
			case "PageDown":
				next = { r: at.r + page, c: at.c };
				break;
			case "Enter":
			case "F2":
				evt.preventDefault();
				this.activate(target, evt);
				return;
			case " ":
				if (target.closest("th[data-c]")?.querySelector("input.fn-cmp-select")) {
					evt.preventDefault();
					const box = target.closest("th[data-c]")?.querySelector<HTMLInputElement>("input.fn-cmp-select");
					const path = box ? pathOf(box) : null;
					if (box && path !== null) this.callbacks.toggleSelected(path, !box.checked);
				}
				return;
			default:
				return;
		}
		evt.preventDefault();
		this.focusCell(next.r, next.c);
	}

	/** Enter on a cell: sort a header, open a note, or edit a value. */
	private activate(target: HTMLElement, evt: KeyboardEvent): void {
		const cell = target.closest<HTMLElement>("[data-c]");
		if (!cell) return;
		if (cell.hasClass("fn-cmp-col-head") && cell.dataset.key !== undefined) {
			this.callbacks.sort(cell.dataset.key, evt.shiftKey);
			return;
		}
		const noteLink = cell.querySelector<HTMLElement>("a.fn-cmp-note-link");
		const notePath = noteLink ? pathOf(noteLink) : null;
		if (cell.tagName === "TH" && notePath !== null) {
			void this.app.workspace.openLinkText(notePath, "", Keymap.isModEvent(evt));
			return;
		}
		if (cell.tagName === "TD") this.startEdit(cell);
	}

	private onClick(evt: MouseEvent): void {
		const target = evt.target as HTMLElement | null;
		if (!target || (evt.type === "auxclick" && evt.button !== 1)) return;
		const at = this.cellIndices(target);
		if (at) {
			this.focusRow = at.r;
			this.focusCol = at.c;
			this.applyRovingFocus();
			// Arrow keys continue from the clicked cell (controls inside it keep their own focus).
			if (!target.closest("input, a, button, select")) this.cellAt(at.r, at.c)?.focus();
		}
		if (target.closest("input")) return;
		const link = target.closest<HTMLElement>("a.fn-cmp-link");
		if (link?.dataset.linktext !== undefined) {
			evt.preventDefault();
			const source = pathOf(link) ?? "";
			void this.app.workspace.openLinkText(link.dataset.linktext, source, Keymap.isModEvent(evt));
			return;
		}
		const note = target.closest<HTMLElement>("a.fn-cmp-note-link");
		const notePath = note ? pathOf(note) : null;
		if (notePath !== null) {
			evt.preventDefault();
			void this.app.workspace.openLinkText(notePath, "", Keymap.isModEvent(evt));
			return;
		}
		if (target.closest("a")) return;
		const head = target.closest<HTMLElement>(".fn-cmp-col-head");
		if (head?.dataset.key !== undefined && evt.type === "click") this.callbacks.sort(head.dataset.key, evt.shiftKey);
	}

	private onDoubleClick(evt: MouseEvent): void {
		const target = evt.target as HTMLElement | null;
		const td = target?.closest<HTMLElement>("td[data-key]");
		if (td && !target?.closest("a")) this.startEdit(td);
	}

	private onChange(evt: Event): void {
		const target = evt.target as HTMLInputElement | null;
		if (!target || target.tagName !== "INPUT") return;
		const path = pathOf(target);
		if (target.hasClass("fn-cmp-select") && path !== null) {
			this.callbacks.toggleSelected(path, target.checked);
		} else if (target.hasClass("fn-cmp-select-all") && this.input) {
			this.callbacks.selectAll(
				this.input.view.rows.map((r) => r.path),
				target.checked,
			);
		}
	}

	private onHover(evt: MouseEvent): void {
		const target = evt.target as HTMLElement | null;
		const link = target?.closest<HTMLElement>("a.fn-cmp-link, a.fn-cmp-note-link");
		if (!link) return;
		const linktext = link.dataset.linktext ?? pathOf(link);
		if (linktext === undefined || linktext === null) return;
		const sourcePath = link.dataset.linktext === undefined ? "" : (pathOf(link) ?? "");
		this.app.workspace.trigger("hover-link", {
			event: evt,
			source: this.hoverSource,
			hoverParent: this.owner,
			targetEl: link,
			linktext,
			sourcePath,
		});
	}

	private onContextMenu(evt: MouseEvent): void {
		const head = (evt.target as HTMLElement | null)?.closest<HTMLElement>(".fn-cmp-col-head");
		const key = head?.dataset.key;
		if (key === undefined || key === NAME_KEY || !this.callbacks.columnMenu) return;
		evt.preventDefault();
		this.callbacks.columnMenu(key, evt);
	}

	// Editing -----------------------------------------------------------------------------------

	/** Replace a value cell by a text field; Enter or leaving it writes, Escape cancels. */
	startEdit(td: HTMLElement): void {
		const input = this.input;
		const key = td.dataset.key;
		const path = pathOf(td) ?? undefined;
		if (!input || !input.editable || this.editing || key === undefined || path === undefined) return;
		const column = input.view.columns.find((c) => c.key === key);
		const row = input.view.rows.find((r) => r.path === path);
		if (!column || !row) return;
		const at = this.cellIndices(td);
		td.empty();
		td.addClass("is-editing");
		const field = td.createEl("input", { cls: "fn-cmp-cell-input", type: "text", attr: { "aria-label": `${key} of ${row.basename}` } });
		field.value = editText(cellOf(row, key));
		let done = false;
		const finish = async (commit: boolean): Promise<void> => {
			if (done) return;
			done = true;
			const value = field.value;
			try {
				if (commit) await this.callbacks.edit(path, column, value);
			} finally {
				this.editing = null;
				this.rendered.delete(path);
				this.renderWindow(true);
				if (at) this.focusCell(at.r, at.c);
			}
		};
		this.editing = { field, finish };
		field.focus();
		field.select();
	}

	/** The cell being edited, if any (tests, and the view to avoid re-rendering under it). */
	get isEditing(): boolean {
		return this.editing !== null;
	}
}
