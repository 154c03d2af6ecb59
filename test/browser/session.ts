import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startBrowser, type BrowserSession } from "./support";

/**
 * One Chromium with the test page for a spec file: started before its tests, closed after them.
 * `ready` receives the session and its page. After every test, any script error or console error
 * in the page fails the test that caused it.
 */
export function useBrowserPage(ready: (browser: BrowserSession, page: Page) => void): void {
	let browser: BrowserSession | undefined;
	beforeAll(async () => {
		browser = await startBrowser();
		ready(browser, await browser.open());
	});
	afterAll(async () => {
		await browser?.close();
	});
	afterEach(() => {
		expect(browser?.pageErrors.splice(0) ?? []).toEqual([]);
	});
}
