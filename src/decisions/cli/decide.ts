/**
 * `decide <vault> <decision-note>`: the ranking of the framework notes in the decision's scope,
 * with each note's explanation and what would change the answer, as a text listing, Markdown or
 * JSON. Exit 1 when the decision note has errors (each named on stderr; the rest still ranks).
 */
import type { CompareFormat } from "../../cli/args";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { chosenFolder, withNoteChoice } from "../../cli/note-choice";
import { printable } from "../../cli/printable";
import { typedNote } from "../../shared/core/vault";
import { decisionJsonPieces, decisionMarkdownPieces, decisionTextPieces } from "../core/report";
import { writePieces } from "../../cli/output";
import { runDecision } from "../core/decision-run";

const DECIDE_FORMATS: readonly CompareFormat[] = ["table", "markdown", "json"];

export async function decideCommand(ctx: CommandContext): Promise<number> {
	const { args, io, vault, config } = ctx;
	const format = (args.options.format ?? "table") as CompareFormat;
	if (!DECIDE_FORMATS.includes(format)) {
		io.stderr(`framework-notes: decide prints table, markdown or json, not ${format}\n`);
		return EXIT_USAGE;
	}
	const chosen = chosenFolder(vault, args.options.folder);
	if (typeof chosen === "string") {
		io.stderr(`framework-notes: ${chosen}\n`);
		return EXIT_USAGE;
	}
	const { typed, file: node } = typedNote(vault, args.positionals.note ?? "");
	if (node === null) {
		io.stderr(`framework-notes: no note "${typed}" in the vault\n`);
		return EXIT_USAGE;
	}
	const yamlError = vault.frontmatterError(node.path);
	if (yamlError !== null) {
		ctx.problem(node.path, yamlError);
		return EXIT_PROBLEMS;
	}
	// `--folder` takes the notes from that folder instead of the decision's scope.
	const { report, errors } = runDecision(vault, node.path, {
		settings: withNoteChoice(config.settings.compare, args.options),
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
		...chosen,
		release: () => vault.forgetFrontmatter(),
	});
	for (const line of errors) ctx.problem(node.path, line);
	// Written as it is made: a ranking of 100k notes is never held whole.
	if (format === "json") await writePieces(io, decisionJsonPieces(report));
	else if (format === "markdown") await writePieces(io, decisionMarkdownPieces(report), printable);
	else await writePieces(io, decisionTextPieces(report), printable);
	return errors.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
