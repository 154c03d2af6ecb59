/**
 * Properties named like `Object.prototype` members (`__proto__`, `constructor`, `toString`) in
 * the comparison pane: their filter chips, a saved filter on them, and editing their cells.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { COMPARISON_VIEW_TYPE, ComparisonView } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\n__proto__: full\nconstructor: class\ntoString: text\n---\nBody.\n",
	"Web/Flask.md": "---\ntype: framework\n__proto__: micro\nconstructor: function\ntoString: text\n---\nBody.\n",
	"Web/Rails.md": "---\ntype: framework\n__proto__: full\nconstructor: class\ntoString: other\n---\nBody.\n",
};

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

async function open(): Promise<{ h: Harness; view: ComparisonView }> {
	h = await loadPlugin({ files: FILES });
	const leaf = await openComparison(h.plugin, null);
	await h.settle();
	const view = leaf?.view;
	if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
	await view.ready;
	await h.settle();
	return { h, view };
}

function rowNames(view: ComparisonView): string[] {
	return Array.from(view.contentEl.querySelectorAll("tbody tr.fn-cmp-row a.fn-cmp-note-link")).map((a) => a.textContent ?? "");
}

function chips(view: ComparisonView): HTMLElement[] {
	return Array.from(view.contentEl.querySelectorAll<HTMLElement>(".fn-cmp-filter-chip"));
}

function filterBy(view: ComparisonView, key: string): void {
	const select = view.contentEl.querySelector<HTMLSelectElement>("select.fn-cmp-filter-key");
	if (!select) throw new Error("no filter select");
	select.value = key;
	select.dispatchEvent(new Event("change", { bubbles: true }));
}

function cell(view: ComparisonView, name: string, key: string): HTMLElement {
	const tr = Array.from(view.contentEl.querySelectorAll<HTMLElement>("tbody tr.fn-cmp-row")).find(
		(r) => r.querySelector("a.fn-cmp-note-link")?.textContent === name,
	);
	const td = Array.from(tr?.querySelectorAll<HTMLElement>("td") ?? []).find((el) => el.dataset.key === key);
	if (!td) throw new Error(`no cell ${name}/${key}`);
	return td;
}

async function edit(harness: Harness, view: ComparisonView, name: string, key: string, text: string): Promise<void> {
	const td = cell(view, name, key);
	td.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
	const input = td.querySelector<HTMLInputElement>("input.fn-cmp-cell-input");
	if (!input) throw new Error("no editor");
	input.value = text;
	input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
	await harness.settle();
	await view.ready;
}

describe("comparison pane: properties named __proto__, constructor, toString", () => {
	it("shows their values as filter chips, and a chip narrows the rows", async () => {
		const { view } = await open();
		filterBy(view, "__proto__");
		expect(chips(view).map((c) => c.textContent)).toEqual(["full (2)", "micro (1)"]);
		chips(view)[1]?.click();
		expect(rowNames(view)).toEqual(["Flask"]);
		filterBy(view, "constructor");
		expect(chips(view).map((c) => c.textContent)).toEqual(["__proto__: 1 value ×", "class (2)", "function (1)"]);
		chips(view)[2]?.click();
		expect(rowNames(view)).toEqual(["Flask"]);
		const state = view.getState();
		expect(JSON.stringify(state.filters)).toBe('{"__proto__":["micro"],"constructor":["function"]}');
		chips(view)[0]?.click();
		expect(rowNames(view)).toEqual(["Flask"]);
		expect(JSON.stringify(view.getState().filters)).toBe('{"constructor":["function"]}');
	});

	it("keeps a saved filter on __proto__ and toString when the pane is restored", async () => {
		const { h, view } = await open();
		const saved = JSON.parse('{"filters": {"__proto__": ["full"], "toString": ["text"]}, "filterKey": "toString"}') as unknown;
		const leaf = h.app.workspace.getLeaf("tab");
		await leaf.setViewState({ type: COMPARISON_VIEW_TYPE, state: saved as Record<string, unknown> });
		await h.settle();
		const restored = leaf.view;
		if (!(restored instanceof ComparisonView) || restored === view) throw new Error("not restored");
		await restored.ready;
		await h.settle();
		expect(rowNames(restored)).toEqual(["Django"]);
		expect(JSON.stringify(restored.getState().filters)).toBe('{"__proto__":["full"],"toString":["text"]}');
		expect(chips(restored).map((c) => c.textContent)).toEqual(["__proto__: 1 value ×", "text (2)", "other (1)"]);
	});

	it("writes an edit of the __proto__ cell into the note's frontmatter", async () => {
		const { h, view } = await open();
		const before = await h.read("Web/Flask.md");
		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		await edit(h, view, "Flask", "__proto__", "mini");
		expect(spy).toHaveBeenCalledTimes(1);
		const after = await h.read("Web/Flask.md");
		expect(after).toContain("\n__proto__: mini\n");
		expect(after.replace("__proto__: mini", "__proto__: micro")).toBe(before);
		expect(h.notices()).toEqual([]);
		await view.flushLive();
		await h.settle();
		expect(cell(view, "Flask", "__proto__").textContent).toContain("mini");
	});

	it("writes edits of the constructor and toString cells as ordinary keys", async () => {
		const { h, view } = await open();
		await edit(h, view, "Rails", "constructor", "module");
		await edit(h, view, "Rails", "toString", "shown");
		expect(await h.read("Web/Rails.md")).toBe(
			"---\ntype: framework\n__proto__: full\nconstructor: module\ntoString: shown\n---\nBody.\n",
		);
		expect(h.notices()).toEqual([]);
	});

	it("adds a __proto__ property to a note that has none", async () => {
		h = await loadPlugin({ files: { ...FILES, "Web/Bottle.md": "---\ntype: framework\n---\nBody.\n" } });
		const leaf = await openComparison(h.plugin, null);
		await h.settle();
		const view = leaf?.view;
		if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
		await view.ready;
		await edit(h, view, "Bottle", "__proto__", "tiny");
		expect(await h.read("Web/Bottle.md")).toBe("---\ntype: framework\n__proto__: tiny\n---\nBody.\n");
	});
});
