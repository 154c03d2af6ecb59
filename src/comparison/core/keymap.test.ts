import { describe, expect, it } from "vitest";
import { type CellKind, clampCell, type GridSize, keyAction, type KeyPress } from "./keymap";

const GRID: GridSize = { lines: 10, columns: 4, page: 3 };

function on(kind: CellKind, row: number, col: number): { on: "cell"; kind: CellKind; row: number; col: number } {
	return { on: "cell", kind, row, col };
}

const press = (key: string, mods: Omit<KeyPress, "key"> = {}): KeyPress => ({ key, ...mods });

describe("keyAction: moving in the grid", () => {
	it("moves one cell with the arrow keys", () => {
		expect(keyAction(press("ArrowUp"), on("value", 2, 2), GRID)).toEqual({ type: "move", row: 1, col: 2 });
		expect(keyAction(press("ArrowDown"), on("value", 2, 2), GRID)).toEqual({ type: "move", row: 3, col: 2 });
		expect(keyAction(press("ArrowLeft"), on("value", 2, 2), GRID)).toEqual({ type: "move", row: 2, col: 1 });
		expect(keyAction(press("ArrowRight"), on("value", 2, 2), GRID)).toEqual({ type: "move", row: 2, col: 3 });
	});

	it("stops at the edges: the header row above, the name column left, the last line and column", () => {
		expect(keyAction(press("ArrowUp"), on("sort-header", -1, 2), GRID)).toEqual({ type: "move", row: -1, col: 2 });
		expect(keyAction(press("ArrowUp"), on("value", 0, 2), GRID)).toEqual({ type: "move", row: -1, col: 2 });
		expect(keyAction(press("ArrowLeft"), on("note-header", 3, 0), GRID)).toEqual({ type: "move", row: 3, col: 0 });
		expect(keyAction(press("ArrowDown"), on("value", 9, 1), GRID)).toEqual({ type: "move", row: 9, col: 1 });
		expect(keyAction(press("ArrowRight"), on("value", 9, 4), GRID)).toEqual({ type: "move", row: 9, col: 4 });
	});

	it("Home and End go to the start and end of the line; with Ctrl or Cmd, of the grid", () => {
		expect(keyAction(press("Home"), on("value", 5, 3), GRID)).toEqual({ type: "move", row: 5, col: 0 });
		expect(keyAction(press("End"), on("value", 5, 1), GRID)).toEqual({ type: "move", row: 5, col: 4 });
		expect(keyAction(press("Home", { ctrl: true }), on("value", 5, 3), GRID)).toEqual({ type: "move", row: -1, col: 0 });
		expect(keyAction(press("Home", { meta: true }), on("value", 5, 3), GRID)).toEqual({ type: "move", row: -1, col: 0 });
		expect(keyAction(press("End", { ctrl: true }), on("value", 5, 1), GRID)).toEqual({ type: "move", row: 9, col: 4 });
		expect(keyAction(press("End", { meta: true }), on("sort-header", -1, 0), GRID)).toEqual({ type: "move", row: 9, col: 4 });
	});

	it("PageUp and PageDown move a page of lines; PageUp stops at the first body line", () => {
		expect(keyAction(press("PageDown"), on("value", 2, 1), GRID)).toEqual({ type: "move", row: 5, col: 1 });
		expect(keyAction(press("PageDown"), on("value", 8, 1), GRID)).toEqual({ type: "move", row: 9, col: 1 });
		expect(keyAction(press("PageUp"), on("value", 5, 1), GRID)).toEqual({ type: "move", row: 2, col: 1 });
		expect(keyAction(press("PageUp"), on("value", 1, 1), GRID)).toEqual({ type: "move", row: 0, col: 1 });
		expect(keyAction(press("PageDown"), on("sort-header", -1, 2), GRID)).toEqual({ type: "move", row: 2, col: 2 });
	});

	it("keeps an empty grid on the header row", () => {
		const empty: GridSize = { lines: 0, columns: 0, page: 1 };
		expect(keyAction(press("ArrowDown"), on("sort-header", -1, 0), empty)).toEqual({ type: "move", row: -1, col: 0 });
		expect(keyAction(press("End", { ctrl: true }), on("sort-header", -1, 0), empty)).toEqual({ type: "move", row: -1, col: 0 });
		expect(clampCell(4, 7, { lines: 0, columns: 0 })).toEqual({ row: -1, col: 0 });
	});
});

describe("keyAction: acting on a cell", () => {
	it("Enter on a header sorts; Shift+Enter adds a sort key", () => {
		expect(keyAction(press("Enter"), on("sort-header", -1, 2), GRID)).toEqual({ type: "sort", additive: false });
		expect(keyAction(press("Enter", { shift: true }), on("sort-header", -1, 2), GRID)).toEqual({ type: "sort", additive: true });
		expect(keyAction(press("F2"), on("sort-header", 3, 0), GRID)).toEqual({ type: "sort", additive: false });
	});

	it("Enter or F2 on a value edits it; on a note's header opens the note; elsewhere does nothing but is kept", () => {
		expect(keyAction(press("Enter"), on("value", 1, 1), GRID)).toEqual({ type: "edit" });
		expect(keyAction(press("F2"), on("value", 1, 1), GRID)).toEqual({ type: "edit" });
		expect(keyAction(press("Enter"), on("note-header", 1, 0), GRID)).toEqual({ type: "open" });
		expect(keyAction(press("Enter"), on("other", 0, 0), GRID)).toEqual({ type: "swallow" });
	});

	it("Space toggles a note's checkbox from its header cell, and is left alone elsewhere", () => {
		expect(keyAction(press(" "), on("note-header", 2, 0), GRID)).toEqual({ type: "toggle" });
		expect(keyAction(press(" "), on("value", 2, 1), GRID)).toBeNull();
		expect(keyAction(press(" "), on("sort-header", -1, 1), GRID)).toBeNull();
	});

	it("leaves other keys to the browser", () => {
		expect(keyAction(press("a"), on("value", 1, 1), GRID)).toBeNull();
		expect(keyAction(press("Escape"), on("value", 1, 1), GRID)).toBeNull();
		expect(keyAction(press("Tab"), on("value", 1, 1), GRID)).toBeNull();
	});
});

describe("keyAction: the editor and controls", () => {
	it("Enter commits an edit, Escape cancels it, other keys type", () => {
		expect(keyAction(press("Enter"), { on: "editor" }, GRID)).toEqual({ type: "commit" });
		expect(keyAction(press("Escape"), { on: "editor" }, GRID)).toEqual({ type: "cancel" });
		expect(keyAction(press("ArrowLeft"), { on: "editor" }, GRID)).toBeNull();
		expect(keyAction(press("x"), { on: "editor" }, GRID)).toBeNull();
	});

	it("swallows Enter on a note's checkbox and leaves other controls alone", () => {
		expect(keyAction(press("Enter"), { on: "control", checkbox: true }, GRID)).toEqual({ type: "swallow" });
		expect(keyAction(press(" "), { on: "control", checkbox: true }, GRID)).toBeNull();
		expect(keyAction(press("Enter"), { on: "control", checkbox: false }, GRID)).toBeNull();
		expect(keyAction(press("ArrowDown"), { on: "control", checkbox: false }, GRID)).toBeNull();
	});
});
