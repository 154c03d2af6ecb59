/**
 * Background work that fails (index refresh, comparison pane updates) shows one Notice naming
 * what failed, logs the details once, and leaves no unhandled promise rejection.
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { IndexService } from "../src/index-notes/index-service";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

let h: Harness | null = null;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
	unhandled.push(reason);
};
process.on("unhandledRejection", onUnhandled);
afterAll(() => {
	process.off("unhandledRejection", onUnhandled);
});

afterEach(() => {
	h?.unload();
	h = null;
	unhandled.length = 0;
	vi.restoreAllMocks();
});

function indexService(harness: Harness): IndexService {
	const children = (harness.plugin as unknown as { children__: unknown[] }).children__;
	const found = children.find((c) => typeof (c as { refreshAll?: unknown }).refreshAll === "function" && "engine" in (c as object));
	if (!found) throw new Error("IndexService not loaded");
	return found as IndexService;
}

async function settleIndex(harness: Harness): Promise<void> {
	for (let i = 0; i < 10; i++) {
		await harness.settle();
		await indexService(harness).idle();
		if (!indexService(harness).busy()) return;
	}
}

const FLAG = "%% Waypoint %%";

describe("index refresh failures", () => {
	it("'Refresh all index notes' failing to write shows one Notice naming the refresh", async () => {
		// Layout not ready: no start-up reconciliation, so the command does the first write.
		h = await loadPlugin({ files: { "P/P.md": `# P\n${FLAG}\n`, "P/a.md": "" }, layoutReady: false });
		const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
		vi.spyOn(h.app.vault, "process").mockRejectedValue(new Error("disk is read-only"));
		const before = h.notices().length;
		h.command("refresh-all-index-notes").callback?.();
		await settleIndex(h);
		expect(h.notices().slice(before)).toEqual(["Framework Notes: refreshing index notes failed: disk is read-only"]);
		expect(errors).toHaveBeenCalledTimes(1);
		expect(String(errors.mock.calls[0]?.[0])).toContain("refreshing index notes failed");
		expect(await h.read("P/P.md")).toBe(`# P\n${FLAG}\n`);
		expect(unhandled).toEqual([]);
	});

	it("a refresh after a vault change failing in the background shows one Notice", async () => {
		h = await loadPlugin({ files: { "P/P.md": `# P\n${FLAG}\n`, "P/a.md": "" } });
		await settleIndex(h);
		expect(await h.read("P/P.md")).toContain("[[a]]");
		const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
		vi.spyOn(h.app.vault, "process").mockRejectedValue(new Error("disk is read-only"));
		const before = h.notices().length;
		await h.app.vault.create("P/b.md", "");
		await settleIndex(h);
		expect(h.notices().slice(before)).toEqual(["Framework Notes: index refresh failed: disk is read-only"]);
		expect(errors).toHaveBeenCalledTimes(1);
		expect(unhandled).toEqual([]);
	});
});

describe("comparison pane update failures", () => {
	it("a live update that fails shows one Notice naming it, and the next update still applies", async () => {
		const note = (language: string): string => `---\ntype: framework\nlanguage: ${language}\n---\nBody.\n`;
		h = await loadPlugin({ files: { "F/Django.md": note("Python"), "F/Rails.md": note("Ruby") } });
		const { view } = await ComparisonPanePage.open(h);
		expect(view.current.model?.rows.map((r) => r.basename)).toEqual(["Django", "Rails"]);

		await h.app.vault.modify(h.file("F/Rails.md"), note("Crystal"));
		// Obsidian re-indexes the note; the pane collects the change until its next quiet period.
		await vi.advanceTimersByTimeAsync(0);
		const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
		const cache = vi.spyOn(h.app.metadataCache, "getFileCache").mockImplementation(() => {
			throw new Error("metadata cache unavailable");
		});
		const before = h.notices().length;
		await view.flushLive();
		cache.mockRestore();
		expect(h.notices().slice(before)).toEqual(["Framework Notes: comparison update failed: metadata cache unavailable"]);
		expect(errors.mock.calls.filter((call) => String(call[0]).includes("comparison update"))).toHaveLength(1);
		expect(unhandled).toEqual([]);

		await h.app.vault.modify(h.file("F/Rails.md"), note("Ruby on Rails"));
		await h.settle();
		await view.flushLive();
		const row = view.current.model?.rows.find((r) => r.basename === "Rails");
		expect(JSON.stringify(row)).toContain("Ruby on Rails");
	});
});
