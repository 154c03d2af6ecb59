/**
 * Screenshots of the comparison pane over examples/vault, light and dark, normal and transposed,
 * saved to test-results/screenshots/. With UPDATE_SCREENSHOTS=1 (or
 * `node scripts/browser-tests.mjs --update-screenshots`) the README's copies in
 * docs/screenshots/ are replaced by these.
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./build-page";
import { columnHeader, freshPane, pane, table } from "./pane";
import { SCREENSHOT_DIR, startBrowser, type BrowserSession } from "./support";

const DOCS_DIR = join(ROOT, "docs", "screenshots");
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === "1";
const VIEWPORT = { width: 1440, height: 810 };

let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
	browser = await startBrowser();
	page = await browser.open("", VIEWPORT);
	await mkdir(SCREENSHOT_DIR, { recursive: true });
	if (UPDATE_DOCS) await mkdir(DOCS_DIR, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
});

afterEach(() => {
	expect(browser.pageErrors.splice(0)).toEqual([]);
});

async function shoot(name: string, target: Page = page): Promise<void> {
	// Fonts and layout settle before the picture is taken; the caret and hover are hidden.
	await target.evaluate(async () => {
		await document.fonts.ready;
		(document.activeElement as HTMLElement | null)?.blur();
	});
	await target.mouse.move(0, 0);
	const file = join(SCREENSHOT_DIR, `${name}.png`);
	await target.screenshot({ path: file, animations: "disabled", caret: "hide" });
	expect((await stat(file)).size).toBeGreaterThan(10_000);
	if (UPDATE_DOCS) await copyFile(file, join(DOCS_DIR, `${name}.png`));
}

/** The theme's background really reached the pane (the stylesheet and the body class apply). */
async function paneBackground(): Promise<string> {
	return pane(page)
		.locator(".view-content")
		.evaluate((el) => getComputedStyle(el).backgroundColor);
}

describe.each(["light", "dark"] as const)("the comparison pane in the %s theme", (theme) => {
	it("rows: one note per row grouped by category, sorted by first release, identical properties hidden", async () => {
		await freshPane(page, theme);
		expect(await page.evaluate(() => document.body.className)).toContain(`theme-${theme}`);
		expect(await paneBackground()).toBe(theme === "light" ? "rgb(255, 255, 255)" : "rgb(31, 31, 31)");
		await pane(page).getByRole("button", { name: "Hide identical properties" }).click();
		await expect.poll(() => columnHeader(page, "language").count()).toBe(0);
		await columnHeader(page, "first_release").click();
		await expect.poll(() => columnHeader(page, "first_release").getAttribute("aria-sort")).toBe("ascending");
		await shoot(`comparison-${theme}`);
	});

	it("transposed: notes side by side, identical properties hidden", async () => {
		await freshPane(page, theme);
		await pane(page).getByRole("button", { name: "Hide identical properties" }).click();
		await pane(page).getByRole("button", { name: "Transpose" }).click();
		await expect.poll(() => table(page).getAttribute("class")).toContain("fn-cmp-transposed");
		await shoot(`comparison-transposed-${theme}`);
	});
});

describe("the comparison pane on a phone-sized window", () => {
	it("transposed, two notes selected and compared", async () => {
		const phone = await browser.open("", { width: 390, height: 844 });
		try {
			await freshPane(phone);
			await pane(phone).getByRole("checkbox", { name: "Select Django" }).check();
			await pane(phone).getByRole("checkbox", { name: "Select Flask" }).check();
			await pane(phone).getByRole("button", { name: "Compare selected (2)" }).click();
			await pane(phone).getByRole("button", { name: "Transpose" }).click();
			await expect.poll(() => table(phone).getAttribute("class")).toContain("fn-cmp-transposed");
			await shoot("comparison-phone-light", phone);
		} finally {
			await phone.close();
		}
	});
});
