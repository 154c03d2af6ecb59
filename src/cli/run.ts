/**
 * The CLI as a function: `run(argv, io)` resolves to the exit code. `main.ts` binds it to the
 * process; tests call it in-process with captured output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import packageJson from "../../package.json";
import { helpText, parseArgs, UsageError, type CommandName, type ParsedArgs } from "./args";
import { compareCommand } from "../comparison/cli/compare";
import { decideCommand } from "../decisions/cli/decide";
import { readVaultConfig, type VaultConfig } from "./config";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO, type CommandContext } from "./context";
import { DiskVault } from "./disk-vault";
import { errorMessage } from "../shared/core/errors";
import { livingSummary as livingLine, refreshSummary as indexSummary } from "../shared/core/refresh-summary";
import { factsCommand } from "../facts/cli/facts";
import { importOutlineCommand } from "../templates/cli/import-outline";
import { NO_PROGRESS, type ProgressSink, TerminalProgress } from "./progress";
import { printable, printableName } from "./printable";
import { refreshVault, type RefreshOutcome } from "../index-notes/cli/refresh";
import { livingNeedles, refreshLivingBlocks, type LivingOutcome } from "./living-refresh";

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from "./context";

const NAME = "framework-notes";

const VERBS: Readonly<Record<CommandName, string>> = {
	refresh: "refreshing",
	check: "checking",
	compare: "comparing",
	"import-outline": "importing",
	decide: "deciding",
	facts: "fetching facts",
};

/** Progress on stderr for long runs, only on a terminal and without `--quiet`. */
function progressFor(command: CommandName, args: ParsedArgs, io: CliIO): ProgressSink {
	if (io.stderrIsTTY !== true || args.quiet) return NO_PROGRESS;
	return new TerminalProgress(io.stderr, VERBS[command], { clock: io.clock ?? (() => performance.now()) });
}

function openVault(args: ParsedArgs, io: CliIO, progress: ProgressSink): { vault: DiskVault; config: VaultConfig } | string {
	const vaultArg = args.positionals.vault ?? "";
	const dir = path.resolve(io.cwd, vaultArg);
	let stat: fs.Stats;
	try {
		stat = fs.statSync(dir);
	} catch {
		return `vault folder not found: ${vaultArg}`;
	}
	if (!stat.isDirectory()) return `not a folder: ${vaultArg}`;
	let vault: DiskVault;
	try {
		vault = DiskVault.load(dir, { configDir: args.configDir, readFile: io.readFile, progress });
	} catch (e) {
		return `cannot read the vault folder ${vaultArg}: ${errorMessage(e)}`;
	}
	return { vault, config: readVaultConfig(vault.rootReal, args.configDir) };
}

/** The last line of `refresh` / `check` about index notes (see `shared/core/refresh-summary.ts`). */
export function refreshSummary(outcome: RefreshOutcome, write: boolean, vaultArg: string): string {
	return indexSummary(outcome, write, `${NAME} refresh ${vaultArg}`);
}

/** The line about living blocks, or "" when the vault has none. */
export function livingSummary(outcome: LivingOutcome, write: boolean, vaultArg: string): string {
	return livingLine(outcome, write, `${NAME} refresh ${vaultArg}`);
}

function refreshOrCheck(ctx: CommandContext, write: boolean): number {
	const { io, args } = ctx;
	const options = { write, fsync: args.options["no-fsync"] !== "true", progress: ctx.progress };
	// One look at every note finds both index flags and living blocks.
	const outcome = refreshVault(ctx.vault, ctx.config, { ...options, alsoLookFor: livingNeedles(ctx.vault, ctx.config) });
	// Index blocks first: a note holding both kinds is then read again with its new index.
	const living = refreshLivingBlocks(ctx.vault, ctx.config, { ...options, candidates: outcome.mayHold });
	for (const p of [...outcome.problems, ...living.problems]) ctx.problem(p.path, p.message);
	for (const k of living.kept) ctx.info(`${printableName(k.path)}: ${k.message}\n`);
	// A note holding both an index and a living block is named once.
	for (const note of new Set([...outcome.stale, ...living.stale])) io.stdout(`${write ? "updated" : "stale"}  ${printableName(note)}\n`);
	ctx.info(refreshSummary(outcome, write, ctx.vaultArg));
	const livingLine = livingSummary(living, write, ctx.vaultArg);
	if (livingLine !== "") ctx.info(livingLine);
	if (outcome.problems.length + living.problems.length > 0) return EXIT_PROBLEMS;
	return !write && outcome.stale.length + living.stale.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function dispatch(command: CommandName, ctx: CommandContext): number | Promise<number> {
	switch (command) {
		case "refresh":
			return refreshOrCheck(ctx, true);
		case "check":
			return refreshOrCheck(ctx, false);
		case "compare":
			return compareCommand(ctx);
		case "import-outline":
			return importOutlineCommand(ctx);
		case "decide":
			return decideCommand(ctx);
		case "facts":
			return factsCommand(ctx);
	}
}

/** Run the CLI with `argv` (without `node` and the script). Resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
	let args: ParsedArgs;
	try {
		args = parseArgs(argv);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		io.stderr(`${NAME}: ${e.message}\n\n${helpText(e.command)}`);
		return EXIT_USAGE;
	}
	if (args.help) {
		io.stdout(helpText(args.command));
		return EXIT_OK;
	}
	if (args.version) {
		io.stdout(`${packageJson.version}\n`);
		return EXIT_OK;
	}
	if (args.command === null) {
		io.stderr(helpText(null));
		return EXIT_USAGE;
	}
	const progress = progressFor(args.command, args, io);
	// Any output first erases the progress line (which comes back on the next report).
	const output: CliIO = {
		...io,
		stdout: (text) => {
			progress.clear();
			io.stdout(text);
		},
		stderr: (text) => {
			progress.clear();
			// Messages name notes: nothing a note's name holds may reach the terminal raw.
			io.stderr(printable(text));
		},
	};
	try {
		return await runCommand(args.command, args, output, progress);
	} finally {
		progress.clear();
	}
}

async function runCommand(command: CommandName, args: ParsedArgs, io: CliIO, progress: ProgressSink): Promise<number> {
	const opened = openVault(args, io, progress);
	if (typeof opened === "string") {
		io.stderr(`${NAME}: ${opened}\n`);
		return EXIT_USAGE;
	}
	const { vault, config } = opened;
	const vaultArg = args.positionals.vault ?? "";
	let problems = 0;
	const ctx: CommandContext = {
		args,
		io,
		vault,
		config,
		vaultArg,
		problem(vaultPath, message) {
			problems++;
			io.stderr(`${NAME}: ${vaultPath}: ${message.split("\n")[0] ?? ""}\n`);
		},
		info(text) {
			if (!args.quiet) io.stderr(text);
		},
		progress,
	};
	for (const warning of config.warnings) io.stderr(`${NAME}: ${warning}\n`);
	for (const p of vault.problems) ctx.problem(p.path, p.message);
	if (!args.quiet) {
		for (const link of vault.skippedLinks) io.stderr(`${NAME}: ${link}: symbolic link to a folder or out of the vault; not followed\n`);
	}
	const code = await dispatch(command, ctx);
	return code === EXIT_OK && problems > 0 ? EXIT_PROBLEMS : code;
}
