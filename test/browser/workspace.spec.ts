/**
 * The pane in its workspace: opened for a folder (file menu, command from an index note), following
 * renames and deletes, saving the comparison note, empty and invalid vaults, a phone-sized window.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FOLDER, freshPane, INDEX_NOTE, indexBlock, pane, readNote, rowNames, statusText, table } from "./pane";
import { useBrowserPage } from "./session";
import type { BrowserSession } from "./support";

let browser: BrowserSession;
let page: Page;
useBrowserPage((b, p) => {
	browser = b;
	page = p;
});

async function paneTitle(): Promise<string> {
	return (await pane(page).locator(".view-header-title").textContent()) ?? "";
}

describe("opening for a folder", () => {
	it("offers 'Compare frameworks in this folder' in a folder's file menu and scopes the pane to it", async () => {
		await page.evaluate(async (folder) => {
			await window.fn.boot({
				files: {
					[`${folder}/Django.md`]: "---\ntype: framework\ncategory: full-stack\n---\n",
					[`${folder}/Flask.md`]: "---\ntype: framework\ncategory: micro\n---\n",
					"Elsewhere/Rails.md": "---\ntype: framework\ncategory: full-stack\n---\n",
				},
			});
			window.fn.fileMenu(folder);
		}, FOLDER);
		await page.getByRole("menuitem", { name: "Compare frameworks in this folder" }).click();
		await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
		expect((await rowNames(page)).sort()).toEqual(["Django", "Flask"]);
		expect(await paneTitle()).toBe(`Framework comparison: ${FOLDER}`);
		expect(await statusText(page)).toContain(`in ${FOLDER}`);
	});

	it("runs 'Compare frameworks in this folder' from the open index note", async () => {
		await page.evaluate(async (note) => {
			await window.fn.boot();
			await window.fn.openNote(note);
			window.fn.runCommand("compare-folder");
		}, INDEX_NOTE);
		await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
		expect(await paneTitle()).toBe(`Framework comparison: ${FOLDER}`);
		expect((await rowNames(page)).length).toBe(10);
	});
});

describe("live updates", () => {
	it("follows a rename and a delete, in the pane and in the index block", async () => {
		await freshPane(page);
		await page.evaluate((folder) => window.fn.renameNote(`${folder}/Bottle.md`, `${folder}/Bottle.py.md`), FOLDER);
		await expect.poll(() => rowNames(page), { timeout: 10_000 }).toContain("Bottle.py");
		expect(await rowNames(page)).not.toContain("Bottle");
		await expect.poll(async () => indexBlock(await readNote(page, INDEX_NOTE)), { timeout: 10_000 }).toContain("- [[Bottle.py]]");

		await page.evaluate((folder) => window.fn.deleteNote(`${folder}/Zappa.md`), FOLDER);
		await expect.poll(() => rowNames(page), { timeout: 10_000 }).not.toContain("Zappa");
		expect(await statusText(page)).toContain("9 of 9 notes");
		await expect.poll(async () => indexBlock(await readNote(page, INDEX_NOTE)), { timeout: 10_000 }).not.toContain("[[Zappa]]");
	});
});

describe("export", () => {
	async function saveAsNote(target: Page): Promise<void> {
		await pane(target).getByRole("button", { name: "Export" }).click();
		await target.getByRole("menuitem", { name: "Save as note" }).click();
	}

	it("saves the whole-vault comparison as a note from the Export menu", async () => {
		await freshPane(page);
		await saveAsNote(page);
		await expect.poll(async () => (await readNote(page, "comparison.md")) ?? "", { timeout: 10_000 }).toMatch(/\|.*Django.*\|/);
		const text = (await readNote(page, "comparison.md")) ?? "";
		for (const name of ["AIOHTTP", "Flask", "Zappa"]) expect(text).toContain(name);
		await expect.poll(() => page.evaluate(() => window.fn.notices().join("\n"))).toContain("comparison.md");
		// The saved note is generated output, never a row of the comparison.
		await expect.poll(() => rowNames(page)).not.toContain("comparison");
	});

	it("leaves a hand-written note at the comparison path alone and says so", async () => {
		const path = `${FOLDER}/comparison.md`;
		// The example vault's comparison.md is a generated one: make it hand-written first.
		await page.evaluate(
			async ([folder, note]) => {
				await window.fn.boot();
				await window.fn.modifyNote(note, "# My comparison\n\nWritten by hand.\n");
				window.fn.fileMenu(folder);
			},
			[FOLDER, path] as const,
		);
		await page.getByRole("menuitem", { name: "Compare frameworks in this folder" }).click();
		await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
		const before = await readNote(page, path);
		expect(before).toBe("# My comparison\n\nWritten by hand.\n");
		await saveAsNote(page);
		await expect.poll(() => page.evaluate(() => window.fn.notices().join("\n"))).toContain("was not made by Framework Notes");
		expect(await readNote(page, path)).toBe(before);
	});
});

describe("edge cases", () => {
	it("shows the helpful empty state in a vault without framework notes", async () => {
		await page.evaluate(async () => {
			await window.fn.boot({ files: { "Inbox/Idea.md": "# An idea\n" } });
			await window.fn.openComparison();
		});
		await expect.poll(() => pane(page).getByText("No framework notes yet").isVisible()).toBe(true);
		expect(await table(page).locator("tbody tr.fn-cmp-row").count()).toBe(0);
	});

	it("lists a note whose YAML is invalid with a warning marker instead of dropping it", async () => {
		await page.evaluate(async () => {
			await window.fn.boot({
				files: {
					"F/Good.md": "---\ntype: framework\ncategory: api\n---\n",
					"F/Broken.md": "---\ntype: framework\ncategory: [unclosed\n---\n",
				},
			});
			await window.fn.openComparison();
		});
		await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
		await expect.poll(() => rowNames(page)).toContain("Good");
		expect(await rowNames(page)).toContain("Broken");
		expect(await table(page).locator('tr[data-path="F/Broken.md"] .fn-cmp-invalid').count()).toBe(1);
		await expect.poll(() => pane(page).locator(".fn-cmp-warnings").textContent()).toContain("Broken");
	});
});

describe("small windows", () => {
	it("stays usable at a phone's width: toolbar inside the window, the table scrolls sideways", async () => {
		const phone = await browser.open("", { width: 390, height: 844 });
		try {
			await freshPane(phone);
			const overflow = await phone.evaluate(() => {
				const root = document.querySelector<HTMLElement>(
					'.workspace-leaf-content[data-type="framework-notes-comparison"] .view-content',
				);
				const toolbar = root?.querySelector<HTMLElement>(".fn-cmp-toolbar");
				const scroller = root?.querySelector<HTMLElement>(".fn-cmp-scroller");
				const filterRow = root?.querySelector<HTMLElement>(".fn-cmp-filter-row");
				return {
					page: document.documentElement.scrollWidth - window.innerWidth,
					toolbarRight: (toolbar?.getBoundingClientRect().right ?? 0) - window.innerWidth,
					tableScrolls: (scroller?.scrollWidth ?? 0) > (scroller?.clientWidth ?? 0),
					// Everything above the table: toolbar, filter chips, status line.
					controlsHeight: (scroller?.getBoundingClientRect().top ?? 0) - (toolbar?.getBoundingClientRect().top ?? 0),
					paneHeight: root?.getBoundingClientRect().height ?? 0,
					toolbarHeight: toolbar?.getBoundingClientRect().height ?? 0,
					filterRowHeight: filterRow?.getBoundingClientRect().height ?? 0,
					toolbarScrolls: (toolbar?.scrollWidth ?? 0) > (toolbar?.clientWidth ?? 0),
				};
			});
			expect(overflow.page).toBeLessThanOrEqual(0);
			expect(overflow.toolbarRight).toBeLessThanOrEqual(0);
			expect(overflow.tableScrolls).toBe(true);
			// The toolbar is one row that scrolls sideways (it wrapped into five rows, ~40 % of the height).
			expect(overflow.toolbarScrolls).toBe(true);
			expect(overflow.toolbarHeight).toBeLessThan(60);
			expect(overflow.filterRowHeight).toBeLessThan(50);
			expect(overflow.controlsHeight).toBeLessThan(overflow.paneHeight * 0.2);
			// Buttons past the edge are reachable: scrolled into view, they work.
			const exportButton = phone.getByRole("button", { name: "Export" });
			await exportButton.scrollIntoViewIfNeeded();
			await exportButton.click();
			await phone.getByRole("menuitem", { name: "Copy as CSV" }).waitFor();
			await phone.keyboard.press("Escape");
			await phone.getByRole("button", { name: "Transpose" }).click();
			await expect.poll(() => table(phone).getAttribute("class")).toContain("fn-cmp-transposed");
		} finally {
			await phone.close();
		}
	});
});
