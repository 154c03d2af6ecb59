/**
 * The facts preview and its writes, on the plugin harness with a hand-made `GatherResult` (what
 * the core returns): rows and ticks, "Apply" writes only the ticked keys through
 * processFrontMatter, a hand-written value is kept unless ticked, an edit made while the preview
 * was open wins, and nothing new is said as such.
 */
import { Modal } from "obsidian-test-mocks/obsidian";
import { parseYaml } from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GatherResult, NoteFacts, Proposal } from "../src/facts/core/index";
import { FactsPreviewModal, NOTHING_FOUND_TEXT, NOTHING_NEW_TEXT } from "../src/facts/ui/preview-modal";
import { applyFacts, describeOutcome } from "../src/facts/write";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const DJANGO = "Web/Django.md";
const FLASK = "Web/Flask.md";
const FILES = {
	[DJANGO]: "---\ntype: framework\npackage: pypi:django\nlicense: BSD\n---\nMy notes on Django.\n",
	[FLASK]: "---\ntype: framework\n---\nFlask.\n",
};

const fill = (key: string, value: Proposal["value"], provenance: string): Proposal => ({
	key,
	current: undefined,
	value,
	provenance,
	kind: "fill",
	ticked: true,
});

const RESULT: GatherResult = {
	messages: ["GitHub's rate limit is reached until 10:00; stars and last commit were left out."],
	notes: [
		{
			path: DJANGO,
			packageRef: { registry: "pypi", name: "django" },
			guessed: false,
			proposals: [
				fill("language", "Python", "PyPI classifiers"),
				{
					key: "license",
					current: "BSD",
					value: "BSD-3-Clause",
					provenance: "PyPI license expression",
					kind: "replace",
					ticked: false,
				},
				fill("first_release", 2005, "first upload to PyPI: 2005"),
				fill("website", "https://www.djangoproject.com/", "PyPI project URLs"),
			],
			skipped: [{ source: "pypi", field: "summary", reason: "longer than 300 characters" }],
			error: null,
		},
		{
			path: FLASK,
			packageRef: { registry: "pypi", name: "flask" },
			guessed: true,
			proposals: [fill("package", "pypi:flask", "guessed from the note's name"), fill("language", "Python", "PyPI classifiers")],
			skipped: [],
			error: null,
		},
		{
			path: "Web/Nope.md",
			packageRef: null,
			guessed: false,
			proposals: [],
			skipped: [],
			error: "no package found on PyPI, npm or crates.io",
		},
	],
};

let h: Harness | null = null;
let opened: Modal[];

beforeEach(() => {
	opened = [];
	// The mock closes every modal one tick after it opens; keep it open as Obsidian does.
	vi.spyOn(Modal.prototype, "open").mockImplementation(function (this: Modal) {
		opened.push(this);
		this.onOpen();
	});
});

afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

function frontmatter(text: string): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---/.exec(text);
	return (parseYaml(match?.[1] ?? "") as Record<string, unknown> | null) ?? {};
}

async function preview(result: GatherResult = RESULT): Promise<FactsPreviewModal> {
	h = await loadPlugin({ files: FILES });
	const harness = h;
	const modal = new FactsPreviewModal(harness.app, result, {
		nameOf: (path) => path.slice(path.lastIndexOf("/") + 1, -3),
		apply: async (choices) => {
			await applyFacts(harness.app, choices);
		},
	});
	modal.open();
	return modal;
}

function rows(modal: FactsPreviewModal): string[] {
	return [...modal.contentEl.querySelectorAll<HTMLElement>(".fn-facts-note")].flatMap((section) =>
		[...section.querySelectorAll<HTMLTableRowElement>("tr.fn-facts-row")].map((row) => {
			const box = row.querySelector<HTMLInputElement>("input[type=checkbox]");
			const cells = [...row.querySelectorAll("td")].slice(1).map((td) => td.textContent);
			return `${section.dataset.path ?? ""} ${box?.checked ? "[x]" : "[ ]"} ${cells.join(" | ")}`;
		}),
	);
}

function box(modal: FactsPreviewModal, path: string, key: string): HTMLInputElement {
	const found = modal.contentEl.querySelector<HTMLInputElement>(`.fn-facts-note[data-path="${path}"] tr[data-key="${key}"] input`);
	if (!found) throw new Error(`no checkbox for ${path} ${key}`);
	return found;
}

function click(el: HTMLInputElement): void {
	el.checked = !el.checked;
	el.dispatchEvent(new Event("change"));
}

describe("the facts preview", () => {
	it("shows one row per property with the value now, the new value and where it comes from; ticked only where the note has no value", async () => {
		const modal = await preview();
		expect(rows(modal)).toEqual([
			"Web/Django.md [x] language | — | Python | PyPI classifiers",
			"Web/Django.md [ ] license | BSD | BSD-3-Clause | PyPI license expression",
			"Web/Django.md [x] first_release | — | 2005 | first upload to PyPI: 2005",
			"Web/Django.md [x] website | — | https://www.djangoproject.com/ | PyPI project URLs",
			"Web/Flask.md [x] package | — | pypi:flask | guessed from the note's name",
			"Web/Flask.md [x] language | — | Python | PyPI classifiers",
		]);
		const text = modal.contentEl.textContent ?? "";
		expect(modal.contentEl.querySelectorAll(".fn-facts-messages li")).toHaveLength(1);
		expect(text).toContain("GitHub's rate limit is reached");
		expect(text).toContain("Not used: summary (PyPI): longer than 300 characters");
		expect(text).toContain("Not filled: no package found on PyPI, npm or crates.io");
		expect(text).toContain("(guessed from the note's name)");
		expect(modal.contentEl.querySelector(".fn-facts-summary")?.textContent).toBe("5 of 6 selected");
		const link = modal.contentEl.querySelector<HTMLAnchorElement>('tr[data-key="website"] a');
		expect(link?.getAttribute("href")).toBe("https://www.djangoproject.com/");
	});

	it("writes only the ticked keys, each note once, and keeps a hand-written value that is not ticked", async () => {
		const modal = await preview();
		const harness = h as Harness;
		click(box(modal, DJANGO, "website"));
		expect(modal.contentEl.querySelector(".fn-facts-summary")?.textContent).toBe("4 of 6 selected");
		const writes = vi.spyOn(harness.app.fileManager, "processFrontMatter");
		await modal.submit();
		await harness.settle();
		expect(writes.mock.calls.map((call) => call[0].path)).toEqual([DJANGO, FLASK]);
		const django = await harness.read(DJANGO);
		expect(frontmatter(django)).toEqual({
			type: "framework",
			package: "pypi:django",
			license: "BSD",
			language: "Python",
			first_release: 2005,
		});
		expect(django.endsWith("\nMy notes on Django.\n")).toBe(true);
		expect(frontmatter(await harness.read(FLASK))).toEqual({ type: "framework", package: "pypi:flask", language: "Python" });
	});

	it("replaces a hand-written value only when its row is ticked", async () => {
		const modal = await preview();
		click(box(modal, DJANGO, "license"));
		await modal.submit();
		await (h as Harness).settle();
		expect(frontmatter(await (h as Harness).read(DJANGO)).license).toBe("BSD-3-Clause");
	});

	it("leaves a property alone when the note changed after the preview was made, and says so", async () => {
		const modal = await preview();
		const harness = h as Harness;
		await harness.app.vault.modify(harness.file(FLASK), "---\ntype: framework\nlanguage: Python 3\n---\nFlask.\n");
		await harness.settle();
		const outcome = await applyFacts(harness.app, modal.choices());
		expect(frontmatter(await harness.read(FLASK))).toEqual({ type: "framework", language: "Python 3", package: "pypi:flask" });
		expect(outcome.changedMeanwhile).toEqual(["Web/Flask.md: language"]);
		expect(describeOutcome(outcome)).toBe(
			"Wrote 4 properties to 2 notes.\nLeft alone because they changed after the preview: Web/Flask.md: language.",
		);
	});

	it("says when every note already has the facts, and writes nothing", async () => {
		const nothing: NoteFacts = {
			path: DJANGO,
			packageRef: { registry: "pypi", name: "django" },
			guessed: false,
			proposals: [],
			skipped: [],
			error: null,
		};
		const modal = await preview({ messages: [], notes: [nothing] });
		expect(modal.contentEl.querySelector(".fn-facts-empty")?.textContent).toBe(NOTHING_NEW_TEXT);
		expect(modal.contentEl.querySelectorAll("tr.fn-facts-row")).toHaveLength(0);
		expect(modal.contentEl.querySelector("button.mod-cta")).toBeNull();
		expect(await (h as Harness).read(DJANGO)).toBe(FILES[DJANGO]);
	});

	it("says so when nothing new was found because notes failed", async () => {
		const failed = RESULT.notes[2];
		const modal = await preview({ messages: [], notes: [failed] });
		expect(modal.contentEl.querySelector(".fn-facts-empty")?.textContent).toBe(NOTHING_FOUND_TEXT);
		expect(modal.contentEl.querySelector(".fn-facts-error")?.textContent).toBe(
			"Not filled: no package found on PyPI, npm or crates.io",
		);
	});
});
