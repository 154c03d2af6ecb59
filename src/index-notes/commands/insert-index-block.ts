import { type Editor, Notice } from "obsidian";
import { folderOfFolderNote, refreshNoteText, scanNote } from "../core/index";
import type { IndexSettings } from "../../shared/core/settings";
import { isFile } from "../../shared/core/vault";
import type { PluginHost } from "../../shared/host";
import type { IndexService } from "../index-service";

/** The single change that turns `before` into `after`: the differing middle part. */
export function minimalChange(before: string, after: string): { from: number; to: number; text: string } {
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
		endBefore--;
		endAfter--;
	}
	return { from: start, to: endBefore, text: after.slice(start, endAfter) };
}

/** Where the folder note of this note's folder would be, for the explanation. */
function expectedFolderNote(path: string, settings: IndexSettings): string {
	const slash = path.lastIndexOf("/");
	const folder = slash < 0 ? "" : path.slice(0, slash);
	const folderName = folder.slice(folder.lastIndexOf("/") + 1);
	if (folder === "") return "";
	if (settings.folderNoteStyle === "fixed") return `${folder}/${settings.folderNoteName}.md`;
	if (settings.folderNoteStyle === "outside") return `${folder}.md`;
	return `${folder}/${folderName}.md`;
}

/**
 * Put the waypoint flag on its own line at the cursor and expand it into the generated block,
 * in one editor transaction (one undo step, the rest of the note untouched).
 */
export function insertIndexBlock(editor: Editor, path: string, host: PluginHost, service: IndexService): void {
	const settings = host.settings.index;
	const node = service.snapshot.getNode(path);
	const folder = node && isFile(node) ? folderOfFolderNote(node, service.snapshot, settings) : null;
	if (!folder || !service.isIndexable(path)) {
		const expected = expectedFolderNote(path, settings);
		new Notice(
			expected === ""
				? "An index block goes in a folder note, and notes at the top of the vault have no folder note."
				: `An index block goes in a folder note. This note is not one: the folder note of this folder is "${expected}".`,
		);
		return;
	}
	const before = editor.getValue();
	// The core's scanner decides, so markers shown inside code or frontmatter do not count.
	const scan = scanNote(before, settings);
	if (!scan.ok) {
		new Notice(`Index block not inserted in "${path}": ${scan.message}`);
		return;
	}
	if (scan.blocks.length > 0) {
		new Notice("This note already holds an index block; it is kept current automatically.");
		return;
	}
	const cursor = editor.getCursor();
	const lineText = editor.getLine(cursor.line);
	const lineStart = editor.posToOffset({ line: cursor.line, ch: 0 });
	const flag = settings.waypointFlag;
	// The flag needs a line of its own: reuse a blank line, otherwise add one after the cursor's line.
	const withFlag =
		lineText.trim() === ""
			? before.slice(0, lineStart) + flag + before.slice(lineStart + lineText.length)
			: before.slice(0, lineStart + lineText.length) + "\n" + flag + before.slice(lineStart + lineText.length);
	const outcome = refreshNoteText(path, withFlag, service.context());
	if (outcome.status === "error") {
		new Notice(`Index block not inserted in "${path}": ${outcome.message}`);
		return;
	}
	const after = outcome.status === "changed" ? outcome.text : withFlag;
	const change = minimalChange(before, after);
	editor.transaction({
		changes: [{ from: editor.offsetToPos(change.from), to: editor.offsetToPos(change.to), text: change.text }],
	});
}

export function registerInsertIndexBlock(host: PluginHost, service: IndexService): void {
	host.plugin.addCommand({
		id: "insert-index-block",
		name: "Insert index block here",
		editorCallback: (editor, ctx) => {
			const file = ctx.file;
			if (!file) return;
			insertIndexBlock(editor, file.path, host, service);
		},
	});
}
