import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { buildModel, facetValues, updateModel } from "./index";
import type { NoteInput } from "./index";

function note(i: number, frontmatter: Record<string, unknown> | null): NoteInput {
	return { path: `F/N${i}.md`, basename: `N${i}`, frontmatter, frontmatterError: null };
}

describe("facetValues", () => {
	it("after notes are edited in place, equals the facets of a model built from scratch (property test)", () => {
		const values = pooledFrontmatterValue();
		const fm = fc.oneof(fc.record({ a: values, b: values }, { requiredKeys: [] }), fc.constant(null));
		fc.assert(
			fc.property(
				fc.array(fm, { minLength: 1, maxLength: 8 }),
				fc.array(fc.tuple(fc.nat(), fm), { maxLength: 6 }),
				fc.array(fc.tuple(fc.nat(), fm), { maxLength: 6 }),
				(initial, first, second) => {
					const notes = initial.map((f, i) => note(i, f));
					let model = buildModel(notes);
					for (const batch of [first, second]) {
						// The counts of the model before are known: the next model starts from them.
						for (const key of ["a", "b"]) facetValues(model, key);
						const changes = batch.map(([i, f]) => note(i % notes.length, f));
						for (const c of changes) notes[Number(c.basename.slice(1))] = c;
						model = updateModel(model, changes);
					}
					const rebuilt = buildModel(notes);
					for (const key of ["a", "b"]) expect(facetValues(model, key)).toEqual(facetValues(rebuilt, key));
				},
			),
			{ numRuns: 300 },
		);
	});
});
