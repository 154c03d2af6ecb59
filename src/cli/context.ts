/** Types and constants shared by the CLI's commands. */
import type { ParsedArgs } from "./args";
import type { VaultConfig } from "./config";
import type { DiskVault, ReadFile } from "./disk-vault";
import type { ProgressSink } from "./progress";

export const EXIT_OK = 0;
/** `check` found stale indexes, or a note could not be processed. */
export const EXIT_PROBLEMS = 1;
/** Unknown command or option, missing argument, vault folder not found. */
export const EXIT_USAGE = 2;

export interface CliIO {
	readonly stdout: (text: string) => void;
	/**
	 * When stdout holds written text it could not pass on yet (a slow pipe): a promise that
	 * resolves once it has (or stdout closed); otherwise null. Long output waits on it.
	 */
	readonly stdoutDrain?: () => Promise<void> | null;
	/** True once stdout was closed by its reader (EPIPE): further output is dropped. */
	readonly stdoutClosed?: () => boolean;
	readonly stderr: (text: string) => void;
	/** Folder that relative paths are resolved against. */
	readonly cwd: string;
	readonly stdoutIsTTY?: boolean;
	readonly stderrIsTTY?: boolean;
	/** Width of the terminal stdout is attached to, if any. */
	readonly columns?: number;
	/** The current time (templates' `{{date}}`). */
	readonly now?: () => Date;
	/** How notes are read (default `fs.readFileSync`); tests inject read failures. */
	readonly readFile?: ReadFile;
	/** An environment variable (`facts` reads `GITHUB_TOKEN`); tests set their own. */
	readonly env?: (name: string) => string | undefined;
	/** A clock in milliseconds for progress output (default `performance.now`). */
	readonly clock?: () => number;
}

/** Everything a command needs once the vault is open. */
export interface CommandContext {
	readonly args: ParsedArgs;
	readonly io: CliIO;
	readonly vault: DiskVault;
	readonly config: VaultConfig;
	/** The vault argument as typed, for messages. */
	readonly vaultArg: string;
	/** Print `framework-notes: <path>: <message>` on stderr (counts as a problem: exit 1). */
	problem(vaultPath: string, message: string): void;
	/** Print a summary line on stderr unless `--quiet`. */
	info(text: string): void;
	/** Progress of a long run (terminal only; output through `io` clears it first). */
	readonly progress: ProgressSink;
}
