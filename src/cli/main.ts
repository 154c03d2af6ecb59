/** Entry point of the `framework-notes` command (bundled to `dist/cli.cjs`). */
import { isMainThread, workerData } from "node:worker_threads";
import { enableScanWorkers, isScanWorkerData, runScanWorker } from "./parallel-scan";
import { run } from "./run";

function write(stream: { write(text: string): unknown }): (text: string) => void {
	return (text) => {
		stream.write(text);
	};
}

async function main(): Promise<void> {
	// The bundle is also the script of its scan workers (see parallel-scan.ts).
	enableScanWorkers(__filename);
	try {
		process.exitCode = await run(process.argv.slice(2), {
			stdout: write(process.stdout),
			stderr: write(process.stderr),
			cwd: process.cwd(),
			stdoutIsTTY: process.stdout.isTTY === true,
			stderrIsTTY: process.stderr.isTTY === true,
			columns: process.stdout.columns,
			env: (name) => process.env[name],
		});
	} catch (e) {
		process.stderr.write(`framework-notes: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exitCode = 70;
	}
}

if (isMainThread) void main();
else if (isScanWorkerData(workerData)) runScanWorker(workerData);
