/** Editing a value in place: a text field replaces the cell; Enter or leaving it writes, Escape cancels. */
import { type Cell, cellOf, type ViewColumn } from "../../core/index";
import { gridCell, pathOf } from "./dom";
import type { TableInput } from "./types";

/** Text to put in the editor for a cell's current value. */
export function editText(cell: Cell): string {
	if (cell.state !== "value") return "";
	const raw = cell.raw;
	if (Array.isArray(raw)) return raw.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ");
	if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return String(raw);
	return cell.display;
}

/** What the editor asks of the table. */
export interface EditorHost {
	/** What the table shows now. */
	input(): TableInput | null;
	/** Write the value (the owner's `edit` callback). */
	write(path: string, column: ViewColumn, value: string): Promise<void>;
	/** The edit is over: render the note's cells again and put the keyboard back on (`r`, `c`). */
	done(path: string, at: { r: number; c: number } | null): void;
}

export class CellEditor {
	private editing: { readonly field: HTMLInputElement; finish(commit: boolean): Promise<void> } | null = null;

	constructor(private readonly host: EditorHost) {}

	/** True while a cell is being edited (the table does not re-render under it). */
	get active(): boolean {
		return this.editing !== null;
	}

	/** True when `el` is the editor's text field. */
	owns(el: EventTarget | null): boolean {
		return this.editing !== null && el === this.editing.field;
	}

	/** Write (`commit`) or drop the edited value and close the editor. */
	finish(commit: boolean): void {
		if (this.editing) void this.editing.finish(commit);
	}

	/** Replace a value cell by a text field holding its value. */
	start(td: HTMLElement): void {
		const input = this.host.input();
		const key = td.dataset.key;
		const path = pathOf(td) ?? undefined;
		if (!input || !input.editable || this.editing || key === undefined || path === undefined) return;
		const column = input.view.columns.find((c) => c.key === key);
		const row = input.view.rows.find((r) => r.path === path);
		if (!column || !row) return;
		const found = gridCell(td);
		const at = found ? { r: found.r, c: found.c } : null;
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
				if (commit) await this.host.write(path, column, value);
			} finally {
				this.editing = null;
				this.host.done(path, at);
			}
		};
		this.editing = { field, finish };
		field.focus();
		field.select();
	}
}
