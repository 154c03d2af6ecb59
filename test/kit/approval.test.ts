import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { approvalPath, APPROVALS_DIR, expectApproved } from "./approval";

describe("approval files", () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "approvals-"));
		vi.stubEnv("UPDATE_APPROVALS", "");
	});
	afterEach(() => {
		vi.unstubAllEnvs();
		rmSync(dir, { recursive: true, force: true });
	});

	it("passes on equal text and fails on any other byte", () => {
		writeFileSync(join(dir, "a.txt"), "one\r\n");
		expectApproved("a.txt", "one\r\n", dir);
		expect(() => expectApproved("a.txt", "one\n", dir)).toThrow(/approved a\.txt/);
	});

	it("a missing file is written and the test fails asking for a review", () => {
		expect(() => expectApproved("new/b.json", "{}\n", dir)).toThrow(/review it/);
		expect(readFileSync(join(dir, "new/b.json"), "utf8")).toBe("{}\n");
		expectApproved("new/b.json", "{}\n", dir);
	});

	it("UPDATE_APPROVALS=1 rewrites the file and passes", () => {
		writeFileSync(join(dir, "c.txt"), "old");
		vi.stubEnv("UPDATE_APPROVALS", "1");
		expectApproved("c.txt", "new", dir);
		expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("new");
	});

	it("names stay inside the approvals folder", () => {
		expect(() => approvalPath("../x", dir)).toThrow();
		expect(() => approvalPath("", dir)).toThrow();
		expect(existsSync(APPROVALS_DIR)).toBe(true);
	});
});
