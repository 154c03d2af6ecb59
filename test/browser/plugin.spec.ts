import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { INDEX_NOTE, indexBlock } from "./pane";
import { useBrowserPage } from "./session";
import type { BrowserSession } from "./support";

let browser: BrowserSession;
let page: Page;
useBrowserPage((b, p) => {
	browser = b;
	page = p;
});

describe("the plugin in Chromium over examples/vault", () => {
	it("loads without errors and registers its comparison view", async () => {
		const state = await page.evaluate(() => ({ errors: window.fn.errors, views: window.fn.viewTypes(), notes: window.fn.listNotes() }));
		expect(state.errors).toEqual([]);
		expect(state.notes).toContain(INDEX_NOTE);
		expect(state.views).toContain("framework-notes-comparison");
		expect(browser.pageErrors).toEqual([]);
	});

	it("refreshes the index block of WEBFramework/NOtes/NOtes.md to list the folder's notes", async () => {
		const read = (): Promise<string | null> => page.evaluate((path) => window.fn.readNote(path), INDEX_NOTE);
		await expect.poll(async () => indexBlock(await read()), { timeout: 10_000 }).toContain("- [[Django]]");
		const block = indexBlock(await read());
		expect(block).not.toContain("]]]]");
		for (const name of ["AIOHTTP", "AWS Chalice", "Bottle", "CherryPy", "FastAPI", "Flask", "Tornado", "Web2py", "Zappa"]) {
			expect(block).toContain(`- [[${name}]]`);
		}
		// The prose after the block is the user's and stays as it was.
		expect(await read()).toContain("what are the different frameworks or approaches in using python");
	});

	it("adds a created note to the index block", async () => {
		await page.evaluate(() =>
			window.fn.createNote("WEBFramework/NOtes/Quart.md", "---\ntype: framework\ncategory: asynchronous\n---\n# Quart\n"),
		);
		await expect
			.poll(async () => indexBlock(await page.evaluate((path) => window.fn.readNote(path), INDEX_NOTE)), { timeout: 10_000 })
			.toContain("- [[Quart]]");
	});
});
