/**
 * The comparison table's keyboard, as a pure function: a key press where it happens (a cell of
 * the grid, a control in a cell, the cell editor) to what the table does.
 *
 * The grid: line -1 is the header row, lines 0..lines-1 the body; cell 0 is the name column,
 * cells 1..columns the values.
 */

export interface KeyPress {
	readonly key: string;
	readonly shift?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
}

/** What kind of cell has the focus. */
export type CellKind =
	/** A property header (or the note-name header): Enter sorts. */
	| "sort-header"
	/** A note's header cell (its checkbox and link): Enter opens the note, Space toggles it. */
	| "note-header"
	/** A value cell: Enter or F2 edits it. */
	| "value"
	/** Anything else (a group heading, the corner). */
	| "other";

export type KeyTarget =
	/** The text field of the cell editor. */
	| { readonly on: "editor" }
	/** A form control inside a cell, or anything while a cell is being edited. */
	| { readonly on: "control"; readonly checkbox: boolean }
	| { readonly on: "cell"; readonly kind: CellKind; readonly row: number; readonly col: number };

export interface GridSize {
	readonly lines: number;
	readonly columns: number;
	/** Lines moved by PageUp / PageDown. */
	readonly page: number;
}

export type KeyAction =
	| { readonly type: "move"; readonly row: number; readonly col: number }
	| { readonly type: "sort"; readonly additive: boolean }
	| { readonly type: "open" }
	| { readonly type: "edit" }
	| { readonly type: "toggle" }
	| { readonly type: "commit" }
	| { readonly type: "cancel" }
	/** Keep the browser's default from happening, nothing else. */
	| { readonly type: "swallow" };

/** Keep a cell position inside the grid. */
export function clampCell(row: number, col: number, grid: Pick<GridSize, "lines" | "columns">): { row: number; col: number } {
	return { row: Math.max(-1, Math.min(grid.lines - 1, row)), col: Math.max(0, Math.min(grid.columns, col)) };
}

function move(row: number, col: number, grid: GridSize): KeyAction {
	return { type: "move", ...clampCell(row, col, grid) };
}

function cellAction(press: KeyPress, at: { kind: CellKind; row: number; col: number }, grid: GridSize): KeyAction | null {
	const { row, col } = at;
	const mod = press.ctrl === true || press.meta === true;
	switch (press.key) {
		case "ArrowUp":
			return move(row - 1, col, grid);
		case "ArrowDown":
			return move(row + 1, col, grid);
		case "ArrowLeft":
			return move(row, col - 1, grid);
		case "ArrowRight":
			return move(row, col + 1, grid);
		case "Home":
			return mod ? move(-1, 0, grid) : move(row, 0, grid);
		case "End":
			return mod ? move(grid.lines - 1, grid.columns, grid) : move(row, grid.columns, grid);
		case "PageUp":
			return move(Math.max(0, row - grid.page), col, grid);
		case "PageDown":
			return move(row + grid.page, col, grid);
		case "Enter":
		case "F2":
			if (at.kind === "sort-header") return { type: "sort", additive: press.shift === true };
			if (at.kind === "note-header") return { type: "open" };
			if (at.kind === "value") return { type: "edit" };
			return { type: "swallow" };
		case " ":
			return at.kind === "note-header" ? { type: "toggle" } : null;
		default:
			return null;
	}
}

/** What a key press does, or null when the table leaves it to the browser. */
export function keyAction(press: KeyPress, target: KeyTarget, grid: GridSize): KeyAction | null {
	switch (target.on) {
		case "editor":
			if (press.key === "Enter") return { type: "commit" };
			if (press.key === "Escape") return { type: "cancel" };
			return null;
		case "control":
			// Enter on a note's checkbox would submit nothing and scroll: swallowed.
			return target.checkbox && press.key === "Enter" ? { type: "swallow" } : null;
		case "cell":
			return cellAction(press, target, grid);
	}
}
