/** `framework-notes facts` against a local server that answers as PyPI, npm, crates.io and GitHub do. */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { pypiDocument, SEED_PROJECTS, startRegistries, type FakeRegistries } from "./kit/fake-registries";
import { closedBase, send } from "./kit/local-server";

let registries: FakeRegistries;
const dirs: string[] = [];
beforeEach(async () => {
	registries = await startRegistries();
});
afterEach(async () => {
	await registries.server.close();
	cleanup(...dirs.splice(0));
});

function note(extra: string): string {
	return `---\ntype: framework\n${extra}---\n# Notes\n\nText stays.\n`;
}

function vault(files: Record<string, string>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

const TWO = {
	"Web/Django.md": note("package: pypi:django\nlanguage: Python\nlicense:\n"),
	"Web/Flask.md": note("package: pypi:flask\n"),
};

function facts(root: string, ...args: string[]): ReturnType<typeof runCli> {
	return runCli(["facts", root, ...registries.urlOptions, ...args]);
}

function bytesAndTimes(root: string, paths: readonly string[]): [string, bigint][] {
	return paths.map((p) => {
		const file = path.join(root, ...p.split("/"));
		return [fs.readFileSync(file, "latin1"), fs.statSync(file, { bigint: true }).mtimeNs];
	});
}

describe("facts fills empty properties", () => {
	it("writes each note's empty properties, one line per change, then a second run writes nothing", async () => {
		const root = vault(TWO);
		const first = await facts(root);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain("Web/Django.md  license: BSD-3-Clause\n");
		expect(first.stdout).toContain("Web/Django.md  latest_version: 5.1.4\n");
		expect(first.stdout).toContain("Web/Flask.md  repository: https://github.com/pallets/flask\n");
		expect(first.stdout).toContain("Web/Flask.md  stars: 68000\n");
		expect(first.stdout).not.toContain("Django.md  language:");
		expect(first.stderr).toMatch(/^2 notes, \d+ properties filled\.$/m);
		const django = readVaultFile(root, "Web/Django.md");
		expect(django).toMatch(/^---\ntype: framework\npackage: pypi:django\nlanguage: Python\nlicense: BSD-3-Clause\n/);
		expect(django).toContain("first_release: 2008\n");
		expect(django.endsWith("---\n# Notes\n\nText stays.\n")).toBe(true);

		const before = bytesAndTimes(root, Object.keys(TWO));
		const second = await facts(root);
		expect(second.code).toBe(0);
		expect(second.stdout).toBe("");
		expect(second.stderr).toContain("2 notes, 0 properties filled.");
		expect(bytesAndTimes(root, Object.keys(TWO))).toEqual(before);
	});

	it("--dry-run prints the same lines and writes nothing", async () => {
		const root = vault(TWO);
		const before = bytesAndTimes(root, Object.keys(TWO));
		const dry = await facts(root, "--dry-run");
		expect(dry.code).toBe(0);
		expect(bytesAndTimes(root, Object.keys(TWO))).toEqual(before);
		expect(dry.stderr).toMatch(/Dry run: 2 notes, \d+ properties would be filled\./);
		const real = await facts(root);
		expect(real.stdout).toBe(dry.stdout);
	});

	it("--only limits the properties written", async () => {
		const root = vault(TWO);
		const result = await facts(root, "--only", "license,website");
		expect(result.code).toBe(0);
		const keys = result.stdout
			.trim()
			.split("\n")
			.map((line) => /^\S+\.md {2}([a-z_]+):/.exec(line)?.[1]);
		expect(new Set(keys)).toEqual(new Set(["license", "website"]));
		expect(readVaultFile(root, "Web/Flask.md")).not.toContain("stars:");
	});

	it("keeps a hand-written value without --update and says --update would replace it; --update replaces it but never first_release", async () => {
		const root = vault({ "Web/Django.md": note("package: pypi:django\nlicense: BSD\nfirst_release: 2005\n") });
		const kept = await facts(root);
		expect(kept.code).toBe(0);
		expect(kept.stdout).not.toContain("license:");
		expect(kept.stderr).toContain("Web/Django.md: license differs from the registries; --update would replace it");
		expect(readVaultFile(root, "Web/Django.md")).toContain("license: BSD\nfirst_release: 2005\n");

		const updated = await facts(root, "--update");
		expect(updated.code).toBe(0);
		expect(updated.stdout).toContain("Web/Django.md  license: BSD-3-Clause  (was: BSD)\n");
		expect(updated.stderr).toMatch(/1 replaced/);
		expect(readVaultFile(root, "Web/Django.md")).toContain("license: BSD-3-Clause\nfirst_release: 2005\n");
	});

	it("guesses a package from the note's name and writes it: AWS Chalice is pypi:chalice", async () => {
		const root = vault({ "Cloud/AWS Chalice.md": note("language: Python\n") });
		const result = await facts(root);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("Cloud/AWS Chalice.md  package: pypi:chalice\n");
		expect(result.stderr).toContain("package guessed from the note's name: pypi:chalice");
		expect(readVaultFile(root, "Cloud/AWS Chalice.md")).toContain("package: pypi:chalice\n");
		expect(registries.seen("/npm-host")).toEqual([]);
	});

	it("narrows to --folder and --note", async () => {
		const root = vault({ ...TWO, "Other/Bottle.md": note("package: pypi:bottle\n") });
		const folder = await facts(root, "--folder", "Other", "--dry-run");
		expect(
			folder.stdout
				.trim()
				.split("\n")
				.every((line) => line.startsWith("Other/Bottle.md  ")),
		).toBe(true);
		const one = await facts(root, "--note", "Web/Flask", "--dry-run");
		expect(
			one.stdout
				.trim()
				.split("\n")
				.every((line) => line.startsWith("Web/Flask.md  ")),
		).toBe(true);
		expect(one.stderr).toContain("1 note, ");
	});
});

describe("facts over an unreliable network", () => {
	it("a package the registry does not know fails that note (exit 1, named); the others are still filled", async () => {
		const root = vault({ ...TWO, "Web/Nope.md": note("package: pypi:no-such-framework\n") });
		const result = await facts(root);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/framework-notes: Web\/Nope\.md: .+/);
		expect(result.stderr).toMatch(/1 note failed\./);
		expect(readVaultFile(root, "Web/Flask.md")).toContain("license: BSD-3-Clause\n");
	});

	it("when GitHub does not know the repository, the note fails but keeps what PyPI gave", async () => {
		registries.override((req, res) => {
			if (!(req.url ?? "").startsWith("/github-host/repos/pallets/")) return false;
			send(res, 404, { message: "Not Found" });
			return true;
		});
		const root = vault(TWO);
		const result = await facts(root);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("framework-notes: Web/Flask.md: GitHub has no repository pallets/flask");
		expect(result.stdout).toContain("Web/Flask.md  latest_version: 3.1.0\n");
		expect(readVaultFile(root, "Web/Flask.md")).not.toContain("stars:");
		expect(readVaultFile(root, "Web/Flask.md")).toContain("latest_version: 3.1.0\n");
		expect(readVaultFile(root, "Web/Django.md")).toContain("stars: 81000\n");
	});

	it("retries 429 (honouring Retry-After) and 500, then fills the note", async () => {
		const root = vault(TWO);
		const failures = new Map<string, number>([
			["/pypi-host/pypi/django/json", 429],
			["/pypi-host/pypi/flask/json", 500],
		]);
		registries.override((req, res) => {
			const status = failures.get(req.url ?? "");
			if (status === undefined) return false;
			failures.delete(req.url ?? "");
			send(res, status, { message: "slow down" }, status === 429 ? { "retry-after": "0" } : {});
			return true;
		});
		const result = await facts(root);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("Web/Django.md  license: BSD-3-Clause\n");
		expect(result.stdout).toContain("Web/Flask.md  latest_version: 3.1.0\n");
		expect(registries.seen("/pypi-host/pypi/django/json")).toHaveLength(2);
	});

	it("a note edited while its facts are fetched keeps the edit (named, exit 1)", async () => {
		const root = vault(TWO);
		const flask = path.join(root, "Web", "Flask.md");
		const edited = note("package: pypi:flask\nlicense: my own words\n");
		registries.override((req) => {
			if (req.url === "/pypi-host/pypi/flask/json") fs.writeFileSync(flask, edited);
			return false;
		});
		const result = await facts(root);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/framework-notes: Web\/Flask\.md: the note changed while it was being written/);
		expect(fs.readFileSync(flask, "utf8")).toBe(edited);
		expect(readVaultFile(root, "Web/Django.md")).toContain("license: BSD-3-Clause\n");
	});

	it("answers after a delay still arrive", async () => {
		registries.latency = 30;
		const root = vault(TWO);
		expect((await facts(root)).stdout).toContain("Web/Flask.md  license: BSD-3-Clause\n");
	});

	it("a hostile body never reaches the note: invalid JSON, control characters, javascript: URLs, a huge answer", async () => {
		const django = pypiDocument(SEED_PROJECTS.get("django") as never) as { info: Record<string, unknown> };
		django.info.summary = "Evil\u001b]0;owned\u0007 summary\nsecond line";
		django.info.project_urls = { Homepage: "javascript:alert(1)", Source: "https://github.com/django/django" };
		registries.override((req, res) => {
			if (req.url === "/pypi-host/pypi/django/json") send(res, 200, django);
			else if (req.url === "/pypi-host/pypi/flask/json") send(res, 200, "{ not json <script>");
			else if (req.url === "/pypi-host/pypi/bottle/json") {
				res.writeHead(200, { "content-type": "application/json", "content-length": String(30 * 1024 * 1024) });
				res.write("{");
			} else return false;
			return true;
		});
		const root = vault({
			"Web/Django.md": note("package: pypi:django\nsummary:\nwebsite:\n"),
			"Web/Flask.md": note("package: pypi:flask\n"),
			"Web/Bottle.md": note("package: pypi:bottle\n"),
		});
		const result = await facts(root);
		expect(result.code).toBe(1);
		const text = readVaultFile(root, "Web/Django.md");
		expect(text).not.toContain("javascript:");
		expect(text).not.toContain("\u001b");
		expect(text).toContain("website: https://www.djangoproject.com/\n");
		expect(result.stderr).toContain("Web/Django.md: skipped");
		expect(result.stderr).not.toContain("\u001b");
		expect(result.stderr).toMatch(/framework-notes: Web\/Flask\.md: .+/);
		expect(result.stderr).toMatch(/framework-notes: Web\/Bottle\.md: .*20 MB/);
		expect(readVaultFile(root, "Web/Flask.md")).toBe(note("package: pypi:flask\n"));
	});

	it("offline: one message, not one per note; exit 1", async () => {
		const base = await closedBase();
		const files: Record<string, string> = {};
		for (const name of ["django", "flask", "bottle", "tornado", "zappa"]) files[`Web/${name}.md`] = note(`package: pypi:${name}\n`);
		const root = vault(files);
		const result = await runCli(["facts", root, "--pypi-url", base, "--github-url", base]);
		expect(result.code).toBe(1);
		const lines = result.stderr.trimEnd().split("\n");
		expect(lines.filter((line) => /no connection/i.test(line))).toHaveLength(1);
		expect(lines).toHaveLength(2);
		for (const name of Object.keys(files)) expect(lines[0]).toContain(name);
		expect(lines[1]).toBe("5 notes, 0 properties filled, 5 notes failed.");
		expect(result.stdout).toBe("");
	});

	it("sends GITHUB_TOKEN to the GitHub URL only, and a User-Agent everywhere", async () => {
		const root = vault(TWO);
		await runCli(["facts", root, ...registries.urlOptions], { env: { GITHUB_TOKEN: "ghp_test" } });
		const auth = registries.server.requests.map((r) => [r.url.split("/")[1], r.headers.authorization]);
		expect(auth.filter(([host]) => host === "github-host").every(([, value]) => value?.includes("ghp_test"))).toBe(true);
		expect(auth.filter(([host]) => host === "github-host")).not.toHaveLength(0);
		expect(auth.filter(([host]) => host !== "github-host").every(([, value]) => value === undefined)).toBe(true);
		expect(registries.server.requests.every((r) => /^framework-notes\/\d+\.\d+\.\d+ /.test(r.headers["user-agent"] ?? ""))).toBe(true);
	});
});

describe("facts usage", () => {
	it("exit 2 for a bad URL, an unknown --only key, no framework notes, a note that is not one", async () => {
		const root = vault({ ...TWO, "Plain.md": "# not a framework\n" });
		expect(await runCli(["facts", root, "--pypi-url", "ftp://mirror"])).toMatchObject({
			code: 2,
			stderr: expect.stringContaining("--pypi-url") as unknown,
		});
		expect(await runCli(["facts", root, "--only", "licence"])).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('"licence"') as unknown,
		});
		expect((await runCli(["facts", root, "--note", "Plain.md"])).code).toBe(2);
		expect((await runCli(["facts", root, "--folder", "Nope"])).code).toBe(2);
		const empty = vault({ "Plain.md": "# nothing\n" });
		expect(await runCli(["facts", empty])).toMatchObject({ code: 2, stderr: expect.stringContaining("no framework notes") as unknown });
		expect(registries.server.requests).toEqual([]);
		expect((await runCli(["facts", "--help"])).stdout).toContain("GITHUB_TOKEN");
	});
});
