/**
 * A tiny program around `HeadPipeline` for `test/cli-head-pipeline.test.ts`: bundled by the test,
 * it is its own worker script, as the CLI bundle is. Reads a JSON job on argv[2] (absolute paths,
 * how many worker threads, how long the main thread is busy first, which files to skip) and
 * prints each file's frontmatter source as the pipeline gives it, and how many files the main
 * thread read itself.
 */
import * as fs from "node:fs";
import { isMainThread, workerData } from "node:worker_threads";
import { HeadPipeline, isHeadWorkerData, runHeadWorker, warmHeadWorker } from "../../src/cli/head-pipeline";
import { enableScanWorkers } from "../../src/cli/parallel-scan";

if (!isMainThread) {
	if (isHeadWorkerData(workerData)) runHeadWorker(workerData);
} else {
	const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as {
		paths: string[];
		threads: number;
		mainBusyMs: number;
		skip: number[];
		warm?: boolean;
		script?: string;
	};
	enableScanWorkers(job.script ?? __filename);
	if (job.warm === true) warmHeadWorker();
	const pipeline = HeadPipeline.start(job.paths, { threads: job.threads });
	// The CLI's main thread has its own work before it asks: here, a pause.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.mainBusyMs);
	const skip = new Set(job.skip);
	const sources = job.paths.map((_, i) => (skip.has(i) ? "skipped" : pipeline.source(i)));
	pipeline.close();
	process.stdout.write(JSON.stringify({ worker: pipeline.hasWorker, readHere: pipeline.readHere, sources }));
}
