/**
 * One serial work queue: tasks run one after another, in the order they were added, each after
 * the previous one has settled. A failing task never stops the queue; its error goes to the
 * caller's promise and to `onError` (once), so background work can report it without an
 * unhandled rejection.
 */
export class WorkQueue {
	private tail: Promise<unknown> = Promise.resolve();
	private waiting = 0;

	/** @param onError called once for each task that fails (background reporting). */
	constructor(private readonly onError?: (error: unknown) => void) {}

	/** Run `task` after every task added before it. Rejects with the task's own error. */
	run<T>(task: () => Promise<T> | T): Promise<T> {
		this.waiting++;
		const result = this.tail.then(task).finally(() => {
			this.waiting--;
		});
		this.tail = result.catch((error: unknown) => {
			this.onError?.(error);
		});
		return result;
	}

	/** Run `task` in the background: failures reach `onError`, never an unhandled rejection. */
	push(task: () => unknown): void {
		this.run(task).catch(() => undefined);
	}

	/** Resolves when every task added so far has settled. */
	idle(): Promise<void> {
		return this.tail.then(() => undefined);
	}

	/** Tasks added and not yet settled. */
	get pending(): number {
		return this.waiting;
	}
}
