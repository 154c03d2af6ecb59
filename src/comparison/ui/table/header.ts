/** The table's header: property headers (rows) or note headers under group cells (transposed). */
import { NAME_KEY, type RowGroup, type SortKey, type Window } from "../../core/index";
import { ariaSort, COLUMN_WIDTH, headerSignature, sortRank, sortSignature } from "../../core/table-layout";
import { spacerCell } from "./dom";
import { columnLabel, headerLabel, noteHeader } from "./labels";
import type { TableInput } from "./types";

export class TableHeader {
	private signature = "";
	private sortSignature = "";

	constructor(private readonly thead: HTMLTableSectionElement) {}

	/**
	 * Render the header for `input` with note columns `cols` (transposed). When only the sort
	 * changed (a header click), the sort marks are patched in place, so the header cells (and the
	 * keyboard focus on them) stay.
	 */
	render(input: TableInput | null, columns: string, cols: Window, force: boolean): void {
		if (!input) {
			this.thead.empty();
			return;
		}
		const { view } = input;
		const sorting = sortSignature(input.sort);
		const signature = headerSignature(columns, view, input.orientation, input.selected, cols);
		if (!force && signature === this.signature && this.thead.firstChild) {
			if (sorting !== this.sortSignature) {
				this.sortSignature = sorting;
				this.patchSortMarks(input.sort);
			}
			return;
		}
		this.signature = signature;
		this.sortSignature = sorting;
		this.thead.empty();
		const tr = this.thead.createEl("tr");
		tr.dataset.r = "-1";
		if (input.orientation === "rows") this.propertyHeads(tr, input);
		else this.noteHeads(tr, input, cols);
	}

	/** Rows: the note-name corner (with "select all") and one sortable header per property. */
	private propertyHeads(tr: HTMLElement, input: TableInput): void {
		const shown = input.view.rows;
		const corner = tr.createEl("th", { cls: "fn-cmp-name-head fn-cmp-col-head", attr: { scope: "col" } });
		corner.dataset.c = "0";
		corner.dataset.key = NAME_KEY;
		const all = corner.createEl("input", {
			cls: "fn-cmp-select-all",
			type: "checkbox",
			attr: { "aria-label": "Select all shown notes" },
		});
		all.checked = shown.length > 0 && shown.every((r) => input.selected.has(r.path));
		headerLabel(corner, "Note", NAME_KEY, input.sort);
		input.view.columns.forEach((column, i) => {
			const th = tr.createEl("th", { cls: "fn-cmp-col-head", attr: { scope: "col" } });
			th.dataset.c = String(i + 1);
			th.dataset.key = column.key;
			columnLabel(th, column, input.sort, input.labels?.get(column.key));
		});
	}

	/** Transposed: the "Property" corner and a header per rendered note, spacers for the others. */
	private noteHeads(tr: HTMLElement, input: TableInput, cols: Window): void {
		const { view } = input;
		const { start, end } = cols;
		const corner = tr.createEl("th", { cls: "fn-cmp-name-head", attr: { scope: "col" }, text: "Property" });
		corner.dataset.c = "0";
		if (start > 0) spacerCell("th", tr, start * COLUMN_WIDTH);
		view.rows.slice(start, end).forEach((row, i) => {
			const th = tr.createEl("th", { cls: "fn-cmp-note-head", attr: { scope: "col" } });
			th.dataset.c = String(start + i + 1);
			th.dataset.path = row.path;
			noteHeader(th, row, input.selected.has(row.path));
		});
		if (end < view.rows.length) spacerCell("th", tr, (view.rows.length - end) * COLUMN_WIDTH);
		if (view.groups && view.groups.length > 0) this.groupHeads(tr, view.groups, start, end, view.rows.length);
	}

	/** The header row of the keyboard grid (row -1); a group row may stand above it. */
	row(): HTMLElement | null {
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
	private groupHeads(before: HTMLElement, groups: readonly RowGroup[], start: number, end: number, total: number): void {
		const tr = createEl("tr", { cls: "fn-cmp-group-head" });
		this.thead.insertBefore(tr, before);
		tr.createEl("th", { cls: "fn-cmp-name-head fn-cmp-group-corner", attr: { "aria-hidden": "true" } });
		if (start > 0) spacerCell("th", tr, start * COLUMN_WIDTH);
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
		if (end < total) spacerCell("th", tr, (total - end) * COLUMN_WIDTH);
	}

	/** Set `aria-sort` and the sort rank of the header cells to `sort`. */
	private patchSortMarks(sort: readonly SortKey[]): void {
		const tr = this.row();
		if (!tr) return;
		for (let i = 0; i < tr.children.length; i++) {
			const th = tr.children[i] as HTMLElement;
			const key = th.dataset.key;
			if (key === undefined) continue;
			const aria = ariaSort(sort.find((k) => k.key === key)?.dir);
			if (th.getAttribute("aria-sort") !== aria) th.setAttr("aria-sort", aria);
			const rankText = sortRank(sort, key);
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
}
