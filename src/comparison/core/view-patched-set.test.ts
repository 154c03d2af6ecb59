import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patchedSet } from "./view-patched-set";

describe("patchedSet", () => {
	it("has the members a plain set given the same additions and removals has, through chains and folds (property test)", () => {
		const value = fc.integer({ min: 0, max: 400 }).map(String);
		const batch = fc.array(fc.tuple(value, fc.boolean()), { maxLength: 300 });
		fc.assert(
			fc.property(fc.uniqueArray(value, { maxLength: 50 }), fc.array(batch, { maxLength: 4 }), (initial, batches) => {
				let set: ReadonlySet<string> = new Set(initial);
				const plain = new Set(initial);
				for (const changes of batches) {
					const before = [...set].sort();
					const next = patchedSet(set, changes);
					for (const [v, member] of changes) {
						if (member) plain.add(v);
						else plain.delete(v);
					}
					// The set it was made from is left as it was.
					expect([...set].sort()).toEqual(before);
					set = next;
					expect(set.size).toBe(plain.size);
					expect([...set].sort()).toEqual([...plain].sort());
					for (let v = 0; v <= 400; v += 7) expect(set.has(String(v))).toBe(plain.has(String(v)));
				}
			}),
			{ numRuns: 200 },
		);
	});
});
