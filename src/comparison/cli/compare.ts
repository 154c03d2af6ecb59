/**
 * `compare`: the comparison model of the vault's framework notes, printed as an aligned
 * terminal table (default), markdown, CSV or JSON.
 */
import {
	applyView,
	buildModel,
	cellOf,
	DEFAULT_VIEW_OPTIONS,
	defaultGroupBy,
	NAME_KEY,
	comparedNotes,
	noteInputs,
	toCsv,
	toJson,
	toMarkdownTable,
	type Cell,
	type ViewOptions,
} from "../core/index";
import { isFolder } from "../../shared/core/vault";
import type { CompareFormat } from "../../cli/args";
import { saveComparison } from "./compare-save";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { renderTable, terminalSafeLines } from "./table";

const DEFAULT_WIDTH = 100;

function cellText(cell: Cell): string {
	return cell.state === "value" ? cell.display : "";
}

function normalizeFolder(folder: string): string {
	return folder.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

export function compareCommand(ctx: CommandContext): number {
	const { args, io, vault, config } = ctx;
	const format = (args.options.format ?? "table") as CompareFormat;
	let scope: string | undefined;
	if (args.options.folder !== undefined) {
		scope = normalizeFolder(args.options.folder);
		const node = vault.getNode(scope);
		if (scope !== "" && (!node || !isFolder(node))) {
			io.stderr(`framework-notes: no folder "${scope}" in the vault\n`);
			return EXIT_USAGE;
		}
	}
	// The pane's rule: generated comparison notes and the templates folder are never compared.
	const files = comparedNotes(vault, {
		settings: config.settings.compare,
		scope: scope ?? null,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
	});
	const inputs = noteInputs(vault, files);
	let invalid = 0;
	for (const note of inputs) {
		if (note.frontmatterError) {
			invalid++;
			ctx.problem(note.path, note.frontmatterError);
		}
	}
	const model = buildModel(inputs, { propertyTypes: config.propertyTypes });
	if (args.options.save !== undefined) {
		const code = saveComparison(ctx, model, scope === undefined || scope === "" ? null : scope);
		return code === EXIT_OK && invalid > 0 ? EXIT_PROBLEMS : code;
	}
	const groupBy = defaultGroupBy(model, config.settings.compare.groupBy);
	const view: ViewOptions = {
		...DEFAULT_VIEW_OPTIONS,
		sort: [{ key: NAME_KEY, dir: "asc" }],
		groupBy: groupBy === "" ? null : groupBy,
		// The terminal table is narrow: leave out columns equal in every row, and the grouping
		// column (its value is the group heading).
		hideIdentical: format === "table" && model.rows.length > 1,
		hiddenColumns: format === "table" && groupBy !== "" ? [groupBy] : [],
	};
	const result = applyView(model, view);
	const safe = (text: string): string => (io.stdoutIsTTY ? terminalSafeLines(text) : text);
	switch (format) {
		case "markdown":
			io.stdout(safe(ensureNewline(toMarkdownTable(model, result))));
			break;
		case "csv":
			io.stdout(safe(ensureNewline(toCsv(model, result))));
			break;
		case "json":
			io.stdout(ensureNewline(toJson(model, result)));
			break;
		case "table": {
			if (result.rows.length === 0) {
				ctx.info("No framework notes found.\n");
				break;
			}
			const width =
				args.options.width !== undefined ? Number(args.options.width) : io.stdoutIsTTY && io.columns ? io.columns : DEFAULT_WIDTH;
			const headers = ["note", ...result.columns.map((c) => c.key)];
			const toRow = (row: (typeof result.rows)[number]): string[] => [
				row.basename,
				...result.columns.map((c) => cellText(cellOf(row, c.key))),
			];
			const sections = result.groups
				? result.groups.map((g) => ({ label: `${g.label} (${g.rows.length})`, rows: g.rows.map(toRow) }))
				: [{ label: null, rows: result.rows.map(toRow) }];
			io.stdout(renderTable(headers, sections, width));
			break;
		}
	}
	return invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function ensureNewline(text: string): string {
	return text.endsWith("\n") ? text : text + "\n";
}
