/** Key routing: where a key press happens, to the pure keymap, to what the table does. */
import { type CellKind, keyAction, type KeyTarget } from "../../core/keymap";
import { gridCell, pathOf } from "./dom";

/** What the keyboard asks of the table. */
export interface KeyboardHost {
	/** The grid's size now (lines, columns, a page of lines). */
	grid(): { lines: number; columns: number; page: number };
	editing(owns: EventTarget | null): "field" | "elsewhere" | null;
	finishEdit(commit: boolean): void;
	focusCell(r: number, c: number): void;
	sort(key: string, additive: boolean): void;
	open(path: string, evt: KeyboardEvent): void;
	edit(td: HTMLElement): void;
	toggleSelected(path: string, checked: boolean): void;
}

/** The kind of a grid cell, for the keymap. */
function kindOf(cell: HTMLElement): CellKind {
	if (cell.hasClass("fn-cmp-col-head") && cell.dataset.key !== undefined) return "sort-header";
	if (cell.tagName === "TH" && cell.querySelector("a.fn-cmp-note-link") && cell.querySelector("input.fn-cmp-select"))
		return "note-header";
	if (cell.tagName === "TD") return "value";
	return "other";
}

export function onKeyDown(evt: KeyboardEvent, host: KeyboardHost): void {
	const target = evt.target as HTMLElement | null;
	if (!target) return;
	const editing = host.editing(target);
	let where: KeyTarget;
	let cell: HTMLElement | null = null;
	if (editing === "field") {
		where = { on: "editor" };
	} else if (editing === "elsewhere" || target.tagName === "INPUT") {
		where = { on: "control", checkbox: target.tagName === "INPUT" && target.hasClass("fn-cmp-select") };
	} else {
		const at = gridCell(target);
		if (!at) return;
		cell = at.cell;
		where = { on: "cell", kind: kindOf(cell), row: at.r, col: at.c };
	}
	const action = keyAction({ key: evt.key, shift: evt.shiftKey, ctrl: evt.ctrlKey, meta: evt.metaKey }, where, host.grid());
	if (!action) return;
	evt.preventDefault();
	switch (action.type) {
		case "commit":
		case "cancel":
			host.finishEdit(action.type === "commit");
			return;
		case "move":
			host.focusCell(action.row, action.col);
			return;
		case "sort":
			if (cell?.dataset.key !== undefined) host.sort(cell.dataset.key, action.additive);
			return;
		case "open": {
			const path = cell ? pathOf(cell) : null;
			if (path !== null) host.open(path, evt);
			return;
		}
		case "edit":
			if (cell) host.edit(cell);
			return;
		case "toggle": {
			const box = cell?.querySelector<HTMLInputElement>("input.fn-cmp-select");
			const path = box ? pathOf(box) : null;
			if (box && path !== null) host.toggleSelected(path, !box.checked);
			return;
		}
		case "swallow":
			return;
	}
}
