/** Run the CLI in-process with captured output (tests). */
import type { ReadFile } from "../src/cli/disk-vault";
import { run } from "../src/cli/run";

export interface RunResult {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** Run the CLI in-process with captured output. */
export async function runCli(
	argv: readonly string[],
	options: {
		cwd?: string;
		columns?: number;
		stdoutIsTTY?: boolean;
		stderrIsTTY?: boolean;
		now?: Date;
		readFile?: ReadFile;
		clock?: () => number;
		/** Environment variables the CLI sees (none by default: never the test process's own). */
		env?: Readonly<Record<string, string>>;
	} = {},
): Promise<RunResult> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
		cwd: options.cwd ?? process.cwd(),
		columns: options.columns,
		stdoutIsTTY: options.stdoutIsTTY ?? false,
		stderrIsTTY: options.stderrIsTTY ?? false,
		now: options.now ? () => options.now as Date : undefined,
		readFile: options.readFile,
		clock: options.clock,
		env: (name) =>
			options.env !== undefined && Object.prototype.hasOwnProperty.call(options.env, name) ? options.env[name] : undefined,
	});
	return { code, stdout, stderr };
}
