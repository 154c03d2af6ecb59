import { afterEach, describe, expect, it, vi } from "vitest";
import { openComparison } from "../src/comparison/commands/open-comparison";
import { ComparisonView } from "../src/comparison/ui/comparison-view";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { frameworkNote } from "./kit/fixtures";

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
});

async function open(
	files: Record<string, string>,
	scope: string | null = null,
	data: unknown = { compare: { groupBy: "" } },
): Promise<ComparisonView> {
	h = await loadPlugin({ files, data });
	const leaf = await openComparison(h.plugin, scope);
	await h.settle();
	const view = leaf?.view;
	if (!(view instanceof ComparisonView)) throw new Error("not a comparison view");
	await view.ready;
	return view;
}

function rows(view: ComparisonView): HTMLElement[] {
	return Array.from(view.contentEl.querySelectorAll<HTMLElement>("tbody tr.fn-cmp-row"));
}

function cell(view: ComparisonView, name: string, key: string): HTMLElement {
	const tr = rows(view).find((r) => r.querySelector("a.fn-cmp-note-link")?.textContent === name);
	const td = tr?.querySelector<HTMLElement>(`td[data-key="${key}"]`);
	if (!td) throw new Error(`no cell ${name}/${key}`);
	return td;
}

const LONG = "x".repeat(10_000);
const HOSTILE =
	"---\n" +
	"type: framework\n" +
	'summary: "<img src=x onerror=alert(1)>"\n' +
	'website: "javascript:alert(1)"\n' +
	'related: "[[x|<b>y</b>]]"\n' +
	`long: "${LONG}"\n` +
	"nested:\n  a:\n    b: [1, 2]\n" +
	'tags: ["<script>alert(1)</script>"]\n' +
	"---\nBody\n";

describe("comparison pane: hostile values stay text", () => {
	it("never turns values into markup, scripts or unsafe links", async () => {
		const view = await open({ "Evil.md": HOSTILE, "Good.md": "---\ntype: framework\nwebsite: https://example.com\n---\n" });
		const root = view.contentEl;
		expect(root.querySelector("img")).toBeNull();
		expect(root.querySelector("b")).toBeNull();
		expect(root.querySelector("script")).toBeNull();
		expect(root.querySelector("[style]")).toBeNull();
		for (const a of Array.from(root.querySelectorAll("a[href]")))
			expect(a.getAttribute("href")).toMatch(/^(https?:|mailto:|obsidian:)/);
		expect(cell(view, "Evil", "summary").textContent).toBe("<img src=x onerror=alert(1)>");
		const website = cell(view, "Evil", "website");
		expect(website.querySelector("a")).toBeNull();
		expect(website.textContent).toBe("javascript:alert(1)");
		expect(cell(view, "Evil", "related").textContent).toContain("<b>y</b>");
		expect(cell(view, "Good", "website").querySelector("a")?.getAttribute("href")).toMatch(/^https:\/\/example\.com\/?$/);
	});

	it("keeps a 10,000-character value whole (truncation is visual only)", async () => {
		const view = await open({ "Evil.md": HOSTILE });
		const td = cell(view, "Evil", "long");
		expect(td.getAttribute("title")).toBe(LONG);
		expect(td.textContent).toBe(LONG);
	});

	it("shows a nested object as text", async () => {
		const view = await open({ "Evil.md": HOSTILE });
		const td = cell(view, "Evil", "nested");
		expect(td.textContent).toMatch(/a.*b.*1.*2/);
		expect(td.querySelectorAll("*")).toHaveLength(0);
	});

	it("lists a note with invalid YAML with a warning marker instead of dropping it", async () => {
		const view = await open({ "Web/Django.md": frameworkNote("full-stack") });
		const harness = h;
		if (!harness) throw new Error("no harness");
		// Created after loading: the mock app cannot even start with a broken note in its files.
		await harness.app.vault.create("Web/Broken.md", "---\ntype: framework\ncategory: [unclosed\n---\nBody\n");
		await harness.settle();
		await view.flushLive();
		const names = rows(view).map((r) => r.querySelector("a.fn-cmp-note-link")?.textContent);
		expect(names).toContain("Broken");
		const broken = rows(view).find((r) => r.querySelector("a.fn-cmp-note-link")?.textContent === "Broken");
		expect(broken?.querySelector(".fn-cmp-invalid")).not.toBeNull();
		expect(view.contentEl.querySelector(".fn-cmp-warnings")?.textContent).toContain("Broken");
	});
});

describe("comparison pane: large tables and keyboard", () => {
	function many(n: number): Record<string, string> {
		const files: Record<string, string> = {};
		for (let i = 0; i < n; i++)
			files[`F/N${String(i).padStart(5, "0")}.md`] = `---\ntype: framework\nrank: ${i}\nlanguage: L${i % 7}\n---\n`;
		return files;
	}

	it("renders only the rows in view, and the next ones after scrolling", async () => {
		const view = await open(many(2000));
		const first = rows(view);
		expect(first.length).toBeGreaterThan(10);
		expect(first.length).toBeLessThan(100);
		expect(view.current.result?.rows.length).toBe(2000);
		const scroller = view.contentEl.querySelector<HTMLElement>(".fn-cmp-scroller");
		if (!scroller) throw new Error("no scroller");
		scroller.scrollTop = 32 * 1500;
		scroller.dispatchEvent(new Event("scroll"));
		const names = rows(view).map((r) => r.querySelector("a.fn-cmp-note-link")?.textContent);
		expect(names).toContain("N01500");
		expect(names).not.toContain("N00000");
	});

	it("applies a burst that changes most notes (read again from scratch)", async () => {
		const view = await open(many(300));
		const harness = h;
		if (!harness) throw new Error("no harness");
		for (let i = 0; i < 300; i++) {
			const path = `F/N${String(i).padStart(5, "0")}.md`;
			await harness.app.vault.modify(harness.file(path), `---\ntype: framework\nrank: ${1000 + i}\nlanguage: L${i % 7}\n---\n`);
		}
		await harness.app.vault.delete(harness.file("F/N00299.md"));
		await harness.settle();
		await view.flushLive();
		expect(view.current.model?.rows).toHaveLength(299);
		expect(cell(view, "N00000", "rank").textContent).toContain("1000");
	});

	it("moves focus between cells with the arrow keys (one tab stop)", async () => {
		const view = await open(many(5));
		document.body.appendChild(view.containerEl);
		const table = view.contentEl.querySelector("table");
		if (!table) throw new Error("no table");
		expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
		const start = cell(view, "N00000", "rank");
		start.click();
		start.focus();
		start.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		expect(document.activeElement).toBe(cell(view, "N00001", "rank"));
		document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
		expect((document.activeElement as HTMLElement).dataset.key).toBe("language");
		document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
		expect(document.activeElement?.tagName).toBe("TH");
		expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
		view.containerEl.detach();
	});

	it("opens the editor with Enter and writes with processFrontMatter", async () => {
		const view = await open(many(3));
		const harness = h;
		if (!harness) throw new Error("no harness");
		const spy = vi.spyOn(harness.app.fileManager, "processFrontMatter");
		const td = cell(view, "N00001", "rank");
		td.focus();
		td.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		const input = td.querySelector("input");
		if (!input) throw new Error("no editor");
		input.value = "42";
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await harness.settle();
		expect(spy).toHaveBeenCalledTimes(1);
		expect(await harness.read("F/N00001.md")).toBe("---\ntype: framework\nrank: 42\nlanguage: L1\n---\n");
	});
});
