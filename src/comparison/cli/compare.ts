/**
 * `compare`: the comparison model of the vault's framework notes, printed as an aligned
 * terminal table (default), markdown, CSV or JSON.
 */
import {
	buildModel,
	chosenColumns,
	compareTable,
	defaultGroupBy,
	comparedNotes,
	noteInputs,
	exportPieces,
	omittedColumnsText,
	type ComparisonModel,
} from "../core/index";
import type { CompareFormat } from "../../cli/args";
import { saveComparison } from "./compare-save";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { chosenFolder, noteChoice, withNoteChoice } from "../../cli/note-choice";
import { terminalSafeLines } from "../core/terminal-table";
import { writePieces } from "../../cli/output";
import type { VFile } from "../../shared/core/vault";

const DEFAULT_WIDTH = 100;

/**
 * The model of the compared notes, and how many of them have invalid YAML (each named). The
 * vault's parsed frontmatter is let go once the model holds the values.
 */
function readModel(ctx: CommandContext, files: readonly VFile[]): { model: ComparisonModel; invalid: number } {
	// The table never shows when a note changed: no stat per note.
	const inputs = noteInputs(ctx.vault, files, false);
	let invalid = 0;
	for (const note of inputs) {
		if (note.frontmatterError) {
			invalid++;
			ctx.problem(note.path, note.frontmatterError);
		}
	}
	const model = buildModel(inputs, { propertyTypes: ctx.config.propertyTypes, enumerateValues: false });
	ctx.vault.forgetFrontmatter();
	return { model, invalid };
}

export async function compareCommand(ctx: CommandContext): Promise<number> {
	const { args, io, vault, config } = ctx;
	const format = (args.options.format ?? "table") as CompareFormat;
	const chosen = chosenFolder(vault, args.options.folder);
	if (typeof chosen === "string") {
		io.stderr(`framework-notes: ${chosen}\n`);
		return EXIT_USAGE;
	}
	const scope = chosen.folder;
	// The pane's rule: generated comparison notes and the templates folder are never compared.
	const files = comparedNotes(vault, {
		settings: withNoteChoice(config.settings.compare, args.options),
		scope: scope ?? null,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
	});
	const { model, invalid } = readModel(ctx, files);
	if (args.options.save !== undefined) {
		const code = saveComparison(ctx, model, scope === undefined || scope === "" ? null : scope, noteChoice(args.options));
		return code === EXIT_OK && invalid > 0 ? EXIT_PROBLEMS : code;
	}
	const groupBy = defaultGroupBy(model, config.settings.compare.groupBy);
	const { columns: requested, problem } = chosenColumns(model, args.options.columns);
	if (problem !== null) {
		io.stderr(`framework-notes: ${problem}\n`);
		return EXIT_USAGE;
	}
	const safe = (text: string): string => (io.stdoutIsTTY ? terminalSafeLines(text) : text);
	if (format !== "table") {
		await writePieces(io, exportPieces(model, format, config.settings.compare.groupBy), format === "json" ? undefined : safe);
		return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
	}
	const width = args.options.width !== undefined ? Number(args.options.width) : io.stdoutIsTTY && io.columns ? io.columns : DEFAULT_WIDTH;
	const table = compareTable(model, groupBy, requested, width);
	if (table === null) {
		ctx.info("No framework notes found.\n");
		return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
	}
	await writePieces(io, table.lines);
	if (table.omitted.length > 0) {
		ctx.info(omittedColumnsText(table.omitted, width, { columns: "--columns ", width: "--width", markdown: "--format markdown" }));
	}
	return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
