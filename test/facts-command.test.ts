/**
 * "Fill facts from registries" and the pane's "Fill facts" button on the plugin harness, over a
 * fake network (requestUrl stubbed; answers are the core's fixtures, shaped as PyPI and GitHub
 * answer): consent asked once and stored, the preview's ticks, apply writes only ticked keys, a
 * second run proposes and writes nothing, offline is one notice, the token never reaches data.json.
 */
import { Modal, Notice } from "obsidian-test-mocks/obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FactsPreviewModal } from "../src/facts/ui/preview-modal";
import githubDjango from "../src/facts/core/fixtures/github-django.json";
import pypiDjango from "../src/facts/core/fixtures/pypi-django.json";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { answer, FakeNetwork, type RequestHandler } from "./harness/request-url";
import { ComparisonPanePage } from "./kit/comparison-pane";
import { storeSecret } from "./harness/secrets";

const net = vi.hoisted(() => ({ handler: null as RequestHandler | null }));
vi.mock("obsidian", async (original) => ({ ...(await original<object>()), requestUrl: (r: unknown) => answer(net.handler, r) }));

const DJANGO = "Web/Django.md";
const TORNADO = "Web/Tornado.md";
const DJANGO_TEXT = "---\ntype: framework\ncategory: full-stack\npackage: pypi:django\nsummary: Mine.\nlicense: BSD\n---\nMy notes.\n";
const FILES = {
	[DJANGO]: DJANGO_TEXT,
	[TORNADO]: "---\ntype: framework\ncategory: async\npackage: pypi:tornado\n---\n",
};
const TOKEN = "ghp_0123456789abcdefTOKEN";

/** PyPI's and GitHub's answers for Django; everything else is 404. */
class Registries extends FakeNetwork {
	constructor() {
		super();
		this.on("https://pypi.org/pypi/django/json", 200, pypiDjango);
		this.on("https://api.github.com/repos/django/django", 200, githubDjango);
	}
}

let h: Harness | null = null;
let opened: Modal[];
let network: Registries;

beforeEach(() => {
	opened = [];
	network = new Registries();
	net.handler = network.handler;
	// The mock closes every modal one tick after it opens; keep it open as Obsidian does.
	vi.spyOn(Modal.prototype, "open").mockImplementation(function (this: Modal) {
		opened.push(this);
		this.onOpen();
	});
});

afterEach(() => {
	h?.unload();
	h = null;
	net.handler = null;
	vi.restoreAllMocks();
});

function button(modal: Modal, selector: string): HTMLButtonElement {
	const found = modal.contentEl.querySelector<HTMLButtonElement>(selector);
	if (!found) throw new Error(`no ${selector} in the dialog`);
	return found;
}

function buttonNamed(modal: Modal, text: string): HTMLButtonElement {
	const found = [...modal.contentEl.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === text);
	if (!found) throw new Error(`no button "${text}" in the dialog`);
	return found;
}

/** The scope dialog's text, as it was when last shown. */
let scopeText = "";

/** Run the command on the active note's folder; returns the dialogs it opened. */
async function runOnFolder(harness: Harness): Promise<Modal[]> {
	const before = opened.length;
	harness.command("fill-facts").callback?.();
	await harness.settle();
	scopeText = opened[before]?.contentEl.textContent ?? "";
	button(opened[before], '[data-scope="folder"]').click();
	await harness.settle();
	return opened.slice(before);
}

async function start(data: unknown = null): Promise<Harness> {
	h = await loadPlugin({ files: FILES, data });
	await h.app.workspace.getLeaf(false).openFile(h.file(DJANGO));
	await h.settle();
	return h;
}

function rowsOf(modal: { readonly contentEl: HTMLElement }, path: string): string[] {
	return [...modal.contentEl.querySelectorAll<HTMLTableRowElement>(`.fn-facts-note[data-path="${path}"] tr.fn-facts-row`)].map(
		(row) => `${row.querySelector("input")?.checked ? "[x]" : "[ ]"} ${row.dataset.key ?? ""}`,
	);
}

const savedData = (harness: Harness): unknown => (harness.plugin as unknown as { data__: unknown }).data__;
const factNotices = (harness: Harness): string[] => harness.notices().filter((n) => !n.startsWith("Fetching facts"));

describe("Fill facts from registries", () => {
	it("asks once which hosts it may contact, stores the answer, and fetches nothing before it", async () => {
		const harness = await start();
		const [, consent] = await runOnFolder(harness);
		expect(scopeText).toContain("Framework notes in Web (2 notes)");
		expect(consent?.contentEl.querySelector(".fn-facts-hosts")?.textContent).toContain("pypi.org");
		expect(consent?.contentEl.querySelector(".fn-facts-hosts")?.textContent).toContain("api.github.com");
		expect(network.requests).toHaveLength(0);
		const progress = vi.spyOn(Notice.prototype, "setMessage");
		buttonNamed(consent, "Allow and continue").click();
		await harness.settle();
		expect(harness.notices()).toContain("Fetching facts: 0 of 2");
		expect(progress.mock.calls.map((call) => call[0]).at(-1)).toBe("Fetching facts: 2 of 2");
		expect(harness.plugin.settings.facts.networkConsent).toBe(true);
		expect(savedData(harness)).toMatchObject({ facts: { networkConsent: true } });
		expect(network.urls()).toContain("https://pypi.org/pypi/django/json");
		const again = await runOnFolder(harness);
		expect(again.map((m) => m.constructor.name)).toEqual(["FactsScopeModal", "FactsPreviewModal"]);
	});

	it("cancelling the consent fetches nothing and stores nothing", async () => {
		const harness = await start();
		const [, consent] = await runOnFolder(harness);
		buttonNamed(consent, "Cancel").click();
		await harness.settle();
		expect(network.requests).toHaveLength(0);
		expect(harness.plugin.settings.facts.networkConsent).toBe(false);
		expect(opened).toHaveLength(2);
	});

	it("previews with the right ticks, writes only the ticked keys, and a second run proposes and writes nothing", async () => {
		const harness = await start({ facts: { networkConsent: true } });
		const [, preview] = await runOnFolder(harness);
		const modal = preview as unknown as FactsPreviewModal;
		const rows = rowsOf(modal, DJANGO);
		expect(rows).toContain("[x] language");
		expect(rows).toContain("[ ] license");
		expect(rows.some((r) => r.endsWith(" summary"))).toBe(false);
		expect(modal.contentEl.querySelector(`.fn-facts-note[data-path="${TORNADO}"] .fn-facts-error`)).not.toBeNull();
		const ticked = rows.filter((r) => r.startsWith("[x]")).map((r) => r.slice(4));
		const writes = vi.spyOn(harness.app.fileManager, "processFrontMatter");
		await modal.submit();
		await harness.settle();
		expect(writes).toHaveBeenCalledTimes(1);
		const fm = harness.app.metadataCache.getFileCache(harness.file(DJANGO))?.frontmatter ?? {};
		for (const key of ticked) expect(fm[key], key).not.toBeUndefined();
		expect(fm.license).toBe("BSD");
		expect(fm.summary).toBe("Mine.");
		expect(factNotices(harness).at(-1)).toBe(`Wrote ${ticked.length} ${ticked.length === 1 ? "property" : "properties"} to 1 note.`);
		expect(await harness.read(TORNADO)).toBe(FILES[TORNADO]);

		const asked = network.requests.length;
		const [, second] = await runOnFolder(harness);
		expect(rowsOf(second, DJANGO)).toEqual(["[ ] license"]);
		expect(network.requests.slice(asked).map((r) => r.url)).not.toContain("https://pypi.org/pypi/django/json");
		await (second as unknown as FactsPreviewModal).submit();
		await harness.settle();
		expect(writes).toHaveBeenCalledTimes(1);
	});

	it("offline: one notice, no preview", async () => {
		const harness = await start({ facts: { networkConsent: true } });
		network.offline = true;
		const dialogs = await runOnFolder(harness);
		expect(dialogs).toHaveLength(1);
		const said = factNotices(harness);
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/connection|offline/i);
	});

	it("sends the GitHub token to GitHub only, and never writes it to data.json", async () => {
		const harness = await start({ facts: { networkConsent: true, githubTokenSecret: "github-token" } });
		storeSecret(harness.app, "github-token", TOKEN);
		const [, preview] = await runOnFolder(harness);
		await (preview as unknown as FactsPreviewModal).submit();
		await harness.settle();
		const withToken = network.requests.filter((r) => JSON.stringify(r.headers ?? {}).includes(TOKEN)).map((r) => r.url);
		expect(withToken).toEqual(["https://api.github.com/repos/django/django"]);
		await harness.plugin.updateSettings({
			...harness.plugin.settings,
			facts: { ...harness.plugin.settings.facts, pypiUrl: "https://pypi.example.org" },
		});
		expect(JSON.stringify(savedData(harness))).not.toContain(TOKEN);
		expect(savedData(harness)).toMatchObject({ facts: { githubTokenSecret: "github-token" } });
	});
});

describe("the pane's Fill facts button", () => {
	it("fills the notes the pane shows", async () => {
		h = await loadPlugin({ files: FILES, data: { facts: { networkConsent: true } } });
		const page = await ComparisonPanePage.open(h);
		page.search("Django");
		const action = page.root.querySelector<HTMLButtonElement>('button[data-action="fill-facts"]');
		expect(action?.textContent).toBe("Fill facts");
		action?.click();
		await h.settle();
		const preview = opened.at(-1) as unknown as FactsPreviewModal;
		expect([...preview.contentEl.querySelectorAll<HTMLElement>(".fn-facts-note")].map((el) => el.dataset.path)).toEqual([DJANGO]);
		expect(network.urls()).not.toContain("https://pypi.org/pypi/tornado/json");
	});
});
