/**
 * Decision mode over examples/vault: a person opens the comparison, switches to "Decision",
 * picks the example's decision note and sees the same ranking as `framework-notes decide`
 * (test/approvals/cli-decide/example-vault.txt). Screenshot: decision-light.png (README).
 */
import { copyFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./build-page";
import { freshPane, pane } from "./pane";
import { SCREENSHOT_DIR, startBrowser, type BrowserSession } from "./support";

const DECISION = "WEBFramework/Choosing a Python web framework.md";
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === "1";

let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
	browser = await startBrowser();
	page = await browser.open("", { width: 1440, height: 810 });
	await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
});

afterEach(() => {
	expect(browser.pageErrors.splice(0)).toEqual([]);
});

async function rows(): Promise<string[]> {
	return pane(page)
		.locator(".fn-dec-row")
		.evaluateAll((els) =>
			els.map((el) =>
				["rank", "name", "score", "coverage"].map((p) => el.querySelector(`.fn-dec-${p}`)?.textContent ?? "").join(" "),
			),
		);
}

describe("decision mode", () => {
	it("ranks the example's frameworks as the CLI does, and re-ranks when a weight changes", async () => {
		await freshPane(page, "light");
		await pane(page).getByRole("tab", { name: "Decision" }).click();
		await pane(page).getByLabel("Decision note").selectOption(DECISION);
		await pane(page).locator(".fn-dec-row").first().waitFor();
		expect(await rows()).toEqual([
			"1 Django 86.5 100%",
			"2 FastAPI 66.7 100%",
			"3 AIOHTTP 61.5 100%",
			"4 Tornado 57.3 100%",
			"5 AWS Chalice 14.6 100%",
			"5 Zappa 14.6 100%",
			"7 Flask 8.3 100%",
			"8 Bottle 7.3 100%",
			"9 CherryPy 0.0 100%",
		]);
		await expect
			.poll(() => pane(page).locator(".fn-dec-change").textContent())
			.toBe("FastAPI would overtake Django if orm weighed 0.81 instead of 2.");
		expect(await pane(page).locator(".fn-dec-aside-row .fn-dec-name").allTextContents()).toEqual(["Web2py"]);
		expect(await pane(page).locator(".fn-dec-aside-row .fn-dec-reason").allTextContents()).toEqual([
			`fails "license in [MIT, BSD-3-Clause, Apache-2.0]" (license: LGPL-3.0-only)`,
		]);
		await page.evaluate(async () => {
			await document.fonts.ready;
			(document.activeElement as HTMLElement | null)?.blur();
		});
		const file = join(SCREENSHOT_DIR, "decision-light.png");
		await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
		expect((await stat(file)).size).toBeGreaterThan(10_000);
		if (UPDATE_DOCS) await copyFile(file, join(ROOT, "docs", "screenshots", "decision-light.png"));

		// The orm weight's slider, moved with the keyboard: each step of 0.5 is written to the note, and
		// the slider keeps the focus across the redraw, so the next key press moves it again.
		await pane(page).getByRole("slider", { name: "Weight of orm = true" }).focus();
		// (Weight 1 is written without "* 1".)
		// Each step waits for the redraw (Django's score changes) before the next key press.
		const steps = [
			["orm = true * 1.5", "85.2"],
			["orm = true", "83.8"],
			["orm = true * 0.5", "81.9"],
		];
		for (const [item, djangoScore] of steps) {
			await page.keyboard.press("ArrowLeft");
			await expect.poll(() => page.evaluate((p) => window.fn.readNote(p), DECISION)).toContain(`  - ${item}\n`);
			await expect.poll(async () => (await rows()).find((r) => r.includes("Django"))).toContain(` Django ${djangoScore} `);
		}
		await expect.poll(async () => (await rows())[0]).toBe("1 FastAPI 88.9 100%");
	});
});
