/**
 * The plugin's index service in harness tests: found among the plugin's children, and waited
 * for. `h.settle()` runs timers and a few promise turns; the service's work (reads and writes
 * chained on promises, index blocks then living blocks) can take more turns than that.
 */
import type { IndexService } from "../../src/index-notes/index-service";
import type { Harness } from "./plugin-harness";

/** The loaded plugin's index service. */
export function indexService(h: Harness): IndexService {
	const children = (h.plugin as unknown as { children__: unknown[] }).children__;
	const found = children.find((c) => typeof (c as { refreshAll?: unknown }).refreshAll === "function" && "engine" in (c as object));
	if (!found) throw new Error("IndexService not loaded");
	return found as IndexService;
}

/** Wait until the index service has nothing queued or running. */
export async function settleIndexService(h: Harness): Promise<void> {
	for (let i = 0; i < 20; i++) {
		await h.settle();
		const s = indexService(h);
		await s.idle();
		if (!s.busy()) {
			await h.settle();
			if (!s.busy()) return;
		}
	}
	throw new Error("the index service did not settle");
}
