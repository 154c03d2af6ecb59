import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, makeVault, mtimes } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { expectApproved } from "./kit/approval";
import { exampleVaultCopy } from "./kit/fixtures";

const EXAMPLE_DECISION = "WEBFramework/Choosing a Python web framework.md";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function vault(files: Record<string, string>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

function fm(lines: string[]): string {
	return `---\n${lines.join("\n")}\n---\n`;
}

const SMALL = {
	"Web/Django.md": fm(["type: framework", "language: Python", "license: BSD-3-Clause", "async: true", "orm: true", "stars: 80000"]),
	"Web/FastAPI.md": fm(["type: framework", "language: Python", "license: MIT", "async: true", "orm: false", "stars: 75000"]),
	"Web/Flask.md": fm(["type: framework", "language: Python", "license: BSD-3-Clause", "async: false", "orm: false", "stars: 68000"]),
	"Web/Rails.md": fm(["type: framework", "language: Ruby", "license: MIT", "async: false", "orm: true"]),
	"Web/Mystery.md": fm(["type: framework", "language: Python", "license:"]),
	"Other/Gin.md": fm(["type: framework", "language: Go", "license: MIT"]),
	"Pick.md": fm([
		"type: decision",
		"scope: Web",
		"must:",
		"  - language = Python",
		"  - license in [MIT, BSD-3-Clause]",
		"prefer:",
		"  - async = true * 3",
		"  - orm = true * 2",
		"  - stars high * 2",
	]),
};

describe("framework-notes decide", () => {
	it.each(["table", "markdown", "json"])("prints the ranking, the explanation and the sentence (%s)", async (format) => {
		const root = vault(SMALL);
		const before = mtimes(root);
		const r = await runCli(["decide", root, "Pick.md", "--format", format]);
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expectApproved(`cli-decide/small.${format === "json" ? "json" : format === "markdown" ? "md" : "txt"}`, r.stdout);
		expect(mtimes(root)).toEqual(before);
	});

	it("gives the JSON fields per note: note, rank, score, coverage, status, reason, points", async () => {
		const root = vault(SMALL);
		const r = await runCli(["decide", root, "Pick", "--format", "json"]);
		const out = JSON.parse(r.stdout) as { notes: Record<string, unknown>[]; change: { sentence: string } };
		expect(out.notes.map((n) => [n.note, n.status, n.rank])).toEqual([
			["Web/Django.md", "ranked", 1],
			["Web/FastAPI.md", "ranked", 2],
			["Web/Flask.md", "ranked", 3],
			["Web/Rails.md", "ruled-out", null],
			["Web/Mystery.md", "missing-data", null],
		]);
		expect(Object.keys(out.notes[0])).toEqual(["note", "rank", "score", "coverage", "status", "reason", "points"]);
		// Django 3 + 2 + 2 = 7 of 7; FastAPI 3 + 2·(7000/12000); Flask 0.
		expect(out.notes.map((n) => n.score)).toEqual([100, (100 * (3 + 7 / 6)) / 7, 0, null, null]);
		expect(out.change.sentence).toBe("No single weight change within 10× puts FastAPI level with Django.");
	});

	it("exits 1 and names each bad criterion with its position, still ranking by the rest", async () => {
		const files = {
			...SMALL,
			"Pick.md": fm(["type: decision", "scope: Web", "prefer:", "  - orm = = true", "  - async = true", "  - 'stars very high'"]),
		};
		const r = await runCli(["decide", vault(files), "Pick.md"]);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(
			`framework-notes: Pick.md: prefer 1: orm = = true: expected a value after "=", found "=" (column 7)\n` +
				`framework-notes: Pick.md: prefer 3: stars very high: expected =, !=, <, <=, >, >=, in, has, exists, high or low after "stars"; quote property names with spaces ("stars very") (column 7)\n`,
		);
		expect(r.stdout).toContain("   1  Django");
	});

	it("exits 1 for a note that is not a decision, or a scope that does not exist", async () => {
		const root = vault({ ...SMALL, "Other.md": fm(["type: decision", "scope: Nowhere"]) });
		const notDecision = await runCli(["decide", root, "Web/Flask.md"]);
		expect([notDecision.code, notDecision.stderr]).toEqual([
			1,
			`framework-notes: Web/Flask.md: not a decision note (it needs the property "type: decision")\n`,
		]);
		const scope = await runCli(["decide", root, "Other.md"]);
		expect([scope.code, scope.stderr]).toEqual([1, `framework-notes: Other.md: scope: no folder "Nowhere" in the vault\n`]);
	});

	it("exits 2 for usage errors", async () => {
		const root = vault(SMALL);
		expect((await runCli(["decide", root])).code).toBe(2);
		expect((await runCli(["decide", root, "Nope.md"])).stderr).toBe(`framework-notes: no note "Nope.md" in the vault\n`);
		expect((await runCli(["decide", root, "Pick.md", "--format", "csv"])).code).toBe(2);
		expect((await runCli(["decide", root, "Pick.md", "--width", "3"])).code).toBe(2);
		expect((await runCli(["decide", "--help"])).stdout).toContain("Usage: framework-notes decide [options] <vault> <note>");
	});

	it("ranks the example vault's decision note", async () => {
		const root = exampleVaultCopy();
		dirs.push(root);
		const r = await runCli(["decide", root, EXAMPLE_DECISION]);
		expect(r.code).toBe(0);
		expect(r.stdout.split("\n")[0]).toBe("FastAPI would overtake Django if orm weighed 0.81 instead of 2.");
		expectApproved("cli-decide/example-vault.txt", r.stdout);
		expect(path.isAbsolute(root)).toBe(true);
	});
});
