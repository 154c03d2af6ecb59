import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { buildModel, type NoteInput } from "./index";
import { sortOrder, type SortColumn } from "./view-sort";

/** Sorting notes of these frontmatters by `a` alone gives the order of the general (several keys) path. */
function expectOneKeyOrderIsGeneral(frontmatters: readonly Record<string, unknown>[], dir: "asc" | "desc"): void {
	const inputs: NoteInput[] = frontmatters.map((fm, i) => ({
		path: `F/N${i}.md`,
		basename: `N${i}`,
		frontmatter: fm,
		frontmatterError: null,
	}));
	const model = buildModel(inputs);
	const one = sortOrder(model, model.rows, [{ key: "a", dir }], new Map<string, SortColumn>());
	// The same key twice takes the general path (several keys): it must agree.
	const general = sortOrder(
		model,
		model.rows,
		[
			{ key: "a", dir },
			{ key: "a", dir },
		],
		new Map<string, SortColumn>(),
	);
	expect(one).toEqual(general);
}

describe("sorting by one column", () => {
	it("gives the order the general comparison gives, ascending and descending (property test)", () => {
		const values = pooledFrontmatterValue({
			numbers: { min: -3, max: 3 },
			strings: ["x", "Y", "y", "10", "9", "2024-01-01", ""],
			structures: [["a"], []],
		});
		const notes = fc.array(fc.record({ a: values }, { requiredKeys: [] }), { maxLength: 40 });
		fc.assert(
			fc.property(notes, fc.constantFrom<"asc" | "desc">("asc", "desc"), (fms, dir) => {
				expectOneKeyOrderIsGeneral(fms, dir);
			}),
			{ numRuns: 300 },
		);
	});

	it("gives that order on long lists too, sorted by the values' bits (property test)", () => {
		const number = fc.oneof(
			fc.double(),
			fc.integer({ min: -5, max: 5 }),
			fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 1e21, 2 ** 53),
		);
		const value = fc.oneof(
			{ weight: 6, arbitrary: number },
			{ weight: 2, arbitrary: fc.constantFrom("x", "Y", "y", "10", "b c", "") },
			{ weight: 1, arbitrary: fc.constant(null) },
		);
		const notes = fc.array(fc.option(value, { nil: undefined, freq: 10 }), { minLength: 256, maxLength: 700 });
		fc.assert(
			fc.property(notes, fc.constantFrom<"asc" | "desc">("asc", "desc"), (values, dir) => {
				expectOneKeyOrderIsGeneral(
					values.map((a) => (a === undefined ? {} : { a })),
					dir,
				);
			}),
			{ numRuns: 80 },
		);
	});
});
