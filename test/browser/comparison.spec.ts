/**
 * The comparison pane driven in Chromium the way a person uses it, over examples/vault
 * (ten framework notes in WEBFramework/NOtes).
 */
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import {
	cell,
	columnHeader,
	FOLDER,
	freshPane,
	groupLabels,
	INDEX_NOTE,
	indexBlock,
	pane,
	readNote,
	rowNames,
	statusText,
	table,
} from "./pane";
import { useBrowserPage } from "./session";
import type { BrowserSession } from "./support";

const FRAMEWORKS = ["AIOHTTP", "AWS Chalice", "Bottle", "CherryPy", "Django", "FastAPI", "Flask", "Tornado", "Web2py", "Zappa"];

let browser: BrowserSession;
let page: Page;
useBrowserPage((b, p) => {
	browser = b;
	page = p;
});

beforeEach(async () => {
	await freshPane(page);
});

function sorted(names: readonly string[]): string[] {
	return [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }));
}

async function ungroup(): Promise<void> {
	await pane(page).getByRole("combobox", { name: "Group rows by" }).selectOption("");
	await expect.poll(() => groupLabels(page)).toEqual([]);
}

describe("opening", () => {
	it("opens from the command with one row per framework note and typed, sortable headers", async () => {
		expect(sorted(await rowNames(page))).toEqual(sorted(FRAMEWORKS));
		expect(await statusText(page)).toContain("10 of 10 notes");
		for (const key of ["category", "async", "orm", "license", "first_release"]) {
			await expect.poll(() => columnHeader(page, key).count()).toBe(1);
		}
		expect(await columnHeader(page, "first_release").getAttribute("scope")).toBe("col");
		// The index note and the generated comparison note are not framework notes.
		expect(await rowNames(page)).not.toContain("NOtes");
		expect(await rowNames(page)).not.toContain("comparison");
		expect(browser.pageErrors).toEqual([]);
	});

	it("opens from the ribbon icon", async () => {
		await page.evaluate(() => window.fn.boot());
		await page
			.getByRole("button", { name: /comparison/i })
			.first()
			.click();
		await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
		expect(sorted(await rowNames(page))).toEqual(sorted(FRAMEWORKS));
	});
});

describe("sorting", () => {
	it("sorts by a column on header click, then reverses, with aria-sort", async () => {
		await ungroup();
		await columnHeader(page, "first_release").click();
		await expect.poll(() => columnHeader(page, "first_release").getAttribute("aria-sort")).toBe("ascending");
		const ascending = await rowNames(page);
		expect(ascending[0]).toBe("CherryPy"); // 2002
		expect(ascending[ascending.length - 1]).toBe("FastAPI"); // 2018

		await columnHeader(page, "first_release").click();
		await expect.poll(() => columnHeader(page, "first_release").getAttribute("aria-sort")).toBe("descending");
		expect((await rowNames(page))[0]).toBe("FastAPI");
		expect(await columnHeader(page, "license").getAttribute("aria-sort")).toBe("none");
	});

	it("adds a second sort key with shift-click", async () => {
		await ungroup();
		await columnHeader(page, "license").click();
		await columnHeader(page, "first_release").click({ modifiers: ["Shift"] });
		await expect.poll(() => columnHeader(page, "first_release").getAttribute("aria-sort")).toBe("ascending");
		expect(await columnHeader(page, "license").getAttribute("aria-sort")).toBe("ascending");
		// Apache-2.0: AIOHTTP 2013, Tornado 2009, AWS Chalice 2016 → by year within the license.
		expect((await rowNames(page)).slice(0, 3)).toEqual(["Tornado", "AIOHTTP", "AWS Chalice"]);
	});
});

describe("filtering", () => {
	it("filters by text in the search box", async () => {
		const search = pane(page).getByRole("searchbox", { name: "Search notes and values" });
		await search.fill("Zappa");
		await expect.poll(async () => (await rowNames(page)).length).toBeLessThan(FRAMEWORKS.length);
		expect(await rowNames(page)).toContain("Zappa");
		expect(await rowNames(page)).not.toContain("Django");
		expect(await statusText(page)).toMatch(new RegExp(`^${(await rowNames(page)).length} of 10 notes`));

		await search.fill("zzqqxxnomatch");
		await expect.poll(() => pane(page).getByText("No notes match").isVisible()).toBe(true);

		await search.fill("");
		await expect.poll(async () => (await rowNames(page)).length).toBe(FRAMEWORKS.length);
	});

	// A query word must match within one word of a value, not be spread over the whole row (a
	// spread-out fuzzy match kept Web2py for "Zappa": emphasiZes … eAse … web2Py … APi).
	it("keeps only notes that mention the searched word", async () => {
		const search = pane(page).getByRole("searchbox", { name: "Search notes and values" });
		for (const word of ["Zappa", "Chalice"]) {
			await search.fill(word);
			await expect.poll(async () => (await rowNames(page)).length).toBeLessThan(FRAMEWORKS.length);
			const texts = await table(page)
				.locator("tbody tr.fn-cmp-row")
				.evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? "").toLowerCase()));
			for (const text of texts) expect(text).toContain(word.toLowerCase());
		}
	});

	it("filters by category with the value chips", async () => {
		const chips = pane(page).getByRole("group", { name: "Value filters" });
		await chips.getByRole("button", { name: /^serverless/ }).click();
		await expect.poll(async () => sorted(await rowNames(page))).toEqual(["AWS Chalice", "Zappa"]);
		expect(await chips.getByRole("button", { name: /^serverless/ }).getAttribute("aria-pressed")).toBe("true");

		await chips.getByRole("button", { name: /^microframework/ }).click();
		await expect.poll(async () => sorted(await rowNames(page))).toEqual(["AWS Chalice", "Bottle", "CherryPy", "Zappa"]);

		await chips.getByRole("button", { name: /^serverless/ }).click();
		await chips.getByRole("button", { name: /^microframework/ }).click();
		await expect.poll(async () => (await rowNames(page)).length).toBe(FRAMEWORKS.length);
	});
});

describe("grouping", () => {
	it("groups rows by category by default and by another property on request", async () => {
		await expect
			.poll(async () => sorted(await groupLabels(page)))
			.toEqual(sorted(["asynchronous", "full-stack", "microframework", "other", "serverless"]));
		const groupBy = pane(page).getByRole("combobox", { name: "Group rows by" });
		await groupBy.selectOption("license");
		await expect
			.poll(async () => sorted(await groupLabels(page)))
			.toEqual(sorted(["Apache-2.0", "BSD-3-Clause", "LGPL-3.0-only", "MIT"]));
		// Each group lists its notes under it: MIT holds Bottle, FastAPI and Zappa.
		const mit = await table(page)
			.locator("tbody tr")
			.evaluateAll((trs) => {
				const out: string[] = [];
				let inGroup = false;
				for (const tr of trs) {
					if (tr.classList.contains("fn-cmp-group-row")) inGroup = tr.querySelector("th > span")?.textContent === "MIT";
					else if (inGroup && tr.classList.contains("fn-cmp-row"))
						out.push(tr.querySelector(".fn-cmp-note-link")?.textContent ?? "");
				}
				return out;
			});
		expect(sorted(mit)).toEqual(["Bottle", "FastAPI", "Zappa"]);
		await ungroup();
		expect((await rowNames(page)).length).toBe(FRAMEWORKS.length);
	});
});

describe("comparing", () => {
	it("transposes to notes as columns and back", async () => {
		const transpose = pane(page).getByRole("button", { name: "Transpose" });
		await transpose.click();
		await expect.poll(() => transpose.getAttribute("aria-pressed")).toBe("true");
		await expect.poll(() => table(page).getAttribute("class")).toContain("fn-cmp-transposed");
		const noteHeads = await table(page)
			.locator("thead th.fn-cmp-note-head .fn-cmp-note-link")
			.evaluateAll((links) => links.map((a) => a.textContent ?? ""));
		expect(sorted(noteHeads)).toEqual(sorted(FRAMEWORKS));
		// One line per property, its name in a row header.
		expect(await table(page).locator('tbody tr.fn-cmp-line th[data-key="first_release"]').count()).toBe(1);

		await transpose.click();
		await expect.poll(() => table(page).getAttribute("class")).not.toContain("fn-cmp-transposed");
		expect((await rowNames(page)).length).toBe(FRAMEWORKS.length);
	});

	it("shows the groups above the note columns when transposed, each spanning its notes", async () => {
		await pane(page).getByRole("button", { name: "Transpose" }).click();
		await expect.poll(() => table(page).getAttribute("class")).toContain("fn-cmp-transposed");
		const layout = await table(page).evaluate((t) => {
			const box = (el: Element) => el.getBoundingClientRect();
			const notes = Array.from(t.querySelectorAll("thead th.fn-cmp-note-head")).map((th) => ({
				name: th.querySelector(".fn-cmp-note-link")?.textContent ?? "",
				left: box(th).left,
				right: box(th).right,
			}));
			const groups = Array.from(t.querySelectorAll<HTMLTableCellElement>("thead th.fn-cmp-group-cell")).map((th) => ({
				label: th.querySelector(".fn-cmp-group-label")?.textContent ?? "",
				span: th.colSpan,
				left: box(th).left,
				right: box(th).right,
				top: box(th).top,
			}));
			const noteTop = notes.length > 0 ? box(t.querySelector("thead th.fn-cmp-note-head") as Element).top : 0;
			return { notes, groups, noteTop };
		});
		expect(layout.groups.map((g) => g.label)).toEqual(["asynchronous", "full-stack", "microframework", "other", "serverless"]);
		expect(layout.groups.reduce((n, g) => n + g.span, 0)).toBe(FRAMEWORKS.length);
		let at = 0;
		for (const group of layout.groups) {
			const first = layout.notes[at];
			const last = layout.notes[at + group.span - 1];
			expect(Math.abs(group.left - (first?.left ?? -99))).toBeLessThanOrEqual(1);
			expect(Math.abs(group.right - (last?.right ?? -99))).toBeLessThanOrEqual(1);
			expect(group.top).toBeLessThan(layout.noteTop);
			at += group.span;
		}
		// The category groups hold the right notes: serverless is AWS Chalice and Zappa.
		expect(sorted(layout.notes.slice(-2).map((n) => n.name))).toEqual(["AWS Chalice", "Zappa"]);
	});

	it("hides properties whose values are identical in every note", async () => {
		await expect.poll(() => columnHeader(page, "language").count()).toBe(1); // Python everywhere
		const hide = pane(page).getByRole("button", { name: "Hide identical properties" });
		await hide.click();
		await expect.poll(() => columnHeader(page, "language").count()).toBe(0);
		expect(await columnHeader(page, "first_release").count()).toBe(1);
		expect(await hide.getAttribute("aria-pressed")).toBe("true");
		expect(await statusText(page)).toMatch(/hidden/);
		await hide.click();
		await expect.poll(() => columnHeader(page, "language").count()).toBe(1);
	});

	it("compares only two selected notes", async () => {
		await pane(page).getByRole("checkbox", { name: "Select Flask" }).check();
		await pane(page).getByRole("checkbox", { name: "Select Django" }).check();
		await expect.poll(() => statusText(page)).toContain("2 selected");
		await pane(page).getByRole("button", { name: "Compare selected (2)" }).click();
		await expect.poll(async () => sorted(await rowNames(page))).toEqual(["Django", "Flask"]);
		// Two notes compared: both cells of every difference are marked (Django has an ORM, Flask has not).
		await expect.poll(async () => (await cell(page, "Django", "orm").getAttribute("class")) ?? "").toContain("fn-cmp-differs");
		expect((await cell(page, "Flask", "orm").getAttribute("class")) ?? "").toContain("fn-cmp-differs");
		expect((await cell(page, "Django", "language").getAttribute("class")) ?? "").not.toContain("fn-cmp-differs");
		expect((await cell(page, "Flask", "language").getAttribute("class")) ?? "").not.toContain("fn-cmp-differs");
	});

	it("marks only cells that differ from a strict-majority value; other differences show in the header", async () => {
		// category: five values, two notes each: no majority, so no cell is yellow, the header says it.
		const marked = (key: string) => table(page).locator(`td.fn-cmp-differs[data-key="${key}"]`).count();
		await expect.poll(() => columnHeader(page, "category").locator(".fn-cmp-differs-mark").count()).toBe(1);
		expect(await marked("category")).toBe(0);
		expect(await columnHeader(page, "language").locator(".fn-cmp-differs-mark").count()).toBe(0);
		// async: 4 of 10 are true, 6 false: the 4 true cells are marked, nothing else.
		const asyncTrue = await table(page).locator('td[data-key="async"] .fn-cmp-yes').count();
		expect(asyncTrue).toBeLessThan(5);
		expect(await marked("async")).toBe(asyncTrue);
		// Far fewer marked cells than cells in differing columns (it used to be nearly all of them).
		const all = await table(page).locator("tbody td[data-key]").count();
		expect(await table(page).locator("tbody td.fn-cmp-differs").count()).toBeLessThan(all / 4);
	});
});

describe("keyboard", () => {
	/** Where the keyboard focus is in the table: row index (-1 = header row) and column index. */
	async function focusAt(): Promise<{ r: number; c: number; key: string | null } | null> {
		return page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const tr = el?.closest<HTMLElement>("tr[data-r]");
			if (!el?.closest(".fn-cmp-table") || !tr || el.dataset.c === undefined) return null;
			return { r: Number(tr.dataset.r), c: Number(el.dataset.c), key: el.dataset.key ?? null };
		});
	}

	it("reaches the table with Tab, moves with the arrow keys and sorts a header with Enter", async () => {
		await ungroup();
		await pane(page).getByRole("searchbox", { name: "Search notes and values" }).focus();
		for (let i = 0; i < 60 && (await focusAt()) === null; i++) await page.keyboard.press("Tab");
		// The first note's name cell is the table's one tab stop.
		expect(await focusAt()).toMatchObject({ r: 0, c: 0 });

		await page.keyboard.press("ArrowDown");
		expect(await focusAt()).toMatchObject({ r: 1, c: 0 });
		await page.keyboard.press("ArrowRight");
		await page.keyboard.press("ArrowRight");
		await page.keyboard.press("ArrowDown");
		const at = await focusAt();
		expect(at).toMatchObject({ r: 2, c: 2 });
		const names = await rowNames(page);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe(`${FOLDER}/${names[2] ?? ""}.md`);
		// Only one cell of the table is in the tab order (roving tabindex).
		expect(await table(page).locator('[tabindex="0"]').count()).toBe(1);

		for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowUp");
		expect(await focusAt()).toMatchObject({ r: -1, c: 2 });
		await page.keyboard.press("Enter");
		await expect.poll(() => columnHeader(page, at?.key ?? "").getAttribute("aria-sort")).toBe("ascending");
	});

	it("edits the focused cell with Enter and writes on Enter", async () => {
		await ungroup();
		const target = cell(page, "Bottle", "license");
		await target.click();
		await target.press("Enter");
		const field = pane(page).getByRole("textbox", { name: "license of Bottle" });
		await expect.poll(() => field.inputValue()).toBe("MIT");
		await field.fill("MIT-0");
		await field.press("Enter");
		await expect.poll(() => readNote(page, `${FOLDER}/Bottle.md`)).toContain("license: MIT-0");
	});

	it("moves the keyboard focus to a clicked cell, and the arrow keys go on from there", async () => {
		await ungroup();
		const names = await rowNames(page);
		const target = cell(page, names[3] ?? "", "category");
		await target.click();
		await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press("ArrowDown");
		const below = cell(page, names[4] ?? "", "category");
		await expect.poll(() => below.evaluate((el) => el === document.activeElement)).toBe(true);
	});
});

describe("keyboard focus and live updates", () => {
	// The live update rebuilds the changed note's row; the focus moves to the new cell of the same
	// note and property instead of falling back to the page.
	it("keeps the keyboard focus on a cell whose note changes", async () => {
		await ungroup();
		const target = cell(page, "CherryPy", "category");
		await target.click();
		await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
		const path = `${FOLDER}/CherryPy.md`;
		const text = (await readNote(page, path)) ?? "";
		await page.evaluate(([p, t]) => window.fn.modifyNote(p, t), [
			path,
			text.replace("first_release: 2002", "first_release: 2003"),
		] as const);
		await expect.poll(() => cell(page, "CherryPy", "first_release").textContent()).toContain("2003");
		expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path ?? null)).toBe(path);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null)).toBe("category");
		// The arrow keys go on from there.
		const names = await rowNames(page);
		const below = names[names.indexOf("CherryPy") + 1] ?? "";
		await page.keyboard.press("ArrowDown");
		await expect.poll(() => cell(page, below, "category").evaluate((el) => el === document.activeElement)).toBe(true);
	});
});

describe("editing", () => {
	it("edits a cell in place and writes only that key to the note's frontmatter", async () => {
		const path = `${FOLDER}/Flask.md`;
		const body = (text: string | null): string => (text ?? "").split("\n---\n").slice(1).join("\n---\n");
		const before = await readNote(page, path);
		const frontmatterBefore = await page.evaluate((p) => window.fn.frontmatter(p), path);
		await cell(page, "Flask", "first_release").dblclick();
		const field = pane(page).getByRole("textbox", { name: "first_release of Flask" });
		await field.fill("2011");
		await field.press("Enter");
		await expect.poll(() => readNote(page, path)).toContain("first_release: 2011");
		await expect.poll(() => page.evaluate((p) => window.fn.frontmatter(p)?.first_release, path)).toBe(2011);
		const frontmatterAfter = await page.evaluate((p) => window.fn.frontmatter(p), path);
		expect(frontmatterAfter).toEqual({ ...frontmatterBefore, first_release: 2011 });
		expect(body(await readNote(page, path))).toBe(body(before));
		await expect.poll(() => cell(page, "Flask", "first_release").textContent()).toContain("2011");
	});

	it("refuses a word in a number column with a message and writes nothing", async () => {
		const path = `${FOLDER}/Flask.md`;
		const before = await readNote(page, path);
		await cell(page, "Flask", "first_release").dblclick();
		const field = pane(page).getByRole("textbox", { name: "first_release of Flask" });
		await field.fill("soon");
		await field.press("Enter");
		await expect.poll(() => page.evaluate(() => window.fn.notices().join("\n"))).not.toBe("");
		expect(await readNote(page, path)).toBe(before);
	});
});

describe("live updates", () => {
	it("shows a created note in the pane and in the folder's index block", async () => {
		await page.evaluate(
			(folder) =>
				window.fn.createNote(
					`${folder}/Quart.md`,
					"---\ntype: framework\ncategory: asynchronous\nlanguage: Python\nfirst_release: 2017\n---\n# Quart\n",
				),
			FOLDER,
		);
		await expect.poll(() => rowNames(page), { timeout: 10_000 }).toContain("Quart");
		expect(await statusText(page)).toContain("11 of 11 notes");
		await expect.poll(async () => indexBlock(await readNote(page, INDEX_NOTE)), { timeout: 10_000 }).toContain("- [[Quart]]");
	});

	it("follows a frontmatter change made elsewhere", async () => {
		const path = `${FOLDER}/Bottle.md`;
		const text = (await readNote(page, path)) ?? "";
		await page.evaluate(([p, t]) => window.fn.modifyNote(p, t), [
			path,
			text.replace("first_release: 2009", "first_release: 2012"),
		] as const);
		await expect.poll(() => cell(page, "Bottle", "first_release").textContent(), { timeout: 10_000 }).toContain("2012");
	});

	it("keeps sort and orientation when the workspace reloads", async () => {
		await ungroup();
		await columnHeader(page, "first_release").click();
		await pane(page).getByRole("button", { name: "Transpose" }).click();
		await expect.poll(() => table(page).getAttribute("class")).toContain("fn-cmp-transposed");
		await page.evaluate(() => window.fn.reloadWorkspace());
		await expect.poll(() => table(page).getAttribute("class")).toContain("fn-cmp-transposed");
		await pane(page).getByRole("button", { name: "Transpose" }).click();
		await expect.poll(() => columnHeader(page, "first_release").getAttribute("aria-sort")).toBe("ascending");
	});
});

describe("links", () => {
	it("opens a note from its name, and a linked note from a related chip", async () => {
		await cell(page, "Flask", "related").getByText("Django").click();
		await page.locator(`.workspace-leaf-content[data-type="markdown"][data-path="${FOLDER}/Django.md"]`).waitFor();
		await page.getByRole("tab", { name: /Framework comparison/ }).click();
		await table(page).locator(`tr[data-path="${FOLDER}/Bottle.md"] .fn-cmp-note-link`).click();
		await page.locator(`.workspace-leaf-content[data-type="markdown"][data-path="${FOLDER}/Bottle.md"]`).waitFor();
	});

	it("asks for Obsidian's page preview when hovering an internal link", async () => {
		await cell(page, "Flask", "related").getByText("Bottle").hover();
		await expect
			.poll(() => page.evaluate(() => window.fn.hoverLinks.map((h) => `${h.source} ${h.linktext} ${h.sourcePath}`)))
			.toContain(`framework-notes-comparison Bottle ${FOLDER}/Flask.md`);
	});

	it("makes web addresses plain external links", async () => {
		const link = cell(page, "Flask", "website").getByRole("link");
		expect(await link.getAttribute("href")).toBe("https://flask.palletsprojects.com");
		expect(await link.getAttribute("rel")).toContain("noopener");
	});
});

describe("safety", () => {
	it("renders a hostile frontmatter value as text: no element, no script, no dialog", async () => {
		await page.evaluate(
			(folder) =>
				window.fn.createNote(
					`${folder}/Hostile.md`,
					[
						"---",
						"type: framework",
						"category: full-stack",
						'summary: "<img src=x onerror=alert(1)>"',
						'website: "javascript:alert(1)"',
						'related: "[[x|<b>y</b>]]"',
						"---",
						"# Hostile",
						"",
					].join("\n"),
				),
			FOLDER,
		);
		const summary = cell(page, "Hostile", "summary");
		await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain("<img src=x onerror=alert(1)>");
		expect(await pane(page).locator("img").count()).toBe(0);
		expect(await pane(page).locator("b").count()).toBe(0);
		expect(await pane(page).locator('a[href^="javascript:"]').count()).toBe(0);
		await summary.hover();
		await cell(page, "Hostile", "website").click();
		expect(browser.dialogs).toEqual([]);
		expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
	});
});
