import { describe, expect, it } from "vitest";
import type { CliIO } from "./context";
import { writePieces } from "./output";

function io(options: { backlog?: () => Promise<void> | null; closedAfter?: number } = {}): { io: CliIO; written: string[] } {
	const written: string[] = [];
	return {
		written,
		io: {
			cwd: "/",
			stderr: () => undefined,
			stdout: (text) => written.push(text),
			stdoutDrain: options.backlog ?? (() => null),
			stdoutClosed: () => options.closedAfter !== undefined && written.length >= options.closedAfter,
		},
	};
}

const line = (i: number): string => `${"x".repeat(999)}${i % 10}\n`;

describe("writePieces", () => {
	it("writes every piece in order, in batches of about 64 KB, each batch transformed", async () => {
		const out = io();
		const pieces = Array.from({ length: 200 }, (_, i) => line(i));
		await writePieces(out.io, pieces, (text) => text.toUpperCase());
		expect(out.written.join("")).toBe(pieces.join("").toUpperCase());
		expect(out.written.length).toBe(4);
		expect(out.written.slice(0, -1).every((batch) => batch.length >= 64 * 1024 && batch.length < 65 * 1024)).toBe(true);
	});

	it("waits while stdout has a backlog before writing more", async () => {
		const events: string[] = [];
		let release: () => void = () => undefined;
		const out = io({
			backlog: () =>
				new Promise<void>((resolve) => {
					events.push("wait");
					release = () => {
						events.push("drained");
						resolve();
					};
				}),
		});
		const done = writePieces(
			out.io,
			Array.from({ length: 100 }, (_, i) => line(i)),
		);
		await Promise.resolve();
		expect(out.written.length).toBe(1);
		expect(events).toEqual(["wait"]);
		release();
		await done;
		expect(events).toEqual(["wait", "drained"]);
		expect(out.written.join("")).toBe(Array.from({ length: 100 }, (_, i) => line(i)).join(""));
	});

	it("stops once stdout is closed, without reading the rest of the pieces", async () => {
		const out = io({ closedAfter: 1 });
		let made = 0;
		function* pieces(): Generator<string> {
			for (let i = 0; i < 1000; i++) {
				made++;
				yield line(i);
			}
		}
		await writePieces(out.io, pieces());
		expect(out.written.length).toBe(1);
		expect(made).toBeLessThan(100);
	});

	it("writes nothing for no pieces", async () => {
		const out = io();
		await writePieces(out.io, []);
		expect(out.written).toEqual([]);
	});
});
