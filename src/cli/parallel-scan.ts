/**
 * `fileContains` over many files at once, on worker threads, while the main thread goes on with
 * its own work. Looking at every note of a 100k-note vault is bound by `open`/`read`/`close`
 * (about 10 µs a file, profiled): spread over the machine's cores it no longer adds its whole
 * cost to a run.
 *
 * The run stays synchronous: `start` hands the paths to the workers and returns at once; `finish`
 * lets the main thread claim what is left, then waits (`Atomics.wait`) for chunks the workers
 * hold. Work is handed out in chunks through one shared counter, so a slow or missing worker
 * only means the main thread does more. A worker that makes no progress for a while is given up
 * and its chunks are scanned again on the main thread: the answer never depends on the workers.
 *
 * Workers run the CLI bundle itself (`enableScanWorkers(__filename)` in the CLI's entry); when
 * it is not set (tests calling `run` in-process) or the list is short, everything is scanned on
 * the calling thread.
 */
import * as os from "node:os";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { fileContains, scanBuffer, usableNeedles } from "./byte-scan";
import { HeadReader } from "./text";

const WORKER_KIND = "framework-notes-byte-scan";
/** Files per claim: small enough to balance, large enough that claiming costs nothing. */
const CHUNK = 64;
/** Below this many files a worker's start-up (tens of milliseconds) is not worth it. */
export const MIN_FILES_FOR_WORKERS = 4096;
/** A worker whose chunks have not moved for this long is given up (the main thread rescans). */
const STALL_MS = 10_000;

/** Shared state: `control[0]` is the next chunk to claim, `control[1]` the chunks finished. */
interface ScanWorkerData {
	readonly kind: typeof WORKER_KIND;
	readonly paths: readonly string[];
	readonly needles: readonly Uint8Array[];
	readonly control: SharedArrayBuffer;
	readonly results: SharedArrayBuffer;
	readonly chunksDone: SharedArrayBuffer;
	/**
	 * With heads: each file's frontmatter source is read on the same open (`HeadReader`), and a
	 * worker posts each chunk's sources on `port` before it marks the chunk done.
	 */
	readonly heads: boolean;
	readonly port?: MessagePort;
}

/** A chunk's frontmatter sources, as a worker posts them. */
interface HeadsMessage {
	readonly chunk: number;
	readonly sources: readonly (string | null)[];
}

let workerScript: string | null = null;

/** Let scans use worker threads running `script` (the CLI bundle); null: scan on the calling thread. */
export function enableScanWorkers(script: string | null): void {
	workerScript = script;
}

export function isScanWorkerData(data: unknown): data is ScanWorkerData {
	return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

/** Result bytes: 0 not scanned yet, 1 no needle, 2 a needle found. */
const NO = 1;
const YES = 2;

interface Shared {
	readonly paths: readonly string[];
	readonly needles: readonly Buffer[];
	readonly control: Int32Array;
	readonly results: Uint8Array;
	readonly chunksDone: Uint8Array;
	readonly chunks: number;
	readonly heads: boolean;
	/** Where a chunk's sources go: a worker's port, or the main thread's own array. */
	readonly keepSources: (message: HeadsMessage) => void;
}

function scanChunk(shared: Shared, chunk: number, buffer: Buffer, head: HeadReader | null): void {
	const end = Math.min(shared.paths.length, (chunk + 1) * CHUNK);
	if (head !== null) {
		const sources: (string | null)[] = [];
		for (let i = chunk * CHUNK; i < end; i++) {
			const read = head.read(shared.paths[i], shared.needles);
			sources.push(read.source);
			Atomics.store(shared.results, i, read.contains ? YES : NO);
		}
		// Posted before the chunk is marked done: whoever sees it done can receive its sources.
		shared.keepSources({ chunk, sources });
	} else {
		for (let i = chunk * CHUNK; i < end; i++) {
			Atomics.store(shared.results, i, fileContains(shared.paths[i], shared.needles, buffer) ? YES : NO);
		}
	}
	if (Atomics.exchange(shared.chunksDone, chunk, 1) === 0) {
		Atomics.add(shared.control, 1, 1);
		Atomics.notify(shared.control, 1);
	}
}

/** Claim and scan chunks until none is left. */
function claimAll(shared: Shared, buffer: Buffer, head: HeadReader | null, afterChunk?: () => void): void {
	for (;;) {
		const chunk = Atomics.add(shared.control, 0, 1);
		if (chunk >= shared.chunks) return;
		scanChunk(shared, chunk, buffer, head);
		afterChunk?.();
	}
}

function sharedFrom(data: ScanWorkerData, keepSources: (message: HeadsMessage) => void): Shared {
	return {
		heads: data.heads,
		keepSources,
		paths: data.paths,
		needles: usableNeedles(data.needles),
		control: new Int32Array(data.control),
		results: new Uint8Array(data.results),
		chunksDone: new Uint8Array(data.chunksDone),
		chunks: Math.ceil(data.paths.length / CHUNK),
	};
}

/** The body of a scan worker. Never throws: a failure only leaves chunks for the main thread. */
export function runScanWorker(data: ScanWorkerData): void {
	try {
		const port = data.port;
		const shared = sharedFrom(data, (message) => port?.postMessage(message));
		claimAll(shared, scanBuffer(shared.needles), shared.heads ? new HeadReader() : null);
	} catch {
		// The main thread rescans whatever this worker did not finish.
	}
}

function workerCount(): number {
	const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
	return Math.max(1, Math.min(3, cores - 1));
}

/** A scan under way. */
export class ByteScan {
	private readonly workers: Worker[] = [];
	/** The main thread's ends of the workers' ports (heads only). */
	private readonly ports: MessagePort[] = [];
	/** Per chunk, the frontmatter sources of its files (heads only). */
	private readonly chunkSources: (readonly (string | null)[] | undefined)[] = [];
	private readonly shared: Shared;

	private constructor(data: ScanWorkerData) {
		this.shared = sharedFrom(data, (message) => {
			this.chunkSources[message.chunk] = message.sources;
		});
	}

	/**
	 * Start looking for `needles` in the files at `paths` (absolute). Workers start only when
	 * enabled and the list is long; `threads` overrides how many (0: none). With `heads`, each
	 * file's frontmatter source is read on the same open (see `sources`).
	 */
	static start(paths: readonly string[], needles: readonly Uint8Array[], options: { threads?: number; heads?: boolean } = {}): ByteScan {
		const data: ScanWorkerData = {
			kind: WORKER_KIND,
			paths,
			needles,
			control: new SharedArrayBuffer(8),
			results: new SharedArrayBuffer(Math.max(1, paths.length)),
			chunksDone: new SharedArrayBuffer(Math.max(1, Math.ceil(paths.length / CHUNK))),
			heads: options.heads === true,
		};
		const scan = new ByteScan(data);
		const threads = options.threads ?? (paths.length >= MIN_FILES_FOR_WORKERS ? workerCount() : 0);
		if (workerScript !== null && scan.shared.needles.length > 0) {
			for (let i = 0; i < threads; i++) {
				try {
					const channel = data.heads ? new MessageChannel() : null;
					const worker = new Worker(workerScript, {
						workerData: channel ? { ...data, port: channel.port2 } : data,
						transferList: channel ? [channel.port2] : [],
						argv: [],
						stdout: true,
						stderr: true,
					});
					// A worker's failure is never fatal: its chunks are scanned again here.
					worker.on("error", () => undefined);
					worker.unref();
					scan.workers.push(worker);
					if (channel) scan.ports.push(channel.port1);
				} catch {
					break;
				}
			}
		}
		return scan;
	}

	/** Workers started (for tests and benchmarks). */
	get workerCount(): number {
		return this.workers.length;
	}

	/** Files the calling thread scanned itself in `finish` (for tests and benchmarks). */
	scannedHere = 0;

	/**
	 * Scan what is left on this thread, wait for the workers' last chunks, and answer per path
	 * (in the order given) whether it holds a needle. `onProgress` is told files done of total.
	 */
	finish(onProgress?: (done: number, total: number) => void): boolean[] {
		const { shared } = this;
		const total = shared.paths.length;
		const report = (): void => onProgress?.(Math.min(total, Atomics.load(shared.control, 1) * CHUNK), total);
		if (shared.needles.length > 0) {
			const buffer = scanBuffer(shared.needles);
			const head = shared.heads ? new HeadReader() : null;
			let claimed = 0;
			claimAll(shared, buffer, head, () => {
				claimed++;
				report();
			});
			this.scannedHere = claimed * CHUNK;
			let seen = Atomics.load(shared.control, 1);
			let lastMove = Date.now();
			while (seen < shared.chunks && Date.now() - lastMove < STALL_MS) {
				Atomics.wait(shared.control, 1, seen, 200);
				const now = Atomics.load(shared.control, 1);
				if (now !== seen) lastMove = Date.now();
				seen = now;
				report();
			}
			this.receiveSources();
			// Chunks a stalled or failed worker held, or whose sources never arrived: scanned here
			// (results are the same either way).
			for (let chunk = 0; chunk < shared.chunks; chunk++) {
				const missing = Atomics.load(shared.chunksDone, chunk) === 0 || (head !== null && this.chunkSources[chunk] === undefined);
				if (missing) scanChunk(shared, chunk, buffer, head);
			}
		}
		this.scannedHere = Math.min(this.scannedHere, total);
		for (const worker of this.workers) void worker.terminate();
		for (const port of this.ports) port.close();
		report();
		const out: boolean[] = new Array<boolean>(total);
		for (let i = 0; i < total; i++) out[i] = Atomics.load(shared.results, i) === YES;
		return out;
	}

	/**
	 * After `finish` of a scan started with `heads`: each file's frontmatter source (null: none,
	 * not valid UTF-8, or unreadable), in the order given; null for a scan without heads or with
	 * no needles.
	 */
	sources(): (string | null)[] | null {
		const { shared } = this;
		if (!shared.heads || shared.needles.length === 0) return null;
		const out: (string | null)[] = [];
		for (let chunk = 0; chunk < shared.chunks; chunk++) out.push(...(this.chunkSources[chunk] ?? []));
		return out.length === shared.paths.length ? out : null;
	}

	/** Take every chunk's sources the workers have posted. */
	private receiveSources(): void {
		for (const port of this.ports) {
			for (let message = receiveMessageOnPort(port); message !== undefined; message = receiveMessageOnPort(port)) {
				const body = message.message as HeadsMessage;
				this.chunkSources[body.chunk] = body.sources;
			}
		}
	}
}
