/**
 * A tiny program around `ByteScan` for `test/cli-parallel-scan.test.ts`: bundled by the test,
 * it is its own worker script, as the CLI bundle is. Reads a JSON job on argv[2] and prints
 * the number of workers started, how many files they scanned, the indexes of the files that hold
 * a needle and, for a job with `heads`, each file's frontmatter source.
 */
import * as fs from "node:fs";
import { isMainThread, workerData } from "node:worker_threads";
import { ByteScan, enableScanWorkers, isScanWorkerData, runScanWorker } from "../../src/cli/parallel-scan";

if (!isMainThread) {
	if (isScanWorkerData(workerData)) runScanWorker(workerData);
} else {
	enableScanWorkers(__filename);
	const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as {
		paths: string[];
		needles: string[];
		threads: number;
		mainBusyMs: number;
		heads?: boolean;
	};
	const scan = ByteScan.start(
		job.paths,
		job.needles.map((n) => Buffer.from(n, "utf8")),
		{ threads: job.threads, heads: job.heads === true },
	);
	// The CLI's main thread has its own work to do before it joins the scan: here, a pause.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.mainBusyMs);
	const hits = scan.finish();
	const found = hits.flatMap((hit, i) => (hit ? [i] : []));
	const sources = scan.sources();
	process.stdout.write(
		JSON.stringify({ workers: scan.workerCount, byWorkers: job.paths.length - scan.scannedHere, hits: found, sources }),
	);
}
