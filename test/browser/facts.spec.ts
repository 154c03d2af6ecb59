/**
 * The facts preview in Chromium: a person runs "Fill facts from registries" on a folder of two
 * framework notes made from the seed outline (only type, category and summary), agrees to the
 * hosts, sees one row per property with a checkbox, unticks one, applies, and the note's
 * properties are the ticked ones. Answers come from the page's fake network (PyPI and GitHub
 * fixtures); nothing leaves the page. Screenshot: facts-preview-light.png (README).
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import githubDjango from "../../src/facts/core/fixtures/github-django.json";
import pypiDjango from "../../src/facts/core/fixtures/pypi-django.json";
import { ROOT } from "./build-page";
import { SCREENSHOT_DIR, startBrowser, type BrowserSession } from "./support";

const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === "1";
const DJANGO = "Web/Django.md";

const FILES = {
	[DJANGO]:
		"---\ntype: framework\ncategory: full-stack\nsummary: A high-level framework that encourages rapid development.\npackage: pypi:django\nlicense: BSD\n---\n## Overview\n",
	"Web/Bottle.md":
		"---\ntype: framework\ncategory: micro\nsummary: A fast, simple micro-framework.\npackage: pypi:bottle\n---\n## Overview\n",
};

const ROUTES = {
	"https://pypi.org/pypi/django/json": { status: 200, body: pypiDjango },
	"https://api.github.com/repos/django/django": { status: 200, body: githubDjango },
};

let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
	browser = await startBrowser();
	page = await browser.open("", { width: 1280, height: 900 });
	await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
});

afterEach(() => {
	expect(browser.pageErrors.splice(0)).toEqual([]);
});

async function frontmatter(path: string): Promise<Record<string, unknown>> {
	return (await page.evaluate((p) => window.fn.frontmatter(p), path)) ?? {};
}

describe("the facts preview", () => {
	it("shows rows with checkboxes, writes the ticked properties only", async () => {
		await page.evaluate(
			async ({ files, routes }) => {
				await window.fn.boot({ files, theme: "light" });
				window.fn.setNetwork(routes);
				await window.fn.openNote("Web/Django.md");
				window.fn.runCommand("fill-facts");
			},
			{ files: FILES, routes: ROUTES },
		);
		await page.getByRole("button", { name: "Framework notes in Web (2 notes)" }).click();
		const consent = page.getByRole("dialog").filter({ hasText: "Fetch facts from the internet?" });
		expect(await consent.locator(".fn-facts-hosts li").allTextContents()).toContain("pypi.org");
		await page.getByRole("button", { name: "Allow and continue" }).click();

		const preview = page.locator(".modal.fn-facts-modal");
		await preview.locator("tr.fn-facts-row").first().waitFor();
		const language = preview.getByRole("checkbox", { name: "Write language to Django" });
		expect(await language.isVisible()).toBe(true);
		expect(await language.isChecked()).toBe(true);
		const license = preview.getByRole("checkbox", { name: "Write license to Django" });
		expect(await license.isChecked()).toBe(false);
		expect(await preview.locator('.fn-facts-note[data-path="Web/Bottle.md"] .fn-facts-error').isVisible()).toBe(true);
		const website = preview.getByRole("checkbox", { name: "Write website to Django" });
		await website.uncheck();
		expect(await website.isChecked()).toBe(false);

		await page.evaluate(async () => {
			await document.fonts.ready;
			(document.activeElement as HTMLElement | null)?.blur();
		});
		await page.mouse.move(0, 0);
		const file = join(SCREENSHOT_DIR, "facts-preview-light.png");
		await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
		expect((await stat(file)).size).toBeGreaterThan(10_000);
		if (UPDATE_DOCS) await copyFile(file, join(ROOT, "docs", "screenshots", "facts-preview-light.png"));

		await preview.getByRole("button", { name: "Apply" }).click();
		await expect.poll(async () => (await frontmatter(DJANGO)).language).toBe("Python");
		const fm = await frontmatter(DJANGO);
		expect(fm.website).toBeUndefined();
		expect(fm.license).toBe("BSD");
		expect(fm.summary).toBe("A high-level framework that encourages rapid development.");
		expect(await preview.count()).toBe(0);
		await expect
			.poll(() => page.evaluate(() => window.fn.notices()))
			.toContainEqual(expect.stringMatching(/^Wrote \d+ properties to 1 note\.$/));
	});
});
