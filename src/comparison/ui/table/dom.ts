/** Small DOM helpers shared by the table's parts: where a cell is, which cell it is, spacers. */

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG that gives an empty spacer cell its size (an attribute write, no style). */
export function spacerSvg(width: number, height: number | null): SVGSVGElement {
	const svg = document.createElementNS(SVG_NS, "svg");
	svg.setAttribute("width", String(width));
	if (height !== null) svg.setAttribute("height", String(height));
	svg.setAttribute("aria-hidden", "true");
	return svg;
}

/** A cell standing for the note columns not rendered (transposed), `width` pixels wide. */
export function spacerCell(tag: "td" | "th", parent: HTMLElement, width: number): void {
	const cell = parent.createEl(tag, { cls: "fn-cmp-spacer-cell", attr: { "aria-hidden": "true" } });
	if (width > 0) cell.appendChild(spacerSvg(Math.max(1, width), 1));
}

/**
 * Make `parent`'s children exactly `nodes`, touching only what differs: rows kept from the last
 * render stay where they are (no detach / re-attach), stale rows go, new rows are inserted.
 */
export function reconcile(parent: HTMLElement, nodes: readonly HTMLElement[]): void {
	const wanted = new Set<Node>(nodes);
	let cursor = parent.firstChild;
	for (const node of nodes) {
		while (cursor && cursor !== node && !wanted.has(cursor)) {
			const next = cursor.nextSibling;
			parent.removeChild(cursor);
			cursor = next;
		}
		if (cursor === node) {
			cursor = cursor.nextSibling;
			continue;
		}
		parent.insertBefore(node, cursor);
	}
	while (cursor) {
		const next = cursor.nextSibling;
		parent.removeChild(cursor);
		cursor = next;
	}
}

/** The note a cell, header or control belongs to (the nearest `data-path`). */
export function pathOf(el: HTMLElement): string | null {
	return el.closest("[data-path]")?.getAttribute("data-path") ?? null;
}

/** The keyboard-grid cell holding `el` and its position (line, cell), or null outside the grid. */
export function gridCell(el: HTMLElement): { cell: HTMLElement; r: number; c: number } | null {
	const cell = el.closest<HTMLElement>("[data-c]");
	const tr = cell?.closest<HTMLElement>("tr[data-r]");
	if (!cell || !tr) return null;
	return { cell, r: Number(tr.dataset.r), c: Number(cell.dataset.c) };
}

/** Which cell it is, independent of where it is rendered: its line (note, property or header) and its place in it. */
export interface CellIdentity {
	readonly line: string;
	readonly cell: string;
}

/** A note row by its path, a transposed line by its property, the header row, else null. */
export function lineIdentity(tr: HTMLElement): string | null {
	if (tr.dataset.path !== undefined) return `p\u0001${tr.dataset.path}`;
	if (tr.dataset.key !== undefined) return `k\u0001${tr.dataset.key}`;
	return tr.parentElement?.tagName === "THEAD" ? "head" : null;
}

/** A cell within its line: its property and note (either may be missing) and whether it is a header. */
export function cellKey(cell: HTMLElement): string {
	return `${cell.tagName}\u0001${cell.dataset.key ?? ""}\u0001${cell.dataset.path ?? ""}`;
}

export function cellIdentity(cell: HTMLElement): CellIdentity | null {
	const tr = cell.closest<HTMLElement>("tr");
	const line = tr ? lineIdentity(tr) : null;
	return line === null ? null : { line, cell: cellKey(cell) };
}
