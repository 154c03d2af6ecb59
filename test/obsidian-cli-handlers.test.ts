/**
 * The Obsidian CLI's handlers (`obsidian framework-notes:compare`, `…:decide`), where the app has
 * `registerCliHandler` (the mock does): over the same notes they print what the Node CLI prints.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, makeVault } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const FILES: Record<string, string> = {
	"Web/Django.md":
		"---\ntype: framework\ncategory: full-stack\nlanguage: Python\nasync: true\norm: true\nlicense: BSD-3-Clause\nfirst_release: 2005\n---\n",
	"Web/Flask.md":
		"---\ntype: framework\ncategory: micro\nlanguage: Python\nasync: false\norm: false\nlicense: BSD-3-Clause\nfirst_release: 2010\n---\n",
	"Web/FastAPI.md":
		"---\ntype: framework\ncategory: async\nlanguage: Python\nasync: true\norm: false\nlicense: MIT\nfirst_release: 2018\n---\n",
	"Other/Gin.md": "---\ntype: framework\ncategory: micro\nlanguage: Go\nasync: true\nlicense: MIT\nfirst_release: 2014\n---\n",
	"Web/Web.md": "# Web\n\n%% Waypoint %%\n",
	"Web/Compare.md": "---\ncompare-columns: [language, async]\n---\n%% Comparison %%\n",
	"Pick.md":
		"---\ntype: decision\nscope: Web\nmust:\n  - language = Python\nprefer:\n  - async = true * 2\n  - first_release high\n---\n# Pick\n",
};

let harness: Harness | null = null;
const dirs: string[] = [];
afterEach(() => {
	harness?.unload();
	harness = null;
	cleanup(...dirs.splice(0));
});

type Handler = (params: Record<string, string>) => string | Promise<string>;

async function handlers(): Promise<Map<string, Handler>> {
	harness = await loadPlugin({ files: FILES });
	await harness.settle();
	return (harness.plugin as unknown as { cliHandlers__: Map<string, Handler> }).cliHandlers__;
}

function diskVault(): string {
	const root = makeVault(FILES);
	dirs.push(root);
	return root;
}

describe("Obsidian CLI handlers", () => {
	it("registers check, compare, decide, facts and refresh", async () => {
		const registered = await handlers();
		expect([...registered.keys()].filter((k) => k.startsWith("framework-notes:")).sort()).toEqual([
			"framework-notes:check",
			"framework-notes:compare",
			"framework-notes:decide",
			"framework-notes:facts",
			"framework-notes:refresh",
		]);
	});

	it("compare prints what the Node CLI prints, in markdown, csv and json, for the vault or a folder", async () => {
		const compare = (await handlers()).get("framework-notes:compare") as Handler;
		const root = diskVault();
		for (const format of ["markdown", "csv", "json"]) {
			expect(await compare({ format })).toBe((await runCli(["compare", root, "--format", format])).stdout);
			expect(await compare({ format, folder: "Web" })).toBe(
				(await runCli(["compare", root, "--format", format, "--folder", "Web"])).stdout,
			);
		}
		for (const name of ["Django", "FastAPI", "Flask"]) expect(await compare({ format: "csv", folder: "Web" })).toContain(name);
		expect(await compare({ format: "csv", folder: "Web" })).not.toContain("Gin");
		expect(await compare({})).toBe((await runCli(["compare", root, "--format", "markdown"])).stdout);
		expect(await compare({ format: "yaml" })).toMatch(/^Error: format must be markdown, csv, json or table/);
		expect(await compare({ folder: "Nowhere" })).toBe('Error: no folder "Nowhere" in the vault\n');
	});

	it("compare prints the Node CLI's terminal table, at a given width and with chosen columns", async () => {
		const compare = (await handlers()).get("framework-notes:compare") as Handler;
		const root = diskVault();
		const node = await runCli(["compare", root, "--width", "100"]);
		expect(node.code).toBe(0);
		expect(node.stdout).toMatch(/^note {2}/);
		expect(await compare({ format: "table" })).toBe(node.stdout);
		expect(await compare({ format: "table", folder: "Web", width: "60" })).toBe(
			(await runCli(["compare", root, "--folder", "Web", "--width", "60"])).stdout,
		);
		const chosen = await compare({ format: "table", columns: "async,language" });
		expect(chosen).toBe((await runCli(["compare", root, "--width", "100", "--columns", "async,language"])).stdout);
		expect(chosen.split("\n")[0]).toMatch(/^note +async +language$/);
		// Too narrow for every column: the table says which were left out and how to choose.
		const narrow = await compare({ format: "table", width: "24" });
		for (const line of narrow.split("\n").slice(0, -2)) expect(line.length).toBeLessThanOrEqual(24);
		expect(narrow).toMatch(/left out: .*Choose the columns with columns=/);
		expect(await compare({ format: "table", width: "wide" })).toMatch(/^Error: width must be a whole number/);
		expect(await compare({ format: "table", columns: "nope" })).toBe('Error: no property "nope" in the compared notes\n');
	});

	it("decide prints what the Node CLI prints, as a table, markdown and json", async () => {
		const decide = (await handlers()).get("framework-notes:decide") as Handler;
		const root = diskVault();
		for (const format of ["table", "markdown", "json"]) {
			const node = await runCli(["decide", root, "Pick.md", "--format", format]);
			expect(node.code).toBe(0);
			expect(await decide({ note: "Pick.md", format })).toBe(node.stdout);
		}
		expect(await decide({ note: "Pick.md" })).toMatch(/1\s+FastAPI[\s\S]*Django[\s\S]*Flask/);
		expect(await decide({ note: "Pick" })).toBe((await runCli(["decide", root, "Pick"])).stdout);
		expect(await decide({ note: "Nope.md" })).toBe('Error: no note "Nope.md" in the vault\n');
	});

	it("refresh refreshes the open vault and prints what the Node CLI's refresh prints", async () => {
		const refresh = (await handlers()).get("framework-notes:refresh") as Handler;
		const root = diskVault();
		const first = await runCli(["refresh", root]);
		expect(first.stdout).toContain("updated  Web/Web.md\n");
		// The app refreshed at start-up, as the first run did on disk: both now find everything current.
		const again = await runCli(["refresh", root]);
		expect(again.stdout).toBe("");
		expect(await refresh({})).toBe(again.stdout + again.stderr);
		expect(again.stderr).toBe("1 index note found, 0 updated.\n1 note with living blocks found, 0 updated.\n");
	});

	it("check lists what is out of date and writes nothing; on a current vault it says what the Node CLI says", async () => {
		const registered = await handlers();
		const check = registered.get("framework-notes:check") as Handler;
		const root = diskVault();
		await runCli(["refresh", root]);
		const current = await runCli(["check", root]);
		expect(current.code).toBe(0);
		expect(await check({})).toBe(current.stdout + current.stderr);

		// The flag back in the folder note: checked before the plugin's own refresh comes round.
		const h = harness as Harness;
		await h.app.vault.modify(h.file("Web/Web.md"), "# Web\n\n%% Waypoint %%\n");
		const answer = await check({});
		expect(answer).toBe(
			"stale  Web/Web.md\n1 of 1 index note is out of date. Run: obsidian framework-notes:refresh\nEvery living block is current (1 note with living blocks checked).\n",
		);
		expect(await h.read("Web/Web.md")).toBe("# Web\n\n%% Waypoint %%\n");
	});
});
