import { afterEach, describe, expect, it } from "vitest";
import { errorLine } from "../src/index-notes/core/index";
import { cleanup, makeVault, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function vault(files: Record<string, string>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

const BLOCK = (tree: string): string => `%% Begin Waypoint %%\n${tree}\n\n%% End Waypoint %%\n`;

describe("refresh: shared names on a real folder", () => {
	it("links each of two notes named Note by the shortest path that opens it, unique names as Waypoint does", async () => {
		const root = vault({
			"Web/Web.md": "%% Waypoint %%\n",
			"Web/Django/Django.md": "%% Waypoint %%\n",
			"Web/Django/Note.md": "",
			"Web/Flask/Note.md": "",
			"Colors/Colors.md": "%% Waypoint %%\n",
			"Colors/catppuccin.md": "",
			"Web/Catppuccin.md": "",
			"Web/Unique.md": "",
		});
		expect((await runCli(["refresh", root])).code).toBe(0);
		expect(readVaultFile(root, "Web/Web.md")).toBe(
			BLOCK("- **[[Django]]**\n- **Flask**\n\t- [[Flask/Note]]\n- [[Web/Catppuccin]]\n- [[Unique]]"),
		);
		expect(readVaultFile(root, "Web/Django/Django.md")).toBe(BLOCK("- [[Django/Note]]"));
		expect(readVaultFile(root, "Colors/Colors.md")).toBe(BLOCK("- [[Colors/catppuccin]]"));
		expect((await runCli(["check", root])).code).toBe(0);
	});
});

describe("refresh and check: misplaced flags, as the plugin treats them", () => {
	const files = {
		"Home.md": "# Home\n%% Landmark %%\n",
		"A/A.md": "%% Waypoint %%\n",
		"A/x.md": "see %% Waypoint %% here\n",
		"A/block.md": "%% Begin Waypoint %%\n- [[old]]\n\n%% End Waypoint %%\n",
		"A/plain.md": "nothing here\n",
	};

	it("check lists notes holding a misplaced flag as stale", async () => {
		const fresh = vault(files);
		const check = await runCli(["check", fresh]);
		expect(check.code).toBe(1);
		expect(check.stdout + check.stderr).toContain("A/x.md");
		expect(check.stdout + check.stderr).toContain("Home.md");
		expect(readVaultFile(fresh, "A/x.md")).toBe(files["A/x.md"]);
	});

	it("refresh writes the plugin's error comment in place of the flag, and check then passes", async () => {
		const root = vault(files);
		expect((await runCli(["refresh", root])).code).toBe(0);
		expect(readVaultFile(root, "A/x.md")).toBe(`see ${errorLine("waypoint", "not-folder-note")} here\n`);
		expect(readVaultFile(root, "Home.md")).toBe(`# Home\n${errorLine("landmark", "root")}\n`);
		// A complete block in a note that is not a folder note is left alone, as in the plugin.
		expect(readVaultFile(root, "A/block.md")).toBe(files["A/block.md"]);
		expect(readVaultFile(root, "A/plain.md")).toBe(files["A/plain.md"]);
		expect((await runCli(["check", root])).code).toBe(0);
	});
});

describe("misplaced flags in large notes", () => {
	it("are found wherever they sit, also across the boundary of the chunks notes are read in", async () => {
		// Notes are read in 64 KiB chunks; put a flag across the first boundary and one at the very end.
		const chunk = 1 << 16;
		const across = `${"a".repeat(chunk - 5)}%% Waypoint %%\n`;
		const atEnd = `${"b\n".repeat(100_000)}%% Waypoint %%`;
		const root = vault({ "A/A.md": "%% Waypoint %%\n", "A/across.md": across, "A/end.md": atEnd, "A/big.md": "c".repeat(200_000) });
		const check = await runCli(["check", root]);
		expect(check.code).toBe(1);
		expect(check.stdout).toContain("stale  A/across.md");
		expect(check.stdout).toContain("stale  A/end.md");
		expect(check.stdout).not.toContain("A/big.md");
	});
});

describe("misplaced flags with titles on (found by the same read as each note's title)", () => {
	const titlesOn = JSON.stringify({ index: { useTitleProperty: true } });

	it("check finds them, in notes with and without frontmatter and in a flag across a read boundary", async () => {
		const files = {
			".obsidian/plugins/framework-notes/data.json": titlesOn,
			"A/A.md": "%% Waypoint %%\n",
			"A/titled.md": "---\ntitle: Titled\n---\nsee %% Waypoint %% here\n",
			"A/bare.md": "no frontmatter %% Waypoint %%\n",
			"A/across.md": `---\ntitle: Across\n---\n${"a".repeat(4096 - 25)}%% Waypoint %%\n`,
			"A/clean.md": "---\ntitle: Clean\n---\nnothing here\n",
		};
		const root = vault(files);
		const check = await runCli(["check", root]);
		expect(check.code).toBe(1);
		expect(
			check.stdout
				.split("\n")
				.filter((l) => l.startsWith("stale"))
				.sort(),
		).toEqual(["stale  A/A.md", "stale  A/across.md", "stale  A/bare.md", "stale  A/titled.md"]);
		expect((await runCli(["refresh", root])).code).toBe(0);
		expect(readVaultFile(root, "A/A.md")).toContain("[[titled|Titled]]");
		expect(readVaultFile(root, "A/titled.md")).toBe(`---\ntitle: Titled\n---\nsee ${errorLine("waypoint", "not-folder-note")} here\n`);
		expect((await runCli(["check", root])).code).toBe(0);
	});
});
