/** Entry point of the `framework-notes` command (bundled to `dist/cli.cjs`). */
import type { Writable } from "node:stream";
import { isMainThread, workerData } from "node:worker_threads";
import { enableScanWorkers, isScanWorkerData, runScanWorker } from "./parallel-scan";
import { run } from "./run";

function write(stream: { write(text: string): unknown }): (text: string) => void {
	return (text) => {
		stream.write(text);
	};
}

/**
 * stdout as the CLI writes it. Its reader may close it early (`… | head`): that is no error, the
 * output is then dropped quietly (no stack trace). Any other write failure is named once.
 */
function stdoutOf(stream: Writable): { write: (text: string) => void; drain: () => Promise<void> | null; closed: () => boolean } {
	let closed = false;
	stream.on("error", (e: Error & { code?: string }) => {
		if (closed) return;
		closed = true;
		if (e.code !== "EPIPE") {
			process.stderr.write(`framework-notes: cannot write the output: ${e.message}\n`);
			process.exitCode = 1;
		}
	});
	return {
		write: (text) => {
			if (!closed) stream.write(text);
		},
		drain: () => {
			if (closed || !stream.writableNeedDrain) return null;
			return new Promise((resolve) => {
				const done = (): void => {
					stream.off("drain", done);
					stream.off("close", done);
					stream.off("error", done);
					resolve();
				};
				stream.on("drain", done);
				stream.on("close", done);
				stream.on("error", done);
			});
		},
		closed: () => closed,
	};
}

async function main(): Promise<void> {
	// The bundle is also the script of its scan workers (see parallel-scan.ts).
	enableScanWorkers(__filename);
	const stdout = stdoutOf(process.stdout);
	try {
		const code = await run(process.argv.slice(2), {
			stdout: stdout.write,
			stdoutDrain: stdout.drain,
			stdoutClosed: stdout.closed,
			stderr: write(process.stderr),
			cwd: process.cwd(),
			stdoutIsTTY: process.stdout.isTTY === true,
			stderrIsTTY: process.stderr.isTTY === true,
			columns: process.stdout.columns,
			env: (name) => process.env[name],
		});
		// A write failure already set the exit code.
		if (process.exitCode === undefined || code !== 0) process.exitCode = code;
	} catch (e) {
		process.stderr.write(`framework-notes: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exitCode = 70;
	}
}

if (isMainThread) void main();
else if (isScanWorkerData(workerData)) runScanWorker(workerData);
