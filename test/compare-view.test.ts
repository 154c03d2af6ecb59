import { Menu } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { withSection } from "../src/shared/core/settings";
import { COMPARISON_VIEW_TYPE, ComparisonView, EMPTY_STATE_TEXT } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

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

async function open(files: Record<string, string> = FILES, scope: string | null = null, data?: unknown): Promise<ComparisonPanePage> {
	h = await loadPlugin({ files, data });
	return ComparisonPanePage.open(h, { scope });
}

/** Let pending work run until `done()` holds (bounded). */
async function until(harness: Harness, done: () => boolean): Promise<void> {
	for (let i = 0; i < 50 && !done(); i++) await harness.settle();
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
		const pane = await open();
		expect(pane.rowNames().sort()).toEqual(["Django", "FastAPI", "Flask", "Rails"]);
		expect(pane.headerKeys()).toEqual(
			expect.arrayContaining(["file.name", "type", "category", "language", "async", "orm", "first_release"]),
		);
		const ths = pane.table().querySelectorAll("thead th");
		for (const th of Array.from(ths)) expect(th.getAttribute("scope")).toBe("col");
		for (const th of Array.from(pane.table().querySelectorAll("tbody tr.fn-cmp-row th"))) expect(th.getAttribute("scope")).toBe("row");
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
		const pane = ComparisonPanePage.forView(h, view);
		expect(pane.rowNames().sort()).toEqual(["Django", "FastAPI", "Flask"]);
		expect(view.getState().scope).toBe("Web");
	});

	it("shows the empty state when there are no framework notes", async () => {
		const pane = await open({ "A.md": "No properties.\n" });
		const empty = pane.root.querySelector(".fn-cmp-empty");
		expect(empty?.textContent).toBe(EMPTY_STATE_TEXT);
		expect(empty?.classList.contains("fn-cmp-hidden")).toBe(false);
	});
});

describe("comparison pane: rendering", () => {
	it("shows booleans as ✓/✗ with text for screen readers", async () => {
		const pane = await open();
		const yes = pane.cell("Django", "async");
		expect(yes.textContent).toContain("✓");
		expect(yes.querySelector(".fn-cmp-visually-hidden")?.textContent).toBe("yes");
		const no = pane.cell("Flask", "async");
		expect(no.textContent).toContain("✗");
		expect(no.querySelector(".fn-cmp-visually-hidden")?.textContent).toBe("no");
	});

	it("right-aligns numbers with a bar and marks the lowest and highest", async () => {
		const pane = await open();
		const oldest = pane.cell("Rails", "first_release");
		const newest = pane.cell("FastAPI", "first_release");
		expect(oldest.classList.contains("fn-cmp-num")).toBe(true);
		expect(oldest.dataset.extreme).toBe("min");
		expect(newest.dataset.extreme).toBe("max");
		expect(newest.querySelector(".fn-cmp-bar-10")).not.toBeNull();
		expect(oldest.querySelector(".fn-cmp-bar-0")).not.toBeNull();
		expect(pane.root.querySelector("[style]")).toBeNull();
	});

	it("makes URLs and internal links clickable; the note name opens the note", async () => {
		const pane = await open();
		const { h } = pane;
		const site = pane.cell("Django", "website").querySelector("a.external-link");
		expect(site?.getAttribute("href")).toMatch(/^https:\/\/www\.djangoproject\.com\/?$/);
		const link = pane.cell("Django", "related").querySelector<HTMLElement>("a.fn-cmp-link");
		expect(link?.textContent).toBe("Flask");
		const openLinkText = vi.spyOn(h.app.workspace, "openLinkText");
		link?.click();
		expect(openLinkText).toHaveBeenCalledWith("Flask", "Web/Django.md", false);
		const name = pane.table().querySelector<HTMLElement>("a.fn-cmp-note-link");
		name?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
		expect(openLinkText).toHaveBeenLastCalledWith(name?.closest("[data-path]")?.getAttribute("data-path"), "", "tab");
	});

	it("triggers Obsidian's page preview when hovering a link", async () => {
		const pane = await open();
		const { h } = pane;
		const trigger = vi.spyOn(h.app.workspace, "trigger");
		const link = pane.cell("Django", "related").querySelector<HTMLElement>("a.fn-cmp-link");
		link?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(trigger).toHaveBeenCalledWith(
			"hover-link",
			expect.objectContaining({ linktext: "Flask", source: COMPARISON_VIEW_TYPE, sourcePath: "Web/Django.md" }),
		);
	});

	it("highlights values that differ from the column's strict-majority value", async () => {
		const pane = await open();
		expect(pane.cell("Rails", "language").classList.contains("fn-cmp-differs")).toBe(true);
		expect(pane.cell("Django", "language").classList.contains("fn-cmp-differs")).toBe(false);
		expect(pane.header("language").querySelector(".fn-cmp-differs-mark")).not.toBeNull();
	});

	it("marks no cell of a property without a strict majority; its header says it differs", async () => {
		const pane = await open();
		// category: full-stack 2 of 4, micro, async: no value is shared by more than half.
		for (const name of ["Django", "Flask", "FastAPI", "Rails"])
			expect(pane.cell(name, "category").classList.contains("fn-cmp-differs")).toBe(false);
		expect(pane.header("category").querySelector(".fn-cmp-differs-mark")?.getAttribute("aria-label")).toBe("values differ");
		expect(pane.header("type").querySelector(".fn-cmp-differs-mark")).toBeNull();
	});
});

describe("comparison pane: sort, filter, group, transpose, select", () => {
	it("sorts by a header click, toggles direction, and shift-click adds a key", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		pane.sortBy("first_release");
		expect(pane.rowNames()).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		expect(pane.header("first_release").getAttribute("aria-sort")).toBe("ascending");
		pane.sortBy("first_release");
		expect(pane.rowNames()).toEqual(["FastAPI", "Flask", "Django", "Rails"]);
		expect(pane.header("first_release").getAttribute("aria-sort")).toBe("descending");
		pane.sortBy("language");
		pane.sortBy("first_release", { additive: true });
		expect(pane.view.getState().sort).toEqual([
			{ key: "language", dir: "asc" },
			{ key: "first_release", dir: "asc" },
		]);
		expect(pane.rowNames()).toEqual(["Django", "Flask", "FastAPI", "Rails"]);
	});

	// That no row is measured again on a re-sort is checked on the table itself (compare-table.test.ts).
	it("re-sorts in place: header cells stay, sort ranks update in place", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		const before = Array.from(pane.table().querySelectorAll("thead th"));
		pane.sortBy("first_release");
		pane.sortBy("language", { additive: true });
		expect(pane.rowNames()).toEqual(["Rails", "Django", "Flask", "FastAPI"]);
		// The header was patched, not rebuilt: same cells, new aria-sort and rank marks.
		expect(Array.from(pane.table().querySelectorAll("thead th"))).toEqual(before);
		expect(before.every((th, i) => th === pane.table().querySelectorAll("thead th")[i])).toBe(true);
		expect(pane.header("first_release").getAttribute("aria-sort")).toBe("ascending");
		expect(pane.header("first_release").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 1");
		expect(pane.header("language").querySelector(".fn-cmp-sort-rank")?.textContent).toBe(" 2");
		pane.sortBy("first_release");
		expect(pane.header("first_release").querySelector(".fn-cmp-sort-rank")).toBeNull();
		expect(pane.header("language").getAttribute("aria-sort")).toBe("none");
	});

	it("keeps the filter chips and status line as they are when only the sort changes", async () => {
		const pane = await open();
		const chips = pane.filterChips();
		expect(chips.length).toBeGreaterThan(0);
		const statusText = pane.root.querySelector(".fn-cmp-status")?.firstChild;
		pane.sortBy("first_release");
		expect(pane.view.getState().sort).toEqual([{ key: "first_release", dir: "asc" }]);
		expect(pane.filterChips()).toEqual(chips);
		expect(chips.every((chip) => pane.root.contains(chip))).toBe(true);
		expect(pane.root.querySelector(".fn-cmp-status")?.firstChild).toBe(statusText);
		// A chip click still changes them.
		chips[0]?.click();
		expect(pane.root.contains(chips[0] ?? null)).toBe(false);
		expect(pane.root.querySelector(".fn-cmp-filter-chip.is-active")).not.toBeNull();
	});

	it("filters by search text (fuzzy) and by value chips", async () => {
		const pane = await open();
		pane.search("rby");
		expect(pane.rowNames()).toEqual(["Rails"]);
		pane.search("");
		expect(pane.rowNames()).toHaveLength(4);
		const chip = pane.filterChip("category", "full-stack");
		expect(chip).toBeDefined();
		chip?.click();
		expect(pane.rowNames().sort()).toEqual(["Django", "Rails"]);
		expect(pane.view.getState().filters).toEqual({ category: ["full-stack"] });
	});

	it("groups rows by category by default and can turn grouping off", async () => {
		const pane = await open();
		const groups = Array.from(pane.table().querySelectorAll("tbody tr.fn-cmp-group-row th")).map((th) => th.firstChild?.textContent);
		expect(groups.sort()).toEqual(["async", "full-stack", "micro"]);
		pane.groupBy("");
		expect(pane.table().querySelectorAll("tbody tr.fn-cmp-group-row")).toHaveLength(0);
		expect(pane.view.getState().groupBy).toBeNull();
	});

	it("transposes to notes as columns and back", async () => {
		const pane = await open();
		pane.toggleTranspose();
		expect(pane.view.getState().orientation).toBe("columns");
		const noteHeads = pane.noteHeadNames();
		expect(noteHeads.sort()).toEqual(["Django", "FastAPI", "Flask", "Rails"]);
		const lineKeys = Array.from(pane.table().querySelectorAll<HTMLElement>("tbody tr.fn-cmp-line")).map((tr) => tr.dataset.key);
		expect(lineKeys).toContain("first_release");
		for (const th of Array.from(pane.table().querySelectorAll("tbody th"))) expect(th.getAttribute("scope")).toBe("row");
		expect(pane.button("Transpose").getAttribute("aria-pressed")).toBe("true");
		pane.toggleTranspose();
		expect(pane.table().querySelectorAll("tbody tr.fn-cmp-row")).toHaveLength(4);
	});

	it("shows groups in transposed mode as a header row spanning each group's note columns", async () => {
		const pane = await open();
		pane.toggleTranspose();
		const head = pane.table().querySelectorAll("thead tr");
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
		pane.groupBy("", { bubbles: false });
		expect(pane.table().querySelectorAll("thead tr")).toHaveLength(1);
		expect(pane.table().querySelectorAll("th.fn-cmp-group-cell")).toHaveLength(0);
	});

	it("compares only the checked notes and hides identical properties", async () => {
		const pane = await open();
		for (const name of ["Django", "Rails"]) pane.check(name);
		pane.button("Compare selected").click();
		expect(pane.rowNames().sort()).toEqual(["Django", "Rails"]);
		pane.button("Hide identical properties").click();
		const keys = pane.headerKeys();
		expect(keys).toContain("language");
		expect(keys).not.toContain("category");
		expect(keys).not.toContain("orm");
	});
});

describe("comparison pane: editing", () => {
	it("writes only the edited key through processFrontMatter", async () => {
		const pane = await open();
		const { h } = pane;
		const before = await h.read("Web/Flask.md");
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		const opened = await pane.edit("Flask", "first_release", "2011");
		expect(opened).toBe("2010");
		await pane.view.ready;
		expect(spy).toHaveBeenCalledTimes(1);
		const after = await h.read("Web/Flask.md");
		expect(after).toContain("first_release: 2011");
		expect(after.replace("first_release: 2011", "first_release: 2010")).toBe(before);
		await pane.view.flushLive();
		await h.settle();
		expect(pane.cell("Flask", "first_release").textContent).toContain("2011");
	});

	it("refuses invalid input with a notice and writes nothing", async () => {
		const pane = await open();
		const { h } = pane;
		const before = await h.read("Web/Flask.md");
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		const modify = vi.spyOn(h.app.vault, "modify");
		await pane.edit("Flask", "first_release", "soon");
		expect(spy).not.toHaveBeenCalled();
		expect(modify).not.toHaveBeenCalled();
		expect(await h.read("Web/Flask.md")).toBe(before);
		expect(pane.cell("Flask", "first_release").textContent).toContain("2010");
	});

	it("Escape cancels an edit without writing", async () => {
		const pane = await open();
		const { h } = pane;
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		await pane.edit("Flask", "language", "Go", { key: "Escape" });
		expect(spy).not.toHaveBeenCalled();
	});
});

describe("comparison pane: live updates", () => {
	it("updates a row after a frontmatter change and keeps the selection", async () => {
		const pane = await open();
		const { h } = pane;
		pane.check("Flask");
		const untouched = pane.cell("Django", "language").closest("tr");
		await h.app.vault.modify(
			h.app.vault.getFileByPath("Web/Flask.md") as never,
			note({ type: "framework", category: "micro", language: "Rust", async: "false", orm: "false", first_release: "2010" }),
		);
		await h.settle();
		await pane.view.ready;
		expect(pane.cell("Flask", "language").textContent).toBe("Rust");
		expect(pane.cell("Django", "language").closest("tr")).toBe(untouched);
		expect(pane.view.getState().selected).toEqual(["Web/Flask.md"]);
	});

	it("keeps the keyboard focus on the same note and property when the focused note changes", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		const { h } = pane;
		// Focus needs the pane in the document (the harness keeps it detached).
		if (!pane.view.containerEl.isConnected) document.body.appendChild(pane.view.containerEl);
		const focused = pane.cell("Flask", "category");
		focused.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(document.activeElement).toBe(focused);
		await h.app.vault.modify(
			h.app.vault.getFileByPath("Web/Flask.md") as never,
			note({ type: "framework", category: "micro", language: "Rust", async: "false", orm: "false", first_release: "2010" }),
		);
		await h.settle();
		await pane.view.flushLive();
		const now = pane.cell("Flask", "category");
		expect(pane.cell("Flask", "language").textContent).toBe("Rust");
		expect(now).not.toBe(focused);
		expect(document.activeElement).toBe(now);
		expect(now.getAttribute("tabindex")).toBe("0");
	});

	it("keeps the keyboard focus in the table when the focused note moves out of view", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 100; i++) files[`F/N${String(i).padStart(3, "0")}.md`] = `---\ntype: framework\nrank: ${i}\n---\n`;
		const pane = await open(files, null, { compare: { groupBy: "" } });
		const { h } = pane;
		if (!pane.view.containerEl.isConnected) document.body.appendChild(pane.view.containerEl);
		pane.sortBy("rank");
		const focused = pane.cell("N000", "rank");
		focused.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(document.activeElement).toBe(focused);
		// N000 now sorts last, far below the rendered rows.
		await h.app.vault.modify(h.app.vault.getFileByPath("F/N000.md") as never, "---\ntype: framework\nrank: 9999\n---\n");
		await h.settle();
		await pane.view.flushLive();
		expect(pane.rowNames()).not.toContain("N000");
		const active = document.activeElement as HTMLElement | null;
		expect(active?.closest("table.fn-cmp-table")).toBe(pane.table());
		expect([active?.dataset.key, active?.dataset.path]).toEqual(["rank", "F/N001.md"]);
	});

	it("follows a rename and drops a deleted note", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		const { h } = pane;
		pane.check("Flask");
		await h.app.vault.rename(h.app.vault.getFileByPath("Web/Flask.md") as never, "Web/Flask 3.md");
		await h.settle();
		await pane.view.ready;
		expect(pane.rowNames()).toContain("Flask 3");
		expect(pane.rowNames()).not.toContain("Flask");
		expect(pane.view.getState().selected).toEqual(["Web/Flask 3.md"]);
		await h.app.vault.delete(h.app.vault.getFileByPath("Other/Rails.md") as never);
		await h.settle();
		await pane.view.ready;
		expect(pane.rowNames()).not.toContain("Rails");
		expect(pane.rowNames()).toHaveLength(3);
	});

	it("adds a new framework note when it is created", async () => {
		const pane = await open();
		const { h } = pane;
		await h.app.vault.create("Web/Bottle.md", note({ type: "framework", category: "micro", language: "Python" }));
		await h.settle();
		await pane.view.ready;
		expect(pane.rowNames()).toContain("Bottle");
	});
});

describe("comparison pane: view state", () => {
	it("round-trips through getState / setState", async () => {
		const pane = await open();
		const { h } = pane;
		pane.sortBy("first_release");
		pane.toggleTranspose();
		pane.button("Hide identical properties").click();
		const state = pane.view.getState();
		const leaf = await openComparison(h.plugin, null);
		expect(leaf?.view).toBe(pane.view);
		const other = h.app.workspace.getLeaf("tab");
		await other.setViewState({ type: COMPARISON_VIEW_TYPE, state });
		await h.settle();
		const restored = other.view;
		if (!(restored instanceof ComparisonView)) throw new Error("not restored");
		await restored.ready;
		expect(restored.getState()).toEqual(state);
		expect(restored.current.state.orientation).toBe("columns");
		expect(ComparisonPanePage.forView(h, restored).table().classList.contains("fn-cmp-transposed")).toBe(true);
	});
});

describe("comparison pane: settings and keyboard", () => {
	it("re-selects the notes when the selector setting changes", async () => {
		const pane = await open({ ...FILES, "Lib/Tool.md": "---\ntype: library\n---\n" });
		const { h } = pane;
		expect(pane.rowNames()).not.toContain("Tool");
		await h.plugin.updateSettings(withSection(h.plugin.settings, "compare", { selectorValue: "library" }));
		await h.settle();
		await pane.view.ready;
		expect(pane.rowNames()).toEqual(["Tool"]);
	});

	it("sorts with Enter on a header and toggles a note's checkbox with Space", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		const th = pane.header("first_release");
		th.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		expect(pane.view.getState().sort).toEqual([{ key: "first_release", dir: "asc" }]);
		const rowHead = pane.table().querySelector<HTMLElement>('tbody tr.fn-cmp-row th[scope="row"]');
		rowHead?.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
		expect(pane.view.getState().selected).toEqual(["Other/Rails.md"]);
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
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		const keys = pane.headerKeys();
		const language = keys.indexOf("language");
		let menu = captureMenu();
		pane.header("language").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menu.click("Move left");
		expect(pane.headerKeys().indexOf("language")).toBe(language - 1);
		menu = captureMenu();
		pane.header("language").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menu.click("Hide property");
		expect(pane.headerKeys()).not.toContain("language");
		expect(pane.view.getState().hiddenColumns).toEqual(["language"]);
		menu = captureMenu();
		pane.button("Properties").click();
		expect(menu.titles().some((t) => t.startsWith("language"))).toBe(true);
		menu.click("language");
		expect(pane.headerKeys()).toContain("language");
	});

	it("puts differing properties first on request", async () => {
		const pane = await open(FILES, null, { compare: { groupBy: "" } });
		pane.button("Differences first").click();
		const keys = pane.headerKeys().slice(1);
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
		const pane = ComparisonPanePage.forView(harness, view);
		expect(pane.rowNames().sort()).toEqual(["Django", "FastAPI", "Flask"]);
	});

	it("keeps the scroll position and the scroller across a live update", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 300; i++) files[`F/N${String(i).padStart(3, "0")}.md`] = `---\ntype: framework\nrank: ${i}\n---\n`;
		const pane = await open(files, null, { compare: { groupBy: "" } });
		const { h } = pane;
		const scroller = pane.root.querySelector<HTMLElement>(".fn-cmp-scroller");
		if (!scroller) throw new Error("no scroller");
		scroller.scrollTop = 32 * 150;
		scroller.dispatchEvent(new Event("scroll"));
		await h.app.vault.modify(h.app.vault.getFileByPath("F/N151.md") as never, "---\ntype: framework\nrank: 9999\n---\n");
		await h.settle();
		await pane.view.flushLive();
		expect(pane.root.querySelector(".fn-cmp-scroller")).toBe(scroller);
		expect(scroller.scrollTop).toBe(32 * 150);
		expect(pane.cell("N151", "rank").textContent).toContain("9999");
	});
});
