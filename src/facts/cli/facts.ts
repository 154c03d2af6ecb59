/**
 * `facts <vault>`: fill the framework notes' properties from package registries and GitHub.
 * The notes are the ones the comparison compares (narrowed by `--folder` / `--note`); the core
 * fetches and checks the facts; this file chooses the notes, prints what changes and writes each
 * note once, atomically. Without `--update` only empty properties are filled.
 */
import { comparedNotes } from "../../shared/core/selection";
import { typedFolder, typedNote, type VFile } from "../../shared/core/vault";
import { errorMessage } from "../../shared/core/errors";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { DiskFile } from "../../cli/disk-vault";
import { printableName } from "../../cli/printable";
import { WriteRefused } from "../../cli/write";
import {
	baseUrlProblem,
	changeLines,
	DEFAULT_SOURCE_BASES,
	factsSummary,
	failureLines,
	gatherFacts,
	noteMessages,
	onlyOption,
	ticked,
	type FactValue,
	type FactsNote,
	type HttpGet,
	type NoteFacts,
	type SourceBases,
	type SourceId,
} from "../core/index";
import { nodeHttpGet } from "./http-node";
import { writeFacts, type NoteOnDisk } from "./facts-write";
import packageJson from "../../../package.json";

const NAME = "framework-notes";

const URL_OPTIONS: ReadonlyMap<SourceId, string> = new Map<SourceId, string>([
	["pypi", "pypi-url"],
	["npm", "npm-url"],
	["crates", "crates-url"],
	["github", "github-url"],
]);

/** Tests and benchmarks may give their own GET; the CLI uses Node's http(s). */
export interface FactsDependencies {
	readonly http?: HttpGet;
	readonly sleep?: (ms: number) => Promise<void>;
}

type Usage = { readonly usage: string };

/** The base URLs from the `--…-url` options (http or https, without a trailing slash). */
export function sourceBases(options: Readonly<Record<string, string>>): SourceBases | Usage {
	const bases: Record<SourceId, string> = { ...DEFAULT_SOURCE_BASES };
	for (const [source, option] of URL_OPTIONS) {
		const raw = options[option];
		if (raw === undefined) continue;
		const problem = baseUrlProblem(raw);
		if (problem !== null)
			return { usage: `--${option} ${problem.replace(/, such as .*$/, "")} (the default is ${DEFAULT_SOURCE_BASES[source]})` };
		bases[source] = raw.trim().replace(/\/+$/, "");
	}
	return bases;
}

/** The keys of `--only`, or null for every key. */
export function onlyKeys(option: string | undefined): ReadonlySet<string> | null | Usage {
	const keys = onlyOption(option);
	return typeof keys === "string" ? { usage: `--only${keys}` } : keys;
}

function isUsage(value: unknown): value is Usage {
	return typeof value === "object" && value !== null && "usage" in value;
}

/** The notes to fill, or a usage message. */
function chooseNotes(ctx: CommandContext): VFile[] | Usage {
	const { args, vault, config } = ctx;
	let scope: string | null = null;
	if (args.options.folder !== undefined) {
		const { folder, found } = typedFolder(vault, args.options.folder);
		if (!found) return { usage: `no folder "${folder}" in the vault` };
		scope = folder;
	}
	const files = comparedNotes(vault, {
		settings: config.settings.compare,
		scope,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
	});
	const noteArg = args.options.note;
	if (noteArg !== undefined) {
		const note = typedNote(vault, noteArg).file;
		if (note === null) return { usage: `no note "${noteArg}" in the vault (give its vault path, like "Folder/Note.md")` };
		if (!files.includes(note)) return { usage: `${note.path} is not a framework note (the comparison does not list it)` };
		return [note];
	}
	if (files.length === 0) {
		const where = scope === null || scope === "" ? "the vault" : `"${scope}"`;
		return { usage: `no framework notes in ${where} (the notes the comparison lists; see the selector setting)` };
	}
	return files;
}

/** A note's name without its folder and extension: what a package is guessed from. */
function baseName(file: VFile): string {
	return file.name.replace(/\.md$/i, "");
}

interface ReadNote {
	readonly file: VFile;
	readonly onDisk: NoteOnDisk;
	readonly facts: FactsNote;
}

/** Read each note's text and frontmatter before any request: an edit made meanwhile is then never overwritten. */
function readNotes(ctx: CommandContext, files: readonly VFile[]): ReadNote[] {
	const out: ReadNote[] = [];
	for (const file of files) {
		const read = ctx.vault.readText(file.path);
		if (!read.ok) {
			ctx.problem(file.path, read.message);
			continue;
		}
		const error = ctx.vault.frontmatterError(file.path);
		if (error !== null) {
			ctx.problem(file.path, `${error}; not filled`);
			continue;
		}
		if (!(file instanceof DiskFile)) continue;
		const fm = ctx.vault.frontmatter(file.path) ?? {};
		out.push({
			file,
			onDisk: { realPath: file.realPath, vaultReal: ctx.vault.rootReal, text: read.text },
			facts: { path: file.path, name: baseName(file), frontmatter: new Map(Object.entries(fm)) },
		});
	}
	return out;
}

function realSleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function userAgent(): string {
	return `${NAME}/${packageJson.version} (Obsidian plugin Framework Notes, command-line tool)`;
}

export async function factsCommand(ctx: CommandContext, deps: FactsDependencies = {}): Promise<number> {
	const { args, io } = ctx;
	const usage = (message: string): number => {
		io.stderr(`${NAME}: ${message}\n`);
		return EXIT_USAGE;
	};
	const bases = sourceBases(args.options);
	if (isUsage(bases)) return usage(bases.usage);
	const only = onlyKeys(args.options.only);
	if (isUsage(only)) return usage(only.usage);
	const files = chooseNotes(ctx);
	if (isUsage(files)) return usage(files.usage);
	const update = args.options.update === "true";
	const dryRun = args.options["dry-run"] === "true";
	const notes = readNotes(ctx, files);
	const token = io.env?.("GITHUB_TOKEN")?.trim() ?? "";
	const result = await gatherFacts(
		notes.map((n) => n.facts),
		deps.http ?? nodeHttpGet(),
		{
			bases,
			githubToken: token === "" ? null : token,
			userAgent: userAgent(),
			sleep: deps.sleep ?? realSleep,
			now: io.now ?? (() => new Date()),
			onProgress: (done, total) => ctx.progress.step("notes", done, total),
		},
	);

	const byPath = new Map(notes.map((n) => [n.file.path, n]));
	let filled = 0;
	let replaced = 0;
	// Notes that could not be read or parsed were named already.
	let failed = files.length - notes.length;
	const failures: NoteFacts[] = [];
	for (const nf of result.notes) {
		const note = byPath.get(nf.path);
		if (note === undefined) continue;
		// A note that failed still gets what its other sources gave (the registry, when GitHub failed).
		if (nf.error !== null) failures.push(nf);
		let values: ReadonlyMap<string, FactValue> = ticked(nf, { update, only });
		if (values.size > 0 && !dryRun) {
			try {
				if (!writeFacts(note.onDisk, values)) values = new Map();
			} catch (e) {
				if (nf.error === null) failed++;
				ctx.problem(nf.path, e instanceof WriteRefused ? e.message : `not written: ${errorMessage(e)}`);
				continue;
			}
		}
		const changes = changeLines(nf, values);
		for (const line of changes.lines) io.stdout(`${printableName(line)}\n`);
		filled += changes.filled;
		replaced += changes.replaced;
		if (!args.quiet)
			for (const text of noteMessages(nf, values, { update, only })) io.stderr(`${NAME}: ${printableName(nf.path)}: ${text}\n`);
	}
	failed += failures.length;
	for (const line of failureLines(failures, result.messages, printableName)) {
		if (line.path === null) io.stderr(`${NAME}: ${line.text}\n`);
		else ctx.problem(line.path, line.text);
	}
	ctx.info(`${factsSummary(files.length, filled, replaced, failed, dryRun)}\n`);
	return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
