import { DropdownComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../src/shared/core/settings";
import { COMPARE_SETTINGS } from "../src/comparison/settings-section";
import { renderSection } from "../src/shared/settings-classic";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

/** Setting names (the mock's setting: control element, then info element holding the name). */
function names(el: HTMLElement): string[] {
	return Array.from(el.children).map((setting) => setting.children[1]?.children[0]?.textContent ?? "");
}

describe("comparison settings section", () => {
	it("shows the selector fields for the chosen kind and saves a change", async () => {
		h = await loadPlugin({});
		// The first dropdown is the selector kind; keep it to fire its change (see below).
		const captured: DropdownComponent[] = [];
		const spy = vi.spyOn(DropdownComponent.prototype, "onChange");
		spy.mockImplementation(function (this: DropdownComponent, cb: (value: string) => unknown) {
			captured.push(this);
			spy.mockRestore();
			return this.onChange(cb);
		});
		const el = createDiv();
		let redisplays = 0;
		renderSection(el, h.plugin, COMPARE_SETTINGS, () => {
			redisplays++;
		});
		expect(names(el)).toEqual([
			"Comparison pane",
			"Framework notes are chosen by",
			"Property",
			"Value",
			"Group by",
			"Open the pane",
			"Comparison note",
			"Comparison flag",
			"Decision flag",
		]);
		const kind = el.querySelector("select");
		if (!kind) throw new Error("no dropdown");
		kind.value = "tag";
		// The mock's dropdown does not listen to DOM events; its helper fires the change.
		captured[0]?.simulateChange__();
		await h.settle();
		expect(h.plugin.settings.compare.selectorKind).toBe("tag");
		expect(redisplays).toBe(1);
		const again = createDiv();
		renderSection(again, h.plugin, COMPARE_SETTINGS, () => undefined);
		expect(names(again)).toContain("Tag");
		expect(names(again)).not.toContain("Property");
		expect(DEFAULT_SETTINGS.compare.selectorKind).toBe("property");
	});
});
