/**
 * A living comparison in the browser: a person edits a cell in the comparison pane, and the
 * Comparison block of the example's comparison note (another note) follows, written by the plugin.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cell, freshPane, pane, readNote } from "./pane";
import { useBrowserPage } from "./session";

const FOLDER = "WEBFramework/NOtes";
const COMPARISON = `${FOLDER}/comparison.md`;

let page: Page;
useBrowserPage((_b, p) => {
	page = p;
});

describe("living comparison block", () => {
	it("editing a cell in the pane updates the block in the comparison note", async () => {
		await freshPane(page);
		expect(await readNote(page, COMPARISON)).toContain("| [[Bottle]] | ✗ | ✗ | ✗ | MIT | 2009 |");
		const target = cell(page, "Bottle", "license");
		await target.click();
		await target.press("Enter");
		const field = pane(page).getByRole("textbox", { name: "license of Bottle" });
		await field.fill("MIT-0");
		await field.press("Enter");
		await expect.poll(() => readNote(page, `${FOLDER}/Bottle.md`)).toContain("license: MIT-0");
		await expect.poll(() => readNote(page, COMPARISON), { timeout: 10_000 }).toContain("| [[Bottle]] | ✗ | ✗ | ✗ | MIT-0 | 2009 |");
		const text = (await readNote(page, COMPARISON)) ?? "";
		// Only the block changed: the note's frontmatter and heading are as they were.
		expect(text.startsWith('---\nframework-notes: comparison\ncompare-scope: "WEBFramework/NOtes"\n')).toBe(true);
		expect(text).toContain("\n# Comparison: NOtes\n");
	});
});
