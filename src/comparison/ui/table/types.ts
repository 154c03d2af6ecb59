import type { Orientation, SortKey, ViewColumn, ViewResult } from "../../core/index";

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
	/** Header text per column key (the Bases view's display names); the key itself when absent. */
	readonly labels?: ReadonlyMap<string, string>;
}
