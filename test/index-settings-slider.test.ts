/**
 * "Number of spaces": Obsidian 1.13 shows a slider's value next to it; on older apps the
 * setting's description names the value, and follows the slider.
 */
import { Setting } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INDEX_SETTINGS } from "../src/index-notes/settings-section";
import { withSection } from "../src/shared/core/settings";
import { renderSection } from "../src/shared/settings-classic";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const app = vi.hoisted(() => ({ version: "1.13.1" }));

vi.mock("obsidian", async (importOriginal) => {
	const actual = await importOriginal<Record<string, unknown>>();
	const parts = (v: string): number[] => v.split(".").map(Number);
	const atLeast = (have: string, want: string): boolean => {
		const [a, b] = [parts(have), parts(want)];
		for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
		return true;
	};
	return { ...actual, requireApiVersion: (want: string) => atLeast(app.version, want) };
});

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
});

/** The section drawn with spaces on; the "Number of spaces" setting's description and slider. */
async function spacesSetting(): Promise<{ h: Harness; desc: () => string; slide: (value: number) => Promise<void> }> {
	harness = await loadPlugin({ files: {} });
	const h = harness;
	await h.plugin.updateSettings(withSection(h.plugin.settings, "index", { useSpaces: true, numSpaces: 2 }));
	const spy = vi.spyOn(Setting.prototype, "setName");
	renderSection(createDiv(), h.plugin, INDEX_SETTINGS, () => undefined);
	const at = spy.mock.calls.findIndex((call) => call[0] === "Number of spaces");
	const setting = spy.mock.contexts[at] as Setting | undefined;
	spy.mockRestore();
	const slider = (setting as unknown as { components?: { setValue(value: number): unknown }[] } | undefined)?.components?.[0];
	if (!setting || !slider) throw new Error("no Number of spaces slider");
	return {
		h,
		desc: () => setting.descEl.textContent ?? "",
		slide: async (value) => {
			// The mock's setValue runs the slider's change handler, as a drag does.
			slider.setValue(value);
			await h.settle();
		},
	};
}

describe("the number of spaces slider", () => {
	it("names its value in the description before Obsidian 1.13, and follows the slider", async () => {
		app.version = "1.12.3";
		const { h, desc, slide } = await spacesSetting();
		expect(desc()).toBe("Spaces per level of indentation, between 1 and 16: now 2.");
		await slide(5);
		expect(h.plugin.settings.index.numSpaces).toBe(5);
		expect(desc()).toBe("Spaces per level of indentation, between 1 and 16: now 5.");
	});

	it("leaves the value to the slider from Obsidian 1.13", async () => {
		app.version = "1.13.1";
		const { h, desc, slide } = await spacesSetting();
		expect(desc()).toBe("Spaces per level of indentation, between 1 and 16.");
		await slide(7);
		expect(h.plugin.settings.index.numSpaces).toBe(7);
		expect(desc()).toBe("Spaces per level of indentation, between 1 and 16.");
	});
});
