/**
 * Safe note writes: a temporary file in the note's own folder, then a rename over the note, so a
 * reader (or a crash) sees either the old text or the new one, never half of it.
 *
 * What the write guarantees:
 * - an edit that lands while the new text is being written is never overwritten: the note is
 *   checked again (identity, size, time and bytes) right before the rename, and left alone if it
 *   changed;
 * - a note the user may not write stays as it is, and a rewritten note keeps its mode and owner;
 * - temporary files have short names of their own (`.framework-notes-<pid>-<random>.tmp`), so
 *   long note names still fit the file system's limit and a later run removes the stale ones a
 *   killed run left behind;
 * - file systems without hard links work (new notes are then created in place, exclusively).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeUtf8 } from "./text";

export class WriteRefused extends Error {}

/** The moments of a write, in order; tests change the note at each one. */
export type WriteStep = "checked" | "temp-written" | "flushed";

export interface WriteTarget {
	/** Absolute path of the note's bytes (the real path; never a symbolic link). */
	readonly realPath: string;
	/** Real path of the vault folder; the write is refused if the note is not inside it. */
	readonly vaultReal: string;
	/** The text the new text was computed from; the write is refused if the note changed since. */
	readonly expected: string;
	/** Flush the new text to the disk before the rename (default true). */
	readonly fsync?: boolean;
	/** Called at each step of the write (tests only). */
	readonly onStep?: (step: WriteStep) => void;
}

const TEMP_PREFIX = ".framework-notes-";
const TEMP_NAME = /^\.framework-notes-\d+-[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is left over from a run that was killed. */
const STALE_AFTER_MS = 60_000;
const CHANGED = "the note changed while it was being written; not written (run again to refresh it)";

const swept = new Set<string>();

/** Remove stale temporary files of earlier, killed runs from `dir` (once per folder and run). */
function sweepStaleTemps(dir: string): void {
	if (swept.has(dir)) return;
	swept.add(dir);
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	const now = Date.now();
	for (const name of names) {
		if (!TEMP_NAME.test(name)) continue;
		const file = path.join(dir, name);
		try {
			const stat = fs.lstatSync(file);
			if (stat.isFile() && now - stat.mtimeMs > STALE_AFTER_MS) fs.unlinkSync(file);
		} catch {
			// Gone already, or not ours to remove.
		}
	}
}

function tempPathIn(dir: string): string {
	sweepStaleTemps(dir);
	return path.join(dir, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`);
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
	return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** The note's bytes decode to `expected`, else WriteRefused. */
function checkText(real: string, expected: string): void {
	let text: string;
	try {
		text = decodeUtf8(fs.readFileSync(real));
	} catch {
		throw new WriteRefused(CHANGED);
	}
	if (text !== expected) throw new WriteRefused(CHANGED);
}

function removeQuietly(file: string): void {
	try {
		fs.unlinkSync(file);
	} catch {
		// Already gone.
	}
}

/**
 * Replace a note's text atomically. Refuses (throws `WriteRefused`) when the path now leads
 * out of the vault through a symbolic link, the note is read-only or would change owner, or the
 * note changed after it was read — also while the new text was being written.
 */
export function writeNoteAtomic(target: WriteTarget, text: string): void {
	let real: string;
	try {
		real = fs.realpathSync(target.realPath);
	} catch {
		throw new WriteRefused("the note disappeared before it could be written");
	}
	if (real !== target.realPath || !real.startsWith(target.vaultReal + path.sep)) {
		throw new WriteRefused("the note now leads out of the vault through a symbolic link; not written");
	}
	const before = fs.statSync(real);
	checkText(real, target.expected);
	const mode = before.mode & 0o7777;
	if ((mode & 0o222) === 0) throw new WriteRefused("the note is read-only; not written");
	try {
		fs.accessSync(real, fs.constants.W_OK);
	} catch {
		throw new WriteRefused("you may not write this note; not written");
	}
	target.onStep?.("checked");
	const temp = tempPathIn(path.dirname(real));
	const fd = fs.openSync(temp, "wx", 0o600);
	try {
		try {
			fs.writeFileSync(fd, text, "utf8");
			target.onStep?.("temp-written");
			if (target.fsync !== false) fs.fsyncSync(fd);
			const mine = fs.fstatSync(fd);
			if (mine.uid !== before.uid || mine.gid !== before.gid) {
				try {
					fs.fchownSync(fd, before.uid, before.gid);
				} catch {
					throw new WriteRefused("the note belongs to another user; replacing it would change its owner; not written");
				}
			}
			fs.fchmodSync(fd, mode);
		} finally {
			fs.closeSync(fd);
		}
		target.onStep?.("flushed");
		// The last look, as close to the rename as the file system allows.
		let now: fs.Stats;
		try {
			now = fs.statSync(real);
		} catch {
			throw new WriteRefused(CHANGED);
		}
		if (!sameFile(before, now)) throw new WriteRefused(CHANGED);
		checkText(real, target.expected);
		fs.renameSync(temp, real);
	} catch (e) {
		removeQuietly(temp);
		throw e;
	}
}

export interface CreateOptions {
	readonly fsync?: boolean;
	/** How a hard link is made (tests stand in a file system without hard links). */
	readonly link?: (existing: string, created: string) => void;
}

/** Errors of a file system that has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

function codeOf(e: unknown): string {
	return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : "";
}

/** Write `text` into `file`, which must not exist yet (EEXIST otherwise); removed again on failure. */
function writeExclusive(file: string, text: string, fsync: boolean): void {
	const fd = fs.openSync(file, "wx", 0o666);
	try {
		try {
			fs.writeFileSync(fd, text, "utf8");
			if (fsync) fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	} catch (e) {
		removeQuietly(file);
		throw e;
	}
}

/**
 * Create a new note with `text`, failing (EEXIST) if anything, even a dangling symbolic link, is
 * already at `absolute`: the text goes to a temporary file first, which is then hard-linked to
 * its name, so the note appears complete or not at all and nothing existing is ever replaced.
 * Where the file system has no hard links, the note is created in place, still exclusively.
 */
export function createNoteExclusive(absolute: string, text: string, options: CreateOptions = {}): void {
	const fsync = options.fsync !== false;
	const link = options.link ?? fs.linkSync;
	const temp = tempPathIn(path.dirname(absolute));
	writeExclusive(temp, text, fsync);
	try {
		link(temp, absolute);
	} catch (e) {
		if (!NO_HARD_LINKS.has(codeOf(e))) throw e;
		writeExclusive(absolute, text, fsync);
	} finally {
		removeQuietly(temp);
	}
}
