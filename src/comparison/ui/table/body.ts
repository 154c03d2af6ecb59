/**
 * The table's body. Rows: the note rows in the window between two spacer rows, reusing the rows
 * of notes that did not change. Transposed: one line per property with the note columns in the
 * window between spacer cells.
 */
import type { App } from "obsidian";
import { cellOf, type Row, type RowGroup, type ViewColumn } from "../../core/index";
import { COLUMN_WIDTH, type TableLayout } from "../../core/table-layout";
import { renderCell } from "../cells";
import { reconcile, spacerCell, spacerSvg } from "./dom";
import { columnLabel, noteHeader } from "./labels";
import type { TableInput } from "./types";

interface RenderedRow {
	readonly row: Row;
	readonly tr: HTMLTableRowElement;
}

/** What `decorateRow` last applied to a row, so unchanged marks cost no DOM work. */
interface RowMarks {
	selected: boolean;
	/** One flag per value cell (column order): marked as differing (see `ViewResult.differingCells`). */
	differs: boolean[];
	/** Per value cell, its column's number range when drawn (a number's bar depends on it). */
	ranges: string[];
}

function rangeOf(column: ViewColumn): string {
	return column.min === undefined ? "" : `${column.min}:${column.max ?? ""}`;
}

export class TableBody {
	private rendered = new Map<string, RenderedRow>();
	private groupRows = new Map<string, HTMLTableRowElement>();
	private readonly marks = new WeakMap<HTMLElement, RowMarks>();
	/** Rendered lines by line index. */
	private lines = new Map<number, HTMLElement>();
	private topSpacer: HTMLElement | null = null;
	private bottomSpacer: HTMLElement | null = null;

	constructor(
		private readonly tbody: HTMLTableSectionElement,
		private readonly app: App,
	) {}

	/** The rendered line at index `r`, if it is in the window. */
	line(r: number): HTMLElement | undefined {
		return this.lines.get(r);
	}

	/** Every rendered line. */
	renderedLines(): Iterable<HTMLElement> {
		return this.lines.values();
	}

	/** Forget the rendered rows of these notes so the next render rebuilds them. */
	forget(paths: Iterable<string>): void {
		for (const path of paths) this.rendered.delete(path);
	}

	/** Forget every rendered row (the columns changed). */
	forgetAll(): void {
		this.rendered.clear();
	}

	/**
	 * Rows orientation: render lines `start`..`end` of `items`; the spacers stand for the others at
	 * `rowHeight` each. Returns the first rendered line, or null when there is none.
	 */
	renderRows(input: TableInput, layout: TableLayout, start: number, end: number, rowHeight: number): HTMLElement | null {
		const colSpan = input.view.columns.length + 1;
		const nodes: HTMLElement[] = [this.spacerRow("top", start * rowHeight, colSpan)];
		const keep = new Map<string, RenderedRow>();
		const groups = new Map<string, HTMLTableRowElement>();
		this.lines = new Map();
		for (let i = start; i < end; i++) {
			const item = layout.item(i);
			if (!item) continue;
			let tr: HTMLTableRowElement;
			if (item.kind === "group") {
				const key = `${item.group.value}\u0001${item.group.label}\u0001${item.group.rows.length}\u0001${colSpan}`;
				tr = this.groupRows.get(key) ?? groupRow(item.group, colSpan);
				groups.set(key, tr);
			} else {
				const previous = this.rendered.get(item.row.path);
				tr = previous && previous.row === item.row ? previous.tr : this.noteRow(input, item.row);
				keep.set(item.row.path, { row: item.row, tr });
				this.decorateRow(input, tr, item.row);
			}
			const index = String(i);
			if (tr.getAttribute("data-r") !== index) tr.setAttribute("data-r", index);
			this.lines.set(i, tr);
			nodes.push(tr);
		}
		nodes.push(this.spacerRow("bottom", (layout.lineCount - end) * rowHeight, colSpan));
		this.rendered = keep;
		this.groupRows = groups;
		reconcile(this.tbody, nodes);
		return nodes.length > 2 ? (nodes[1] ?? null) : null;
	}

	/** Transposed: one line per property with the note columns `start`..`end`. */
	renderLines(input: TableInput, start: number, end: number): void {
		const notes = input.view.rows;
		const nodes: HTMLElement[] = [];
		this.lines = new Map();
		input.view.columns.forEach((column, line) => {
			const tr = createEl("tr", { cls: "fn-cmp-line" });
			tr.dataset.r = String(line);
			tr.dataset.key = column.key;
			const th = tr.createEl("th", { cls: "fn-cmp-col-head", attr: { scope: "row" } });
			th.dataset.c = "0";
			th.dataset.key = column.key;
			columnLabel(th, column, input.sort, input.labels?.get(column.key));
			if (start > 0) spacerCell("td", tr, start * COLUMN_WIDTH);
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
			if (end < notes.length) spacerCell("td", tr, (notes.length - end) * COLUMN_WIDTH);
			this.lines.set(line, tr);
			nodes.push(tr);
		});
		this.rendered.clear();
		this.groupRows.clear();
		this.tbody.replaceChildren(...nodes);
	}

	/** A spacer row (kept across renders) whose SVG's height attribute stands for rows not rendered. */
	private spacerRow(which: "top" | "bottom", height: number, colSpan: number): HTMLElement {
		let tr = which === "top" ? this.topSpacer : this.bottomSpacer;
		if (!tr) {
			tr = createEl("tr", { cls: "fn-cmp-spacer", attr: { "aria-hidden": "true" } });
			const td = tr.createEl("td", { cls: "fn-cmp-spacer-cell" });
			td.appendChild(spacerSvg(1, null));
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

	private noteRow(input: TableInput, row: Row): HTMLTableRowElement {
		const selected = input.selected.has(row.path);
		const tr = createEl("tr", { cls: selected ? "fn-cmp-row is-selected" : "fn-cmp-row" });
		tr.setAttribute("data-path", row.path);
		const th = tr.createEl("th", { attr: { scope: "row", "data-c": "0" } });
		noteHeader(th, row, selected);
		const differs: boolean[] = [];
		const ranges: string[] = [];
		input.view.columns.forEach((column, i) => {
			const differing = input.view.differingCells.get(column.key)?.has(row.path) ?? false;
			differs.push(differing);
			ranges.push(rangeOf(column));
			tr.appendChild(this.valueCell(row, column, i, differing));
		});
		this.marks.set(tr, { selected, differs, ranges });
		return tr;
	}

	private valueCell(row: Row, column: ViewColumn, i: number, differing: boolean): HTMLTableCellElement {
		const td = createEl("td", differing ? { cls: "fn-cmp-differs" } : undefined);
		td.setAttribute("data-c", String(i + 1));
		td.setAttribute("data-key", column.key);
		td.setAttribute("data-path", row.path);
		renderCell(td, this.app, cellOf(row, column.key), column, row.path);
		return td;
	}

	/** Selection and difference marks change without the note changing. */
	private decorateRow(input: TableInput, tr: HTMLElement, row: Row): void {
		const selected = input.selected.has(row.path);
		let marks = this.marks.get(tr);
		if (!marks) {
			marks = { selected: false, differs: [], ranges: [] };
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
			const range = rangeOf(column);
			if ((marks.ranges[i] ?? "") !== range) {
				// The column's number range changed: only this cell is drawn again (its bar).
				const old = cells[i + 1];
				if (old) tr.replaceChild(this.valueCell(row, column, i, differs), old);
				marks.ranges[i] = range;
				marks.differs[i] = differs;
				continue;
			}
			if ((marks.differs[i] ?? false) === differs) continue;
			marks.differs[i] = differs;
			(cells[i + 1] as HTMLElement | undefined)?.toggleClass("fn-cmp-differs", differs);
		}
	}
}

function groupRow(group: RowGroup, colSpan: number): HTMLTableRowElement {
	const tr = createEl("tr", { cls: "fn-cmp-group-row" });
	const th = tr.createEl("th", { attr: { scope: "rowgroup", colspan: String(colSpan) } });
	th.dataset.c = "0";
	th.createSpan({ text: group.label });
	th.createSpan({ cls: "fn-cmp-group-count", text: `${group.rows.length}` });
	return tr;
}
