/**
 * `decide <vault> <decision-note>`: the ranking of the framework notes in the decision's scope,
 * with each note's explanation and what would change the answer, as a text listing, Markdown or
 * JSON. Exit 1 when the decision note has errors (each named on stderr; the rest still ranks).
 */
import type { CompareFormat } from "../../cli/args";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { chosenFolder, withNoteChoice } from "../../cli/note-choice";
import { printable } from "../../cli/printable";
import { isFolder, typedNote } from "../../shared/core/vault";
import { readDecision } from "../core/decision-note";
import { decisionCandidates } from "../core/candidates";
import { decide } from "../core/engine";
import { decisionJson, decisionMarkdown, decisionText, errorLines } from "../core/report";

const DECIDE_FORMATS: readonly CompareFormat[] = ["table", "markdown", "json"];

export function decideCommand(ctx: CommandContext): number {
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
	const spec = readDecision(vault.frontmatter(node.path));
	const errors = errorLines(spec);
	// `--folder` takes the notes from that folder instead of the decision's scope.
	if (spec.scope !== null && chosen.folder === undefined) {
		const folder = vault.getNode(spec.scope);
		if (folder === null || !isFolder(folder)) errors.push(`scope: no folder "${spec.scope}" in the vault`);
	}
	for (const line of errors) ctx.problem(node.path, line);
	const scope = chosen.folder === undefined ? spec.scope : chosen.folder === "" ? null : chosen.folder;
	const notes = decisionCandidates(vault, {
		settings: withNoteChoice(config.settings.compare, args.options),
		scope,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
		decision: node.path,
	});
	const result = decide(spec, notes);
	const report = { decision: node.path, spec: { ...spec, scope }, result };
	if (format === "json") io.stdout(decisionJson(report));
	else io.stdout(printable(format === "markdown" ? decisionMarkdown(report) : decisionText(report)));
	return errors.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
