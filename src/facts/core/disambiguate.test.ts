import { describe, expect, it } from "vitest";
import { clearBestMatch, contentWords } from "./disambiguate";

describe("telling packages of one name apart by the note's words", () => {
	it("compares words of four or more letters, without case or common words", () => {
		expect([...contentWords("A high-level Framework, with the ORM and async views!")]).toEqual([
			"high",
			"level",
			"framework",
			"async",
			"views",
		]);
	});

	it("chooses a description only when it shares at least three words and twice the runner-up's", () => {
		const note = "A lightweight micro framework for building web applications in Python";
		expect(clearBestMatch(note, ["A simple framework for building complex web applications.", "Colour names for terminals"])).toBe(0);
		expect(clearBestMatch(note, [null, "Lightweight WSGI micro web framework"])).toBe(1);
		// Two words only: not enough.
		expect(clearBestMatch(note, ["A web framework", "Terminal colours"])).toBeNull();
		// A close runner-up: ambiguous.
		expect(clearBestMatch(note, ["Lightweight micro framework", "Micro framework for building web things"])).toBeNull();
		// Nothing to compare.
		expect(clearBestMatch("", ["A lightweight micro framework"])).toBeNull();
		expect(clearBestMatch(note, [null, null])).toBeNull();
	});
});
