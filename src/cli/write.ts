/**
 * Safe note writes: a temporary file in the note's own folder, then a rename over the note, so a
 * reader (or a crash) sees either the old text or the new one, never half of it.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeUtf8 } from "./text";

export class WriteRefused extends Error {}

export interface WriteTarget {
	/** Absolute path of the note's bytes (the real path; never a symbolic link). */
	readonly realPath: string;
	/** Real path of the vault folder; the write is refused if the note is not inside it. */
	readonly vaultReal: string;
	/** The text the new text was computed from; the write is refused if the note changed since. */
	readonly expected: string;
	/** Flush the new text to the disk before the rename (default true). */
	readonly fsync?: boolean;
}

/**
 * Replace a note's text atomically. Refuses (throws `WriteRefused`) when the path now leads
 * out of the vault through a symbolic link, or the note changed after it was read.
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
	const current = fs.readFileSync(real);
	let currentText: string;
	try {
		currentText = decodeUtf8(current);
	} catch {
		throw new WriteRefused("the note changed while it was being refreshed; not written");
	}
	if (currentText !== target.expected) throw new WriteRefused("the note changed while it was being refreshed; not written");
	const mode = fs.statSync(real).mode & 0o7777;
	const dir = path.dirname(real);
	const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
	const fd = fs.openSync(temp, "wx", mode);
	try {
		try {
			fs.writeFileSync(fd, text, "utf8");
			if (target.fsync !== false) fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.chmodSync(temp, mode);
		fs.renameSync(temp, real);
	} catch (e) {
		try {
			fs.unlinkSync(temp);
		} catch {
			// The temporary file is already gone.
		}
		throw e;
	}
}

/**
 * Create a new note with `text`, failing (EEXIST) if anything, even a dangling symbolic link, is
 * already at `absolute`: the text goes to a temporary file first, which is then hard-linked to
 * its name, so the note appears complete or not at all and nothing existing is ever replaced.
 */
export function createNoteExclusive(absolute: string, text: string, options: { readonly fsync?: boolean } = {}): void {
	const dir = path.dirname(absolute);
	const temp = path.join(dir, `.${path.basename(absolute)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
	const fd = fs.openSync(temp, "wx", 0o666);
	try {
		try {
			fs.writeFileSync(fd, text, "utf8");
			if (options.fsync !== false) fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.linkSync(temp, absolute);
	} finally {
		fs.unlinkSync(temp);
	}
}
