import { Menu } from "obsidian";
import type { ComparisonModel } from "../../core/index";
import type { PaneAction } from "../../core/pane-state";

/** The menu of a column header: sort, move, hide, group and filter by that property. */
export function showColumnMenu(
	evt: MouseEvent,
	key: string,
	visible: () => readonly string[],
	dispatch: (action: PaneAction) => void,
): void {
	const menu = new Menu();
	const item = (title: string, icon: string, action: () => PaneAction): void => {
		menu.addItem((i) =>
			i
				.setTitle(title)
				.setIcon(icon)
				.onClick(() => dispatch(action())),
		);
	};
	item("Sort ascending", "arrow-up", () => ({ type: "sortBy", key, dir: "asc" }));
	item("Sort descending", "arrow-down", () => ({ type: "sortBy", key, dir: "desc" }));
	menu.addSeparator();
	item("Move left", "arrow-left", () => ({ type: "moveColumn", visible: visible(), key, delta: -1 }));
	item("Move right", "arrow-right", () => ({ type: "moveColumn", visible: visible(), key, delta: 1 }));
	item("Hide property", "eye-off", () => ({ type: "hideColumn", key, hidden: true }));
	menu.addSeparator();
	item("Group by this property", "group", () => ({ type: "groupBy", key }));
	item("Filter by this property", "filter", () => ({ type: "filterKey", key }));
	menu.showAtMouseEvent(evt);
}

/** The toolbar's properties menu: every property with its coverage, checked when shown. */
export function showPropertiesMenu(
	evt: MouseEvent,
	model: ComparisonModel,
	hiddenColumns: readonly string[],
	dispatch: (action: PaneAction) => void,
): void {
	const menu = new Menu();
	const hidden = new Set(hiddenColumns);
	for (const column of model.columns) {
		menu.addItem((item) =>
			item
				.setTitle(`${column.key} (${column.coverage.present}/${column.coverage.total})`)
				.setChecked(!hidden.has(column.key))
				.onClick(() => dispatch({ type: "hideColumn", key: column.key, hidden: !hidden.has(column.key) })),
		);
	}
	menu.addSeparator();
	menu.addItem((item) =>
		item
			.setTitle("Show all properties")
			.setIcon("eye")
			.onClick(() => dispatch({ type: "showAllColumns" })),
	);
	menu.addItem((item) =>
		item
			.setTitle("Reset property order")
			.setIcon("rotate-ccw")
			.onClick(() => dispatch({ type: "resetColumnOrder" })),
	);
	menu.showAtMouseEvent(evt);
}

/** What the export menu can do with the comparison in view. */
export interface ExportActions {
	copyMarkdown(): Promise<unknown>;
	copyCsv(): Promise<unknown>;
	saveAsNote(): Promise<unknown>;
}

/** The toolbar's export menu: copy as Markdown or CSV, or save as a note. */
export function showExportMenu(evt: MouseEvent, actions: ExportActions): void {
	const menu = new Menu();
	menu.addItem((item) =>
		item
			.setTitle("Copy as Markdown table")
			.setIcon("table")
			.onClick(() => void actions.copyMarkdown()),
	);
	menu.addItem((item) =>
		item
			.setTitle("Copy as CSV")
			.setIcon("file-spreadsheet")
			.onClick(() => void actions.copyCsv()),
	);
	menu.addItem((item) =>
		item
			.setTitle("Save as note")
			.setIcon("file-plus")
			.onClick(() => void actions.saveAsNote()),
	);
	menu.showAtMouseEvent(evt);
}
