/**
 * `obsidian framework-notes:facts` on the plugin harness (the mock offers `registerCliHandler`),
 * over a fake network (requestUrl stubbed; PyPI's and GitHub's answers are the core's fixtures):
 * nothing is fetched before the user's consent; then it prints the Node CLI's lines, writes only
 * what the CLI would (a hand-written value kept), writes nothing on a dry run or a second run.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import githubDjango from "../src/facts/core/fixtures/github-django.json";
import pypiDjango from "../src/facts/core/fixtures/pypi-django.json";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { answer, FakeNetwork, type RequestHandler } from "./harness/request-url";

const net = vi.hoisted(() => ({ handler: null as RequestHandler | null }));
vi.mock("obsidian", async (original) => ({ ...(await original<object>()), requestUrl: (r: unknown) => answer(net.handler, r) }));

const DJANGO = "Web/Django.md";
const DJANGO_TEXT = "---\ntype: framework\ncategory: full-stack\npackage: pypi:django\nsummary: Mine.\nlicense: BSD\n---\nMy notes.\n";
const FILES = { [DJANGO]: DJANGO_TEXT, "Other/Gin.md": "---\ntype: framework\npackage: crates:gin-not-there\n---\n" };

type Handler = (params: Record<string, string>) => string | Promise<string>;

let h: Harness | null = null;
let network: FakeNetwork;

beforeEach(() => {
	network = new FakeNetwork();
	network.on("https://pypi.org/pypi/django/json", 200, pypiDjango);
	network.on("https://api.github.com/repos/django/django", 200, githubDjango);
	net.handler = network.handler;
});

afterEach(() => {
	h?.unload();
	h = null;
	net.handler = null;
});

async function factsHandler(consent: boolean): Promise<Handler> {
	h = await loadPlugin({ files: FILES, data: { facts: { networkConsent: consent } } });
	await h.settle();
	const handlers = (h.plugin as unknown as { cliHandlers__: Map<string, Handler> }).cliHandlers__;
	return handlers.get("framework-notes:facts") as Handler;
}

describe("Obsidian CLI: framework-notes:facts", () => {
	it("fetches nothing before the user has allowed network use", async () => {
		const facts = await factsHandler(false);
		expect(await facts({})).toMatch(/^Error: network use is not allowed yet/);
		expect(network.requests).toEqual([]);
	});

	it("fills empty properties, keeps a hand-written one, and prints the CLI's lines", async () => {
		const facts = await factsHandler(true);
		const dry = await facts({ folder: "Web", "dry-run": "true" });
		expect(await (h as Harness).read(DJANGO)).toBe(DJANGO_TEXT);
		const out = await facts({ folder: "Web" });
		expect(out).toBe(dry.replace("Dry run: 1 note, ", "1 note, ").replace("would be filled", "filled"));
		expect(out).toContain(`${DJANGO}  language: Python\n`);
		expect(out).toContain(`${DJANGO}  first_release: `);
		expect(out).toContain(`framework-notes: ${DJANGO}: license differs from the registries; --update would replace it\n`);
		expect(out).toMatch(/\n1 note, \d+ properties filled\.\n$/);
		const text = await (h as Harness).read(DJANGO);
		expect(text).toContain("license: BSD\n");
		expect(text).toContain("language: Python\n");
		expect(text).toContain("summary: Mine.\n");
		// Nothing new the second time: nothing written.
		const again = await facts({ folder: "Web" });
		expect(again).toMatch(/1 note, 0 properties filled\.\n$/);
		expect(await (h as Harness).read(DJANGO)).toBe(text);
	});

	it("names a failed note, refuses unknown keys and notes that are not framework notes", async () => {
		const facts = await factsHandler(true);
		const out = await facts({ note: "Other/Gin" });
		expect(out).toContain("framework-notes: Other/Gin.md: crates:gin-not-there was not found on crates.io\n");
		expect(out).toMatch(/1 note failed\.\n$/);
		expect(await facts({ only: "licence" })).toMatch(/^Error: only: unknown "licence"/);
		expect(await facts({ note: "Nope.md" })).toBe('Error: "Nope.md" is not a framework note of the vault\n');
		expect(await facts({ folder: "Nowhere" })).toBe('Error: no folder "Nowhere" in the vault\n');
	});
});
