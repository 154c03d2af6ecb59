/**
 * `compare`: the comparison model of the vault's framework notes, printed as an aligned
 * terminal table (default), markdown, CSV or JSON.
 */
import {
	buildModel,
	columnDiffers,
	rowsByName,
	transientCell,
	defaultGroupBy,
	withLinkText,
	comparedNotes,
	noteInputs,
	exportPieces,
	type Cell,
	type ComparisonModel,
	type Row,
} from "../core/index";
import type { CompareFormat } from "../../cli/args";
import { saveComparison } from "./compare-save";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { chosenFolder, noteChoice, withNoteChoice } from "../../cli/note-choice";
import { tableLines, terminalSafeLines } from "./table";
import { writePieces } from "../../cli/output";
import type { VFile } from "../../shared/core/vault";

const DEFAULT_WIDTH = 100;

/**
 * A cell as the terminal shows it, with the pane's words: not set `—`, `(empty)`, `(no value)`;
 * links by their text, whether a property holds one link or a list of them.
 */
export function cellText(cell: Cell): string {
	switch (cell.state) {
		case "absent":
			return "—";
		case "empty":
			return "(empty)";
		case "null":
			return "(no value)";
		case "value":
			if (cell.items !== undefined) return cell.items.map((item) => item.text).join(", ");
			return cell.links === undefined ? cell.display : withLinkText(cell.display);
	}
}

/** The property names `--columns` asks for, in order, without repeats. */
function requestedColumns(option: string | undefined): string[] | null {
	if (option === undefined) return null;
	return [...new Set(option.split(",").map((key) => key.trim()))].filter((key) => key !== "");
}

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
	const model = buildModel(inputs, { propertyTypes: ctx.config.propertyTypes });
	ctx.vault.forgetFrontmatter();
	return { model, invalid };
}

/** The rows' cells, made each time they are read (the table reads them twice). */
function madeRows(rows: readonly Row[], toRow: (row: Row) => string[]): Iterable<string[]> {
	return {
		*[Symbol.iterator]() {
			for (const row of rows) yield toRow(row);
		},
	};
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
	const requested = requestedColumns(args.options.columns);
	if (requested !== null) {
		const known = new Set(model.columns.map((c) => c.key));
		const unknown = requested.filter((key) => !known.has(key));
		if (unknown.length > 0) {
			io.stderr(`framework-notes: no property ${unknown.map((k) => `"${k}"`).join(", ")} in the compared notes\n`);
			return EXIT_USAGE;
		}
	}
	const safe = (text: string): string => (io.stdoutIsTTY ? terminalSafeLines(text) : text);
	if (format !== "table") {
		await writePieces(io, exportPieces(model, format, config.settings.compare.groupBy), format === "json" ? undefined : safe);
		return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
	}
	// The terminal table is narrow: leave out the grouping column (its value is the group
	// heading) and columns equal in every row, unless the columns were chosen. The view's other
	// facts (which cells differ, number ranges) are not needed here.
	const result = rowsByName(model, groupBy);
	if (result.rows.length === 0) {
		ctx.info("No framework notes found.\n");
		return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
	}
	const width = args.options.width !== undefined ? Number(args.options.width) : io.stdoutIsTTY && io.columns ? io.columns : DEFAULT_WIDTH;
	const byKey = new Map(model.columns.map((c) => [c.key, c]));
	const columns =
		requested === null
			? model.columns.filter((c) => c.key !== groupBy && (model.rows.length < 2 || columnDiffers(model.rows, c.key)))
			: requested.map((key) => byKey.get(key)).filter((c) => c !== undefined);
	const headers = ["note", ...columns.map((c) => c.key)];
	// Cells are made as the table reads them, not kept in the rows.
	const toRow = (row: Row): string[] => [row.basename, ...columns.map((c) => cellText(transientCell(row, c.key)))];
	const sections = result.groups
		? result.groups.map((g) => ({ label: `${g.label} (${g.rows.length})`, rows: madeRows(g.rows, toRow) }))
		: [{ label: null, rows: madeRows(result.rows, toRow) }];
	const table = tableLines(headers, sections, width);
	await writePieces(io, table.lines);
	if (table.omitted.length > 0) {
		const n = table.omitted.length;
		ctx.info(
			`${n} column${n === 1 ? "" : "s"} did not fit in ${width} columns and ${n === 1 ? "was" : "were"} left out: ${table.omitted.join(", ")}. ` +
				`Choose the columns with --columns ${table.omitted.slice(0, 2).join(",")},…, widen with --width, or use --format markdown.\n`,
		);
	}
	return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
