/**
 * The three index commands in the plugin: the editor insertion is one minimal change, the
 * parent-index command opens the right note or explains, nothing is inserted twice.
 */
import fc from "fast-check";
import type { MarkdownView } from "obsidian";
import { Editor } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { minimalChange } from "../src/index-notes/commands/insert-index-block";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
});

/** The mock's Editor is declared abstract but implements everything. */
class TestEditor extends Editor {}

async function load(files: Record<string, string>): Promise<Harness> {
	harness = await loadPlugin({ files });
	for (let i = 0; i < 5; i++) await harness.settle();
	return harness;
}

function run(h: Harness, id: string, editor: TestEditor, path: string): void {
	h.command(id).editorCallback?.(editor.asOriginalType__(), { file: h.file(path) } as unknown as MarkdownView);
}

describe("minimalChange", () => {
	it("is one replacement that turns the old text into the new one", () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (before, after) => {
				const c = minimalChange(before, after);
				expect(before.slice(0, c.from) + c.text + before.slice(c.to)).toBe(after);
				expect(c.from).toBeLessThanOrEqual(c.to);
			}),
		);
	});
});

describe("Insert index block here", () => {
	it("puts the block on a new line after a line that holds text, and keeps that line", async () => {
		const h = await load({ "I/I.md": "# I\nafter", "I/z.md": "" });
		const editor = new TestEditor();
		editor.setValue("# I\nafter");
		editor.setCursor({ line: 0, ch: 2 });
		const transaction = vi.spyOn(editor, "transaction");
		run(h, "insert-index-block", editor, "I/I.md");
		expect(transaction).toHaveBeenCalledTimes(1);
		expect(editor.getValue()).toBe("# I\n%% Begin Waypoint %%\n- [[z]]\n\n%% End Waypoint %%\nafter");
	});

	it("does not insert a second block", async () => {
		const h = await load({ "I/I.md": "%% Waypoint %%\n", "I/z.md": "" });
		const messages = (): string[] => h.notices();
		const text = await h.read("I/I.md");
		const editor = new TestEditor();
		editor.setValue(text);
		const transaction = vi.spyOn(editor, "transaction");
		run(h, "insert-index-block", editor, "I/I.md");
		expect(transaction).not.toHaveBeenCalled();
		expect(messages().some((m) => m.includes("already holds an index block"))).toBe(true);
	});

	it("inserts a block in a folder note that only shows the markers inside a code fence", async () => {
		const shown = "# I\n```\n%% Begin Waypoint %%\n%% End Waypoint %%\n```\n";
		const h = await load({ "I/I.md": shown, "I/z.md": "" });
		const editor = new TestEditor();
		editor.setValue(shown);
		editor.setCursor({ line: 0, ch: 0 });
		run(h, "insert-index-block", editor, "I/I.md");
		expect(h.notices().some((m) => m.includes("already holds an index block"))).toBe(false);
		expect(editor.getValue()).toBe("# I\n%% Begin Waypoint %%\n- [[z]]\n\n%% End Waypoint %%\n" + shown.slice(4));
	});
});

describe("Go to parent index", () => {
	it("opens the nearest folder note holding an index", async () => {
		const h = await load({ "A/A.md": "%% Waypoint %%\n", "A/B/x.md": "" });
		vi.spyOn(h.app.workspace, "getActiveFile").mockReturnValue(h.app.vault.getFileByPath("A/B/x.md"));
		const opened: string[] = [];
		const leaf = h.app.workspace.getLeaf(false);
		vi.spyOn(h.app.workspace, "getLeaf").mockReturnValue(leaf);
		vi.spyOn(leaf, "openFile").mockImplementation((file) => {
			opened.push(file.path);
			return Promise.resolve();
		});
		h.command("go-to-parent-index").callback?.();
		await h.settle();
		expect(opened).toEqual(["A/A.md"]);
	});

	it("explains when no folder above holds an index", async () => {
		const h = await load({ "A/A.md": "no index", "A/x.md": "" });
		const messages = (): string[] => h.notices();
		vi.spyOn(h.app.workspace, "getActiveFile").mockReturnValue(h.app.vault.getFileByPath("A/x.md"));
		h.command("go-to-parent-index").callback?.();
		await h.settle();
		expect(messages().some((m) => m.startsWith("No index note lists this note"))).toBe(true);
	});
});
