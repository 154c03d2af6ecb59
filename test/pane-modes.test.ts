import { describe, expect, it } from "vitest";
import { PaneModes } from "../src/shared/pane-modes";

const mode = (id: string) => ({ id, name: id, open: () => undefined });

describe("PaneModes", () => {
	it("lists modes in the order added and refuses an id twice", () => {
		const modes = new PaneModes();
		modes.add(mode("b"));
		modes.add(mode("a"));
		expect(modes.list().map((m) => m.id)).toEqual(["b", "a"]);
		expect(() => modes.add(mode("a"))).toThrow(/added twice/);
		expect(modes.get("toString")).toBeNull();
	});

	it("shows a known mode through the opener only", async () => {
		const modes = new PaneModes();
		modes.add(mode("a"));
		expect(await modes.show("a", {})).toBe(false);
		const shown: [string, Record<string, unknown>][] = [];
		modes.setOpener((id, state) => {
			shown.push([id, state]);
			return Promise.resolve(true);
		});
		expect(await modes.show("a", { note: "N.md" })).toBe(true);
		expect(await modes.show("z", {})).toBe(false);
		expect(shown).toEqual([["a", { note: "N.md" }]]);
	});
});
