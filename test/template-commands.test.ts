import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EditorPosition, EditorTransaction, MarkdownView, TFile as TFileOriginal } from "obsidian";
import { Editor, FuzzySuggestModal, Modal } from "obsidian-test-mocks/obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { createFrameworkNote, categoriesInVault, newNoteFolder } from "../src/templates/commands/new-framework-note";
import { parseOutline, splitFrontmatter } from "../src/templates/core/index";
import type { NewFrameworkNoteModal } from "../src/templates/ui/new-note-modal";
import type { OutlinePreviewModal } from "../src/templates/ui/outline-preview-modal";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { frameworkNote, SEED_OUTLINE } from "./kit/fixtures";

const seed = SEED_OUTLINE;

/**
 * The mock editor applies a transaction's changes one after another (each against the text the
 * previous one left) and records one undo step per change. CodeMirror, under Obsidian's editor,
 * reads every change against the text before the transaction and undoes the whole transaction in
 * one step. This editor does the same, and counts direct edits outside transactions.
 */
class CodeMirrorLikeEditor extends Editor {
	transactions: EditorTransaction[] = [];
	directEdits = 0;
	private readonly history: string[] = [];

	override transaction(tx: EditorTransaction): void {
		this.transactions.push(tx);
		const before = this.getValue();
		const changes = (tx.changes ?? []).map((c) => ({
			from: this.posToOffset(c.from),
			to: this.posToOffset(c.to ?? c.from),
			text: c.text,
		}));
		changes.sort((a, b) => b.from - a.from);
		for (let i = 1; i < changes.length; i++) {
			const later = changes[i - 1];
			const earlier = changes[i];
			if (later && earlier && earlier.to > later.from) throw new RangeError("overlapping changes in one transaction");
		}
		let text = before;
		for (const c of changes) text = text.slice(0, c.from) + c.text + text.slice(c.to);
		this.history.push(before);
		super.setValue(text);
		if (tx.selection) this.setSelection(tx.selection.from, tx.selection.to);
	}

	override replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		this.directEdits++;
		super.replaceRange(replacement, from, to, origin);
	}

	override undo(): void {
		const previous = this.history.pop();
		if (previous !== undefined) super.setValue(previous);
	}
}

let h: Harness | null = null;
let opened: Modal[];

beforeEach(() => {
	opened = [];
	// The mock closes every modal one tick after it opens; keep them open like Obsidian does.
	vi.spyOn(Modal.prototype, "open").mockImplementation(function (this: Modal) {
		opened.push(this);
		this.onOpen();
	});
});

afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

function messages(): string[] {
	return h?.notices() ?? [];
}

function editorFor(text: string, cursor: EditorPosition): CodeMirrorLikeEditor {
	const editor = new CodeMirrorLikeEditor();
	editor.setValue(text);
	editor.setCursor(cursor);
	return editor;
}

async function runInsert(harness: Harness, editor: CodeMirrorLikeEditor, path: string): Promise<void> {
	const ctx = { file: harness.file(path) } as unknown as MarkdownView;
	await harness.command("insert-framework-template").editorCallback?.(editor.asOriginalType__(), ctx);
	await harness.settle();
}

function frontmatterOf(text: string): Record<string, unknown> {
	return parse(splitFrontmatter(text).frontmatter ?? "") as Record<string, unknown>;
}

describe("Insert framework template", () => {
	const note = "---\ncategory: full-stack\ntags: [python]\nasync: false\n---\nDjango notes.\n";

	it("inserts the body at the cursor and merges the properties in one transaction", async () => {
		h = await loadPlugin({ files: { "Web/Django.md": note } });
		const editor = editorFor(note, { line: 5, ch: 13 });
		await runInsert(h, editor, "Web/Django.md");

		expect(editor.transactions).toHaveLength(1);
		expect(editor.directEdits).toBe(0);
		const text = editor.getValue();
		const fm = frontmatterOf(text);
		expect(fm).toMatchObject({ category: "full-stack", async: false, type: "framework", tags: ["python", "framework"] });
		expect(Object.keys(fm).slice(0, 3)).toEqual(["category", "tags", "async"]);
		expect(splitFrontmatter(text).body).toMatch(/^Django notes\.\n## Overview\n\n\n\n## Strengths\n/);
	});

	it("keeps every value the note already has, byte for byte", async () => {
		const full =
			"---\ntype: framework\ncategory: 'full-stack'\nrelated: [\"[[Flask]]\"]\ntags:\n  - framework\ncreated: 2020-01-01\n---\n";
		h = await loadPlugin({ files: { "Web/Django.md": full } });
		const editor = editorFor(full, { line: 8, ch: 0 });
		await runInsert(h, editor, "Web/Django.md");
		const text = editor.getValue();
		expect(
			text.startsWith(
				"---\ntype: framework\ncategory: 'full-stack'\nrelated: [\"[[Flask]]\"]\ntags:\n  - framework\ncreated: 2020-01-01\n",
			),
		).toBe(true);
		expect(frontmatterOf(text)).toMatchObject({ created: "2020-01-01", category: "full-stack", related: ["[[Flask]]"] });
	});

	it("puts the cursor where the template says {{cursor}}", async () => {
		h = await loadPlugin({ files: { "Web/Django.md": note } });
		const editor = editorFor(note, { line: 6, ch: 0 });
		await runInsert(h, editor, "Web/Django.md");
		const cursor = editor.getCursor();
		const lines = editor.getValue().split("\n");
		expect(lines[cursor.line - 2]).toBe("## Overview");
		expect(lines[cursor.line]).toBe("");
		expect(cursor.ch).toBe(0);
	});

	it("is undone in one step", async () => {
		h = await loadPlugin({ files: { "Web/Django.md": note } });
		const editor = editorFor(note, { line: 6, ch: 0 });
		await runInsert(h, editor, "Web/Django.md");
		expect(editor.getValue()).not.toBe(note);
		editor.undo();
		expect(editor.getValue()).toBe(note);
	});

	it("adds a frontmatter block to a note without one", async () => {
		h = await loadPlugin({ files: { "Web/Flask.md": "" } });
		const editor = editorFor("", { line: 0, ch: 0 });
		await runInsert(h, editor, "Web/Flask.md");
		expect(editor.transactions).toHaveLength(1);
		const fm = frontmatterOf(editor.getValue());
		expect(fm).toMatchObject({ type: "framework", tags: ["framework"] });
		expect(fm.created).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it("refuses a note with broken frontmatter and changes nothing", async () => {
		const broken = "---\ntags: [a\n---\ntext\n";
		h = await loadPlugin({ files: {} });
		// Created after loading: the mock throws on invalid YAML in the files it starts with.
		await h.app.vault.create("Web/Broken.md", broken);
		const editor = editorFor(broken, { line: 3, ch: 0 });
		await runInsert(h, editor, "Web/Broken.md");
		expect(editor.getValue()).toBe(broken);
		expect(editor.transactions).toHaveLength(0);
		expect(messages().at(-1)).toMatch(/Template not inserted: the note's frontmatter: invalid YAML/);
	});

	it("uses the template note from the settings, with its variables", async () => {
		h = await loadPlugin({
			files: {
				"Templates/Framework.md": "---\nkind: lib\nname: {{title}}\n---\n# {{title}} in {{folder}}, {{date:YYYY}}\n{{cursor}}",
				"Web/Django.md": "Body\n",
			},
			data: { templates: { templateFile: "Templates/Framework" } },
		});
		const editor = editorFor("Body\n", { line: 1, ch: 0 });
		await runInsert(h, editor, "Web/Django.md");
		expect(editor.getValue()).toBe(`---\nkind: lib\nname: Django\n---\nBody\n# Django in Web, ${new Date().getFullYear()}\n`);
		expect(editor.getCursor()).toEqual({ line: 6, ch: 0 });
	});

	it("says so when the template note is missing", async () => {
		h = await loadPlugin({ files: { "Web/Django.md": "Body\n" }, data: { templates: { templateFile: "Templates/Gone.md" } } });
		const editor = editorFor("Body\n", { line: 1, ch: 0 });
		await runInsert(h, editor, "Web/Django.md");
		expect(editor.getValue()).toBe("Body\n");
		expect(messages().at(-1)).toMatch(/Template note "Templates\/Gone.md" was not found/);
	});

	it("asks which template to use when the templates folder holds several", async () => {
		h = await loadPlugin({
			files: { "T/A.md": "From A\n", "T/B.md": "From B\n", "Web/Django.md": "" },
			data: { templates: { templatesFolder: "T" } },
		});
		const editor = editorFor("", { line: 0, ch: 0 });
		const ctx = { file: h.file("Web/Django.md") } as unknown as MarkdownView;
		await h.command("insert-framework-template").editorCallback?.(editor.asOriginalType__(), ctx);
		const picker = opened.find((m) => m instanceof FuzzySuggestModal) as unknown as FuzzySuggestModal<TFileOriginal> | undefined;
		expect(picker).toBeDefined();
		if (!picker) return;
		expect(picker.getItems().map((f) => f.path)).toEqual(["T/A.md", "T/B.md"]);
		picker.selectSuggestion({ item: h.file("T/B.md"), match: { score: 0, matches: [] } }, new MouseEvent("click"));
		await h.settle();
		expect(editor.getValue()).toBe("From B\n");
	});

	it("uses the only note of the templates folder without asking, and does nothing when the picker is dismissed", async () => {
		h = await loadPlugin({ files: { "T/Only.md": "Only\n", "Web/X.md": "" }, data: { templates: { templatesFolder: "T" } } });
		const editor = editorFor("", { line: 0, ch: 0 });
		await runInsert(h, editor, "Web/X.md");
		expect(opened).toHaveLength(0);
		expect(editor.getValue()).toBe("Only\n");

		await h.app.vault.create("T/Second.md", "Second\n");
		const again = editorFor("", { line: 0, ch: 0 });
		const ctx = { file: h.file("Web/X.md") } as unknown as MarkdownView;
		await h.command("insert-framework-template").editorCallback?.(again.asOriginalType__(), ctx);
		opened[0]?.close();
		await h.settle();
		expect(again.getValue()).toBe("");
	});
});

describe("New framework note", () => {
	const files = {
		"Web/Django.md": frameworkNote("full-stack"),
		"Web/Flask.md": frameworkNote("full-stack"),
		"Web/FastAPI.md": frameworkNote("asynchronous"),
		"Web/Other.md": "---\ncategory: not-a-framework\n---\n",
	};

	it("suggests the categories framework notes already use, most used first", async () => {
		h = await loadPlugin({ files });
		expect(categoriesInVault(h.app)).toEqual(["full-stack", "asynchronous"]);
	});

	it("creates the note from the template in the active note's folder and opens it", async () => {
		h = await loadPlugin({ files });
		await h.app.workspace.getLeaf(false).openFile(h.file("Web/Django.md"));
		const before = Object.keys(files).length;
		const callback = h.command("new-framework-note").callback;
		callback?.();
		const modal = opened[0] as unknown as NewFrameworkNoteModal;
		expect(modal).toBeDefined();
		const inputs = modal.contentEl.querySelectorAll("input");
		const [name, category] = [inputs[0], inputs[1]];
		if (!name || !category) throw new Error("inputs missing");
		name.value = "Bottle";
		name.dispatchEvent(new Event("input"));
		category.value = "microframework";
		category.dispatchEvent(new Event("input"));
		await modal.create();
		await h.settle();

		const text = await h.read("Web/Bottle.md");
		expect(frontmatterOf(text)).toMatchObject({ type: "framework", category: "microframework", tags: ["framework"] });
		expect(splitFrontmatter(text).body).toMatch(/^## Overview\n/);
		expect(h.app.workspace.getActiveFile()?.path).toBe("Web/Bottle.md");
		expect(h.app.vault.getMarkdownFiles()).toHaveLength(before + 1);
	});

	it("refuses a name that exists (in any letter case) and creates nothing", async () => {
		h = await loadPlugin({ files });
		const count = h.app.vault.getFiles().length;
		expect(await createFrameworkNote(h.plugin, { name: "django", category: "" }, "Web")).toBeNull();
		expect(h.app.vault.getFiles()).toHaveLength(count);
		expect(await h.read("Web/Django.md")).toBe(files["Web/Django.md"]);
		expect(messages().at(-1)).toBe('A note named "Django" already exists in the folder "Web". Nothing was created.');
	});

	it("refuses unusable names and cleans usable ones", async () => {
		h = await loadPlugin({ files });
		expect(await createFrameworkNote(h.plugin, { name: "  ", category: "" }, "Web")).toBeNull();
		expect(messages().at(-1)).toBe("Enter the framework's name.");
		expect(await createFrameworkNote(h.plugin, { name: "///", category: "" }, "Web")).toBeNull();
		expect(messages().at(-1)).toMatch(/Cannot make a note from this name/);
		const made = await createFrameworkNote(h.plugin, { name: "AWS: Chalice?", category: "serverless" }, "Web");
		expect(made?.path).toBe("Web/AWS Chalice.md");
	});

	it("uses the folder from the settings, creating it when missing", async () => {
		h = await loadPlugin({ files, data: { templates: { newNoteFolder: "Frameworks/New" } } });
		expect(newNoteFolder(h.plugin)).toBe("Frameworks/New");
		const made = await createFrameworkNote(h.plugin, { name: "Pyramid", category: "full-stack" }, newNoteFolder(h.plugin));
		expect(made?.path).toBe("Frameworks/New/Pyramid.md");
	});

	it("keeps the modal open when the name is refused", async () => {
		h = await loadPlugin({ files });
		h.command("new-framework-note").callback?.();
		const modal = opened[0] as unknown as NewFrameworkNoteModal;
		const close = vi.spyOn(modal, "close");
		await modal.create();
		expect(close).not.toHaveBeenCalled();
	});
});

describe("Create notes from outline", () => {
	const outlinePath = "WEBFramework/NOtes/NOtes.md";
	const existing = "---\ntype: framework\ncategory: full-stack\nsummary: Mine.\n---\nMy own Django note.\n";

	async function openOutline(harness: Harness, path = outlinePath): Promise<void> {
		await harness.app.workspace.getLeaf(false).openFile(harness.file(path));
	}

	async function runImport(harness: Harness, configure?: (modal: OutlinePreviewModal) => void): Promise<OutlinePreviewModal> {
		const count = opened.length;
		harness.command("create-notes-from-outline").callback?.();
		await harness.settle();
		const modal = opened[count] as unknown as OutlinePreviewModal | undefined;
		if (!modal) throw new Error("no preview modal");
		configure?.(modal);
		modal.submit();
		await harness.settle();
		return modal;
	}

	it("creates the missing notes from the seed's folder note, and nothing on a second run", async () => {
		h = await loadPlugin({ files: { [outlinePath]: seed, "WEBFramework/NOtes/Django.md": existing } });
		await openOutline(h);
		await runImport(h, (modal) => {
			expect(modal.contentEl.querySelectorAll(".framework-notes-outline-item")).toHaveLength(10);
			expect(modal.contentEl.querySelectorAll(".framework-notes-outline-category")).toHaveLength(5);
			expect(modal.contentEl.querySelectorAll("input[type=checkbox]:disabled")).toHaveLength(1);
		});

		const made = h.app.vault
			.getMarkdownFiles()
			.map((f) => f.path)
			.filter((p) => p !== outlinePath)
			.sort();
		expect(made).toHaveLength(10);
		expect(await h.read("WEBFramework/NOtes/Django.md")).toBe(existing);
		const chalice = frontmatterOf(await h.read("WEBFramework/NOtes/AWS Chalice.md"));
		expect(chalice).toMatchObject({
			type: "framework",
			category: "serverless",
			summary: "A microframework for creating and deploying serverless apps on AWS Lambda and API Gateway.",
		});
		expect(frontmatterOf(await h.read("WEBFramework/NOtes/Bottle.md"))).toMatchObject({ category: "microframework" });
		expect(messages().at(-1)).toMatch(/^Created 9, skipped 1\. Django: a note with this name already exists\.$/);

		const snapshot = new Map(await Promise.all(made.map(async (p) => [p, await h?.read(p)] as const)));
		await runImport(h);
		expect(messages().at(-1)).toMatch(/^Created 0, skipped 10\./);
		for (const [p, text] of snapshot) expect(await h.read(p)).toBe(text);
	});

	it("on the example vault, recreates removed framework notes with the facts the outline holds", async () => {
		const dir = join(__dirname, "..", "examples", "vault", "WEBFramework", "NOtes");
		const vault: Record<string, string> = {};
		for (const name of readdirSync(dir)) vault[`WEBFramework/NOtes/${name}`] = readFileSync(join(dir, name), "utf8");
		const removed = ["Bottle", "Tornado", "Zappa"];
		const originals = new Map(removed.map((n) => [n, frontmatterOf(vault[`WEBFramework/NOtes/${n}.md`] ?? "")]));
		for (const n of removed) delete vault[`WEBFramework/NOtes/${n}.md`];
		h = await loadPlugin({ files: vault });
		await openOutline(h);

		await runImport(h);
		expect(messages().at(-1)).toMatch(/^Created 3, skipped 7\./);
		for (const n of removed) {
			const made = frontmatterOf(await h.read(`WEBFramework/NOtes/${n}.md`));
			expect(made.category).toBe(originals.get(n)?.category);
			expect(made.summary).toBe(originals.get(n)?.summary);
		}
		await runImport(h);
		expect(messages().at(-1)).toMatch(/^Created 0, skipped 10\./);
	});

	it("creates only the checked items", async () => {
		h = await loadPlugin({ files: { [outlinePath]: seed } });
		await openOutline(h);
		await runImport(h, (modal) => {
			for (let i = 2; i < 10; i++) modal.setChecked(i, false);
		});
		const made = h.app.vault
			.getMarkdownFiles()
			.map((f) => f.basename)
			.filter((n) => n !== "NOtes")
			.sort();
		expect(made).toEqual(["Django", "Flask"]);
		expect(messages().at(-1)).toBe("Created 2, skipped 0.");
	});

	it("links the item names in the outline when asked, changing only those spans", async () => {
		h = await loadPlugin({ files: { [outlinePath]: seed, "WEBFramework/NOtes/Django.md": existing } });
		await openOutline(h);
		const before = await h.read(outlinePath);
		await runImport(h, (modal) => modal.setLink(true));
		const after = await h.read(outlinePath);
		expect(after).toContain("1. **[[Django]]**: A high-level framework");
		expect(after).toContain("2. **[[AWS Chalice]]**: A microframework");
		// The index block above the items is kept current by the index feature; everything below it
		// is the outline, where only the item names changed.
		const outlinePart = (text: string): string => text.slice(text.indexOf("%% End Waypoint %%"));
		const unlinked = after.replace(/\*\*\[\[([^\]|]+)\]\]\*\*/g, "**$1**");
		expect(outlinePart(unlinked)).toBe(outlinePart(before));
		expect(outlinePart(after)).not.toBe(outlinePart(before));
		// Linked items are read back as the same items.
		expect(parseOutline(after).map((i) => i.name)).toEqual(parseOutline(before).map((i) => i.name));
		expect(messages().at(-1)).toMatch(/Item names in the outline now link to their notes\.$/);
	});

	it("follows the setting for linking by default", async () => {
		h = await loadPlugin({ files: { [outlinePath]: seed }, data: { templates: { linkOutlineItems: true } } });
		await openOutline(h);
		await runImport(h);
		expect(await h.read(outlinePath)).toContain("**[[Flask]]**");
	});

	it("explains when the active note has no outline items, and when no note is open", async () => {
		h = await loadPlugin({ files: { "Notes/Plain.md": "# Plain\n\nJust prose.\n" } });
		h.command("create-notes-from-outline").callback?.();
		await h.settle();
		expect(messages().at(-1)).toBe("Open the outline note first, then run this command.");
		await openOutline(h, "Notes/Plain.md");
		h.command("create-notes-from-outline").callback?.();
		await h.settle();
		expect(opened).toHaveLength(0);
		expect(messages().at(-1)).toMatch(/^No outline items found in "Plain"\. Items look like/);
		expect(h.app.vault.getFiles()).toHaveLength(1);
	});

	it("does nothing when the preview is cancelled", async () => {
		h = await loadPlugin({ files: { [outlinePath]: seed } });
		await openOutline(h);
		h.command("create-notes-from-outline").callback?.();
		await h.settle();
		opened[0]?.close();
		await h.settle();
		expect(h.app.vault.getMarkdownFiles()).toHaveLength(1);
	});
});
