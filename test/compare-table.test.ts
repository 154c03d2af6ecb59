/**
 * The comparison table on its own, through what it shows and what it asks of its owner: sorting
 * in place, the keyboard grid, editing and the pointer.
 */
import { type App, Component } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, type NoteInput, type Orientation, type SortKey } from "../src/comparison/core/index";
import { ComparisonTable, type TableCallbacks } from "../src/comparison/ui/table";

const app = {
	metadataCache: { getFirstLinkpathDest: () => null },
	workspace: { trigger: vi.fn(), openLinkText: vi.fn(async () => undefined) },
} as unknown as App;

class Owner extends Component {
	hoverPopover = null;
}

function note(name: string, frontmatter: Record<string, unknown>): NoteInput {
	return { path: `Web/${name}.md`, basename: name, frontmatter, frontmatterError: null };
}

const NOTES: NoteInput[] = [
	note("Django", { category: "full-stack", first_release: 2005, language: "Python" }),
	note("Flask", { category: "micro", first_release: 2010, language: "Python" }),
	note("FastAPI", { category: "async", first_release: 2018, language: "Python" }),
	note("Rails", { category: "full-stack", first_release: 2004, language: "Ruby" }),
];
const model = buildModel(NOTES);

function spies() {
	return {
		sort: vi.fn<TableCallbacks["sort"]>(),
		toggleSelected: vi.fn<TableCallbacks["toggleSelected"]>(),
		selectAll: vi.fn<TableCallbacks["selectAll"]>(),
		edit: vi.fn<TableCallbacks["edit"]>(async () => undefined),
		columnMenu: vi.fn<(key: string, evt: MouseEvent) => void>(),
	};
}

interface Fixture {
	table: ComparisonTable;
	callbacks: ReturnType<typeof spies>;
	show: (sort?: readonly SortKey[], orientation?: Orientation) => void;
}

const mounted: HTMLElement[] = [];
afterEach(() => {
	for (const el of mounted.splice(0)) el.remove();
	vi.restoreAllMocks();
});

function mount(): Fixture {
	const parent = document.body.createDiv();
	mounted.push(parent);
	const callbacks = spies();
	const owner = new Owner();
	owner.load();
	const table = new ComparisonTable(parent, app, owner, "test", callbacks);
	const show = (sort: readonly SortKey[] = [], orientation: Orientation = "rows"): void => {
		const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort });
		table.update({ view, orientation, sort, selected: new Set(), editable: true });
	};
	show();
	return { table, callbacks, show };
}

function head(table: ComparisonTable, key: string): HTMLElement {
	const th = table.element.querySelector<HTMLElement>(`thead th[data-key="${key}"]`);
	if (!th) throw new Error(`no header ${key}`);
	return th;
}

function cell(table: ComparisonTable, name: string, key: string): HTMLElement {
	const td = table.element.querySelector<HTMLElement>(`td[data-key="${key}"][data-path="Web/${name}.md"]`);
	if (!td) throw new Error(`no cell ${name}/${key}`);
	return td;
}

function rowNames(table: ComparisonTable): string[] {
	return Array.from(table.element.querySelectorAll("tbody tr.fn-cmp-row a.fn-cmp-note-link")).map((a) => a.textContent ?? "");
}

function key(el: Element | null, k: string, init: KeyboardEventInit = {}): void {
	el?.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
}

const active = (): HTMLElement | null => document.activeElement as HTMLElement | null;

describe("comparison table: sorting", () => {
	it("re-sorts in place: header cells stay, sort marks update, note rows are reused, no row measured again", () => {
		const { table, show } = mount();
		const headers = Array.from(table.element.querySelectorAll("thead th"));
		const rails = cell(table, "Rails", "language").closest("tr");
		const measure = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect");
		show([
			{ key: "first_release", dir: "asc" },
			{ key: "language", dir: "desc" },
		]);
		expect(rowNames(table)).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		expect(Array.from(table.element.querySelectorAll("thead th"))).toEqual(headers);
		expect(headers.every((th, i) => th === table.element.querySelectorAll("thead th")[i])).toBe(true);
		expect(head(table, "first_release").getAttribute("aria-sort")).toBe("ascending");
		expect(head(table, "language").getAttribute("aria-sort")).toBe("descending");
		expect(head(table, "first_release").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 1");
		expect(head(table, "language").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 2");
		expect(cell(table, "Rails", "language").closest("tr")).toBe(rails);
		show([{ key: "first_release", dir: "desc" }]);
		expect(head(table, "first_release").querySelector(".fn-cmp-sort-rank")).toBeNull();
		expect(head(table, "language").getAttribute("aria-sort")).toBe("none");
		// Measuring a row forces a layout in a browser: the row height is measured once, not per sort.
		expect(measure).not.toHaveBeenCalled();
	});

	it("asks to sort on a header click (shift adds a key) and on Enter", () => {
		const { table, callbacks } = mount();
		head(table, "first_release").click();
		head(table, "language").dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
		key(head(table, "category"), "Enter", { shiftKey: true });
		expect(callbacks.sort.mock.calls).toEqual([
			["first_release", false],
			["language", true],
			["category", true],
		]);
	});

	it("opens the header menu of a property on right-click, not of the note name", () => {
		const { table, callbacks } = mount();
		head(table, "language").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
		head(table, "file.name").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
		expect(callbacks.columnMenu.mock.calls.map((call) => call[0])).toEqual(["language"]);
	});
});

describe("comparison table: keyboard grid", () => {
	it("moves one focusable cell with the arrows, Home and End", () => {
		const { table } = mount();
		const start = cell(table, "Django", "category");
		start.click();
		expect(active()).toBe(start);
		key(start, "ArrowDown");
		expect(active()).toBe(cell(table, "Flask", "category"));
		key(active(), "ArrowRight");
		expect(active()).toBe(cell(table, "Flask", "language"));
		key(active(), "End");
		expect(active()).toBe(cell(table, "Flask", "first_release"));
		key(active(), "Home");
		expect(active()?.querySelector("a.fn-cmp-note-link")?.textContent).toBe("Flask");
		key(active(), "Home", { ctrlKey: true });
		expect(active()).toBe(head(table, "file.name"));
		expect(table.element.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
		key(active(), "End", { ctrlKey: true });
		expect(active()).toBe(cell(table, "Rails", "first_release"));
		expect(table.element.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
	});

	it("keeps the focus on a cell across a re-sort, and the arrows continue from where it now is", () => {
		const { table, show } = mount();
		const django = cell(table, "Django", "category");
		django.click();
		show([{ key: "first_release", dir: "asc" }]);
		expect(rowNames(table)).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		expect(active()).toBe(django);
		key(active(), "ArrowDown");
		expect(active()).toBe(cell(table, "Flask", "category"));
	});

	it("toggles a note's checkbox with Space on its row header", () => {
		const { table, callbacks } = mount();
		const rowHead = cell(table, "Flask", "category").closest("tr")?.querySelector<HTMLElement>('th[scope="row"]') ?? null;
		key(rowHead, " ");
		expect(callbacks.toggleSelected).toHaveBeenCalledWith("Web/Flask.md", true);
	});

	it("asks to select all shown notes from the corner checkbox", () => {
		const { table, callbacks } = mount();
		const all = table.element.querySelector<HTMLInputElement>("input.fn-cmp-select-all");
		if (!all) throw new Error("no select-all");
		all.checked = true;
		all.dispatchEvent(new Event("change", { bubbles: true }));
		expect(callbacks.selectAll).toHaveBeenCalledWith(["Web/Django.md", "Web/Flask.md", "Web/FastAPI.md", "Web/Rails.md"], true);
	});
});

describe("comparison table: editing", () => {
	it("edits a value with Enter and writes it with Enter; the keyboard returns to the cell", async () => {
		const { table, callbacks } = mount();
		const td = cell(table, "Flask", "language");
		td.click();
		key(td, "Enter");
		const field = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!field) throw new Error("no editor");
		expect(field.value).toBe("Python");
		field.value = "Rust";
		key(field, "Enter");
		await Promise.resolve();
		await Promise.resolve();
		expect(callbacks.edit).toHaveBeenCalledTimes(1);
		expect(callbacks.edit.mock.calls[0]?.slice(0, 1)).toEqual(["Web/Flask.md"]);
		expect(callbacks.edit.mock.calls[0]?.[2]).toBe("Rust");
		expect(table.element.querySelector("input.fn-cmp-cell-input")).toBeNull();
		expect(active()).toBe(cell(table, "Flask", "language"));
	});

	it("cancels an edit with Escape, and F2 opens the editor too", async () => {
		const { table, callbacks } = mount();
		const td = cell(table, "Django", "category");
		td.click();
		key(td, "F2");
		const field = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!field) throw new Error("no editor");
		field.value = "micro";
		key(field, "Escape");
		await Promise.resolve();
		expect(callbacks.edit).not.toHaveBeenCalled();
		expect(cell(table, "Django", "category").textContent).toBe("full-stack");
	});
});

describe("comparison table: transposed", () => {
	it("shows one line per property with the notes side by side, and moves along the notes", () => {
		const { table, show } = mount();
		show([], "columns");
		expect(table.element.classList.contains("fn-cmp-transposed")).toBe(true);
		const lines = Array.from(table.element.querySelectorAll<HTMLElement>("tbody tr.fn-cmp-line")).map((tr) => tr.dataset.key);
		expect(lines).toEqual(["category", "language", "first_release"]);
		const start = cell(table, "Django", "language");
		start.click();
		key(start, "ArrowRight");
		expect(active()).toBe(cell(table, "Flask", "language"));
		key(active(), "ArrowUp");
		expect(active()).toBe(cell(table, "Flask", "category"));
	});
});
