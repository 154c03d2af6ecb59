import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../shared/core/settings";
import { TimeSlicer } from "../../shared/core/slicer";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { allFolderNotes, allFolderNotesSliced } from "./folder-notes";

describe("every folder note, in slices", () => {
	it("is the list the unsliced walk gives, under every folder-note style", async () => {
		const paths = fc.uniqueArray(
			fc
				.tuple(
					fc.array(fc.constantFrom("A", "B", "a", "Deep"), { minLength: 1, maxLength: 3 }),
					fc.constantFrom("A", "B", "index", "Deep", "x"),
				)
				.map(([folders, name]) => [...folders, `${name}.md`].join("/")),
			{ maxLength: 60 },
		);
		const style = fc.constantFrom<IndexSettings["folderNoteStyle"]>("inside", "outside", "fixed");
		await fc.assert(
			fc.asyncProperty(paths, style, fc.integer({ min: 1, max: 20 }), async (list, folderNoteStyle, budget) => {
				const vault = snapshotFromFiles(Object.fromEntries(list.map((p) => [p, ""])));
				const settings: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, folderNoteStyle, folderNoteName: "index" };
				let now = 0;
				const slicer = new TimeSlicer(
					() => now++,
					() => Promise.resolve(),
					budget,
				);
				const sliced = await allFolderNotesSliced(vault, settings, slicer);
				expect(sliced.map((f) => f.path)).toEqual(allFolderNotes(vault, settings).map((f) => f.path));
			}),
		);
	});
});
