/**
 * Note text on disk: strict UTF-8 decoding (a file that is not valid UTF-8 is refused rather
 * than silently damaged by replacement characters) and frontmatter extraction.
 */

import * as fs from "node:fs";
import { locateFrontmatter } from "../shared/core/frontmatter-block";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class TextDecodeError extends Error {}

/** Decode bytes as UTF-8, keeping a byte-order mark if there is one. Throws TextDecodeError. */
export function decodeUtf8(bytes: Uint8Array): string {
	try {
		return decoder.decode(bytes);
	} catch {
		throw new TextDecodeError("not valid UTF-8 text");
	}
}

/**
 * The YAML source of the note's frontmatter block (see `locateFrontmatter`), or null when the
 * note has none.
 */
export function frontmatterSource(text: string): string | null {
	return locateFrontmatter(text)?.yaml ?? null;
}

/** Bytes read at a time from the top of a note for its frontmatter. */
export const HEAD_CHUNK = 4096;

/** True when bytes `[from, to)` are a fence line: `---`, then spaces or tabs, then an optional CR. */
function isFenceLine(bytes: Uint8Array, from: number, to: number): boolean {
	if (to - from < 3 || bytes[from] !== 0x2d || bytes[from + 1] !== 0x2d || bytes[from + 2] !== 0x2d) return false;
	let end = to;
	if (end > from + 3 && bytes[end - 1] === 0x0d) end--;
	for (let i = from + 3; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
	return true;
}

const BOM = [0xef, 0xbb, 0xbf];

/** What `HeadReader.read` found. */
export interface HeadRead {
	/** The frontmatter source (as `frontmatterSource` gives it), or null. */
	readonly source: string | null;
	/** With needles: whether the file's bytes hold one of them (the whole file is then read). */
	readonly contains: boolean;
}

/** Where a note's frontmatter source lies in `HeadReader.bytes`: bytes `[start, end)`, not decoded yet. */
export interface HeadRange {
	readonly start: number;
	readonly end: number;
}

/** What `readHead` found: the source's bytes (null: no frontmatter), and how much was read. */
interface HeadBytes {
	readonly range: HeadRange | null;
	readonly total: number;
	readonly ended: boolean;
}

/** The bytes of a frontmatter source, decoded strictly (null when they are not valid UTF-8). */
export function decodeSource(bytes: Uint8Array): string | null {
	try {
		return decodeUtf8(bytes);
	} catch {
		return null;
	}
}

/**
 * Reads a note's frontmatter source from the top of the file only (the body of a long note is
 * never read nor decoded): chunks are searched for the closing fence line (lines end at the
 * byte 0x0A in UTF-8), then only the bytes between the fences are decoded, strictly. The fence
 * lines and a byte order mark are ASCII or valid UTF-8, so the answer is the one
 * `frontmatterSource` gives on the whole text; null when the note has none, its frontmatter is
 * not valid UTF-8, or the file cannot be read. Given needles, the rest of the file is read on the
 * same descriptor to tell whether it holds one (one open per note for both questions).
 */
export class HeadReader {
	private buffer: Buffer;

	constructor(private readonly chunk: Buffer = Buffer.allocUnsafe(HEAD_CHUNK)) {
		this.buffer = Buffer.allocUnsafe(chunk.length * 2);
	}

	/** The bytes `readRange` answered about (valid until the next read). */
	get bytes(): Buffer {
		return this.buffer;
	}

	read(absolutePath: string, needles: readonly Buffer[] = []): HeadRead {
		let fd: number;
		try {
			fd = fs.openSync(absolutePath, "r");
		} catch {
			return { source: null, contains: false };
		}
		try {
			const head = this.readHead(fd);
			const contains = needles.length > 0 && this.restContains(fd, head.total, head.ended, needles);
			const range = head.range;
			return { source: range === null ? null : decodeSource(this.buffer.subarray(range.start, range.end)), contains };
		} catch {
			return { source: null, contains: false };
		} finally {
			fs.closeSync(fd);
		}
	}

	/**
	 * The bytes of the note's frontmatter source in `bytes` (not decoded: `decodeSource` them),
	 * or null when it has none or cannot be read.
	 */
	readRange(absolutePath: string): HeadRange | null {
		let fd: number;
		try {
			fd = fs.openSync(absolutePath, "r");
		} catch {
			return null;
		}
		try {
			return this.readHead(fd).range;
		} catch {
			return null;
		} finally {
			fs.closeSync(fd);
		}
	}

	/** Reads until the frontmatter's answer is known; `total` bytes are then in `this.buffer`. */
	private readHead(fd: number): HeadBytes {
		const chunk = this.chunk;
		let total = 0;
		let lineStart = 0;
		/** Where the YAML starts (after the opening fence line); -1 while the first line is read. */
		let innerStart = -1;
		/** The answer once line `[lineStart, end)` is complete, or undefined to read on. */
		const line = (end: number, next: number): HeadRange | null | undefined => {
			if (innerStart < 0) {
				const from = BOM.every((b, i) => this.buffer[lineStart + i] === b) ? lineStart + 3 : lineStart;
				if (!isFenceLine(this.buffer, from, end)) return null;
				innerStart = next;
			} else if (isFenceLine(this.buffer, lineStart, end)) {
				return { start: innerStart, end: lineStart };
			}
			lineStart = next;
			return undefined;
		};
		for (;;) {
			const read = fs.readSync(fd, chunk, 0, chunk.length, total);
			if (total + read > this.buffer.length) {
				const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, total + read));
				this.buffer.copy(grown, 0, 0, total);
				this.buffer = grown;
			}
			chunk.copy(this.buffer, total, 0, read);
			const scanFrom = total;
			total += read;
			const ended = read < chunk.length;
			for (let i = this.buffer.indexOf(0x0a, scanFrom); i >= 0 && i < total; i = this.buffer.indexOf(0x0a, i + 1)) {
				const answer = line(i, i + 1);
				if (answer !== undefined) return { range: answer, total, ended };
			}
			if (ended) {
				// A last line without a line break (a first line alone is no frontmatter).
				const range = innerStart < 0 || lineStart >= total ? null : (line(total, total) ?? null);
				return { range, total, ended };
			}
		}
	}

	/** Whether the file holds a needle: the `total` bytes already read, then the rest in chunks. */
	private restContains(fd: number, total: number, ended: boolean, needles: readonly Buffer[]): boolean {
		const seen = this.buffer.subarray(0, total);
		if (needles.some((needle) => seen.includes(needle))) return true;
		if (ended) return false;
		const overlap = needles.reduce((max, needle) => Math.max(max, needle.length), 1) - 1;
		const chunk = this.chunk.length > overlap * 2 ? this.chunk : Buffer.allocUnsafe(overlap * 4);
		let kept = Math.min(overlap, total);
		seen.copy(chunk, 0, total - kept, total);
		for (let position = total; ;) {
			const room = chunk.length - kept;
			const read = fs.readSync(fd, chunk, kept, room, position);
			if (read === 0) return false;
			position += read;
			const view = chunk.subarray(0, kept + read);
			if (needles.some((needle) => view.includes(needle))) return true;
			if (read < room) return false;
			kept = Math.min(overlap, view.length);
			view.copy(chunk, 0, view.length - kept);
		}
	}
}

/** `HeadReader.read(absolutePath).source` with a buffer of `buffer`'s size (tests). */
export function frontmatterFromHead(absolutePath: string, buffer: Buffer): string | null {
	return new HeadReader(buffer).read(absolutePath).source;
}
