/** Entry point of the `framework-notes` command (bundled to `dist/cli.cjs`). */
import { run } from "./run";

function write(stream: { write(text: string): unknown }): (text: string) => void {
	return (text) => {
		stream.write(text);
	};
}

try {
	process.exitCode = run(process.argv.slice(2), {
		stdout: write(process.stdout),
		stderr: write(process.stderr),
		cwd: process.cwd(),
		stdoutIsTTY: process.stdout.isTTY === true,
		stderrIsTTY: process.stderr.isTTY === true,
		columns: process.stdout.columns,
	});
} catch (e) {
	process.stderr.write(`framework-notes: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	process.exitCode = 70;
}
