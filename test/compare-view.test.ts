import type { WorkspaceLeaf } from "obsidian";
import { Menu } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { withSection } from "../src/shared/core/settings";
import { COMPARISON_VIEW_TYPE, ComparisonView, EMPTY_STATE_TEXT } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

function note(fm: Record<string, string>, body = "Body.\n"): string {
	return `---\n${Object.entries(fm)
		.map(([k, v]) => `${k}: ${v}`)
		.join("\n")}\n---\n${body}`;
}

const FILES: Record<string, string> = {
	"Web/Django.md": note({
		type: "framework",
		category: "full-stack",
		language: "Python",
		async: "true",
		orm: "true",
		first_release: "2005",
		website: "https://www.djangoproject.com",
		related: '["[[Flask]]"]',
	}),
	"Web/Flask.md": note({
		type: "framework",
		category: "micro",
		language: "Python",
		async: "false",
		orm: "false",
		first_release: "2010",
		website: "https://flask.palletsprojects.com",
	}),
	"Web/FastAPI.md": note({
		type: "framework",
		category: "async",
		language: "Python",
		async: "true",
		orm: "false",
		first_release: "2018",
	}),
	"Other/Rails.md": note({
		type: "framework",
		category: "full-stack",
		language: "Ruby",
		async: "false",
		orm: "true",
		first_release: "2004",
	}),
	"Other/Readme.md": "Just a note.\n",
};

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

async function open(
	files: Record<string, string> = FILES,
	scope: string | null = null,
	data?: unknown,
): Promise<{ h: Harness; view: ComparisonView; leaf: WorkspaceLeaf }> {
	h = await loadPlugin({ files, data });
	const leaf = await openComparison(h.plugin, scope);
	await h.settle();
	if (!leaf) throw new Error("no leaf");
	const view = leaf.view;
	if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
	await view.ready;
	await h.settle();
	return { h, view, leaf };
}

/** Let pending work run until `done()` holds (bounded). */
async function until(harness: Harness, done: () => boolean): Promise<void> {
	for (let i = 0; i < 50 && !done(); i++) await harness.settle();
}

function table(view: ComparisonView): HTMLTableElement {
	const el = view.contentEl.querySelector("table.fn-cmp-table");
	if (!(el instanceof HTMLTableElement)) throw new Error("no table");
	return el;
}

function rowNames(view: ComparisonView): string[] {
	return Array.from(table(view).querySelectorAll("tbody tr.fn-cmp-row a.fn-cmp-note-link")).map((a) => a.textContent ?? "");
}

function headerKeys(view: ComparisonView): string[] {
	return Array.from(table(view).querySelectorAll("thead th.fn-cmp-col-head")).map((th) => (th as HTMLElement).dataset.key ?? "");
}

function cell(view: ComparisonView, name: string, key: string): HTMLElement {
	const tr = Array.from(table(view).querySelectorAll<HTMLElement>("tbody tr.fn-cmp-row")).find(
		(r) => r.querySelector("a.fn-cmp-note-link")?.textContent === name,
	);
	const td = tr?.querySelector<HTMLElement>(`td[data-key="${key}"]`);
	if (!td) throw new Error(`no cell ${name}/${key}`);
	return td;
}

function head(view: ComparisonView, key: string): HTMLElement {
	const th = table(view).querySelector<HTMLElement>(`thead th[data-key="${key}"]`);
	if (!th) throw new Error(`no header ${key}`);
	return th;
}

function button(view: ComparisonView, text: string): HTMLButtonElement {
	const b = Array.from(view.contentEl.querySelectorAll<HTMLButtonElement>(".fn-cmp-toolbar button")).find((el) =>
		el.textContent?.startsWith(text),
	);
	if (!b) throw new Error(`no button ${text}`);
	return b;
}

describe("comparison pane: opening", () => {
	it("registers the view, the ribbon icon and both commands", async () => {
		h = await loadPlugin({ files: FILES });
		const internals = h.plugin as unknown as { views__: Map<string, unknown> };
		expect(internals.views__.has(COMPARISON_VIEW_TYPE)).toBe(true);
		const names = h.commandNames();
		expect(names).toContain("Open framework comparison");
		expect(names).toContain("Compare frameworks in this folder");
	});

	it("opens with one row per framework note and one column per property", async () => {
		const { view } = await open();
		expect(rowNames(view).sort()).toEqual(["Django", "FastAPI", "Flask", "Rails"]);
		expect(headerKeys(view)).toEqual(
			expect.arrayContaining(["file.name", "type", "category", "language", "async", "orm", "first_release"]),
		);
		const ths = table(view).querySelectorAll("thead th");
		for (const th of Array.from(ths)) expect(th.getAttribute("scope")).toBe("col");
		for (const th of Array.from(table(view).querySelectorAll("tbody tr.fn-cmp-row th"))) expect(th.getAttribute("scope")).toBe("row");
	});

	it("scopes to a folder from the folder menu entry", async () => {
		h = await loadPlugin({ files: FILES });
		const menuItems: { title: string; click: () => void }[] = [];
		const menu = {
			addItem(cb: (item: unknown) => void) {
				const entry = { title: "", click: () => undefined as void };
				const item = {
					setTitle(t: string) {
						entry.title = t;
						return item;
					},
					setIcon() {
						return item;
					},
					onClick(f: () => void) {
						entry.click = f;
						return item;
					},
				};
				cb(item);
				menuItems.push(entry);
				return menu;
			},
		};
		const folder = h.app.vault.getFolderByPath("Web");
		h.app.workspace.trigger("file-menu", menu, folder, "file-explorer");
		const entry = menuItems.find((m) => m.title === "Compare frameworks in this folder");
		expect(entry).toBeDefined();
		entry?.click();
		const harness = h;
		await until(harness, () => {
			const view = harness.app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)[0]?.view;
			return view instanceof ComparisonView && view.getState().scope === "Web";
		});
		const view = h.app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)[0]?.view;
		expect(view).toBeInstanceOf(ComparisonView);
		if (!(view instanceof ComparisonView)) return;
		await view.ready;
		expect(rowNames(view).sort()).toEqual(["Django", "FastAPI", "Flask"]);
		expect(view.getState().scope).toBe("Web");
	});

	it("shows the empty state when there are no framework notes", async () => {
		const { view } = await open({ "A.md": "No properties.\n" });
		const empty = view.contentEl.querySelector(".fn-cmp-empty");
		expect(empty?.textContent).toBe(EMPTY_STATE_TEXT);
		expect(empty?.classList.contains("fn-cmp-hidden")).toBe(false);
	});
});

describe("comparison pane: rendering", () => {
	it("shows booleans as ✓/✗ with text for screen readers", async () => {
		const { view } = await open();
		const yes = cell(view, "Django", "async");
		expect(yes.textContent).toContain("✓");
		expect(yes.querySelector(".fn-cmp-visually-hidden")?.textContent).toBe("yes");
		const no = cell(view, "Flask", "async");
		expect(no.textContent).toContain("✗");
		expect(no.querySelector(".fn-cmp-visually-hidden")?.textContent).toBe("no");
	});

	it("right-aligns numbers with a bar and marks the lowest and highest", async () => {
		const { view } = await open();
		const oldest = cell(view, "Rails", "first_release");
		const newest = cell(view, "FastAPI", "first_release");
		expect(oldest.classList.contains("fn-cmp-num")).toBe(true);
		expect(oldest.dataset.extreme).toBe("min");
		expect(newest.dataset.extreme).toBe("max");
		expect(newest.querySelector(".fn-cmp-bar-10")).not.toBeNull();
		expect(oldest.querySelector(".fn-cmp-bar-0")).not.toBeNull();
		expect(view.contentEl.querySelector("[style]")).toBeNull();
	});

	it("makes URLs and internal links clickable; the note name opens the note", async () => {
		const { view, h } = await open();
		const site = cell(view, "Django", "website").querySelector("a.external-link");
		expect(site?.getAttribute("href")).toMatch(/^https:\/\/www\.djangoproject\.com\/?$/);
		const link = cell(view, "Django", "related").querySelector<HTMLElement>("a.fn-cmp-link");
		expect(link?.textContent).toBe("Flask");
		const openLinkText = vi.spyOn(h.app.workspace, "openLinkText");
		link?.click();
		expect(openLinkText).toHaveBeenCalledWith("Flask", "Web/Django.md", false);
		const name = table(view).querySelector<HTMLElement>("a.fn-cmp-note-link");
		name?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
		expect(openLinkText).toHaveBeenLastCalledWith(name?.closest("[data-path]")?.getAttribute("data-path"), "", "tab");
	});

	it("triggers Obsidian's page preview when hovering a link", async () => {
		const { view, h } = await open();
		const trigger = vi.spyOn(h.app.workspace, "trigger");
		const link = cell(view, "Django", "related").querySelector<HTMLElement>("a.fn-cmp-link");
		link?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(trigger).toHaveBeenCalledWith(
			"hover-link",
			expect.objectContaining({ linktext: "Flask", source: COMPARISON_VIEW_TYPE, sourcePath: "Web/Django.md" }),
		);
	});

	it("highlights values that differ from the column's strict-majority value", async () => {
		const { view } = await open();
		expect(cell(view, "Rails", "language").classList.contains("fn-cmp-differs")).toBe(true);
		expect(cell(view, "Django", "language").classList.contains("fn-cmp-differs")).toBe(false);
		expect(head(view, "language").querySelector(".fn-cmp-differs-mark")).not.toBeNull();
	});

	it("marks no cell of a property without a strict majority; its header says it differs", async () => {
		const { view } = await open();
		// category: full-stack 2 of 4, micro, async: no value is shared by more than half.
		for (const name of ["Django", "Flask", "FastAPI", "Rails"])
			expect(cell(view, name, "category").classList.contains("fn-cmp-differs")).toBe(false);
		expect(head(view, "category").querySelector(".fn-cmp-differs-mark")?.getAttribute("aria-label")).toBe("values differ");
		expect(head(view, "type").querySelector(".fn-cmp-differs-mark")).toBeNull();
	});
});

describe("comparison pane: sort, filter, group, transpose, select", () => {
	it("sorts by a header click, toggles direction, and shift-click adds a key", async () => {
		const { view } = await open(FILES, null, { compare: { groupBy: "" } });
		head(view, "first_release").click();
		expect(rowNames(view)).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		expect(head(view, "first_release").getAttribute("aria-sort")).toBe("ascending");
		head(view, "first_release").click();
		expect(rowNames(view)).toEqual(["FastAPI", "Flask", "Django", "Rails"]);
		expect(head(view, "first_release").getAttribute("aria-sort")).toBe("descending");
		head(view, "language").click();
		head(view, "first_release").dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
		expect(view.getState().sort).toEqual([
			{ key: "language", dir: "asc" },
			{ key: "first_release", dir: "asc" },
		]);
		expect(rowNames(view)).toEqual(["Django", "Flask", "FastAPI", "Rails"]);
	});

	// That no row is measured again on a re-sort is checked on the table itself (compare-table.test.ts).
	it("re-sorts in place: header cells stay, sort ranks update in place", async () => {
		const { view } = await open(FILES, null, { compare: { groupBy: "" } });
		const before = Array.from(table(view).querySelectorAll("thead th"));
		head(view, "first_release").click();
		head(view, "language").dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
		expect(rowNames(view)).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		// The header was patched, not rebuilt: same cells, new aria-sort and rank marks.
		expect(Array.from(table(view).querySelectorAll("thead th"))).toEqual(before);
		expect(before.every((th, i) => th === table(view).querySelectorAll("thead th")[i])).toBe(true);
		expect(head(view, "first_release").getAttribute("aria-sort")).toBe("ascending");
		expect(head(view, "first_release").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 1");
		expect(head(view, "language").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 2");
		head(view, "first_release").click();
		expect(head(view, "first_release").querySelector(".fn-cmp-sort-rank")).toBeNull();
		expect(head(view, "language").getAttribute("aria-sort")).toBe("none");
	});

	it("keeps the filter chips and status line as they are when only the sort changes", async () => {
		const { view } = await open();
		const chips = Array.from(view.contentEl.querySelectorAll(".fn-cmp-filter-chip"));
		expect(chips.length).toBeGreaterThan(0);
		const statusText = view.contentEl.querySelector(".fn-cmp-status")?.firstChild;
		head(view, "first_release").click();
		expect(view.getState().sort).toEqual([{ key: "first_release", dir: "asc" }]);
		expect(Array.from(view.contentEl.querySelectorAll(".fn-cmp-filter-chip"))).toEqual(chips);
		expect(chips.every((chip) => view.contentEl.contains(chip))).toBe(true);
		expect(view.contentEl.querySelector(".fn-cmp-status")?.firstChild).toBe(statusText);
		// A chip click still changes them.
		(chips[0] as HTMLElement).click();
		expect(view.contentEl.contains(chips[0] ?? null)).toBe(false);
		expect(view.contentEl.querySelector(".fn-cmp-filter-chip.is-active")).not.toBeNull();
	});

	it("filters by search text (fuzzy) and by value chips", async () => {
		const { view } = await open();
		const search = view.contentEl.querySelector<HTMLInputElement>("input.fn-cmp-search");
		if (!search) throw new Error("no search");
		search.value = "rby";
		search.dispatchEvent(new Event("input", { bubbles: true }));
		expect(rowNames(view)).toEqual(["Rails"]);
		search.value = "";
		search.dispatchEvent(new Event("input", { bubbles: true }));
		expect(rowNames(view)).toHaveLength(4);
		const chip = Array.from(view.contentEl.querySelectorAll<HTMLElement>(".fn-cmp-filter-chip")).find((c) =>
			c.textContent?.startsWith("full-stack"),
		);
		expect(chip).toBeDefined();
		chip?.click();
		expect(rowNames(view).sort()).toEqual(["Django", "Rails"]);
		expect(view.getState().filters).toEqual({ category: ["full-stack"] });
	});

	it("groups rows by category by default and can turn grouping off", async () => {
		const { view } = await open();
		const groups = Array.from(table(view).querySelectorAll("tbody tr.fn-cmp-group-row th")).map((th) => th.firstChild?.textContent);
		expect(groups.sort()).toEqual(["async", "full-stack", "micro"]);
		const select = view.contentEl.querySelector<HTMLSelectElement>("select.fn-cmp-group-by");
		if (!select) throw new Error("no group select");
		select.value = "";
		select.dispatchEvent(new Event("change", { bubbles: true }));
		expect(table(view).querySelectorAll("tbody tr.fn-cmp-group-row")).toHaveLength(0);
		expect(view.getState().groupBy).toBeNull();
	});

	it("transposes to notes as columns and back", async () => {
		const { view } = await open();
		button(view, "Transpose").click();
		expect(view.getState().orientation).toBe("columns");
		const noteHeads = Array.from(table(view).querySelectorAll("thead th.fn-cmp-note-head a.fn-cmp-note-link")).map(
			(a) => a.textContent,
		);
		expect(noteHeads.sort()).toEqual(["Django", "FastAPI", "Flask", "Rails"]);
		const lineKeys = Array.from(table(view).querySelectorAll<HTMLElement>("tbody tr.fn-cmp-line")).map((tr) => tr.dataset.key);
		expect(lineKeys).toContain("first_release");
		for (const th of Array.from(table(view).querySelectorAll("tbody th"))) expect(th.getAttribute("scope")).toBe("row");
		expect(button(view, "Transpose").getAttribute("aria-pressed")).toBe("true");
		button(view, "Transpose").click();
		expect(table(view).querySelectorAll("tbody tr.fn-cmp-row")).toHaveLength(4);
	});

	it("shows groups in transposed mode as a header row spanning each group's note columns", async () => {
		const { view } = await open();
		button(view, "Transpose").click();
		const head = table(view).querySelectorAll("thead tr");
		expect(head).toHaveLength(2);
		const groups = Array.from(head[0]?.querySelectorAll<HTMLTableCellElement>("th.fn-cmp-group-cell") ?? []).map((th) => [
			th.querySelector(".fn-cmp-group-label")?.textContent,
			th.colSpan,
			th.getAttribute("scope"),
		]);
		expect(groups).toEqual([
			["async", 1, "colgroup"],
			["full-stack", 2, "colgroup"],
			["micro", 1, "colgroup"],
		]);
		// The note columns below follow the groups.
		const noteHeads = Array.from(head[1]?.querySelectorAll("th.fn-cmp-note-head a.fn-cmp-note-link") ?? []).map((a) => a.textContent);
		expect(noteHeads.slice(1, 3).sort()).toEqual(["Django", "Rails"]);
		expect(noteHeads[0]).toBe("FastAPI");
		expect(noteHeads[3]).toBe("Flask");
		// Without grouping there is one header row.
		const groupBy = view.contentEl.querySelector<HTMLSelectElement>("select.fn-cmp-group-by");
		if (!groupBy) throw new Error("no group select");
		groupBy.value = "";
		groupBy.dispatchEvent(new Event("change"));
		expect(table(view).querySelectorAll("thead tr")).toHaveLength(1);
		expect(table(view).querySelectorAll("th.fn-cmp-group-cell")).toHaveLength(0);
	});

	it("compares only the checked notes and hides identical properties", async () => {
		const { view } = await open();
		for (const name of ["Django", "Rails"]) {
			const box = Array.from(table(view).querySelectorAll<HTMLInputElement>("input.fn-cmp-select")).find(
				(b) => b.getAttribute("aria-label") === `Select ${name}`,
			);
			if (!box) throw new Error("no checkbox");
			box.checked = true;
			box.dispatchEvent(new Event("change", { bubbles: true }));
		}
		button(view, "Compare selected").click();
		expect(rowNames(view).sort()).toEqual(["Django", "Rails"]);
		button(view, "Hide identical properties").click();
		const keys = headerKeys(view);
		expect(keys).toContain("language");
		expect(keys).not.toContain("category");
		expect(keys).not.toContain("orm");
	});
});

describe("comparison pane: editing", () => {
	it("writes only the edited key through processFrontMatter", async () => {
		const { view, h } = await open();
		const before = await h.read("Web/Flask.md");
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		const td = cell(view, "Flask", "first_release");
		td.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
		const input = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!input) throw new Error("no editor");
		expect(input.value).toBe("2010");
		input.value = "2011";
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await h.settle();
		await view.ready;
		expect(spy).toHaveBeenCalledTimes(1);
		const after = await h.read("Web/Flask.md");
		expect(after).toContain("first_release: 2011");
		expect(after.replace("first_release: 2011", "first_release: 2010")).toBe(before);
		await view.flushLive();
		await h.settle();
		expect(cell(view, "Flask", "first_release").textContent).toContain("2011");
	});

	it("refuses invalid input with a notice and writes nothing", async () => {
		const { view, h } = await open();
		const before = await h.read("Web/Flask.md");
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		const modify = vi.spyOn(h.app.vault, "modify");
		const td = cell(view, "Flask", "first_release");
		td.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
		const input = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!input) throw new Error("no editor");
		input.value = "soon";
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await h.settle();
		expect(spy).not.toHaveBeenCalled();
		expect(modify).not.toHaveBeenCalled();
		expect(await h.read("Web/Flask.md")).toBe(before);
		expect(cell(view, "Flask", "first_release").textContent).toContain("2010");
	});

	it("Escape cancels an edit without writing", async () => {
		const { view, h } = await open();
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		const td = cell(view, "Flask", "language");
		td.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
		const input = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
		if (!input) throw new Error("no editor");
		input.value = "Go";
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
		await h.settle();
		expect(spy).not.toHaveBeenCalled();
	});
});

describe("comparison pane: live updates", () => {
	it("updates a row after a frontmatter change and keeps the selection", async () => {
		const { view, h } = await open();
		const box = table(view).querySelector<HTMLInputElement>('input[aria-label="Select Flask"]');
		if (!box) throw new Error("no checkbox");
		box.checked = true;
		box.dispatchEvent(new Event("change", { bubbles: true }));
		const untouched = cell(view, "Django", "language").closest("tr");
		await h.app.vault.modify(
			h.app.vault.getFileByPath("Web/Flask.md") as never,
			note({ type: "framework", category: "micro", language: "Rust", async: "false", orm: "false", first_release: "2010" }),
		);
		await h.settle();
		await view.ready;
		expect(cell(view, "Flask", "language").textContent).toBe("Rust");
		expect(cell(view, "Django", "language").closest("tr")).toBe(untouched);
		expect(view.getState().selected).toEqual(["Web/Flask.md"]);
	});

	it("keeps the keyboard focus on the same note and property when the focused note changes", async () => {
		const { view, h } = await open(FILES, null, { compare: { groupBy: "" } });
		// Focus needs the pane in the document (the harness keeps it detached).
		if (!view.containerEl.isConnected) document.body.appendChild(view.containerEl);
		const focused = cell(view, "Flask", "category");
		focused.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(document.activeElement).toBe(focused);
		await h.app.vault.modify(
			h.app.vault.getFileByPath("Web/Flask.md") as never,
			note({ type: "framework", category: "micro", language: "Rust", async: "false", orm: "false", first_release: "2010" }),
		);
		await h.settle();
		await view.flushLive();
		const now = cell(view, "Flask", "category");
		expect(cell(view, "Flask", "language").textContent).toBe("Rust");
		expect(now).not.toBe(focused);
		expect(document.activeElement).toBe(now);
		expect(now.getAttribute("tabindex")).toBe("0");
	});

	it("keeps the keyboard focus in the table when the focused note moves out of view", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 100; i++) files[`F/N${String(i).padStart(3, "0")}.md`] = `---\ntype: framework\nrank: ${i}\n---\n`;
		const { view, h } = await open(files, null, { compare: { groupBy: "" } });
		if (!view.containerEl.isConnected) document.body.appendChild(view.containerEl);
		head(view, "rank").click();
		const focused = cell(view, "N000", "rank");
		focused.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(document.activeElement).toBe(focused);
		// N000 now sorts last, far below the rendered rows.
		await h.app.vault.modify(h.app.vault.getFileByPath("F/N000.md") as never, "---\ntype: framework\nrank: 9999\n---\n");
		await h.settle();
		await view.flushLive();
		expect(rowNames(view)).not.toContain("N000");
		const active = document.activeElement as HTMLElement | null;
		expect(active?.closest("table.fn-cmp-table")).toBe(table(view));
		expect([active?.dataset.key, active?.dataset.path]).toEqual(["rank", "F/N001.md"]);
	});

	it("follows a rename and drops a deleted note", async () => {
		const { view, h } = await open(FILES, null, { compare: { groupBy: "" } });
		const box = table(view).querySelector<HTMLInputElement>('input[aria-label="Select Flask"]');
		if (!box) throw new Error("no checkbox");
		box.checked = true;
		box.dispatchEvent(new Event("change", { bubbles: true }));
		await h.app.vault.rename(h.app.vault.getFileByPath("Web/Flask.md") as never, "Web/Flask 3.md");
		await h.settle();
		await view.ready;
		expect(rowNames(view)).toContain("Flask 3");
		expect(rowNames(view)).not.toContain("Flask");
		expect(view.getState().selected).toEqual(["Web/Flask 3.md"]);
		await h.app.vault.delete(h.app.vault.getFileByPath("Other/Rails.md") as never);
		await h.settle();
		await view.ready;
		expect(rowNames(view)).not.toContain("Rails");
		expect(rowNames(view)).toHaveLength(3);
	});

	it("adds a new framework note when it is created", async () => {
		const { view, h } = await open();
		await h.app.vault.create("Web/Bottle.md", note({ type: "framework", category: "micro", language: "Python" }));
		await h.settle();
		await view.ready;
		expect(rowNames(view)).toContain("Bottle");
	});
});

describe("comparison pane: view state", () => {
	it("round-trips through getState / setState", async () => {
		const { view, h } = await open();
		head(view, "first_release").click();
		button(view, "Transpose").click();
		button(view, "Hide identical properties").click();
		const state = view.getState();
		const leaf = await openComparison(h.plugin, null);
		expect(leaf?.view).toBe(view);
		const other = h.app.workspace.getLeaf("tab");
		await other.setViewState({ type: COMPARISON_VIEW_TYPE, state });
		await h.settle();
		const restored = other.view;
		if (!(restored instanceof ComparisonView)) throw new Error("not restored");
		await restored.ready;
		expect(restored.getState()).toEqual(state);
		expect(restored.current.state.orientation).toBe("columns");
		expect(table(restored).classList.contains("fn-cmp-transposed")).toBe(true);
	});
});

describe("comparison pane: settings and keyboard", () => {
	it("re-selects the notes when the selector setting changes", async () => {
		const { view, h } = await open({ ...FILES, "Lib/Tool.md": "---\ntype: library\n---\n" });
		expect(rowNames(view)).not.toContain("Tool");
		await h.plugin.updateSettings(withSection(h.plugin.settings, "compare", { selectorValue: "library" }));
		await h.settle();
		await view.ready;
		expect(rowNames(view)).toEqual(["Tool"]);
	});

	it("sorts with Enter on a header and toggles a note's checkbox with Space", async () => {
		const { view } = await open(FILES, null, { compare: { groupBy: "" } });
		const th = head(view, "first_release");
		th.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(view.getState().sort).toEqual([{ key: "first_release", dir: "asc" }]);
		const rowHead = table(view).querySelector<HTMLElement>('tbody tr.fn-cmp-row th[scope="row"]');
		rowHead?.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
		expect(view.getState().selected).toEqual(["Other/Rails.md"]);
	});
});

describe("comparison pane: menus, placement, scroll", () => {
	/** The next menu the pane shows, with a way to click one of its items by title. */
	function captureMenu(): { click(title: string): void; titles(): string[] } {
		const shown: Menu[] = [];
		vi.spyOn(Menu.prototype, "showAtMouseEvent").mockImplementation(function (this: Menu) {
			shown.push(this);
			return this;
		});
		const title = (item: { title__: unknown }): string => (typeof item.title__ === "string" ? item.title__ : "");
		const items = () => shown[shown.length - 1]?.menuItems__ ?? [];
		return {
			titles: () => items().map(title),
			click: (wanted: string) => {
				const item = items().find((i) => title(i) === wanted || title(i).startsWith(`${wanted} (`));
				if (!item?.onClick__) throw new Error(`no menu item ${wanted}`);
				item.onClick__(new MouseEvent("click"));
			},
		};
	}

	it("hides and reorders properties from the header menu and the properties menu", async () => {
		const { view } = await open(FILES, null, { compare: { groupBy: "" } });
		const keys = headerKeys(view);
		const language = keys.indexOf("language");
		let menu = captureMenu();
		head(view, "language").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menu.click("Move left");
		expect(headerKeys(view).indexOf("language")).toBe(language - 1);
		menu = captureMenu();
		head(view, "language").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menu.click("Hide property");
		expect(headerKeys(view)).not.toContain("language");
		expect(view.getState().hiddenColumns).toEqual(["language"]);
		menu = captureMenu();
		button(view, "Properties").click();
		expect(menu.titles().some((t) => t.startsWith("language"))).toBe(true);
		menu.click("language");
		expect(headerKeys(view)).toContain("language");
	});

	it("puts differing properties first on request", async () => {
		const { view } = await open(FILES, null, { compare: { groupBy: "" } });
		button(view, "Differences first").click();
		const keys = headerKeys(view).slice(1);
		const firstSame = keys.indexOf("type");
		for (const key of ["category", "language", "first_release"]) expect(keys.indexOf(key)).toBeLessThan(firstSame);
	});

	it("opens in the right sidebar when the settings say so", async () => {
		h = await loadPlugin({ files: FILES, data: { compare: { openIn: "sidebar" } } });
		const right = vi.spyOn(h.app.workspace, "getRightLeaf");
		const leaf = await openComparison(h.plugin, null);
		expect(right).toHaveBeenCalled();
		expect(leaf?.view).toBeInstanceOf(ComparisonView);
	});

	it("compares the active note's folder from the command", async () => {
		h = await loadPlugin({ files: FILES });
		await h.app.workspace.getLeaf(false).openFile(h.file("Web/Flask.md"));
		const command = h.command("compare-folder");
		expect(command.checkCallback?.(true)).toBe(true);
		command.checkCallback?.(false);
		const harness = h;
		await until(harness, () =>
			harness.app.workspace
				.getLeavesOfType(COMPARISON_VIEW_TYPE)
				.some((l) => l.view instanceof ComparisonView && l.view.getState().scope === "Web"),
		);
		const view = harness.app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)[0]?.view;
		if (!(view instanceof ComparisonView)) throw new Error("no view");
		await view.ready;
		expect(rowNames(view).sort()).toEqual(["Django", "FastAPI", "Flask"]);
	});

	it("keeps the scroll position and the scroller across a live update", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 300; i++) files[`F/N${String(i).padStart(3, "0")}.md`] = `---\ntype: framework\nrank: ${i}\n---\n`;
		const { view, h } = await open(files, null, { compare: { groupBy: "" } });
		const scroller = view.contentEl.querySelector<HTMLElement>(".fn-cmp-scroller");
		if (!scroller) throw new Error("no scroller");
		scroller.scrollTop = 32 * 150;
		scroller.dispatchEvent(new Event("scroll"));
		await h.app.vault.modify(h.app.vault.getFileByPath("F/N151.md") as never, "---\ntype: framework\nrank: 9999\n---\n");
		await h.settle();
		await view.flushLive();
		expect(view.contentEl.querySelector(".fn-cmp-scroller")).toBe(scroller);
		expect(scroller.scrollTop).toBe(32 * 150);
		expect(cell(view, "N151", "rank").textContent).toContain("9999");
	});
});
