import { describe, expect, it } from "vitest";
import { DEFAULT_COMPARE_SETTINGS, type CompareSettings } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { buildModel, noteInputs, selectNotes } from "./index";

const vault = snapshotFromFiles({
	"Web/Django.md": "---\ntype: framework\ntags: [framework, python]\n---\n# Django\n",
	"Web/Flask.md": '---\ntype: Framework\ntags: "#framework/micro"\n---\n',
	"Web/Broken.md": "---\ntype: framework\n  bad: [\n---\n",
	"Web/index.md": "# Web\n",
	"Web/Deep/FastAPI.md": { frontmatter: { type: ["library", "framework"], tags: ["frameworks"] }, mtime: 42 },
	"Other/Express.md": { frontmatter: { type: "[[framework]]", tag: "framework" } },
	"Other/Broken too.md": "---\nx: [\n---\n",
	"Other/Notes.md": { frontmatter: { type: "library" } },
	"Other/image.png": "binary",
	"Other/Framework.MD": { frontmatter: { type: "framework" } },
});

function paths(settings: Partial<CompareSettings>, scope?: string): string[] {
	return selectNotes(vault, { ...DEFAULT_COMPARE_SETTINGS, ...settings }, scope).map((f) => f.path);
}

describe("selectNotes", () => {
	it("selects by property and value (default type: framework), list items and links included, case-insensitive", () => {
		expect(paths({})).toEqual([
			"Other/Broken too.md",
			"Other/Express.md",
			"Other/Framework.MD",
			"Web/Broken.md",
			"Web/Deep/FastAPI.md",
			"Web/Django.md",
			"Web/Flask.md",
		]);
	});

	it("keeps notes with invalid YAML that sit beside a selected note", () => {
		expect(vault.frontmatterError("Web/Broken.md")).not.toBeNull();
		expect(paths({})).toContain("Web/Broken.md");
		expect(paths({ selectorProperty: "type", selectorValue: "library" })).toEqual([
			"Other/Broken too.md",
			"Other/Notes.md",
			"Web/Deep/FastAPI.md",
		]);
	});

	it("selects every note having the property when the value is empty", () => {
		expect(paths({ selectorProperty: "tag", selectorValue: "" })).toEqual(["Other/Broken too.md", "Other/Express.md"]);
	});

	it("selects by frontmatter tag, with or without #, nested tags included", () => {
		const expected = ["Other/Broken too.md", "Other/Express.md", "Web/Broken.md", "Web/Django.md", "Web/Flask.md"];
		expect(paths({ selectorKind: "tag", selectorTag: "framework" })).toEqual(expected);
		expect(paths({ selectorKind: "tag", selectorTag: "#Framework" })).toEqual(expected);
		expect(paths({ selectorKind: "tag", selectorTag: "framework/micro" })).toEqual(["Web/Broken.md", "Web/Flask.md"]);
		expect(paths({ selectorKind: "tag", selectorTag: "frame" })).toEqual([]);
	});

	it("selects by folder, subfolders included", () => {
		expect(paths({ selectorKind: "folder", selectorFolder: "Web/" })).toEqual([
			"Web/Broken.md",
			"Web/Deep/FastAPI.md",
			"Web/Django.md",
			"Web/Flask.md",
			"Web/index.md",
		]);
		expect(paths({ selectorKind: "folder", selectorFolder: "/" })).toHaveLength(10 - 1);
		expect(paths({ selectorKind: "folder", selectorFolder: "We" })).toEqual([]);
	});

	it("limits the selection to a scope folder", () => {
		expect(paths({}, "Web/Deep")).toEqual(["Web/Deep/FastAPI.md"]);
		expect(paths({}, "/Other/")).toEqual(["Other/Broken too.md", "Other/Express.md", "Other/Framework.MD"]);
		expect(paths({}, "Missing")).toEqual([]);
		expect(paths({}, "Web/Django.md")).toEqual([]);
	});

	it("feeds the model: frontmatter, YAML errors and mtime", () => {
		const files = selectNotes(vault, DEFAULT_COMPARE_SETTINGS, "Web");
		const inputs = noteInputs(vault, files);
		expect(inputs.find((n) => n.basename === "FastAPI")).toMatchObject({ mtime: 42, frontmatterError: null });
		const model = buildModel(inputs);
		const broken = model.rows.find((r) => r.basename === "Broken");
		expect(broken?.warning).toEqual(expect.any(String));
		expect(broken?.cells.size).toBe(0);
	});
});
