/**
 * `facts <vault>`: fill the framework notes' properties from package registries and GitHub.
 * The notes are the ones the comparison compares (narrowed by `--folder` / `--note`); the core
 * fetches and checks the facts; this file chooses the notes, prints what changes and writes each
 * note once, atomically. Without `--update` only empty properties are filled.
 */
import { comparedNotes, normalizeFolder } from "../../shared/core/selection";
import { isFile, isFolder, type VFile } from "../../shared/core/vault";
import { errorMessage } from "../../shared/core/errors";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CommandContext } from "../../cli/context";
import { DiskFile } from "../../cli/disk-vault";
import { printableName } from "../../cli/printable";
import { WriteRefused } from "../../cli/write";
import {
	baseUrlProblem,
	DEFAULT_SOURCE_BASES,
	FACT_KEYS,
	formatPackageRef,
	gatherFacts,
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
import { reportNotes } from "./facts-report";
import packageJson from "../../../package.json";

const NAME = "framework-notes";
/** Keys `--only` accepts: the facts, and `package` (written when a package was guessed). */
export const ONLY_KEYS: readonly string[] = [...FACT_KEYS, "package"];

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
	if (option === undefined) return null;
	const keys = option
		.split(",")
		.map((key) => key.trim())
		.filter((key) => key !== "");
	if (keys.length === 0) return { usage: `--only needs property names separated by commas, like "license,website"` };
	const unknown = keys.filter((key) => !ONLY_KEYS.includes(key));
	if (unknown.length > 0) {
		return { usage: `--only: unknown ${unknown.map((k) => `"${k}"`).join(", ")} (use ${ONLY_KEYS.join(", ")})` };
	}
	return new Set(keys);
}

function isUsage(value: unknown): value is Usage {
	return typeof value === "object" && value !== null && "usage" in value;
}

function findNote(ctx: CommandContext, arg: string): VFile | null {
	const wanted = arg.replace(/\\/g, "/").replace(/^\/+/, "");
	for (const candidate of [wanted, `${wanted}.md`]) {
		const node = ctx.vault.getNode(candidate);
		if (node && isFile(node)) return node;
	}
	return null;
}

/** The notes to fill, or a usage message. */
function chooseNotes(ctx: CommandContext): VFile[] | Usage {
	const { args, vault, config } = ctx;
	let scope: string | null = null;
	if (args.options.folder !== undefined) {
		scope = normalizeFolder(args.options.folder.replace(/\\/g, "/"));
		const node = vault.getNode(scope);
		if (scope !== "" && (!node || !isFolder(node))) return { usage: `no folder "${scope}" in the vault` };
	}
	const files = comparedNotes(vault, {
		settings: config.settings.compare,
		scope,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
	});
	const noteArg = args.options.note;
	if (noteArg !== undefined) {
		const note = findNote(ctx, noteArg);
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
		for (const [key, value] of values) {
			const proposal = nf.proposals.find((p) => p.key === key);
			const was = proposal?.kind === "replace" ? `  (was: ${printableName(shown(proposal.current))})` : "";
			io.stdout(`${printableName(nf.path)}  ${key}: ${printableName(shown(value))}${was}\n`);
			if (proposal?.kind === "replace") replaced++;
			else filled++;
		}
		if (!args.quiet) reportNotes(io, nf, values, { update, only });
	}
	failed += failures.length;
	reportFailures(ctx, failures, result.messages);
	ctx.info(summary(files.length, filled, replaced, failed, dryRun));
	return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** A value on one line. */
export function shown(value: unknown): string {
	if (value === undefined || value === null) return "(none)";
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return JSON.stringify(value) ?? typeof value;
}

/**
 * The run's messages once each, then the failed notes: one line per note, except that notes
 * failing for the same reason are named together on one line — on the run's message when it
 * says that reason already (no connection, GitHub's rate limit).
 */
function reportFailures(ctx: CommandContext, failures: readonly NoteFacts[], messages: readonly string[]): void {
	const byReason = new Map<string, string[]>();
	for (const nf of failures) {
		// "pypi:django: no connection to pypi.org" is the same reason as "pypi:flask: no connection to pypi.org".
		const error = nf.error ?? "failed";
		const reason = nf.packageRef === null ? error : error.split(`${formatPackageRef(nf.packageRef)}: `).join("");
		byReason.set(reason, [...(byReason.get(reason) ?? []), nf.path]);
	}
	const onMessage = new Map<string, string[]>(messages.map((m) => [m, []]));
	for (const [reason, paths] of byReason) {
		const message = messages.find((m) => m.toLowerCase().includes(reason.toLowerCase()));
		if (message !== undefined) onMessage.get(message)?.push(...paths);
	}
	for (const [message, paths] of onMessage) {
		ctx.io.stderr(`${NAME}: ${message}${paths.length === 0 ? "" : ` Not filled: ${paths.map(printableName).join(", ")}.`}\n`);
	}
	for (const [reason, paths] of byReason) {
		if (messages.some((m) => m.toLowerCase().includes(reason.toLowerCase()))) continue;
		const [first] = paths;
		if (paths.length === 1 && first !== undefined) ctx.problem(first, failures.find((nf) => nf.path === first)?.error ?? reason);
		else ctx.io.stderr(`${NAME}: ${paths.length} notes not filled (${reason}): ${paths.map(printableName).join(", ")}\n`);
	}
}

function summary(notes: number, filled: number, replaced: number, failed: number, dryRun: boolean): string {
	const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
	const verb = dryRun ? "would be " : "";
	const parts = [plural(notes, "note"), `${plural(filled, "property")} ${verb}filled`.replace("propertys", "properties")];
	if (replaced > 0) parts.push(`${replaced} ${verb}replaced`);
	if (failed > 0) parts.push(`${plural(failed, "note")} failed`);
	return `${dryRun ? "Dry run: " : ""}${parts.join(", ")}.\n`;
}
