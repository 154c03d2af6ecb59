import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { fieldProblem, INDEX_SCHEMA, limitText, SECTION_NAMES, SETTINGS_SCHEMA, type Field } from "./settings-schema";

describe("settings schema", () => {
	it("has a valid default for every setting, and the defaults are those of DEFAULT_SETTINGS", () => {
		for (const name of SECTION_NAMES) {
			const schema: Readonly<Record<string, Field>> = SETTINGS_SCHEMA[name];
			expect(Object.keys(DEFAULT_SETTINGS[name]).sort()).toEqual(Object.keys(schema).sort());
			for (const [key, field] of Object.entries(schema)) {
				expect(fieldProblem(field, field.default), `${name}.${key}`).toBeNull();
				expect((DEFAULT_SETTINGS[name] as Readonly<Record<string, unknown>>)[key]).toEqual(field.default);
			}
		}
	});

	it("checks whole numbers against their bounds", () => {
		const field = INDEX_SCHEMA.numSpaces;
		expect(fieldProblem(field, field.min)).toBeNull();
		expect(fieldProblem(field, field.max)).toBeNull();
		for (const bad of [field.min - 1, field.max + 1, 2.5, "4", Number.NaN, Infinity, null]) {
			expect(fieldProblem(field, bad)).toBe("must be a whole number between 1 and 16");
		}
	});

	it("checks text, empty text and length", () => {
		expect(fieldProblem(INDEX_SCHEMA.titleProperty, "name")).toBeNull();
		expect(fieldProblem(INDEX_SCHEMA.titleProperty, "")).toBe("must not be empty");
		expect(fieldProblem(INDEX_SCHEMA.titleProperty, 3)).toBe("must be text");
		expect(fieldProblem(INDEX_SCHEMA.titleProperty, "x".repeat(INDEX_SCHEMA.titleProperty.maxLength + 1))).toMatch(/at most 256/);
		expect(fieldProblem(SETTINGS_SCHEMA.compare.groupBy, "")).toBeNull();
	});

	it("checks choices, booleans and lists", () => {
		expect(fieldProblem(INDEX_SCHEMA.sortBy, "mtime")).toBeNull();
		expect(fieldProblem(INDEX_SCHEMA.sortBy, "size")).toBe("must be one of name, mtime, ctime, order");
		expect(fieldProblem(INDEX_SCHEMA.foldersOnTop, "yes")).toBe("must be true or false");
		expect(fieldProblem(INDEX_SCHEMA.ignorePaths, ["a", "b"])).toBeNull();
		expect(fieldProblem(INDEX_SCHEMA.ignorePaths, ["a", 1])).toBe("must be a list of text");
		expect(fieldProblem(INDEX_SCHEMA.ignorePaths, "a")).toBe("must be a list of text");
		expect(
			fieldProblem(
				INDEX_SCHEMA.ignorePaths,
				Array.from({ length: 1001 }, () => "a"),
			),
		).toMatch(/at most 1000 entries/);
	});

	it("words the limits the settings tab shows", () => {
		expect(limitText(INDEX_SCHEMA.maxDepth)).toBe("between 0 and 1000");
		expect(limitText(INDEX_SCHEMA.debounceMs)).toBe("between 0 and 60000");
		expect(limitText(INDEX_SCHEMA.linkStyle)).toBe("one of wiki, markdown");
	});
});
