/**
 * The virtual window: which lines and note columns are rendered, from the scroller's position
 * and the measured row height, so 10,000 notes cost the same as 40.
 */
import type { Window } from "../../core/index";
import { ROW_HEIGHT, type TableLayout, type Viewport } from "../../core/table-layout";

/** Fallbacks when layout is unknown (hidden pane, tests): CSS sets the same sizes. */
const FALLBACK_VIEWPORT_HEIGHT = 640;
const FALLBACK_VIEWPORT_WIDTH = 960;

/** The part to render now; `columnsMoved` when the note columns changed (the header follows them). */
export interface WindowChange {
	readonly rows: Window;
	readonly cols: Window;
	readonly columnsMoved: boolean;
}

export class VirtualWindow {
	/** The viewport during a render (see `during`). */
	private viewport: Viewport | null = null;
	/**
	 * The scroller's position and size as last read: read again after a scroll, a resize of the
	 * scroller or the pane, never in the middle of a render that changed the DOM.
	 */
	private known: Viewport | null = null;
	private key = "";
	private measured = false;
	rowHeight = ROW_HEIGHT;

	constructor(private readonly scroller: HTMLElement) {}

	private measure(): Viewport {
		const s = this.scroller;
		return {
			top: s.scrollTop,
			left: s.scrollLeft,
			height: s.clientHeight > 0 ? s.clientHeight : FALLBACK_VIEWPORT_HEIGHT,
			width: s.clientWidth > 0 ? s.clientWidth : FALLBACK_VIEWPORT_WIDTH,
		};
	}

	/** The scroller's position and size: the known ones, read now if there are none. */
	get current(): Viewport {
		return this.viewport ?? (this.known ??= this.measure());
	}

	/**
	 * Run a render with the scroller's known position and size: reading them during a render
	 * after a DOM write (a new sort, a live update) would make the browser lay out the pane
	 * before the render can finish.
	 */
	during(render: () => void): void {
		const outer = this.viewport === null;
		if (outer) this.viewport = this.current;
		try {
			render();
		} finally {
			if (outer) this.viewport = null;
		}
	}

	/** The next render must render the window even if it did not move. */
	reset(): void {
		this.key = "";
	}

	/** The pane was resized: measure the scroller and the rows again on the next render. */
	resized(): void {
		this.measured = false;
		this.known = null;
	}

	/** The scroller scrolled: read its position again. */
	scrolled(): void {
		this.known = null;
	}

	/**
	 * Follow the scroller's size (a filter bar or warning line growing, the pane resized): read
	 * again when the browser reports a new size, after layout, then `changed()`.
	 */
	observe(owner: { register(cb: () => void): void }, changed: () => void): void {
		if (typeof ResizeObserver === "undefined") return;
		const observer = new ResizeObserver(() => {
			const before = this.known;
			this.known = this.measure();
			if (before === null || before.height !== this.known.height || before.width !== this.known.width) changed();
		});
		observer.observe(this.scroller);
		owner.register(() => observer.disconnect());
	}

	/** The window for `layout` now, or null when it is the one rendered last (unless `force`). */
	next(layout: TableLayout, force: boolean): WindowChange | null {
		const viewport = this.current;
		const rows = layout.rowWindow(viewport, this.rowHeight);
		const cols = layout.columnWindow(viewport);
		const key = `${rows.start}:${rows.end}:${cols.start}:${cols.end}`;
		if (!force && key === this.key) return null;
		const columnsMoved = layout.orientation === "columns" && this.key !== "" && !this.key.endsWith(`:${cols.start}:${cols.end}`);
		this.key = key;
		return { rows, cols, columnsMoved };
	}

	/** The note columns in view (transposed) or every column (rows). */
	columns(layout: TableLayout): Window {
		return layout.columnWindow(this.current);
	}

	/**
	 * Learn the row height from a rendered row. Measuring forces a layout: done once, and again
	 * after a resize (a hidden pane measures 0 and keeps the CSS height until it is shown, which
	 * Obsidian reports as a resize).
	 */
	learnRowHeight(first: HTMLElement | null): void {
		if (this.measured || !first) return;
		this.measured = true;
		const height = first.getBoundingClientRect().height;
		if (height > 0) this.rowHeight = height;
	}

	/** Lines a PageUp / PageDown moves. */
	page(): number {
		return Math.max(1, Math.floor(this.current.height / this.rowHeight) - 1);
	}

	/** Scroll so keyboard cell (`r`, `c`) is in view. */
	reveal(layout: TableLayout, r: number, c: number): void {
		const s = this.scroller;
		const target = layout.scrollFor(r, c, { ...this.current, top: s.scrollTop, left: s.scrollLeft }, this.rowHeight);
		if (!target) return;
		if ("top" in target) s.scrollTop = target.top;
		else s.scrollLeft = target.left;
		this.known = null;
	}
}
