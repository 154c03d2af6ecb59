import { describe, expect, it } from "vitest";
import { addItem, removeItem, setWeight, withWeight } from "./edit";

describe("decision list edits", () => {
	it("changes, adds and drops a preference's weight", () => {
		expect(withWeight("orm = true * 2", 0.5)).toBe("orm = true * 0.5");
		expect(withWeight("stars high", 3)).toBe("stars high * 3");
		expect(withWeight("stars high *3", 1)).toBe("stars high");
		expect(withWeight("stars very high", 2)).toBeNull();
	});

	it("changes only the item concerned, and nothing when the weight is the same", () => {
		const list = ["async = true * 3", 7, "orm = true * 2"];
		expect(setWeight(list, 2, 0)).toEqual(["async = true * 3", 7, "orm = true * 0"]);
		expect(setWeight(list, 0, 3)).toBeNull();
		expect(setWeight(list, 1, 3)).toBeNull();
		expect(setWeight("stars high", 0, 2)).toEqual(["stars high * 2"]);
	});

	it("adds and removes items", () => {
		expect(addItem(null, "  lang = Go ")).toEqual(["lang = Go"]);
		expect(addItem(["a exists"], "  ")).toBeNull();
		expect(removeItem(["a exists", "b exists"], 0)).toEqual(["b exists"]);
		expect(removeItem(["a exists"], 3)).toBeNull();
	});
});
