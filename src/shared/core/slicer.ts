/**
 * Long work cut into slices: the work asks `due()` between small units and, when the current
 * slice has run for its budget, `pause()`s to let the host breathe (in the app: paint, handle
 * input). A stretch of main-thread work over 50 ms is a visible freeze in Obsidian; a budget well
 * under that keeps the app responsive while a 100k-note vault is reconciled.
 *
 * Pure: the clock and the way to yield are given (the app passes `performance.now` and a yield
 * to its event loop; tests and the CLI use `NO_SLICING`, which never pauses).
 */
export interface Slicer {
	/** True when the current slice has used its budget. Cheap: call it between units. */
	due(): boolean;
	/** Yield to the host, then start a new slice. */
	pause(): Promise<void>;
}

/** Default slice: a fifth of the 50 ms after which a stretch of work is a long task. */
export const SLICE_BUDGET_MS = 10;

export class TimeSlicer implements Slicer {
	private sliceStart: number;
	/** How many times the work paused (for tests and benchmarks). */
	pauses = 0;

	constructor(
		private readonly clock: () => number,
		private readonly yieldNow: () => Promise<void>,
		private readonly budgetMs: number = SLICE_BUDGET_MS,
	) {
		this.sliceStart = clock();
	}

	due(): boolean {
		return this.clock() - this.sliceStart >= this.budgetMs;
	}

	async pause(): Promise<void> {
		this.pauses++;
		await this.yieldNow();
		this.sliceStart = this.clock();
	}
}

/** Never pauses: for callers with no event loop to keep free (the CLI, synchronous tests). */
export const NO_SLICING: Slicer = {
	due: () => false,
	pause: () => Promise.resolve(),
};

/** Pause when the slice is due (one `await` only when it is). */
export async function breathe(slicer: Slicer): Promise<void> {
	if (slicer.due()) await slicer.pause();
}
