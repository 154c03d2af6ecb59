/**
 * The "Comparison" Bases view shows every property the base's Properties menu holds — note,
 * formula and file properties — through `entry.getValue()`, headed by the base's display names;
 * and it follows changes of the vault's property types.
 */
import type { BasesViewRegistration } from "obsidian";
import {
	BasesEntry,
	BasesQueryResult,
	BasesViewConfig,
	ListValue,
	NumberValue,
	QueryController,
	StringValue,
} from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMPARISON_VIEW_TYPE } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

let h: Harness | null = null;
afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\ncategory: full-stack\nstars: 80000\n---\n",
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\nstars: 68000\n---\n",
};

/** Formula and file values per note, as Bases computes them. */
const COMPUTED: Record<string, Record<string, unknown>> = {
	"Web/Django.md": { "formula.score": NumberValue.create__(8), "file.folder": StringValue.create__("Web") },
	"Web/Flask.md": { "formula.score": NumberValue.create__(6.5), "file.folder": StringValue.create__("Web") },
};

async function openView(
	harness: Harness,
	order: string[],
	displayNames: Record<string, string> = {},
	files: Record<string, string> = FILES,
): Promise<{ pane: ComparisonPanePage; refresh: () => Promise<void> }> {
	const registration = (
		harness.plugin as unknown as { basesViewRegistrations__: Map<string, BasesViewRegistration> }
	).basesViewRegistrations__.get(COMPARISON_VIEW_TYPE);
	if (!registration) throw new Error("not registered");
	const config = BasesViewConfig.create__(null as never, COMPARISON_VIEW_TYPE, "Comparison");
	config.setOrder__(order as never);
	for (const [id, name] of Object.entries(displayNames)) config.setDisplayName__(id as never, name);
	const container = createDiv();
	const controller = QueryController.create2__(harness.mock, harness.plugin, createDiv(), null).asOriginalType2__();
	const view = registration.factory(controller, container) as unknown as { config: unknown; data: unknown; onDataUpdated(): void };
	const result = BasesQueryResult.create__(harness.mock, config, [], []);
	result.setData__(
		Object.keys(files).map((path) => {
			const entry = BasesEntry.create__(null, harness.app.vault.getFileByPath(path) as never);
			for (const [id, value] of Object.entries(COMPUTED[path] ?? {})) entry.setValue__(id as never, value as never);
			return entry;
		}),
	);
	view.config = config;
	view.data = result;
	const pane = ComparisonPanePage.inContainer(harness, container);
	const refresh = async (): Promise<void> => {
		view.onDataUpdated();
		for (let i = 0; i < 5; i++) await pane.settle();
	};
	await refresh();
	return { pane, refresh };
}

function headerTexts(pane: ComparisonPanePage): string[] {
	return pane.headerKeys().map((key) => pane.header(key).querySelector(".fn-cmp-head-label")?.textContent ?? "");
}

describe("the Comparison Bases view's columns", () => {
	it("show formula and file properties beside note properties, in the base's order, with its display names", async () => {
		h = await loadPlugin({ files: FILES });
		const { pane } = await openView(h, ["file.name", "formula.score", "note.category", "file.folder"], {
			"formula.score": "Score",
			"note.category": "Kind",
		});
		expect(pane.headerKeys()).toEqual(["file.name", "formula.score", "category", "file.folder"]);
		expect(headerTexts(pane)).toEqual(["Note", "Score", "Kind", "folder"]);
		expect(pane.cellText("Django", "formula.score")).toContain("8");
		expect(pane.cellText("Flask", "formula.score")).toContain("6.5");
		expect(pane.cellText("Flask", "file.folder")).toBe("Web");
	});

	it("show only the formula properties when the Properties menu holds nothing else", async () => {
		h = await loadPlugin({ files: FILES });
		const { pane } = await openView(h, ["formula.score"]);
		expect(pane.headerKeys()).toEqual(["file.name", "formula.score"]);
	});

	it("show a list value item by item", async () => {
		// The stub's list keeps the items it is given in `values__`.
		const list = Object.assign(ListValue.create__([]), { values__: [StringValue.create__("a"), StringValue.create__("b")] });
		COMPUTED["Web/Django.md"] = { ...COMPUTED["Web/Django.md"], "formula.tags": list };
		try {
			h = await loadPlugin({ files: FILES });
			const { pane } = await openView(h, ["formula.tags"]);
			expect(pane.cellText("Django", "formula.tags")).toMatch(/a.*b/);
		} finally {
			delete COMPUTED["Web/Django.md"]?.["formula.tags"];
		}
	});

	it("read note properties through Bases' typed values: a number typed by Bases compares as a number", async () => {
		const files = {
			"Web/Django.md": '---\ntype: framework\nstars: "80000"\nsite: "[[Django site]]"\n---\n',
			"Web/Flask.md": '---\ntype: framework\nstars: "9000"\nsite: "[[Flask site]]"\n---\n',
		};
		const saved = { ...COMPUTED };
		COMPUTED["Web/Django.md"] = { "note.stars": NumberValue.create__(80000), "note.site": StringValue.create__("Django site") };
		COMPUTED["Web/Flask.md"] = { "note.stars": NumberValue.create__(9000), "note.site": StringValue.create__("Flask site") };
		try {
			h = await loadPlugin({ files });
			const { pane } = await openView(h, ["note.stars", "note.site"], {}, files);
			expect(pane.cell("Django", "stars").classList.contains("fn-cmp-num")).toBe(true);
			expect(pane.cell("Django", "stars").dataset.extreme).toBe("max");
			expect(pane.cell("Flask", "stars").dataset.extreme).toBe("min");
			// Text keeps the note's own value: the link stays a link.
			expect(pane.cell("Django", "site").querySelector("a.internal-link")?.getAttribute("data-linktext")).toBe("Django site");
		} finally {
			for (const key of Object.keys(COMPUTED)) delete COMPUTED[key];
			Object.assign(COMPUTED, saved);
		}
	});

	it("never write a formula into a note", async () => {
		h = await loadPlugin({ files: FILES });
		const { pane } = await openView(h, ["formula.score", "note.category"]);
		const write = vi.spyOn(h.app.fileManager, "processFrontMatter");
		await pane.edit("Django", "formula.score", "10");
		expect(write).not.toHaveBeenCalled();
		expect(h.notices().some((n) => n.includes("score comes from the base"))).toBe(true);
		await pane.edit("Django", "category", "batteries");
		expect(await h.read("Web/Django.md")).toContain("category: batteries");
	});

	it("follow a change of the vault's property types", async () => {
		h = await loadPlugin({ files: FILES });
		const { pane, refresh } = await openView(h, ["note.stars", "note.category"]);
		expect(pane.header("stars").querySelector(".fn-cmp-conflict")).toBeNull();
		await h.app.vault.adapter.write(`${h.app.vault.configDir}/types.json`, JSON.stringify({ types: { stars: "checkbox" } }));
		await refresh();
		expect(pane.header("stars").querySelector(".fn-cmp-conflict")).not.toBeNull();
	});
});
