import { describe, expect, it } from "vitest";
import { DEFAULT_COMPARE_SETTINGS } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { comparedNotes, isComparedNote, type NoteSelection } from "./index";

const vault = snapshotFromFiles({
	"Web/Django.md": "---\ntype: framework\n---\n",
	"Web/Broken.md": "---\ntype: framework\n  bad: [\n---\n",
	"Web/comparison.md": "---\nframework-notes: comparison\ntype: framework\n---\n",
	"Templates/Framework.md": "---\ntype: framework\n---\n",
	"Templates/Broken.md": "---\nx: [\n---\n",
	"Other/Flask.md": "---\ntype: framework\n---\n",
});

const selection = (patch: Partial<NoteSelection> = {}): NoteSelection => ({
	settings: DEFAULT_COMPARE_SETTINGS,
	scope: null,
	templatesFolder: "Templates",
	...patch,
});

describe("comparedNotes", () => {
	it("leaves out generated comparison notes and the templates folder", () => {
		expect(comparedNotes(vault, selection()).map((f) => f.path)).toEqual(["Other/Flask.md", "Web/Broken.md", "Web/Django.md"]);
	});

	it("keeps the templates folder's notes when there is no templates folder", () => {
		expect(comparedNotes(vault, selection({ templatesFolder: null, scope: "Templates" })).map((f) => f.path)).toEqual([
			"Templates/Broken.md",
			"Templates/Framework.md",
		]);
	});

	it("agrees with isComparedNote note by note (the live-update rule)", () => {
		const chosen = new Set(comparedNotes(vault, selection()).map((f) => f.path));
		const folders = new Set(["Web", "Other"]);
		for (const path of ["Web/Django.md", "Web/Broken.md", "Web/comparison.md", "Templates/Framework.md", "Other/Flask.md"]) {
			expect(isComparedNote(vault, selection(), path, (f) => folders.has(f))).toBe(chosen.has(path));
		}
	});
});
