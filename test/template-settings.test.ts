import { TextComponent, ToggleComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TEMPLATE_SETTINGS } from "../src/shared/core/settings";
import { TEMPLATE_SETTINGS } from "../src/templates/settings-section";
import { renderSection } from "../src/shared/settings-classic";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let h: Harness | null = null;
afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

type Callback = (value: never) => unknown;

function render(harness: Harness): { container: HTMLElement; texts: Callback[]; toggles: Callback[] } {
	const texts: Callback[] = [];
	const toggles: Callback[] = [];
	// Collect each component's change handler in creation order (the mock does not wire input events).
	vi.spyOn(TextComponent.prototype, "onChange").mockImplementation(function (this: TextComponent, cb) {
		texts.push(cb);
		return this;
	});
	vi.spyOn(ToggleComponent.prototype, "onChange").mockImplementation(function (this: ToggleComponent, cb) {
		toggles.push(cb);
		return this;
	});
	const container = createDiv();
	renderSection(container, harness.plugin, TEMPLATE_SETTINGS, () => undefined);
	return { container, texts, toggles };
}

describe("template settings", () => {
	it("works on first run: built-in template, current folder, no outline links, ISO dates", () => {
		expect(DEFAULT_TEMPLATE_SETTINGS).toEqual({
			templateFile: "",
			templatesFolder: "",
			newNoteFolder: "",
			linkOutlineItems: false,
			dateFormat: "YYYY-MM-DD",
			timeFormat: "HH:mm",
		});
	});

	it("saves normalized paths, the link toggle, and falls back to default formats when cleared", async () => {
		h = await loadPlugin();
		const { texts, toggles, container } = render(h);
		expect(container.textContent).toContain("Templates");
		expect(texts).toHaveLength(5);
		expect(toggles).toHaveLength(1);
		const [templateFile, templatesFolder, newNoteFolder, dateFormat] = texts as ((value: string) => Promise<void>)[];
		await templateFile?.(" Templates//Framework.md ");
		await templatesFolder?.("/Templates/");
		await newNoteFolder?.("");
		await (toggles[0] as (value: boolean) => Promise<void>)(true);
		await dateFormat?.("  ");
		expect(h.plugin.settings.templates).toEqual({
			...DEFAULT_TEMPLATE_SETTINGS,
			templateFile: "Templates/Framework.md",
			templatesFolder: "Templates",
			linkOutlineItems: true,
		});
		await dateFormat?.("DD.MM.YYYY");
		expect(h.plugin.settings.templates.dateFormat).toBe("DD.MM.YYYY");
		expect(await h.plugin.loadData()).toMatchObject({ templates: { dateFormat: "DD.MM.YYYY", linkOutlineItems: true } });
	});
});
