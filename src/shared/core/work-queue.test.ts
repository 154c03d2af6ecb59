import { describe, expect, it } from "vitest";
import { WorkQueue } from "./work-queue";

describe("WorkQueue", () => {
	it("runs tasks one at a time, in the order they were added", async () => {
		const queue = new WorkQueue();
		const log: string[] = [];
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const first = queue.run(async () => {
			log.push("first start");
			await gate;
			log.push("first end");
		});
		const second = queue.run(() => log.push("second"));
		await Promise.resolve();
		expect(log).toEqual(["first start"]);
		expect(queue.pending).toBe(2);
		release();
		await Promise.all([first, second]);
		expect(log).toEqual(["first start", "first end", "second"]);
		expect(queue.pending).toBe(0);
	});

	it("keeps going after a failure, gives the error to the caller and reports it once", async () => {
		const reported: unknown[] = [];
		const queue = new WorkQueue((error) => reported.push(error));
		const failing = queue.run(() => {
			throw new Error("boom");
		});
		const after = queue.run(() => "still runs");
		await expect(failing).rejects.toThrow("boom");
		await expect(after).resolves.toBe("still runs");
		expect(reported.map((e) => (e as Error).message)).toEqual(["boom"]);
	});

	it("push never leaves an unhandled rejection, and idle waits for everything added", async () => {
		const reported: unknown[] = [];
		const queue = new WorkQueue((error) => reported.push(error));
		const done: number[] = [];
		queue.push(() => Promise.reject(new Error("background")));
		queue.push(() => done.push(1));
		await queue.idle();
		expect(done).toEqual([1]);
		expect(reported).toHaveLength(1);
	});
});
