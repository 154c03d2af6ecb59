/** The contents of header cells: sortable labels, a property's marks, a note's checkbox and link. */
import { NAME_KEY, type Row, type SortKey, type ViewColumn } from "../../core/index";
import { ariaSort, sortRank, sortState } from "../../core/table-layout";

/** A sortable header's label, its `aria-sort` and (sorting by several keys) its rank. */
export function headerLabel(th: HTMLElement, label: string, key: string, sort: readonly SortKey[]): void {
	th.setAttr("aria-sort", ariaSort(sortState(sort, key)?.dir));
	const name = th.createSpan({ cls: "fn-cmp-head-label fn-cmp-sort-mark", text: label });
	name.setAttr(
		"title",
		key === NAME_KEY ? "Sort by note name (shift-click adds a sort key)" : `Sort by ${label} (shift-click adds a sort key)`,
	);
	const rank = sortRank(sort, key);
	if (rank !== null) th.createSpan({ cls: "fn-cmp-sort-rank", text: rank });
}

/** A property's header: its sortable name, coverage, difference and type-conflict marks. */
export function columnLabel(th: HTMLElement, column: ViewColumn, sort: readonly SortKey[], label = column.key): void {
	headerLabel(th, label, column.key, sort);
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

/** A note's header: its selection checkbox, the link that opens it, and a warning for invalid YAML. */
export function noteHeader(th: HTMLElement, row: Row, selected: boolean): void {
	const box = th.createEl("input", { cls: "fn-cmp-select", type: "checkbox", attr: { "aria-label": `Select ${row.basename}` } });
	box.checked = selected;
	th.createEl("a", { cls: "fn-cmp-note-link", text: row.basename, attr: { title: row.path } });
	if (row.warning !== null) {
		th.createSpan({ cls: "fn-cmp-invalid", text: "⚠", attr: { title: row.warning, "aria-label": row.warning } });
	}
}
