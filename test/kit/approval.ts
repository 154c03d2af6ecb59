/**
 * Approval files: a large expected output kept in `test/approvals/<name>` instead of inline.
 *
 * `expectApproved(name, actual)` compares `actual` with the file, byte for byte.
 * - File missing: it is written from `actual` and the test fails, asking for a review; once the
 *   file looks right, commit it and the test passes from then on.
 * - `UPDATE_APPROVALS=1`: the file is (re)written from `actual` and the test passes. Review the
 *   diff with `git diff test/approvals` before committing.
 *
 * Names are paths below `test/approvals/`, one folder per test file, for example
 * `compare-export/three-notes.json`. Approval files are never reformatted (see .prettierignore).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { expect } from "vitest";

export const APPROVALS_DIR = join(__dirname, "..", "approvals");

/** Absolute path of the approval file `name`; refuses names that leave the approvals folder. */
export function approvalPath(name: string, dir: string = APPROVALS_DIR): string {
	const path = resolve(dir, name);
	const rel = relative(dir, path);
	if (name === "" || rel === "" || rel.startsWith("..") || isAbsolute(rel)) throw new Error(`approval name outside ${dir}: ${name}`);
	return path;
}

function updating(): boolean {
	return process.env.UPDATE_APPROVALS === "1";
}

function write(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text, "utf8");
}

/** Assert that `actual` equals the approved text stored as `test/approvals/<name>`. */
export function expectApproved(name: string, actual: string, dir: string = APPROVALS_DIR): void {
	const path = approvalPath(name, dir);
	if (updating()) {
		write(path, actual);
		return;
	}
	if (!existsSync(path)) {
		write(path, actual);
		throw new Error(`No approved output for "${name}" yet. It was written to ${path}: review it, then commit it (or delete it).`);
	}
	expect(actual, `differs from the approved ${name} (rerun with UPDATE_APPROVALS=1 to accept)`).toBe(readFileSync(path, "utf8"));
}
