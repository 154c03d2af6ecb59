/**
 * `compare --save [note]`: the plugin's "Save as note" over a vault on disk. The text comes from
 * the same pure functions the plugin uses (`livingComparisonNote`, `comparisonSaveAction`), with the
 * view a freshly opened comparison pane shows, so both write the same bytes for the same vault.
 */
import * as fs from "node:fs";
import type { ComparisonModel } from "../core/index";
import { defaultSavedView, livingComparisonNote } from "../core/living-note";
import type { ComparisonBlockContext } from "../core/comparison-block";
import { comparisonNoteTarget, comparisonNoteTitle, comparisonSaveAction } from "../core/index";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { DiskFile, DiskFolder } from "../../cli/disk-vault";
import { errorMessage } from "../../shared/core/errors";
import { buildLinkNames } from "../../shared/core/link-names";
import type { SelectorChoice } from "../../shared/core/selection";
import { createNoteExclusive, writeNoteAtomic } from "../../cli/write";
import { printableName } from "../../cli/printable";

/** A vault path by Obsidian's `normalizePath` rules: `/` separators, no leading or trailing `/`, NFC. */
export function normalizeVaultPath(input: string): string {
	return input
		.replace(/[\\/]+/g, "/")
		.replace(/^\/+|\/+$/g, "")
		.replace(/\u00a0|\u202f/g, " ")
		.normalize("NFC");
}

/** Why a (normalized) vault path cannot be written by the CLI, or null when it can. */
export function unwritableVaultPath(vaultPath: string): string | null {
	if (vaultPath === "") return "no file name";
	for (const segment of vaultPath.split("/")) {
		if (segment === "." || segment === "..") return `"." and ".." are not allowed in a vault path`;
		if (segment.startsWith(".")) return "names starting with a dot are hidden from Obsidian";
	}
	return null;
}

/**
 * The text the plugin's "Save as note" writes from a comparison pane just opened on `scope`
 * (default view state: every column, grouped by the settings' property when a column has it):
 * a living note whose Comparison block already holds the table.
 */
export function savedComparisonText(
	holder: string,
	model: ComparisonModel,
	scope: string | null,
	groupBySetting: string,
	ctx: ComparisonBlockContext,
	selector: SelectorChoice | null = null,
): string {
	const saved = { ...defaultSavedView(model, scope, groupBySetting), selector };
	return livingComparisonNote(holder, comparisonNoteTitle(scope), saved, ctx).text;
}

/** Create the missing folders of `folderPath` (a vault path) one level at a time, inside the vault. */
function ensureFolders(ctx: CommandContext, folderPath: string): void {
	let node: DiskFolder = ctx.vault.root;
	let created = false;
	for (const segment of folderPath === "" ? [] : folderPath.split("/")) {
		const child = created ? null : node.child(segment);
		const childPath = node.isRoot() ? segment : `${node.path}/${segment}`;
		if (child instanceof DiskFolder) {
			node = child;
			continue;
		}
		if (child !== null) throw new Error(`${childPath} is a file, not a folder`);
		// mkdir (not recursive) fails if anything, even a symbolic link the vault skipped, is there.
		fs.mkdirSync(ctx.vault.absolute(childPath));
		created = true;
		node = new DiskFolder(childPath, segment, node);
	}
}

function saveMessage(e: unknown): string {
	const code = (e as { code?: string }).code;
	if (code === "EEXIST") return "something that is not a note of the vault is in the way";
	return errorMessage(e);
}

/** Write the comparison note of `model`; returns the exit code. */
export function saveComparison(
	ctx: CommandContext,
	model: ComparisonModel,
	scope: string | null,
	selector: SelectorChoice | null = null,
): number {
	const { args, config, io, vault } = ctx;
	const requested = args.options.save ?? "";
	const target = normalizeVaultPath(
		requested.trim() !== ""
			? comparisonNoteTarget(null, requested)
			: comparisonNoteTarget(scope, config.settings.compare.comparisonNotePath),
	);
	const bad = unwritableVaultPath(target);
	if (bad !== null) {
		io.stderr(`framework-notes: cannot save the comparison to "${target}": ${bad}\n`);
		return EXIT_USAGE;
	}
	const text = savedComparisonText(
		target,
		model,
		scope,
		config.settings.compare.groupBy,
		{
			snapshot: vault,
			settings: config.settings.compare,
			templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
			propertyTypes: config.propertyTypes,
			names: () => buildLinkNames(vault.root),
		},
		selector,
	);
	const node = vault.getNode(target);
	if (node instanceof DiskFolder) {
		ctx.problem(target, "is a folder; choose another comparison note path (--save <note>)");
		return EXIT_PROBLEMS;
	}
	if (node instanceof DiskFile) {
		const read = vault.readText(target);
		if (!read.ok) {
			ctx.problem(target, `comparison not saved: ${read.message}`);
			return EXIT_PROBLEMS;
		}
		switch (comparisonSaveAction(read.text, text)) {
			case "refuse":
				ctx.problem(
					target,
					"exists and was not made by Framework Notes, so it was left alone; choose another path (--save <note>)",
				);
				return EXIT_PROBLEMS;
			case "unchanged":
				ctx.info(`${target} is already up to date.\n`);
				return EXIT_OK;
			default:
				break;
		}
		try {
			writeNoteAtomic({ realPath: node.realPath, vaultReal: vault.rootReal, expected: read.text }, text);
		} catch (e) {
			ctx.problem(target, `comparison not saved: ${errorMessage(e)}`);
			return EXIT_PROBLEMS;
		}
		io.stdout(`updated  ${printableName(target)}\n`);
		return EXIT_OK;
	}
	try {
		const slash = target.lastIndexOf("/");
		ensureFolders(ctx, slash > 0 ? target.slice(0, slash) : "");
		createNoteExclusive(vault.absolute(target), text);
	} catch (e) {
		ctx.problem(target, `comparison not saved: ${saveMessage(e)}`);
		return EXIT_PROBLEMS;
	}
	io.stdout(`created  ${printableName(target)}\n`);
	return EXIT_OK;
}
