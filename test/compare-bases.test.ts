import type { BasesViewRegistration } from "obsidian";
import { BasesEntry, BasesQueryResult, BasesViewConfig, QueryController } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMPARISON_VIEW_TYPE } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\ncategory: full-stack\nfirst_release: 2005\nlicense: BSD\n---\n",
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\nfirst_release: 2010\nlicense: BSD\n---\n",
};

describe('Bases view type "Comparison"', () => {
	it("is registered and shows the Base's entries in its property order", async () => {
		h = await loadPlugin({ files: FILES });
		const registrations = (h.plugin as unknown as { basesViewRegistrations__: Map<string, BasesViewRegistration> })
			.basesViewRegistrations__;
		const registration = registrations.get(COMPARISON_VIEW_TYPE);
		expect(registration?.name).toBe("Comparison");
		if (!registration) return;

		const mockApp = h.mock;
		const container = createDiv();
		const controller = QueryController.create2__(mockApp, h.plugin, createDiv(), null).asOriginalType2__();
		const view = registration.factory(controller, container) as unknown as { config: unknown; data: unknown; onDataUpdated(): void };
		const config = BasesViewConfig.create__(null as never, COMPARISON_VIEW_TYPE, "Comparison");
		config.setOrder__(["file.name", "note.first_release", "note.category"]);
		const result = BasesQueryResult.create__(mockApp, config, [], []);
		result.setData__(["Web/Flask.md", "Web/Django.md"].map((p) => BasesEntry.create__(null, h?.app.vault.getFileByPath(p) as never)));
		view.config = config;
		view.data = result;
		view.onDataUpdated();
		const pane = ComparisonPanePage.inContainer(h, container);
		await pane.settle();

		const heads = pane.headerKeys();
		expect(heads).toEqual(["file.name", "first_release", "category"]);
		const names = pane.rowNames();
		expect(names).toEqual(["Flask", "Django"]);

		const spy = vi.spyOn(h.app.fileManager, "processFrontMatter");
		await pane.edit("Django", "category", "batteries");
		expect(spy).toHaveBeenCalledTimes(1);
		expect(await h.read("Web/Django.md")).toContain("category: batteries");
	});
});
