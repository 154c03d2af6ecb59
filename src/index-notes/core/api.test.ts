import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { isFile, isFolder, type VFile, type VFolder } from "../../shared/core/vault";
import { candidateIndexNotes, folderNoteOf, folderOfFolderNote, frontmatterCandidates, holdsWaypointVia, usesFrontmatter } from "./index";

const S = DEFAULT_INDEX_SETTINGS;
const with_ = (p: Partial<IndexSettings>): IndexSettings => ({ ...S, ...p });

const vault = snapshotFromFiles({
	"Top.md": "",
	"Top/Top.md": "%% Waypoint %%",
	"Top/index.md": "",
	"Top/A.md": "",
	"Top/A/A.md": "%% Waypoint %%",
	"Top/A/index.md": "",
	"Top/A/n.md": "",
	"Top/A/B/B.md": "",
	"Top/A/B/deep.md": "",
	"Top/C/c.md": "",
});
const folder = (p: string): VFolder => {
	const n = vault.getNode(p);
	if (n === null || !isFolder(n)) throw new Error(p);
	return n;
};
const file = (p: string): VFile => {
	const n = vault.getNode(p);
	if (n === null || !isFile(n)) throw new Error(p);
	return n;
};

describe("folder notes", () => {
	it("inside, outside and fixed styles, both directions", () => {
		expect(folderNoteOf(folder("Top/A"), vault, S)?.path).toBe("Top/A/A.md");
		expect(folderNoteOf(folder("Top/A"), vault, with_({ folderNoteStyle: "outside" }))?.path).toBe("Top/A.md");
		expect(folderNoteOf(folder("Top/A"), vault, with_({ folderNoteStyle: "fixed" }))?.path).toBe("Top/A/index.md");
		expect(folderNoteOf(folder("Top/C"), vault, S)).toBeNull();
		expect(folderNoteOf(vault.root, vault, S)).toBeNull();

		expect(folderOfFolderNote(file("Top/A/A.md"), vault, S)?.path).toBe("Top/A");
		expect(folderOfFolderNote(file("Top/A.md"), vault, S)).toBeNull();
		expect(folderOfFolderNote(file("Top/A.md"), vault, with_({ folderNoteStyle: "outside" }))?.path).toBe("Top/A");
		expect(folderOfFolderNote(file("Top.md"), vault, with_({ folderNoteStyle: "outside" }))?.path).toBe("Top");
		expect(folderOfFolderNote(file("Top/A/index.md"), vault, with_({ folderNoteStyle: "fixed" }))?.path).toBe("Top/A");
		expect(folderOfFolderNote(file("Top/A/n.md"), vault, with_({ folderNoteStyle: "fixed" }))).toBeNull();
	});
});

describe("candidateIndexNotes", () => {
	it("lists ancestor folder notes, nearest first", () => {
		expect(candidateIndexNotes("Top/A/B/deep.md", vault, S)).toEqual(["Top/A/B/B.md", "Top/A/A.md", "Top/Top.md"]);
		expect(candidateIndexNotes("Top/C/c.md", vault, S)).toEqual(["Top/Top.md"]);
	});

	it("includes a changed folder's own note, and works for deleted paths", () => {
		expect(candidateIndexNotes("Top/A/B", vault, S)).toEqual(["Top/A/B/B.md", "Top/A/A.md", "Top/Top.md"]);
		expect(candidateIndexNotes("Top/A/gone/x.md", vault, S)).toEqual(["Top/A/A.md", "Top/Top.md"]);
		expect(candidateIndexNotes("Top/A/B/", vault, with_({ folderNoteStyle: "outside" }))).toEqual(["Top/A.md", "Top.md"]);
	});

	it("stops above a nested waypoint unless the change is that folder note itself", () => {
		const holds = holdsWaypointVia((p) => vault.text(p), S);
		expect(candidateIndexNotes("Top/A/B/deep.md", vault, S, holds)).toEqual(["Top/A/B/B.md", "Top/A/A.md"]);
		expect(candidateIndexNotes("Top/A/A.md", vault, S, holds)).toEqual(["Top/A/A.md", "Top/Top.md"]);
		expect(candidateIndexNotes("Top/A/n.md", vault, with_({ stopScanAtFolderNotes: true }))).toEqual(["Top/A/A.md"]);
	});

	it("is empty for the root", () => {
		expect(candidateIndexNotes("/", vault, S)).toEqual([]);
		expect(candidateIndexNotes("Root note.md", vault, S)).toEqual([]);
	});
});

describe("frontmatter dependence", () => {
	it("usesFrontmatter follows titles and order sort", () => {
		expect(usesFrontmatter(S)).toBe(false);
		expect(usesFrontmatter(with_({ useTitleProperty: true }))).toBe(true);
		expect(usesFrontmatter(with_({ sortBy: "order" }))).toBe(true);
		expect(usesFrontmatter(with_({ sortBy: "mtime" }))).toBe(false);
	});

	it("frontmatterCandidates keeps the note itself and indexes whose own options read frontmatter", () => {
		const v = snapshotFromFiles({
			"T/T.md": "---\nindex-group: category\n---\n%% Waypoint %%",
			"T/A/A.md": "%% Waypoint %%",
			"T/A/n.md": "",
		});
		expect(frontmatterCandidates("T/A/n.md", v, S)).toEqual(["T/T.md"]);
		expect(frontmatterCandidates("T/A/A.md", v, S)).toEqual(["T/A/A.md", "T/T.md"]);
		expect(frontmatterCandidates("T/A/n.md", v, with_({ useTitleProperty: true }))).toEqual(["T/A/A.md", "T/T.md"]);
	});
});
