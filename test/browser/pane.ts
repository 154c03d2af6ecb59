/**
 * How the specs find things in the comparison pane. Controls are found by role and accessible
 * name (what a person or a screen reader sees); table parts by the view's documented classes and
 * data attributes (src/comparison/ui/table.ts).
 */
import type { Locator, Page } from "playwright-core";

export const PANE = '.workspace-leaf-content[data-type="framework-notes-comparison"]';
export const FOLDER = "WEBFramework/NOtes";
export const INDEX_NOTE = `${FOLDER}/NOtes.md`;

export function pane(page: Page): Locator {
	return page.locator(PANE);
}

export function table(page: Page): Locator {
	return pane(page).locator("table.fn-cmp-table");
}

export function columnHeader(page: Page, key: string): Locator {
	return table(page).locator(`thead th.fn-cmp-col-head[data-key="${key}"]`);
}

export function cell(page: Page, note: string, key: string): Locator {
	return table(page).locator(`td[data-key="${key}"][data-path="${FOLDER}/${note}.md"]`);
}

/** Note names of the rows in the DOM, top to bottom (rows orientation). */
export async function rowNames(page: Page): Promise<string[]> {
	return table(page)
		.locator("tbody tr.fn-cmp-row .fn-cmp-note-link")
		.evaluateAll((links) => links.map((a) => a.textContent ?? ""));
}

/** Group header labels, top to bottom. */
export async function groupLabels(page: Page): Promise<string[]> {
	return table(page)
		.locator("tbody tr.fn-cmp-group-row th > span:first-child")
		.evaluateAll((spans) => spans.map((s) => s.textContent ?? ""));
}

export async function statusText(page: Page): Promise<string> {
	return (await pane(page).getByRole("status").textContent()) ?? "";
}

/** Reload the example vault and plugin, then open the pane the way a person does. */
export async function freshPane(page: Page, theme: "light" | "dark" = "light"): Promise<void> {
	await page.evaluate(async (t) => {
		await window.fn.boot({ theme: t });
		await window.fn.openComparison();
	}, theme);
	await table(page).locator("tbody tr.fn-cmp-row").first().waitFor();
}

export async function readNote(page: Page, path: string): Promise<string | null> {
	return page.evaluate((p) => window.fn.readNote(p), path);
}

/** The text between the index markers of a note ("" when it has none). */
export function indexBlock(text: string | null): string {
	const begin = "%% Begin Waypoint %%";
	const end = "%% End Waypoint %%";
	if (text === null) return "";
	const start = text.indexOf(begin);
	const stop = text.indexOf(end);
	return start >= 0 && stop > start ? text.slice(start, stop + end.length) : "";
}
