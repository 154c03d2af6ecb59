/**
 * The frontmatter sources of many notes, read ahead on a worker thread while the main thread
 * parses the ones before: `compare` asks for every note's frontmatter in turn, and reading the
 * tops of 10k files (`open`/`read`/`close`, about 25 µs a file) is then no longer on the main
 * thread's path.
 *
 * The pipeline is bounded, so memory stays flat on any vault: files go in batches, and the worker
 * copies a batch's raw source bytes into one of a few slots of shared memory; it waits when every
 * slot holds a batch the main thread has not taken yet. The main thread takes the batches in
 * order and decodes each source as `HeadReader` does (same bytes, same strict decoding), so the
 * answers never depend on the worker: a batch the worker has not claimed yet is read on the main
 * thread (while the worker starts, or when it cannot), a source too large for its slot is read
 * there too, and a worker that makes no progress for a while is given up. While the worker reads
 * the batch the main thread waits for, the main thread reads a later one rather than wait idle.
 *
 * The worker runs the CLI bundle itself (`enableScanWorkers(__filename)`, as the scan workers
 * do); without it (tests calling `run` in-process) or for a short list, every batch is read on
 * the calling thread.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { scanWorkerScript } from "./parallel-scan";
import { decodeSource, HeadReader } from "./text";

const WORKER_KIND = "framework-notes-head-read";
/** Files per batch. */
export const HEAD_BATCH = 128;
/** Batches the worker may read ahead of the main thread. */
const SLOTS = 4;
/** Bytes of sources a slot holds; a source that does not fit is read on the main thread. */
const SLOT_BYTES = 256 * 1024;
/** Below this many files the worker's start-up (tens of milliseconds) is not worth it. */
export const MIN_FILES_FOR_HEAD_WORKER = 2048;
/** A worker whose batch has not come for this long is given up (the main thread reads on). */
const STALL_MS = 10_000;

// Indexes into the control array.
/** The next batch to claim (by the worker, or by the main thread when it gets there first). */
const NEXT = 0;
/** Batches the main thread has taken: their slots are free again. */
const TAKEN = 1;
/** Set when the main thread no longer wants anything from the worker. */
const STOP = 2;
/** Set once the paths were posted to the worker's port. */
const PATHS = 3;
/** Per slot: the batch it holds, plus one (0: none yet). */
const READY = 4;

/** In a slot's table, per file: no frontmatter (or unreadable), or read it on the main thread. */
const NO_SOURCE = -1;
const READ_HERE = -2;

/**
 * What a head worker starts with. The paths come later, on `port` (joined by NUL, which no file
 * name holds), so that the worker can start while the vault is still being listed.
 */
interface HeadWorkerData {
	readonly kind: typeof WORKER_KIND;
	readonly control: SharedArrayBuffer;
	/** Per slot and file: start and length of its source in `bytes`, or NO_SOURCE / READ_HERE. */
	readonly table: SharedArrayBuffer;
	readonly bytes: SharedArrayBuffer;
	readonly port?: MessagePort;
}

export function isHeadWorkerData(data: unknown): data is HeadWorkerData {
	return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

interface Shared {
	readonly paths: readonly string[];
	readonly control: Int32Array;
	readonly table: Int32Array;
	readonly bytes: Uint8Array;
	readonly batches: number;
}

function sharedFrom(data: HeadWorkerData, paths: readonly string[]): Shared {
	return {
		paths,
		control: new Int32Array(data.control),
		table: new Int32Array(data.table),
		bytes: new Uint8Array(data.bytes),
		batches: Math.ceil(paths.length / HEAD_BATCH),
	};
}

function newWorkerData(): HeadWorkerData {
	return {
		kind: WORKER_KIND,
		control: new SharedArrayBuffer(4 * (READY + SLOTS)),
		table: new SharedArrayBuffer(4 * 2 * SLOTS * HEAD_BATCH),
		bytes: new SharedArrayBuffer(SLOTS * SLOT_BYTES),
	};
}

/** A worker started, waiting for its paths. */
interface Started {
	readonly worker: Worker;
	readonly port: MessagePort;
	readonly data: HeadWorkerData;
}

function startWorker(script: string): Started | null {
	const data = newWorkerData();
	const channel = new MessageChannel();
	try {
		const worker = new Worker(script, {
			workerData: { ...data, port: channel.port2 },
			transferList: [channel.port2],
			argv: [],
			stdout: true,
			stderr: true,
		});
		// A worker's failure is never fatal: its batches are read on the main thread.
		worker.on("error", () => undefined);
		worker.unref();
		return { worker, port: channel.port1, data };
	} catch {
		return null;
	}
}

/** A worker started ahead by `warmHeadWorker`, for the next pipeline. */
let spare: Started | null = null;

/**
 * Start a head worker now for a pipeline started later (`compare` calls it while the vault is
 * listed, once it holds many notes), so that its start-up overlaps the listing. Without a
 * worker script (tests in-process) it does nothing; an unused worker never keeps the CLI alive.
 */
export function warmHeadWorker(): void {
	const script = scanWorkerScript();
	if (spare === null && script !== null) spare = startWorker(script);
}

/** The worker's part: read batch `batch` into its slot, then mark the slot ready. */
function fillSlot(shared: Shared, batch: number, reader: HeadReader): void {
	const slot = batch % SLOTS;
	const base = slot * SLOT_BYTES;
	let used = 0;
	const first = batch * HEAD_BATCH;
	const end = Math.min(shared.paths.length, first + HEAD_BATCH);
	for (let i = first; i < end; i++) {
		const row = (slot * HEAD_BATCH + (i - first)) * 2;
		const range = reader.readRange(shared.paths[i]);
		if (range === null) {
			shared.table[row] = NO_SOURCE;
			continue;
		}
		const length = range.end - range.start;
		if (length > SLOT_BYTES - used) {
			shared.table[row] = READ_HERE;
			continue;
		}
		shared.bytes.set(reader.bytes.subarray(range.start, range.end), base + used);
		shared.table[row] = base + used;
		shared.table[row + 1] = length;
		used += length;
	}
	Atomics.store(shared.control, READY + slot, batch + 1);
	Atomics.notify(shared.control, READY + slot);
}

/** The paths posted to a worker's port (null when the main thread stopped first). */
function waitForPaths(data: HeadWorkerData, control: Int32Array): string[] | null {
	while (Atomics.load(control, PATHS) === 0) {
		if (Atomics.load(control, STOP) !== 0) return null;
		Atomics.wait(control, PATHS, 0, 1000);
	}
	const message = data.port === undefined ? undefined : receiveMessageOnPort(data.port);
	return typeof message?.message === "string" ? message.message.split("\0") : null;
}

/** The body of a head worker. Never throws: whatever it leaves is read on the main thread. */
export function runHeadWorker(data: HeadWorkerData): void {
	try {
		const control = new Int32Array(data.control);
		const paths = waitForPaths(data, control);
		if (paths === null) return;
		const shared = sharedFrom(data, paths);
		const reader = new HeadReader();
		for (;;) {
			if (Atomics.load(control, STOP) !== 0) return;
			const batch = Atomics.add(control, NEXT, 1);
			if (batch >= shared.batches) return;
			// The slot is free once the main thread has taken the batch it held.
			for (;;) {
				const taken = Atomics.load(control, TAKEN);
				if (taken > batch - SLOTS || Atomics.load(control, STOP) !== 0) break;
				Atomics.wait(control, TAKEN, taken, 1000);
			}
			if (Atomics.load(control, STOP) !== 0) return;
			fillSlot(shared, batch, reader);
		}
	} catch {
		// The main thread reads what this worker did not.
	} finally {
		data.port?.close();
	}
}

/** Sources read ahead, taken in order (see the top of this file). */
export class HeadPipeline {
	private readonly shared: Shared;
	private worker: Worker | null = null;
	private port: MessagePort | null = null;
	private readonly startedWith: boolean;
	private readonly reader = new HeadReader();
	/** The batch taken last, and its files' sources. */
	private current = -1;
	private sources: (string | null)[] = [];
	/** Batches this thread read while the worker was busy with an earlier one. */
	private readonly readEarly = new Map<number, (string | null)[]>();
	/** Files read on this thread (tests and benchmarks). */
	readHere = 0;

	private constructor(paths: readonly string[], started: Started | null) {
		this.shared = sharedFrom(started?.data ?? newWorkerData(), paths);
		this.startedWith = started !== null;
		if (started === null) return;
		this.worker = started.worker;
		this.port = started.port;
		started.port.postMessage(paths.join("\0"));
		// Posted before the flag is set: a worker that sees the flag can receive the paths.
		Atomics.store(this.shared.control, PATHS, 1);
		Atomics.notify(this.shared.control, PATHS);
	}

	/**
	 * Start reading the sources of the files at `paths` (absolute) on a worker: the one
	 * `warmHeadWorker` started, else a new one when the list is long; `threads: 0` reads them all
	 * on this thread.
	 */
	static start(paths: readonly string[], options: { threads?: number } = {}): HeadPipeline {
		const threads = options.threads ?? (paths.length >= MIN_FILES_FOR_HEAD_WORKER ? 1 : 0);
		let started: Started | null = null;
		if (threads > 0 && paths.length > 0) {
			const script = scanWorkerScript();
			started = spare ?? (script === null ? null : startWorker(script));
			spare = null;
		}
		return new HeadPipeline(paths, started);
	}

	/** Whether a worker was given the paths (tests and benchmarks). */
	get hasWorker(): boolean {
		return this.startedWith;
	}

	/**
	 * The frontmatter source of file `index` (null: none, not valid UTF-8, or unreadable), or
	 * undefined when its batch was taken already: files are asked for in order (a file may be
	 * skipped, not asked for again after a later batch).
	 */
	source(index: number): string | null | undefined {
		const batch = Math.floor(index / HEAD_BATCH);
		if (index < 0 || index >= this.shared.paths.length || batch < this.current) return undefined;
		while (this.current < batch) this.take(this.current + 1);
		return this.sources[index - batch * HEAD_BATCH];
	}

	/** Stop the worker; any batch not taken yet is then read on this thread. */
	close(): void {
		const { control } = this.shared;
		Atomics.store(control, STOP, 1);
		Atomics.notify(control, TAKEN);
		if (this.worker !== null) void this.worker.terminate();
		this.worker = null;
		this.port?.close();
		this.port = null;
	}

	/** Take batch `batch`: read here ahead of time, from its slot when the worker has it, else read here. */
	private take(batch: number): void {
		const { control, paths } = this.shared;
		let sources = this.readEarly.get(batch);
		this.readEarly.delete(batch);
		if (sources === undefined && this.waitForSlot(batch)) {
			const { table, bytes } = this.shared;
			const slot = batch % SLOTS;
			const first = batch * HEAD_BATCH;
			const end = Math.min(paths.length, first + HEAD_BATCH);
			sources = [];
			for (let i = first; i < end; i++) {
				const row = (slot * HEAD_BATCH + (i - first)) * 2;
				const start = table[row];
				if (start === READ_HERE) sources.push(this.readOne(paths[i]));
				else sources.push(start === NO_SOURCE ? null : decodeSource(bytes.subarray(start, start + table[row + 1])));
			}
		}
		this.current = batch;
		this.sources = sources ?? this.readBatch(batch);
		Atomics.add(control, TAKEN, 1);
		Atomics.notify(control, TAKEN);
		if (batch === this.shared.batches - 1) this.close();
	}

	/**
	 * True once the worker's slot holds `batch`; false when this thread is to read it: nobody
	 * had claimed it (it is claimed here now), or the worker holding it stalled (then given up).
	 * While the worker reads it, this thread reads a later batch nobody claimed yet (a few at
	 * most) rather than wait idle: on a busy machine both threads then read.
	 */
	private waitForSlot(batch: number): boolean {
		const { control } = this.shared;
		const cell = READY + (batch % SLOTS);
		if (this.worker === null) return false;
		if (Atomics.load(control, cell) === batch + 1) return true;
		// Every earlier batch is taken, so NEXT is at least `batch`: equal means nobody claimed it.
		if (Atomics.compareExchange(control, NEXT, batch, batch + 1) === batch) return false;
		const since = Date.now();
		for (;;) {
			const seen = Atomics.load(control, cell);
			if (seen === batch + 1) return true;
			if (Date.now() - since > STALL_MS) {
				// Given up: from now on every batch is read here.
				Atomics.store(control, STOP, 1);
				void this.worker.terminate();
				this.worker = null;
				return false;
			}
			const next = Atomics.load(control, NEXT);
			if (next < this.shared.batches && next <= batch + SLOTS && Atomics.compareExchange(control, NEXT, next, next + 1) === next) {
				this.readEarly.set(next, this.readBatch(next));
				continue;
			}
			Atomics.wait(control, cell, seen, 50);
		}
	}

	private readBatch(batch: number): (string | null)[] {
		const { paths } = this.shared;
		const sources: (string | null)[] = [];
		for (let i = batch * HEAD_BATCH; i < Math.min(paths.length, (batch + 1) * HEAD_BATCH); i++) sources.push(this.readOne(paths[i]));
		return sources;
	}

	private readOne(absolutePath: string): string | null {
		this.readHere++;
		return this.reader.read(absolutePath).source;
	}
}
