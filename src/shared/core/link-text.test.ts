import { describe, expect, it } from "vitest";
import { isFile, type VFile, type VFolder, type VNode, type VaultSnapshot } from "./vault";
import { createLinkGenerator, linkConfigFrom, type LinkConfig } from "./link-text";

/** A minimal in-memory snapshot of `paths` (files only; folders are implied). */
function snapshotOf(paths: readonly string[]): VaultSnapshot {
	const nodes = new Map<string, VNode>();
	const folder = (path: string, name: string, parent: VFolder | null): VFolder & { children: VNode[] } => ({
		path,
		name,
		parent,
		children: [],
		isRoot: () => parent === null,
	});
	const root = folder("/", "", null);
	nodes.set("/", root);
	const folderAt = (path: string): VFolder & { children: VNode[] } => {
		if (path === "") return root;
		const existing = nodes.get(path);
		if (existing) return existing as VFolder & { children: VNode[] };
		const slash = path.lastIndexOf("/");
		const parent = folderAt(slash < 0 ? "" : path.slice(0, slash));
		const created = folder(path, path.slice(slash + 1), parent);
		parent.children.push(created);
		nodes.set(path, created);
		return created;
	};
	for (const path of paths) {
		const slash = path.lastIndexOf("/");
		const parent = folderAt(slash < 0 ? "" : path.slice(0, slash));
		const name = path.slice(slash + 1);
		const dot = name.lastIndexOf(".");
		const file: VFile = {
			path,
			name,
			basename: dot > 0 ? name.slice(0, dot) : name,
			extension: dot > 0 ? name.slice(dot + 1) : "",
			parent,
			stat: { ctime: 0, mtime: 0, size: 0 },
		};
		parent.children.push(file);
		nodes.set(path, file);
	}
	return { root, getNode: (p) => nodes.get(p) ?? null, frontmatter: () => null, frontmatterError: () => null };
}

function fileOf(snapshot: VaultSnapshot, path: string): VFile {
	const node = snapshot.getNode(path);
	if (!node || !isFile(node)) throw new Error(`no file ${path}`);
	return node;
}

const VAULT = [
	"Web/Web.md",
	"Web/Django.md",
	"Web/Flask.md",
	"Web/Sub/Deep.md",
	"Other/Flask.md",
	"Flask.md",
	"Web/diagram.png",
	"Lang/Notes.md",
	"Web/My Note (1).md",
];

function link(config: Partial<LinkConfig>, target: string, source = "Web/Web.md", alias?: string): string {
	const snapshot = snapshotOf(VAULT);
	const generate = createLinkGenerator(snapshot, { newLinkFormat: "shortest", useMarkdownLinks: false, ...config });
	return generate(fileOf(snapshot, target), source, undefined, alias);
}

describe("createLinkGenerator: wikilinks", () => {
	it("shortest: the name alone when it resolves to the note from the source", () => {
		expect(link({}, "Web/Django.md")).toBe("[[Django]]");
		expect(link({}, "Web/Sub/Deep.md")).toBe("[[Deep]]");
		expect(link({}, "Web/diagram.png")).toBe("[[diagram.png]]");
	});

	it("shortest with duplicate names: the name when it resolves there, the full path otherwise", () => {
		// From Web/, "Flask" resolves to the root Flask.md (an exact path), so the others need paths.
		expect(link({}, "Flask.md")).toBe("[[Flask]]");
		expect(link({}, "Web/Flask.md")).toBe("[[Web/Flask]]");
		expect(link({}, "Other/Flask.md")).toBe("[[Other/Flask]]");
	});

	it("shortest prefers the note in the source's folder over one elsewhere", () => {
		const snapshot = snapshotOf(["A/Note.md", "B/Note.md", "B/B.md"]);
		const generate = createLinkGenerator(snapshot, { newLinkFormat: "shortest", useMarkdownLinks: false });
		expect(generate(fileOf(snapshot, "B/Note.md"), "B/B.md")).toBe("[[Note]]");
		expect(generate(fileOf(snapshot, "A/Note.md"), "B/B.md")).toBe("[[A/Note]]");
		// Elsewhere, the shortest path wins; the other one needs its path.
		expect(generate(fileOf(snapshot, "A/Note.md"), "C.md")).toBe("[[Note]]");
		expect(generate(fileOf(snapshot, "B/Note.md"), "C.md")).toBe("[[B/Note]]");
	});

	it("relative and absolute formats", () => {
		expect(link({ newLinkFormat: "relative" }, "Web/Sub/Deep.md")).toBe("[[Sub/Deep]]");
		expect(link({ newLinkFormat: "relative" }, "Lang/Notes.md")).toBe("[[../Lang/Notes]]");
		expect(link({ newLinkFormat: "relative" }, "Web/Django.md")).toBe("[[Django]]");
		expect(link({ newLinkFormat: "absolute" }, "Web/Django.md")).toBe("[[Web/Django]]");
		expect(link({ newLinkFormat: "absolute" }, "Web/diagram.png")).toBe("[[Web/diagram.png]]");
	});

	it("adds an alias after a pipe", () => {
		expect(link({}, "Web/Django.md", "Web/Web.md", "The Django")).toBe("[[Django|The Django]]");
	});
});

describe("createLinkGenerator: markdown links", () => {
	it("encodes the target and keeps the extension", () => {
		expect(link({ useMarkdownLinks: true }, "Web/My Note (1).md")).toBe("[My Note (1)](My%20Note%20(1).md)");
		expect(link({ useMarkdownLinks: true, newLinkFormat: "relative" }, "Lang/Notes.md")).toBe("[Notes](../Lang/Notes.md)");
		expect(link({ useMarkdownLinks: true, newLinkFormat: "absolute" }, "Web/Django.md", "Web/Web.md", "Dj")).toBe(
			"[Dj](Web/Django.md)",
		);
	});
});

describe("linkConfigFrom", () => {
	it("reads Obsidian's app.json values and defaults anything else", () => {
		expect(linkConfigFrom({ newLinkFormat: "relative", useMarkdownLinks: true })).toEqual({
			newLinkFormat: "relative",
			useMarkdownLinks: true,
		});
		expect(linkConfigFrom({ newLinkFormat: "weird", useMarkdownLinks: "yes" })).toEqual({
			newLinkFormat: "shortest",
			useMarkdownLinks: false,
		});
		expect(linkConfigFrom(null)).toEqual({ newLinkFormat: "shortest", useMarkdownLinks: false });
	});
});
