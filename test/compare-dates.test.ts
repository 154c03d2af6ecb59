/** Dates in the comparison pane: the years 0000–0099 keep their year, in order and on screen. */
import { afterEach, describe, expect, it } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { ComparisonView } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const DAYS = ["0001-01-01", "0099-12-31", "0100-01-01", "1999-01-01"];

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

describe("comparison pane: dates in the years 0000–0099", () => {
	it("sorts them in calendar order and shows them as written", async () => {
		// Notes named against the calendar order, so the sort is what puts them in order.
		const names = ["D", "C", "B", "A"];
		const files = Object.fromEntries(DAYS.map((day, i) => [`Web/${names[i]}.md`, `---\ntype: framework\nreleased: ${day}\n---\n`]));
		h = await loadPlugin({ files });
		const leaf = await openComparison(h.plugin, null);
		await h.settle();
		const view = leaf?.view;
		if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
		await view.ready;
		const th = view.contentEl.querySelector<HTMLElement>('thead th[data-key="released"]');
		if (!th) throw new Error("no released header");
		th.click();
		await h.settle();
		const rows = Array.from(view.contentEl.querySelectorAll<HTMLElement>("tbody tr.fn-cmp-row"));
		expect(rows.map((r) => r.querySelector("a.fn-cmp-note-link")?.textContent)).toEqual(["D", "C", "B", "A"]);
		const shown = rows.map((r) => r.querySelector<HTMLElement>('td[data-key="released"]')?.textContent ?? "");
		expect(shown.slice(0, 3)).toEqual(DAYS.slice(0, 3));
		expect(shown[3]).toContain("1999");
	});
});
