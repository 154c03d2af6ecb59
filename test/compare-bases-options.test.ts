/**
 * The "Comparison" Bases view with a Bases stub that follows the 1.13 typings: its options in
 * Bases' view menu, read back from the base's config; the base's own groups; transpose, sort and
 * checked notes kept in the config across a re-open; registered again once Bases is on.
 */
import type { BasesToggleOption, BasesViewRegistration } from "obsidian";
import { BasesEntry, BasesEntryGroup, BasesQueryResult, BasesViewConfig, QueryController, StringValue } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BASES_KEYS } from "../src/comparison/core/index";
import { COMPARISON_VIEW_TYPE } from "../src/comparison/ui/comparison-view";
import { registerComparisonBasesView } from "../src/comparison/ui/bases-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

let h: Harness | null = null;
afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\ncategory: full-stack\nfirst_release: 2005\nlicense: BSD\n---\n",
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\nfirst_release: 2010\nlicense: BSD\n---\n",
	"Web/Bottle.md": "---\ntype: framework\ncategory: micro\nfirst_release: 2009\nlicense: MIT\n---\n",
};
const PATHS = ["Web/Django.md", "Web/Flask.md", "Web/Bottle.md"];

type Registrations = Map<string, BasesViewRegistration>;

function registrations(harness: Harness): Registrations {
	return (harness.plugin as unknown as { basesViewRegistrations__: Registrations }).basesViewRegistrations__;
}

function registration(harness: Harness): BasesViewRegistration {
	const found = registrations(harness).get(COMPARISON_VIEW_TYPE);
	if (!found) throw new Error("the Comparison view is not registered");
	return found;
}

function newConfig(): BasesViewConfig {
	const config = BasesViewConfig.create__(null as never, COMPARISON_VIEW_TYPE, "Comparison");
	config.setOrder__(["note.first_release", "note.category", "note.license"]);
	return config;
}

/** One Comparison view over the notes, as Bases opens it with `config`; `groups` as Bases groups them. */
async function openView(
	harness: Harness,
	config: BasesViewConfig,
	groups?: { key: string | null; paths: string[] }[],
): Promise<{ pane: ComparisonPanePage; refresh: () => Promise<void> }> {
	const container = createDiv();
	const controller = QueryController.create2__(harness.mock, harness.plugin, createDiv(), null).asOriginalType2__();
	const view = registration(harness).factory(controller, container) as unknown as {
		config: unknown;
		data: unknown;
		onDataUpdated(): void;
	};
	const entries = new Map(PATHS.map((p) => [p, BasesEntry.create__(null, harness.app.vault.getFileByPath(p) as never)]));
	const result = BasesQueryResult.create__(harness.mock, config, [], []);
	result.setData__([...entries.values()]);
	result.setGroupedData__(
		(groups ?? [{ key: null, paths: PATHS }]).map((g) =>
			BasesEntryGroup.create__(
				g.paths.map((p) => entries.get(p) as BasesEntry),
				g.key === null ? undefined : StringValue.create__(g.key),
			),
		),
	);
	view.config = config;
	view.data = result;
	const pane = ComparisonPanePage.inContainer(harness, container);
	const refresh = async (): Promise<void> => {
		view.onDataUpdated();
		await pane.settle();
	};
	await refresh();
	return { pane, refresh };
}

function groupLabels(pane: ComparisonPanePage): (string | null | undefined)[] {
	return Array.from(pane.table().querySelectorAll("tbody tr.fn-cmp-group-row th")).map((th) => th.firstChild?.textContent);
}

describe('the "Comparison" Bases view', () => {
	it("offers transpose, hide identical columns, differences first and group by in Bases' view menu", async () => {
		h = await loadPlugin({ files: FILES });
		const options = registration(h).options?.(newConfig() as never) ?? [];
		expect(options.map((o) => [o.type, "key" in o ? o.key : null])).toEqual([
			["toggle", BASES_KEYS.transpose],
			["toggle", BASES_KEYS.hideIdentical],
			["toggle", BASES_KEYS.differencesFirst],
			["property", BASES_KEYS.groupBy],
		]);
		for (const option of options.slice(0, 3)) expect((option as BasesToggleOption).default).toBe(false);
	});

	it("hides its own group by while the base is grouped, and shows it again when the grouping goes", async () => {
		h = await loadPlugin({ files: FILES });
		const config = newConfig();
		const groupOption = (): { shouldHide?: () => boolean } | undefined =>
			(registration(h as Harness).options?.(config as never) ?? []).find((o) => "key" in o && o.key === BASES_KEYS.groupBy);
		expect(groupOption()?.shouldHide?.()).toBe(false);
		config.set("groupBy", { property: "note.category", direction: "ASC" });
		expect(groupOption()?.shouldHide?.()).toBe(true);
		config.set("groupBy", null);
		expect(groupOption()?.shouldHide?.()).toBe(false);
	});

	it("follows the options set in the base's config", async () => {
		h = await loadPlugin({ files: FILES });
		const config = newConfig();
		const { pane, refresh } = await openView(h, config);
		expect(pane.headerKeys()).toEqual(["file.name", "first_release", "category", "license"]);
		expect(pane.rowNames()).toEqual(["Django", "Flask", "Bottle"]);

		config.set(BASES_KEYS.groupBy, "note.category");
		await refresh();
		expect(groupLabels(pane)).toEqual(["full-stack", "micro"]);

		config.set(BASES_KEYS.groupBy, null);
		config.set(BASES_KEYS.transpose, true);
		await refresh();
		expect(pane.noteHeadNames()).toEqual(["Django", "Flask", "Bottle"]);
		expect(pane.button("Transpose").getAttribute("aria-pressed")).toBe("true");
	});

	it("hides columns every note agrees on when asked", async () => {
		h = await loadPlugin({ files: { "A/One.md": "---\nx: 1\nsame: yes\n---\n", "A/Two.md": "---\nx: 2\nsame: yes\n---\n" } });
		const config = BasesViewConfig.create__(null as never, COMPARISON_VIEW_TYPE, "Comparison");
		config.setOrder__(["note.x", "note.same"]);
		const container = createDiv();
		const controller = QueryController.create2__(h.mock, h.plugin, createDiv(), null).asOriginalType2__();
		const view = registration(h).factory(controller, container) as unknown as { config: unknown; data: unknown; onDataUpdated(): void };
		const result = BasesQueryResult.create__(h.mock, config, [], []);
		result.setData__(["A/One.md", "A/Two.md"].map((p) => BasesEntry.create__(null, h?.app.vault.getFileByPath(p) as never)));
		view.config = config;
		view.data = result;
		const pane = ComparisonPanePage.inContainer(h, container);
		view.onDataUpdated();
		await pane.settle();
		expect(pane.headerKeys()).toEqual(["file.name", "x", "same"]);
		config.set(BASES_KEYS.hideIdentical, true);
		view.onDataUpdated();
		await pane.settle();
		expect(pane.headerKeys()).toEqual(["file.name", "x"]);
	});

	it("shows the base's own groups, in its order, instead of its option", async () => {
		h = await loadPlugin({ files: FILES });
		const config = newConfig();
		config.set(BASES_KEYS.groupBy, "note.category");
		const { pane } = await openView(h, config, [
			{ key: "MIT", paths: ["Web/Bottle.md"] },
			{ key: "BSD", paths: ["Web/Django.md", "Web/Flask.md"] },
		]);
		expect(groupLabels(pane)).toEqual(["MIT", "BSD"]);
		expect(pane.rowNames()).toEqual(["Bottle", "Django", "Flask"]);
	});

	it("keeps transpose, sort and checked notes in the base's config across a re-open", async () => {
		h = await loadPlugin({ files: FILES });
		const config = newConfig();
		const first = await openView(h, config);
		first.pane.sortBy("first_release");
		await first.pane.settle();
		first.pane.check("Flask");
		await first.pane.settle();
		first.pane.toggleTranspose();
		await first.pane.settle();
		expect(config.get(BASES_KEYS.transpose)).toBe(true);
		expect(config.get(BASES_KEYS.sort)).toEqual([{ key: "first_release", dir: "asc" }]);
		expect(config.get(BASES_KEYS.selected)).toEqual(["Web/Flask.md"]);

		const again = await openView(h, config);
		expect(again.pane.noteHeadNames()).toEqual(["Django", "Bottle", "Flask"]);
		again.pane.toggleTranspose();
		await again.pane.settle();
		expect(again.pane.rowNames()).toEqual(["Django", "Bottle", "Flask"]);
		expect(again.pane.checkbox("Flask").checked).toBe(true);
		expect(again.pane.checkbox("Django").checked).toBe(false);
	});

	it("ignores malformed state in a hand-edited base", async () => {
		h = await loadPlugin({ files: FILES });
		const config = newConfig();
		config.set(BASES_KEYS.transpose, "yes");
		config.set(BASES_KEYS.sort, "first_release");
		config.set(BASES_KEYS.selected, { "Web/Flask.md": true });
		config.set(BASES_KEYS.groupBy, "formula.score");
		const { pane } = await openView(h, config);
		expect(pane.rowNames()).toEqual(["Django", "Flask", "Bottle"]);
		expect(groupLabels(pane)).toEqual([]);
		expect(pane.checkbox("Flask").checked).toBe(false);
	});

	it("is registered once Bases is turned on, without a restart", async () => {
		h = await loadPlugin({ files: FILES });
		const harness = h;
		registrations(harness).clear();
		const register = vi.spyOn(harness.plugin, "registerBasesView").mockReturnValueOnce(false);
		expect(registerComparisonBasesView(harness.plugin)).toBe(false);
		await harness.settle();
		expect(registrations(harness).has(COMPARISON_VIEW_TYPE)).toBe(false);
		harness.app.workspace.trigger("layout-change");
		expect(register).toHaveBeenCalledTimes(2);
		expect(registrations(harness).has(COMPARISON_VIEW_TYPE)).toBe(true);
		harness.app.workspace.trigger("layout-change");
		expect(register).toHaveBeenCalledTimes(2);
	});
});
