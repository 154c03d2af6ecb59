import { type Editor, type EditorChange, Notice, type TFile } from "obsidian";
import { offsetToPosition, planInsert, renderTemplate } from "../core/index";
import type { PluginHost } from "../../shared/host";
import { chooseTemplate, templateOptions } from "../template-source";

/**
 * Insert `template` into the note in `editor`: the body at the cursor, the properties merged
 * into the note's frontmatter (existing values kept, lists united), all in one transaction so
 * that one undo takes it back. The cursor lands on `{{cursor}}`. Returns false (with a Notice,
 * nothing changed) when a frontmatter block is not valid YAML.
 */
export function insertTemplate(editor: Editor, file: TFile, host: PluginHost, template: string): boolean {
	const options = templateOptions(host, template);
	const rendered = renderTemplate(template, {
		title: file.basename,
		folder: file.parent && !file.parent.isRoot() ? file.parent.path : "",
		date: options.date ?? new Date(),
		formatDate: options.formatDate,
		dateFormat: options.dateFormat,
		timeFormat: options.timeFormat,
	});
	const before = editor.getValue();
	const plan = planInsert(before, editor.posToOffset(editor.getCursor()), rendered);
	if (!plan.ok) {
		new Notice(`Template not inserted: ${plan.error}. Fix the YAML between the --- lines and try again.`);
		return false;
	}
	if (plan.value.changes.length === 0) {
		new Notice("Nothing to insert: the template is empty and the note already has all its properties.");
		return false;
	}
	const changes: EditorChange[] = plan.value.changes.map((change) => ({
		from: editor.offsetToPos(change.from),
		to: editor.offsetToPos(change.to),
		text: change.text,
	}));
	editor.transaction({ changes, selection: { from: offsetToPosition(plan.value.text, plan.value.cursor) } });
	editor.focus();
	return true;
}

export function registerInsertTemplate(host: PluginHost): void {
	host.plugin.addCommand({
		id: "insert-framework-template",
		name: "Insert framework template",
		editorCallback: (editor, ctx) => {
			const file = ctx.file;
			if (!file) return;
			void chooseTemplate(host).then((choice) => {
				if (choice) insertTemplate(editor, file, host, choice.text);
			});
		},
	});
}
