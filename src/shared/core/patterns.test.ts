import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate } from "./settings";
import { flagShapeProblem, ignorePatternProblem, repeatsRepetition } from "./patterns";

describe("flags", () => {
	it("look like %% Word %% and are not block markers", () => {
		expect(flagShapeProblem("%% Waypoint %%")).toBeNull();
		expect(flagShapeProblem("%% MOC %%")).toBeNull();
		expect(flagShapeProblem("-")).toBe("must look like %% Word %%");
		expect(flagShapeProblem("%%  %%")).toBe("must look like %% Word %%");
		expect(flagShapeProblem("%% Begin Waypoint %%")).toBe("must not be a block marker");
	});
});

describe("ignore patterns", () => {
	it("refuse repeated groups that repeat or alternate, and keep ordinary patterns", () => {
		for (const bad of ["(a+)+b", "(a*)*", "(a|a)*b", "(\\w+\\s?)+$", "(x?){2,}", "((ab)+)+", "(?:a+)+"]) {
			expect(repeatsRepetition(bad), bad).toBe(true);
		}
		for (const good of ["_attachments", "^Archive/", "\\.(png|jpe?g)$", "(ab)+c", "[(a+)+]", "\\(a+\\)+", "a{2}", "(a+){1}", "x+?y*"]) {
			expect(repeatsRepetition(good), good).toBe(false);
		}
		expect(ignorePatternProblem("(")).toBe("is not a valid regular expression");
		expect(ignorePatternProblem("(a+)+b")).toMatch(/repeats a group/);
		expect(ignorePatternProblem("_attachments")).toBeNull();
	});

	it("any pattern the check accepts answers quickly on a long almost-matching path", () => {
		const unit = fc.constantFrom("a", "b", "(", ")", "+", "*", "?", "|", "\\w", "{2,}", "[a]");
		fc.assert(
			fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
				const pattern = parts.join("");
				if (ignorePatternProblem(pattern) !== null) return;
				// Runs to completion: the suite's time limit would catch a hang.
				new RegExp(pattern).test(`${"a".repeat(5000)}!`);
			}),
			{ numRuns: 300 },
		);
	});
});

describe("settings read from data.json", () => {
	it("refuse a flag that would turn ordinary prose into index blocks", () => {
		const { settings, problems } = migrate({ version: 1, index: { waypointFlag: "-" } });
		expect(settings.index.waypointFlag).toBe("%% Waypoint %%");
		expect(problems.map((p) => p.key)).toEqual(["index.waypointFlag"]);
	});

	it("leave out only the ignore entries that could hang a run, and name them", () => {
		const { settings, problems } = migrate({ version: 1, index: { ignorePaths: ["_attachments", "(a+)+b", "Archive"] } });
		expect(settings.index.ignorePaths).toEqual(["_attachments", "Archive"]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ key: "index.ignorePaths", value: "(a+)+b" });
	});
});
