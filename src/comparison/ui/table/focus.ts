/**
 * The grid focus: which cell has the keyboard, kept here as state (its place in the grid and
 * which note and property it is), and the roving tabindex that puts exactly that cell in the tab
 * order. A render that replaces the focused cell moves the focus to its new self.
 */
import { cellIdentity, cellKey, type CellIdentity, gridCell, lineIdentity } from "./dom";

/** Where the focus finds the rendered lines. */
export interface FocusLines {
	/** The header row (line -1). */
	header(): HTMLElement | null;
	/** A body line, if rendered. */
	line(r: number): HTMLElement | undefined;
	/** Every rendered body line. */
	lines(): Iterable<HTMLElement>;
}

export class GridFocus {
	/** The focused cell's line (-1 is the header row) and place in it. */
	row = 0;
	col = 0;
	/** Which cell that is (note or property and column), to find it again after a re-render. */
	private identity: CellIdentity | null = null;
	private tabStop: HTMLElement | null = null;
	private restoring = false;

	constructor(
		private readonly table: HTMLElement,
		private readonly grid: FocusLines,
	) {}

	/** The rendered cell at (`r`, `c`): its line's cell `c`, else the line's first cell. */
	cellAt(r: number, c: number): HTMLElement | null {
		const tr = r < 0 ? this.grid.header() : this.grid.line(r);
		if (!tr) return null;
		let first: HTMLElement | null = null;
		const wanted = String(c);
		for (let i = 0; i < tr.children.length; i++) {
			const cell = tr.children[i] as HTMLElement;
			const at = cell.dataset.c;
			if (at === wanted) return cell;
			if (at === "0") first = cell;
		}
		return first;
	}

	/** The focused cell if rendered, else the first header cell. */
	target(): HTMLElement | null {
		return this.cellAt(this.row, this.col) ?? this.cellAt(-1, 0);
	}

	/** The keyboard moved into a cell (a click, Tab, a restored focus), or to no cell. */
	entered(cell: HTMLElement | null): void {
		this.identity = cell ? cellIdentity(cell) : null;
	}

	/** Make (`r`, `c`) the focused cell. */
	moveTo(r: number, c: number): void {
		this.row = r;
		this.col = c;
	}

	/** Exactly one cell is in the tab order: the focused one, or the first header cell. */
	applyRoving(): void {
		const target = this.target();
		if (this.tabStop === target && target?.getAttr("tabindex") === "0") return;
		if (this.tabStop && this.tabStop !== target) this.tabStop.setAttr("tabindex", "-1");
		target?.setAttr("tabindex", "0");
		this.tabStop = target;
	}

	/** Give the keyboard to the focused cell (or the first header cell). */
	focus(): void {
		const cell = this.target();
		if (!cell) return;
		this.entered(cell);
		cell.focus();
	}

	/**
	 * Run a render that may replace the cell holding the keyboard focus (a live update rebuilds
	 * the row of a changed note, a new sort moves it): afterwards the focus goes to the cell of
	 * the same note and property, wherever it now is, instead of falling back to the page.
	 */
	keeping(render: () => void): void {
		if (this.restoring) {
			render();
			return;
		}
		const active = this.table.ownerDocument.activeElement;
		const focused = active !== null && this.table.contains(active) ? active : null;
		const id = this.identity;
		this.restoring = true;
		try {
			render();
		} finally {
			this.restoring = false;
		}
		if (!focused || !id || focused.isConnected) return;
		// The same note and property; if its row left the rendered window (it moved far away in
		// the new order), the cell now at the same place, so the keyboard stays in the table.
		const replacement = this.find(id) ?? this.cellAt(this.row, this.col);
		if (!replacement) return;
		const at = gridCell(replacement);
		if (at) this.moveTo(at.r, at.c);
		this.entered(replacement);
		this.applyRoving();
		replacement.focus({ preventScroll: true });
	}

	/** The rendered cell with this identity, if it is in the DOM. */
	private find(id: CellIdentity): HTMLElement | null {
		const lines: HTMLElement[] = [];
		const head = this.grid.header();
		if (head) lines.push(head);
		for (const tr of this.grid.lines()) lines.push(tr);
		for (const tr of lines) {
			if (lineIdentity(tr) !== id.line) continue;
			for (let i = 0; i < tr.children.length; i++) {
				const cell = tr.children[i] as HTMLElement;
				if (cell.dataset.c !== undefined && cellKey(cell) === id.cell) return cell;
			}
		}
		return null;
	}
}
