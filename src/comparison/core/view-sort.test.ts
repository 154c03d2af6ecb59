import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { buildModel, type NoteInput } from "./index";
import { sortOrder, type SortColumn } from "./view-sort";

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
				const inputs: NoteInput[] = fms.map((fm, i) => ({
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
			}),
			{ numRuns: 300 },
		);
	});
});
