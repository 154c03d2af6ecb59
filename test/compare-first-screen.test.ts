import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { buildModel } from "../src/comparison/core/index";
import { collectNoteInputs, comparisonSnapshot, FrontmatterErrors } from "../src/comparison/inputs";
import { ComparisonView } from "../src/comparison/ui/comparison-view";
import { FIRST_SCREEN_NOTES } from "../src/comparison/ui/pane/pane";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

/** `count` framework notes spread over three folders, plus notes that are not compared. */
function vault(count: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const folder = ["Web", "Data/Frames", "Zeta"][i % 3] ?? "";
		files[`${folder}/Note ${i}.md`] = `---\ntype: framework\ncategory: c${i % 7}\nstars: ${(i * 37) % 1000}\n---\n# Note ${i}\n`;
	}
	files["Web/Plain.md"] = "# Not a framework\n";
	files["Web/Other.md"] = "---\ntype: library\n---\n";
	return files;
}

interface Seen {
	readonly status: string;
	readonly rows: readonly string[];
}

/** Open the pane, recording the status line and the model's rows at every change of the status. */
async function openRecording(h: Harness): Promise<{ view: ComparisonView; seen: Seen[] }> {
	const seen: Seen[] = [];
	const observers: MutationObserver[] = [];
	const onOpen = Object.getOwnPropertyDescriptor(ComparisonView.prototype, "onOpen")?.value as (this: ComparisonView) => Promise<void>;
	// The pane's element exists only once the view opens: watch it from there.
	const spy = vi.spyOn(ComparisonView.prototype, "onOpen").mockImplementation(async function (this: ComparisonView) {
		const observer = new MutationObserver(() => {
			const status = this.contentEl.querySelector(".fn-cmp-status")?.textContent ?? "";
			if (status !== seen.at(-1)?.status) seen.push({ status, rows: this.current.model?.rows.map((r) => r.path) ?? [] });
		});
		observer.observe(this.contentEl, { childList: true, subtree: true, characterData: true });
		observers.push(observer);
		await onOpen.call(this);
	});
	const leaf = await openComparison(h.plugin, null);
	const view = leaf?.view;
	if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
	await view.ready;
	await h.settle();
	await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
	for (const observer of observers) observer.disconnect();
	spy.mockRestore();
	return { view, seen };
}

/** The paths a full build of the vault's framework notes gives, in model order. */
function fullBuild(h: Harness): string[] {
	const snapshot = comparisonSnapshot(h.app, new FrontmatterErrors(h.app));
	return buildModel(collectNoteInputs(snapshot, h.plugin.settings.compare, null)).rows.map((r) => r.path);
}

describe("a large vault's first screen", () => {
	let h: Harness | undefined;
	afterEach(() => {
		h?.unload();
		h = undefined;
	});

	it("shows the first notes found while the rest are read, says so, then shows every note", async () => {
		const count = FIRST_SCREEN_NOTES + 500;
		h = await loadPlugin({ files: vault(count) });
		const { view, seen } = await openRecording(h);
		const loading = seen.filter((s) => s.status.includes("still reading the rest"));
		expect(loading.length).toBeGreaterThan(0);
		const first = loading[0];
		if (first === undefined) throw new Error("no first screen");
		expect(first.status).toContain(`of the first ${first.rows.length} notes`);
		expect(first.rows.length).toBeGreaterThan(0);
		expect(first.rows.length).toBeLessThanOrEqual(FIRST_SCREEN_NOTES);
		const all = fullBuild(h);
		expect(all).toHaveLength(count);
		// The first screen's notes are compared notes, and the complete pane is a full build.
		expect(first.rows.filter((p) => !all.includes(p))).toEqual([]);
		expect(view.current.model?.rows.map((r) => r.path)).toEqual(all);
		const status = view.contentEl.querySelector(".fn-cmp-status")?.textContent ?? "";
		expect(status).toBe(`${count} of ${count} notes`);
	});

	it("reads a small vault in one go, with no first screen", async () => {
		h = await loadPlugin({ files: vault(30) });
		const { view, seen } = await openRecording(h);
		expect(seen.some((s) => s.status.includes("still reading"))).toBe(false);
		expect(view.current.model?.rows).toHaveLength(30);
	});
});
