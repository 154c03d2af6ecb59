/**
 * The seed's whole path without typing: import the outline, fill the facts from a local server
 * that answers as PyPI and GitHub do, and compare.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { SEED_OUTLINE } from "./kit/fixtures";
import { startRegistries } from "./kit/fake-registries";
import type { LocalServer } from "./kit/local-server";

const FOLDER = "WEBFramework/NOtes";
const TEN = ["AIOHTTP", "AWS Chalice", "Bottle", "CherryPy", "Django", "FastAPI", "Flask", "Tornado", "Web2py", "Zappa"];
const FILLED = ["language", "license", "first_release", "latest_version", "website", "repository"];
const HAND_WRITTEN = "https://example.org/our-django-notes";

let server: LocalServer | null = null;
const dirs: string[] = [];
afterEach(async () => {
	await server?.close();
	cleanup(...dirs.splice(0));
});

interface JsonExport {
	readonly notes: readonly { readonly basename: string; readonly properties: Readonly<Record<string, unknown>> }[];
}

it("a vault made from the seed alone gets its facts, keeps a hand-written value, and the comparison shows them", async () => {
	const root = makeVault({ [`${FOLDER}/NOtes.md`]: SEED_OUTLINE });
	dirs.push(root);
	const imported = await runCli(["import-outline", root, `${FOLDER}/NOtes.md`], { now: new Date("2026-12-02T08:00:00") });
	expect(imported.code).toBe(0);
	const notes = fs.readdirSync(path.join(root, ...FOLDER.split("/"))).filter((name) => name !== "NOtes.md");
	expect(notes.sort()).toEqual(TEN.map((name) => `${name}.md`).sort());

	// A person writes one value by hand before fetching.
	const djangoPath = `${FOLDER}/Django.md`;
	const django = readVaultFile(root, djangoPath);
	expect(django).toMatch(/^website:\s*$/m);
	fs.writeFileSync(path.join(root, ...djangoPath.split("/")), django.replace(/^website:[ \t]*$/m, `website: ${HAND_WRITTEN}`));

	const fake = await startRegistries();
	server = fake.server;
	const result = await runCli(["facts", root, ...fake.urlOptions]);
	expect(result.stderr).not.toMatch(/failed/);
	expect(result.code).toBe(0);
	expect(result.stdout).toContain(`${FOLDER}/AWS Chalice.md  package: pypi:chalice\n`);

	for (const name of TEN) {
		const text = readVaultFile(root, `${FOLDER}/${name}.md`);
		for (const key of FILLED) expect(text, `${name}: ${key}`).toMatch(new RegExp(`^${key}: \\S`, "m"));
	}
	expect(readVaultFile(root, `${FOLDER}/AWS Chalice.md`)).toMatch(/^package: pypi:chalice$/m);
	expect(readVaultFile(root, djangoPath)).toContain(`website: ${HAND_WRITTEN}\n`);
	expect(result.stderr).toContain(`${djangoPath}: website differs from the registries; --update would replace it`);

	const compared = await runCli(["compare", root, "--format", "json"]);
	expect(compared.code).toBe(0);
	const json = JSON.parse(compared.stdout) as JsonExport;
	expect(json.notes.map((n) => n.basename).sort()).toEqual([...TEN].sort());
	for (const n of json.notes) {
		for (const key of FILLED) expect(n.properties[key], `${n.basename}: ${key}`).toBeTruthy();
	}
	expect(json.notes.find((n) => n.basename === "Django")?.properties.website).toBe(HAND_WRITTEN);
});
