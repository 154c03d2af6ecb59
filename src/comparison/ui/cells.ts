import type { App } from "obsidian";
import { type Cell, type CellItem, safeUrl, type ValueCell, type ViewColumn, type WikiLink } from "../core/index";
import { barLevel } from "../core/index";

/** Text for screen readers only (the visible part is a symbol). */
export function hiddenText(parent: HTMLElement, text: string): void {
	parent.createSpan({ cls: "fn-cmp-visually-hidden", text });
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Before this year the locale's short year ("Jan 1, 42"; year 0 as "Jan 1, 1") is unclear. */
const FIRST_LOCALE_YEAR = 1000;

/** A date cell in the locale's medium style; dates before the year 1000 as written (`0042-01-02`). */
function formatDate(cell: ValueCell): string {
	if (typeof cell.sortKey !== "number" || !Number.isFinite(cell.sortKey)) return cell.display;
	if (new Date(cell.sortKey).getUTCFullYear() < FIRST_LOCALE_YEAR) return cell.display;
	try {
		return (cell.type === "datetime" ? dateTimeFormat : dateFormat).format(cell.sortKey);
	} catch {
		return cell.display;
	}
}

/** An internal link: resolved through the metadata cache; click and hover are handled by the table. */
function renderWikiLink(parent: HTMLElement, app: App, link: WikiLink, sourcePath: string, text: string): void {
	const linktext = link.subpath ? `${link.target}${link.subpath}` : link.target;
	const dest = app.metadataCache.getFirstLinkpathDest(link.target, sourcePath);
	const el = parent.createEl("a", { cls: "fn-cmp-link internal-link", text });
	el.setAttribute("data-linktext", linktext);
	el.setAttr("aria-label", dest ? `Open ${dest.basename}` : `${text} (note does not exist)`);
	if (!dest) el.addClass("is-unresolved");
}

/** An external link, only for http, https, mailto and obsidian URLs. */
function renderUrl(parent: HTMLElement, url: string, text: string): void {
	const safe = safeUrl(url);
	if (safe === null) {
		parent.createSpan({ text });
		return;
	}
	parent.createEl("a", {
		cls: "fn-cmp-external-link external-link",
		text,
		attr: { href: safe, target: "_blank", rel: "noopener nofollow noreferrer" },
	});
}

function renderItem(parent: HTMLElement, app: App, item: CellItem, sourcePath: string): void {
	const chip = parent.createSpan({ cls: "fn-cmp-chip" });
	if (item.link) renderWikiLink(chip, app, item.link, sourcePath, item.text);
	else if (item.url) renderUrl(chip, item.url, item.text);
	else chip.setText(item.text);
}

function renderNumber(td: HTMLElement, cell: ValueCell, column: ViewColumn): void {
	td.addClass("fn-cmp-num");
	const value = typeof cell.raw === "number" ? cell.raw : typeof cell.sortKey === "number" ? cell.sortKey : Number.NaN;
	if (Number.isFinite(value) && column.min !== undefined && column.max !== undefined) {
		td.createSpan({ cls: `fn-cmp-bar fn-cmp-bar-${barLevel(value, column.min, column.max)}`, attr: { "aria-hidden": "true" } });
	}
	td.appendChild(document.createTextNode(cell.display));
	if (column.min !== undefined && column.max !== undefined && column.min !== column.max) {
		if (value === column.min) {
			td.addClass("fn-cmp-extreme");
			hiddenText(td, " (lowest)");
			td.dataset.extreme = "min";
		} else if (value === column.max) {
			td.addClass("fn-cmp-extreme");
			hiddenText(td, " (highest)");
			td.dataset.extreme = "max";
		}
	}
}

function renderValue(td: HTMLElement, app: App, cell: ValueCell, column: ViewColumn, sourcePath: string): void {
	switch (cell.type) {
		case "checkbox": {
			const yes = cell.raw === true;
			td.createSpan({ cls: yes ? "fn-cmp-yes" : "fn-cmp-no", text: yes ? "✓" : "✗", attr: { "aria-hidden": "true" } });
			hiddenText(td, yes ? "yes" : "no");
			return;
		}
		case "number":
			renderNumber(td, cell, column);
			return;
		case "date":
		case "datetime":
			td.appendChild(document.createTextNode(formatDate(cell)));
			return;
		default:
			break;
	}
	if (cell.items && cell.items.length > 0) {
		for (const item of cell.items) renderItem(td, app, item, sourcePath);
		return;
	}
	if (cell.url) {
		renderUrl(td, cell.url, cell.display);
		return;
	}
	const only = cell.links?.length === 1 ? cell.links[0] : undefined;
	if (only && typeof cell.raw === "string" && /^\s*\[\[[^\]]*\]\]\s*$/.test(cell.raw)) {
		renderWikiLink(td, app, only, sourcePath, only.text);
		return;
	}
	td.appendChild(document.createTextNode(cell.display));
}

/**
 * Fill a table cell with a value. Everything is text nodes or links built with `createEl`;
 * a value never becomes markup. The full value is in `title` (the cell truncates visually).
 */
export function renderCell(td: HTMLElement, app: App, cell: Cell, column: ViewColumn, sourcePath: string): void {
	switch (cell.state) {
		case "absent":
			td.addClass("fn-cmp-absent");
			td.setAttr("aria-label", "not set");
			td.appendChild(document.createTextNode("—"));
			return;
		case "empty":
			td.addClass("fn-cmp-empty-value");
			td.appendChild(document.createTextNode("empty"));
			return;
		case "null":
			td.addClass("fn-cmp-null");
			td.appendChild(document.createTextNode("no value"));
			return;
		case "value":
			td.setAttr("title", cell.display);
			renderValue(td, app, cell, column, sourcePath);
			return;
	}
}
