import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { COMPARISON_VIEW_TYPE, ComparisonView } from "../src/comparison/ui/comparison-view";
import { DECISION_MODE_ID } from "../src/decisions/ui/decision-mode";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { runCli } from "./cli-run-helper";
import { withSection } from "../src/shared/core/settings";

function fm(lines: string[], body = ""): string {
	return `---\n${lines.join("\n")}\n---\n${body}`;
}

const DECISION = fm(
	[
		"type: decision",
		"scope: Web",
		"must:",
		"  - language = Python",
		"prefer:",
		"  - async = true * 3",
		"  - orm = true * 2",
		"tags:",
		"  - choice",
	],
	"# Pick\n\nBody stays.\n",
);

const FILES: Record<string, string> = {
	"Web/Django.md": fm(["type: framework", "language: Python", "async: true", "orm: true"]),
	"Web/FastAPI.md": fm(["type: framework", "language: Python", "async: true", "orm: false"]),
	"Web/Flask.md": fm(["type: framework", "language: Python", "async: false", "orm: false"]),
	"Web/Rails.md": fm(["type: framework", "language: Ruby", "async: false", "orm: true"]),
	"Web/Mystery.md": fm(["type: framework", "language:", "async: true"]),
	"Pick.md": DECISION,
};

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

/** The decision mode's parts, read through the pane's DOM. */
class DecisionPage {
	constructor(
		readonly h: Harness,
		readonly view: ComparisonView,
	) {}

	get root(): HTMLElement {
		return this.view.contentEl;
	}

	ranked(): string[] {
		return Array.from(this.root.querySelectorAll(".fn-dec-row")).map((row) => {
			const part = (cls: string): string => row.querySelector(cls)?.textContent ?? "";
			return `${part(".fn-dec-rank")} ${part(".fn-dec-name")} ${part(".fn-dec-score")} ${part(".fn-dec-coverage")} ${part(".fn-dec-marks")}`;
		});
	}

	setAside(): string[] {
		return Array.from(this.root.querySelectorAll(".fn-dec-aside-row")).map(
			(row) => `${row.querySelector(".fn-dec-name")?.textContent ?? ""}: ${row.querySelector(".fn-dec-reason")?.textContent ?? ""}`,
		);
	}

	sentence(): string {
		return this.root.querySelector(".fn-dec-change")?.textContent ?? "";
	}

	criterion(list: "must" | "prefer", index: number): HTMLElement {
		const el = this.root.querySelector<HTMLElement>(`.fn-dec-list[data-list="${list}"] .fn-dec-criterion[data-index="${index}"]`);
		if (!el) throw new Error(`no ${list} ${index}`);
		return el;
	}

	async setWeight(index: number, weight: number): Promise<void> {
		const slider = this.criterion("prefer", index).querySelector<HTMLInputElement>("input[type=range]");
		if (!slider) throw new Error("no slider");
		slider.value = String(weight);
		slider.dispatchEvent(new Event("input"));
		slider.dispatchEvent(new Event("change"));
		await this.h.settle();
	}
}

async function openDecision(files: Record<string, string> = FILES, note = "Pick.md"): Promise<DecisionPage> {
	h = await loadPlugin({ files });
	const ok = await h.plugin.paneModes.show(DECISION_MODE_ID, { note });
	expect(ok).toBe(true);
	await h.settle();
	const leaf = h.app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)[0];
	if (!(leaf?.view instanceof ComparisonView)) throw new Error("no comparison view");
	return new DecisionPage(h, leaf.view);
}

describe("decision mode in the comparison pane", () => {
	it("ranks with score, bar, coverage and marks, and lists the notes set aside with reasons", async () => {
		const page = await openDecision();
		expect(page.view.mode).toBe(DECISION_MODE_ID);
		expect(page.root.classList.contains("fn-cmp-mode-active")).toBe(true);
		// W = 5: Django 3 + 2 → 100; FastAPI 3 → 60; Flask 0.
		expect(page.ranked()).toEqual(["1 Django 100.0 100% ✓✓", "2 FastAPI 60.0 100% ✓✗", "3 Flask 0.0 100% ✗✗"]);
		expect(page.root.querySelectorAll("meter.fn-dec-bar")).toHaveLength(3);
		expect(page.setAside()).toEqual([
			`Rails: fails "language = Python" (language: Ruby)`,
			`Mystery: no value of language for "language = Python"`,
		]);
		expect(page.sentence()).toBe("FastAPI would draw level with Django if orm weighed 0 instead of 2.");
	});

	it("writes a weight change into the note's prefer list only, and re-ranks", async () => {
		const page = await openDecision();
		const spy = vi.spyOn(page.h.app.fileManager, "processFrontMatter");
		await page.setWeight(1, 0);
		expect(spy).toHaveBeenCalledTimes(1);
		const after = await page.h.read("Pick.md");
		expect(after).toBe(DECISION.replace("  - orm = true * 2", "  - orm = true * 0"));
		expect(page.ranked()).toEqual(["1 Django 100.0 100% ✓✓", "1 FastAPI 100.0 100% ✓✗", "3 Flask 0.0 100% ✗✗"]);
	});

	it("does not write the note when the weight stays the same", async () => {
		const page = await openDecision();
		const spy = vi.spyOn(page.h.app.fileManager, "processFrontMatter");
		const slider = page.criterion("prefer", 0).querySelector<HTMLInputElement>("input[type=range]");
		slider?.dispatchEvent(new Event("change"));
		await page.h.settle();
		expect(spy).not.toHaveBeenCalled();
	});

	it("adds and removes criteria through the note's properties", async () => {
		const page = await openDecision();
		page.criterion("prefer", 0).querySelector<HTMLButtonElement>(".fn-dec-remove")?.click();
		await page.h.settle();
		expect(await page.h.read("Pick.md")).toBe(DECISION.replace("  - async = true * 3\n", ""));
		const input = page.root.querySelector<HTMLInputElement>(`.fn-dec-list[data-list="must"] .fn-dec-add-input`);
		if (!input) throw new Error("no input");
		input.value = "async = true";
		input.dispatchEvent(new Event("input"));
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		await page.h.settle();
		expect(await page.h.read("Pick.md")).toContain("must:\n  - language = Python\n  - async = true\n");
		expect(page.ranked().map((r) => r.split(" ")[1])).toEqual(["Django", "FastAPI"]);
	});

	it("re-ranks live when a framework note changes", async () => {
		const page = await openDecision();
		const flask = page.h.app.vault.getFileByPath("Web/Flask.md");
		if (!flask) throw new Error("no Flask");
		await page.h.app.vault.modify(flask, fm(["type: framework", "language: Python", "async: true", "orm: true"]));
		await page.h.settle();
		expect(page.ranked()).toEqual(["1 Django 100.0 100% ✓✓", "1 Flask 100.0 100% ✓✓", "3 FastAPI 60.0 100% ✓✗"]);
	});

	it("re-ranks when the framework-note selector changes", async () => {
		const page = await openDecision();
		const plugin = page.h.plugin;
		await plugin.updateSettings(withSection(plugin.settings, "compare", { selectorKind: "folder", selectorFolder: "Nowhere" }));
		await page.h.settle();
		expect(page.ranked()).toEqual([]);
		expect(page.root.querySelector(".fn-dec-empty")?.textContent).toBe("No framework note meets the requirements.");
	});

	it("shows a criterion that does not parse with its error in place, and ranks by the rest", async () => {
		const files = { ...FILES, "Pick.md": DECISION.replace("  - orm = true * 2", "  - orm == true") };
		const page = await openDecision(files);
		const bad = page.criterion("prefer", 1);
		expect(bad.classList.contains("has-error")).toBe(true);
		expect(bad.querySelector(".fn-dec-error")?.textContent).toBe(`Column 6: expected a value after "=", found "="`);
		expect(page.ranked()).toEqual(["1 Django 100.0 100% ✓", "1 FastAPI 100.0 100% ✓", "3 Flask 0.0 100% ✗"]);
	});

	it("switches between the table and decision mode, and keeps the mode with the workspace", async () => {
		const page = await openDecision();
		const state = page.view.getState();
		expect(state).toMatchObject({ mode: DECISION_MODE_ID, modeStates: { decision: { note: "Pick.md" } } });
		page.root.querySelector<HTMLButtonElement>(`.fn-cmp-mode-button[data-mode="table"]`)?.click();
		expect(page.view.mode).toBe("table");
		expect(page.root.classList.contains("fn-cmp-mode-active")).toBe(false);
		expect(page.root.querySelector(".fn-dec-row")).toBeNull();
		page.root.querySelector<HTMLButtonElement>(`.fn-cmp-mode-button[data-mode="decision"]`)?.click();
		expect(page.ranked()).toHaveLength(3);
	});

	it("restores decision mode from a saved workspace state, and ignores mode states that are not records", async () => {
		h = await loadPlugin({ files: FILES });
		const leaf = h.app.workspace.getLeaf("tab");
		const modeStates = JSON.parse(`{"__proto__": {"note": "x"}, "decision": {"note": "Pick.md"}, "other": 5}`) as unknown;
		await leaf.setViewState({ type: COMPARISON_VIEW_TYPE, state: { scope: null, mode: DECISION_MODE_ID, modeStates } });
		await h.settle();
		const view = leaf.view as ComparisonView;
		expect(view.mode).toBe(DECISION_MODE_ID);
		expect(view.contentEl.querySelectorAll(".fn-dec-row")).toHaveLength(3);
		expect(view.getState().modeStates).toEqual(JSON.parse(`{"__proto__": {"note": "x"}, "decision": {"note": "Pick.md"}}`));
		await leaf.setViewState({ type: COMPARISON_VIEW_TYPE, state: { scope: null, mode: "no-such-mode" } });
		await h.settle();
		expect((leaf.view as ComparisonView).mode).toBe("table");
		expect(leaf.view.containerEl.querySelector(".fn-dec-row")).toBeNull();
	});

	it("New decision creates a decision note in the active folder and shows it in decision mode", async () => {
		h = await loadPlugin({ files: FILES });
		const active = h.app.vault.getFileByPath("Web/Flask.md");
		await h.app.workspace.getLeaf(false).openFile(active as never);
		await h.command("new-decision").callback?.();
		await h.settle();
		const text = await h.read("Web/Decision.md");
		expect(text.startsWith("---\ntype: decision\nmust: []\nprefer: []\n---\n")).toBe(true);
		const leaf = h.app.workspace.getLeavesOfType(COMPARISON_VIEW_TYPE)[0];
		const view = leaf?.view as ComparisonView;
		expect(view.mode).toBe(DECISION_MODE_ID);
		expect((view.contentEl.querySelector(".fn-dec-picker") as HTMLSelectElement).value).toBe("Web/Decision.md");
		// No requirement and no preference: every framework note ranks, level.
		expect(view.contentEl.querySelectorAll(".fn-dec-row")).toHaveLength(5);
	});

	it("leaves no listener behind when decision mode is left", async () => {
		h = await loadPlugin({ files: FILES });
		const leaf = await openComparison(h.plugin, null);
		await h.settle();
		const tableOnly = h.listenerCount();
		const view = leaf?.view as ComparisonView;
		view.showMode(DECISION_MODE_ID, { note: "Pick.md" });
		await h.settle();
		expect(h.listenerCount()).toBeGreaterThan(tableOnly);
		view.showMode("table");
		expect(h.listenerCount()).toBe(tableOnly);
	});

	it("gives the example vault's decision the same ranking and explanation as framework-notes decide", async () => {
		const root = path.resolve("examples/vault");
		const files: Record<string, string> = {};
		for (const name of fs.readdirSync(path.join(root, "WEBFramework"), { recursive: true, encoding: "utf8" })) {
			if (name.endsWith(".md"))
				files[`WEBFramework/${name.split(path.sep).join("/")}`] = fs.readFileSync(path.join(root, "WEBFramework", name), "utf8");
		}
		const note = "WEBFramework/Choosing a Python web framework.md";
		const page = await openDecision(files, note);
		const cli = JSON.parse((await runCli(["decide", root, note, "--format", "json"])).stdout) as {
			notes: {
				note: string;
				rank: number | null;
				score: number | null;
				coverage: number | null;
				status: string;
				points: { criterion: string; value: string; points: number; weight: number }[] | null;
			}[];
			change: { sentence: string };
		};
		const ranked = cli.notes.filter((n) => n.status === "ranked");
		expect(ranked.length).toBeGreaterThan(5);
		const rows = Array.from(page.root.querySelectorAll<HTMLElement>(".fn-dec-row"));
		expect(rows.map((r) => r.dataset.path)).toEqual(ranked.map((n) => n.note));
		expect(rows.map((r) => r.querySelector(".fn-dec-score")?.textContent)).toEqual(ranked.map((n) => (n.score ?? NaN).toFixed(1)));
		const explained = (n: (typeof ranked)[number]): string[] =>
			(n.points ?? []).map((p) => `${p.criterion}: ${p.value}, ${Math.round(p.points * 100) / 100} of ${p.weight}`);
		expect(rows.map((r) => Array.from(r.querySelectorAll(".fn-dec-mark")).map((m) => m.getAttribute("aria-label")))).toEqual(
			ranked.map(explained),
		);
		expect(page.sentence()).toBe(cli.change.sentence);
		expect(page.setAside().map((line) => line.split(":")[0])).toEqual(["Web2py"]);
	});
});
