import { describe, expect, it } from "vitest";
import { type LiveFacts, movedPath, planLiveUpdate, sortTouched, type VaultChangeBatch } from "./live-plan";

function batch(parts: { changed?: string[]; removed?: string[]; renamed?: [string, string][] }): VaultChangeBatch {
	return { changed: new Set(parts.changed ?? []), removed: new Set(parts.removed ?? []), renamed: parts.renamed ?? [] };
}

function facts(parts: Partial<LiveFacts> = {}): LiveFacts {
	return { scope: null, selected: [], rows: ["F/a.md", "F/b.md", "G/c.md"], notesAt: (path) => [path], ...parts };
}

describe("movedPath", () => {
	it("follows a renamed note or folder and leaves other paths alone", () => {
		expect(movedPath("F/a.md", "F/a.md", "F/z.md")).toBe("F/z.md");
		expect(movedPath("F/a.md", "F", "H")).toBe("H/a.md");
		expect(movedPath("FF/a.md", "F", "H")).toBeNull();
	});
});

describe("planLiveUpdate", () => {
	it("reads modified and created notes again, nothing dropped", () => {
		const plan = planLiveUpdate(facts(), batch({ changed: ["F/a.md", "F/new.md"] }));
		expect(plan).toEqual({ kind: "update", selected: [], dropped: [], touched: ["F/a.md", "F/new.md"], moved: [], removed: [] });
	});

	it("drops a deleted note and unchecks it", () => {
		const plan = planLiveUpdate(facts({ selected: ["F/b.md", "G/c.md"] }), batch({ removed: ["F/b.md"] }));
		expect(plan).toMatchObject({ kind: "update", dropped: ["F/b.md"], selected: ["G/c.md"], removed: ["F/b.md"] });
	});

	it("drops every row of a deleted folder", () => {
		const plan = planLiveUpdate(facts({ selected: ["F/a.md"] }), batch({ removed: ["F"] }));
		expect(plan).toMatchObject({ kind: "update", dropped: ["F/a.md", "F/b.md"], selected: [] });
	});

	it("a renamed note in the model is dropped under its old path and read under the new one", () => {
		const plan = planLiveUpdate(facts({ selected: ["F/a.md"] }), batch({ renamed: [["F/a.md", "F/z.md"]] }));
		expect(plan).toEqual({
			kind: "update",
			selected: ["F/z.md"],
			dropped: ["F/a.md"],
			touched: ["F/z.md"],
			moved: [["F/a.md", "F/z.md"]],
			removed: [],
		});
	});

	it("a renamed folder brings in the notes inside it", () => {
		const notesAt = (path: string): string[] => (path === "New" ? ["New/x.md", "New/y.md"] : []);
		const plan = planLiveUpdate(facts({ notesAt }), batch({ renamed: [["Old", "New"]] }));
		expect(plan).toMatchObject({ kind: "update", dropped: [], touched: ["New/x.md", "New/y.md"] });
	});

	it("a renamed note outside the model that no longer exists touches nothing", () => {
		const plan = planLiveUpdate(facts({ notesAt: () => [] }), batch({ renamed: [["X/gone.md", "X/still-gone.md"]] }));
		expect(plan).toMatchObject({ kind: "update", dropped: [], touched: [] });
	});

	it("renaming the scope's folder rebuilds with the new scope", () => {
		const plan = planLiveUpdate(facts({ scope: "F", rows: ["F/a.md"], selected: ["F/a.md"] }), batch({ renamed: [["F", "H"]] }));
		expect(plan).toMatchObject({
			kind: "rebuild",
			scope: "H",
			scopeChanged: true,
			selected: ["H/a.md"],
			moved: [["F/a.md", "H/a.md"]],
		});
	});

	it("renaming a folder above the scope moves the scope too", () => {
		const plan = planLiveUpdate(facts({ scope: "P/F", rows: [] }), batch({ renamed: [["P", "Q"]] }));
		expect(plan).toMatchObject({ kind: "rebuild", scope: "Q/F", scopeChanged: true });
	});

	it("a burst touching many notes rebuilds without moving the scope", () => {
		const changed = Array.from({ length: 201 }, (_, i) => `F/n${i}.md`);
		const plan = planLiveUpdate(facts(), batch({ changed }));
		expect(plan).toMatchObject({ kind: "rebuild", scope: null, scopeChanged: false });
	});

	it("the burst threshold grows with the model: a quarter of its rows", () => {
		const rows = Array.from({ length: 1000 }, (_, i) => `F/r${i}.md`);
		expect(planLiveUpdate(facts({ rows }), batch({ changed: rows.slice(0, 250) })).kind).toBe("update");
		expect(planLiveUpdate(facts({ rows }), batch({ changed: rows.slice(0, 251) })).kind).toBe("rebuild");
		expect(planLiveUpdate(facts({ rows }), batch({ changed: rows.slice(0, 200), removed: rows.slice(200, 251) })).kind).toBe("rebuild");
	});
});

describe("sortTouched", () => {
	const rows = [
		{ path: "F/a.md", valid: true },
		{ path: "G/bad.md", valid: false },
	];

	it("keeps wanted notes, drops unwanted rows of the model and ignores unwanted new notes", () => {
		const result = sortTouched(
			() => rows,
			[
				{ path: "F/a.md", wanted: () => false, valid: true },
				{ path: "F/new.md", wanted: () => true, valid: true },
				{ path: "H/other.md", wanted: () => false, valid: true },
			],
		);
		expect(result).toEqual({ keep: ["F/new.md"], drop: ["F/a.md"] });
	});

	it("a note needing company sees folders of valid rows and of valid notes kept before it", () => {
		const needsCompany = (path: string, folder: string) => ({
			path,
			wanted: (has: (f: string) => boolean) => has(folder),
			valid: true,
		});
		const result = sortTouched(
			() => rows,
			[
				needsCompany("F/x.md", "F"),
				needsCompany("G/y.md", "G"),
				{ path: "H/first.md", wanted: () => true, valid: true },
				needsCompany("H/z.md", "H"),
			],
		);
		expect(result.keep).toEqual(["F/x.md", "H/first.md", "H/z.md"]);
	});
});
