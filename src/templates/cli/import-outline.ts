/**
 * `import-outline <vault> <note>`: one framework note per outline item, beside the outline
 * note, from the plugin's template; existing notes are never overwritten.
 */
import { linkOutlineItems, planOutlineImport, type OutlineLink } from "../core/index";
import { isFolder, parentPath, typedNote } from "../../shared/core/vault";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { DiskFile } from "../../cli/disk-vault";
import { errorMessage } from "../../shared/core/errors";
import { createNoteExclusive, writeNoteAtomic } from "../../cli/write";
import { printableName } from "../../cli/printable";

export function importOutlineCommand(ctx: CommandContext): number {
	const { args, io, vault, config } = ctx;
	const noteArg = args.positionals.note ?? "";
	const note = typedNote(vault, noteArg).file;
	if (!note || note.extension.toLowerCase() !== "md") {
		io.stderr(`framework-notes: no note "${noteArg}" in the vault (give its vault path, like "Folder/Note.md")\n`);
		return EXIT_USAGE;
	}
	const read = vault.readText(note.path);
	if (!read.ok) {
		ctx.problem(note.path, read.message);
		return EXIT_PROBLEMS;
	}
	let template: string | undefined;
	const templateFile = config.settings.templates.templateFile.trim();
	if (templateFile !== "") {
		const found = typedNote(vault, templateFile).file;
		const text = found ? vault.readText(found.path) : null;
		if (!text?.ok) {
			ctx.problem(templateFile, `template note ${text ? text.message : "not found"}; nothing created`);
			return EXIT_PROBLEMS;
		}
		template = text.text;
	}
	const folder = parentPath(note.path);
	const folderNode = vault.getNode(folder === "" ? "/" : folder);
	const existing = new Set<string>();
	if (folderNode && isFolder(folderNode)) for (const child of folderNode.children) existing.add(child.path);
	const plan = planOutlineImport(read.text, folder, existing, { template, date: io.now?.() ?? new Date() });

	if (plan.create.length === 0 && plan.skip.length === 0) {
		ctx.problem(note.path, 'no outline items found (expected list items like "1. **Name**: description")');
		return EXIT_PROBLEMS;
	}
	const dryRun = args.options["dry-run"] === "true";
	const verb = dryRun ? "would create" : "created";
	let created = 0;
	const links: OutlineLink[] = [];
	for (const planned of plan.create) {
		if (!dryRun) {
			try {
				createNoteExclusive(vault.absolute(planned.path), planned.text);
			} catch (e) {
				ctx.problem(planned.path, `not created: ${errorMessage(e)}`);
				continue;
			}
		}
		created++;
		links.push({
			line: planned.item.line,
			name: planned.item.name,
			target: planned.path.split("/").pop()?.replace(/\.md$/i, "") ?? planned.item.name,
		});
		io.stdout(`${verb}  ${printableName(planned.path)}  (${planned.item.categorySlug || "no category"})\n`);
	}
	for (const skipped of plan.skip) io.stdout(`skipped  ${printableName(skipped.path || skipped.name)}: ${skipped.reason}\n`);

	if (config.settings.templates.linkOutlineItems && links.length > 0) {
		const linked = linkOutlineItems(read.text, links);
		if (linked !== read.text) {
			if (dryRun) {
				io.stdout(`would link  ${links.length} item(s) in ${printableName(note.path)}\n`);
			} else if (note instanceof DiskFile) {
				try {
					writeNoteAtomic({ realPath: note.realPath, vaultReal: vault.rootReal, expected: read.text }, linked);
					io.stdout(`linked  ${links.length} item(s) in ${printableName(note.path)}\n`);
				} catch (e) {
					ctx.problem(note.path, `items not linked: ${errorMessage(e)}`);
				}
			}
		}
	}
	ctx.info(`${dryRun ? "Dry run: would create" : "Created"} ${created}, skipped ${plan.skip.length}.\n`);
	return EXIT_OK;
}
