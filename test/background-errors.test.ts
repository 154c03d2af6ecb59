/**
 * Background work that fails (index refresh, comparison pane updates) shows one Notice naming
 * what failed, logs the details once, and leaves no unhandled promise rejection.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndexService } from "../src/index-notes/index-service";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let h: Harness | null = null;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
	unhandled.push(reason);
};
process.on("unhandledRejection", onUnhandled);

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
