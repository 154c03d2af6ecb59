import { describe, expect, it } from "vitest";
import { PaneActions } from "../src/shared/pane-actions";

const action = (id: string) => ({ id, name: id, icon: "download", run: () => undefined });

describe("PaneActions", () => {
	it("lists actions in the order added and refuses an id twice", () => {
		const actions = new PaneActions();
		actions.add(action("b"));
		actions.add(action("a"));
		expect(actions.list().map((a) => a.id)).toEqual(["b", "a"]);
		expect(() => actions.add(action("a"))).toThrow(/added twice/);
	});
});
