/** Pointer routing: clicks on headers, cells, links and checkboxes, double-clicks, hover and the header menu. */
import { NAME_KEY } from "../../core/index";
import { gridCell, pathOf } from "./dom";

/** What the pointer asks of the table. */
export interface PointerHost {
	/** A cell was clicked: it becomes the focused cell; `focus` gives it the keyboard too. */
	clickedCell(r: number, c: number, focus: boolean): void;
	/** Open a link (`linktext` from `sourcePath`) or a note (`sourcePath` ""). */
	open(linktext: string, sourcePath: string, evt: MouseEvent): void;
	sort(key: string, additive: boolean): void;
	edit(td: HTMLElement): void;
	toggleSelected(path: string, checked: boolean): void;
	/** Check or clear every shown note. */
	selectAll(checked: boolean): void;
	/** Show Obsidian's page preview for a link. */
	hover(evt: MouseEvent, link: HTMLElement, linktext: string, sourcePath: string): void;
	/** The header menu of property `key`, if the owner has one. */
	readonly columnMenu?: (key: string, evt: MouseEvent) => void;
}

/** Click (and middle click): focus the cell, open a link or note, or sort by a header. */
export function onClick(evt: MouseEvent, host: PointerHost): void {
	const target = evt.target as HTMLElement | null;
	if (!target || (evt.type === "auxclick" && evt.button !== 1)) return;
	const at = gridCell(target);
	// Arrow keys continue from the clicked cell (controls inside it keep their own focus).
	if (at) host.clickedCell(at.r, at.c, !target.closest("input, a, button, select"));
	if (target.closest("input")) return;
	const link = target.closest<HTMLElement>("a.fn-cmp-link");
	if (link?.dataset.linktext !== undefined) {
		evt.preventDefault();
		host.open(link.dataset.linktext, pathOf(link) ?? "", evt);
		return;
	}
	const note = target.closest<HTMLElement>("a.fn-cmp-note-link");
	const notePath = note ? pathOf(note) : null;
	if (notePath !== null) {
		evt.preventDefault();
		host.open(notePath, "", evt);
		return;
	}
	if (target.closest("a")) return;
	const head = target.closest<HTMLElement>(".fn-cmp-col-head");
	if (head?.dataset.key !== undefined && evt.type === "click") host.sort(head.dataset.key, evt.shiftKey);
}

/** Double-click on a value (not on a link in it): edit it. */
export function onDoubleClick(evt: MouseEvent, host: PointerHost): void {
	const target = evt.target as HTMLElement | null;
	const td = target?.closest<HTMLElement>("td[data-key]");
	if (td && !target?.closest("a")) host.edit(td);
}

/** A checkbox changed: a note's selection, or "select all". */
export function onChange(evt: Event, host: PointerHost): void {
	const target = evt.target as HTMLInputElement | null;
	if (!target || target.tagName !== "INPUT") return;
	const path = pathOf(target);
	if (target.hasClass("fn-cmp-select") && path !== null) host.toggleSelected(path, target.checked);
	else if (target.hasClass("fn-cmp-select-all")) host.selectAll(target.checked);
}

/** Hovering an internal link or a note name: Obsidian's page preview. */
export function onHover(evt: MouseEvent, host: PointerHost): void {
	const target = evt.target as HTMLElement | null;
	const link = target?.closest<HTMLElement>("a.fn-cmp-link, a.fn-cmp-note-link");
	if (!link) return;
	const linktext = link.dataset.linktext ?? pathOf(link);
	if (linktext === undefined || linktext === null) return;
	const sourcePath = link.dataset.linktext === undefined ? "" : (pathOf(link) ?? "");
	host.hover(evt, link, linktext, sourcePath);
}

/** Right-click on a property header: its menu. */
export function onContextMenu(evt: MouseEvent, host: PointerHost): void {
	const head = (evt.target as HTMLElement | null)?.closest<HTMLElement>(".fn-cmp-col-head");
	const key = head?.dataset.key;
	if (key === undefined || key === NAME_KEY || !host.columnMenu) return;
	evt.preventDefault();
	host.columnMenu(key, evt);
}
