/**
 * The quick test that lets a run look at every note and keep only the few that matter: whether
 * a file's bytes hold any of a few needles (UTF-8), read in chunks into one reused buffer,
 * without decoding, allocating per file or asking for its size. Used on the main thread and by
 * the scan workers (`parallel-scan.ts`).
 */
import * as fs from "node:fs";

/** The needles worth looking for (empty ones never match). */
export function usableNeedles(needles: readonly Uint8Array[]): Buffer[] {
	return needles.filter((needle) => needle.length > 0).map((needle) => Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
}

/** The size of buffer `fileContains` needs for these needles. */
export function scanBufferSize(needles: readonly Buffer[]): number {
	const longest = needles.reduce((max, needle) => Math.max(max, needle.length), 1);
	return Math.max(1 << 16, longest * 4);
}

/** A buffer big enough for `fileContains` with these needles. */
export function scanBuffer(needles: readonly Buffer[]): Buffer {
	return Buffer.allocUnsafe(scanBufferSize(needles));
}

/**
 * Whether the file at `absolutePath` holds any of `needles` (from `usableNeedles`). Consecutive
 * chunks overlap by the longest needle, so a needle across a chunk boundary is still found. A
 * file that cannot be read answers false.
 */
export function fileContains(absolutePath: string, needles: readonly Buffer[], buffer: Buffer): boolean {
	if (needles.length === 0) return false;
	const overlap = needles.reduce((max, needle) => Math.max(max, needle.length), 1) - 1;
	let fd: number;
	try {
		fd = fs.openSync(absolutePath, "r");
	} catch {
		return false;
	}
	try {
		let kept = 0;
		for (let position = 0; ;) {
			const room = buffer.length - kept;
			const read = fs.readSync(fd, buffer, kept, room, position);
			if (read === 0) return false;
			position += read;
			const view = buffer.subarray(0, kept + read);
			for (const needle of needles) if (view.includes(needle)) return true;
			// A regular file read short has ended (no second call just to learn that).
			if (read < room) return false;
			kept = Math.min(overlap, view.length);
			view.copy(buffer, 0, view.length - kept);
		}
	} catch {
		return false;
	} finally {
		fs.closeSync(fd);
	}
}
