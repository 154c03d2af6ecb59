/**
 * Progress of a long run, on one line of stderr that is rewritten in place and erased when done.
 * Shown only on a terminal, and only once the run has lasted `showAfterMs` (a quick run prints
 * nothing); redrawn at most every `everyMs`. Any other output clears the line first.
 */

/** What the commands report as they go. */
export interface ProgressSink {
	/** Files found so far while the vault folder is walked. */
	listed(files: number): void;
	/** One more note read from disk. */
	noteRead(): void;
	/** A counted step of the command, like ("index notes", 30, 1010). */
	step(label: string, done: number, total: number): void;
	/** Erase the progress line if it is shown (before other output, and at the end). */
	clear(): void;
}

export const NO_PROGRESS: ProgressSink = {
	listed() {},
	noteRead() {},
	step() {},
	clear() {},
};

export interface TerminalProgressOptions {
	/** Milliseconds, e.g. `performance.now`. */
	readonly clock: () => number;
	readonly showAfterMs?: number;
	readonly everyMs?: number;
}

const ERASE = "\r\u001b[K";

export class TerminalProgress implements ProgressSink {
	private readonly started: number;
	private readonly showAfterMs: number;
	private readonly everyMs: number;
	private lastDrawn = Number.NEGATIVE_INFINITY;
	private shown = false;
	private files = 0;
	private read = 0;
	private stepText = "";

	constructor(
		private readonly write: (text: string) => void,
		/** What the command is doing: "checking", "refreshing", "comparing", ... */
		private readonly verb: string,
		private readonly options: TerminalProgressOptions,
	) {
		this.started = options.clock();
		this.showAfterMs = options.showAfterMs ?? 500;
		this.everyMs = options.everyMs ?? 100;
	}

	listed(files: number): void {
		this.files = files;
		this.draw();
	}

	noteRead(): void {
		this.read++;
		if ((this.read & 15) === 0) this.draw();
	}

	step(label: string, done: number, total: number): void {
		this.stepText = `${label} ${done}/${total}`;
		this.draw();
	}

	clear(): void {
		if (!this.shown) return;
		this.write(ERASE);
		this.shown = false;
		// Redraw on the next report, even if it comes soon.
		this.lastDrawn = Number.NEGATIVE_INFINITY;
	}

	/** The progress line (short, so that it never wraps and `\r` can erase it). */
	line(): string {
		const parts: string[] = [];
		if (this.stepText !== "") parts.push(this.stepText);
		if (this.read > 0) parts.push(`${this.read} notes read`);
		if (parts.length === 0) parts.push(`listing the vault, ${this.files} files`);
		return `${this.verb}: ${parts.join(", ")}`;
	}

	private draw(): void {
		const now = this.options.clock();
		if (now - this.started < this.showAfterMs || now - this.lastDrawn < this.everyMs) return;
		this.lastDrawn = now;
		this.shown = true;
		this.write(ERASE + this.line());
	}
}
