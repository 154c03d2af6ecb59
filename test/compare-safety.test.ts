import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";
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
): Promise<ComparisonPanePage> {
	h = await loadPlugin({ files, data });
	return ComparisonPanePage.open(h, { scope });
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
		const pane = await open({ "Evil.md": HOSTILE, "Good.md": "---\ntype: framework\nwebsite: https://example.com\n---\n" });
		const root = pane.root;
		expect(root.querySelector("img")).toBeNull();
		expect(root.querySelector("b")).toBeNull();
		expect(root.querySelector("script")).toBeNull();
		expect(root.querySelector("[style]")).toBeNull();
		for (const a of Array.from(root.querySelectorAll("a[href]")))
			expect(a.getAttribute("href")).toMatch(/^(https?:|mailto:|obsidian:)/);
		expect(pane.cell("Evil", "summary").textContent).toBe("<img src=x onerror=alert(1)>");
		const website = pane.cell("Evil", "website");
		expect(website.querySelector("a")).toBeNull();
		expect(website.textContent).toBe("javascript:alert(1)");
		expect(pane.cell("Evil", "related").textContent).toContain("<b>y</b>");
		expect(pane.cell("Good", "website").querySelector("a")?.getAttribute("href")).toMatch(/^https:\/\/example\.com\/?$/);
	});

	it("keeps a 10,000-character value whole (truncation is visual only)", async () => {
		const pane = await open({ "Evil.md": HOSTILE });
		const td = pane.cell("Evil", "long");
		expect(td.getAttribute("title")).toBe(LONG);
		expect(td.textContent).toBe(LONG);
	});

	it("shows a nested object as text", async () => {
		const pane = await open({ "Evil.md": HOSTILE });
		const td = pane.cell("Evil", "nested");
		expect(td.textContent).toMatch(/a.*b.*1.*2/);
		expect(td.querySelectorAll("*")).toHaveLength(0);
	});

	it("lists a note with invalid YAML with a warning marker instead of dropping it", async () => {
		const pane = await open({ "Web/Django.md": frameworkNote("full-stack") });
		const harness = h;
		if (!harness) throw new Error("no harness");
		// Created after loading: the mock app cannot even start with a broken note in its files.
		await harness.app.vault.create("Web/Broken.md", "---\ntype: framework\ncategory: [unclosed\n---\nBody\n");
		await harness.settle();
		await pane.view.flushLive();
		const names = pane.rowNames();
		expect(names).toContain("Broken");
		const broken = pane.row("Broken");
		expect(broken?.querySelector(".fn-cmp-invalid")).not.toBeNull();
		expect(pane.root.querySelector(".fn-cmp-warnings")?.textContent).toContain("Broken");
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
		const pane = await open(many(2000));
		const first = pane.rows();
		expect(first.length).toBeGreaterThan(10);
		expect(first.length).toBeLessThan(100);
		expect(pane.view.current.result?.rows.length).toBe(2000);
		const scroller = pane.root.querySelector<HTMLElement>(".fn-cmp-scroller");
		if (!scroller) throw new Error("no scroller");
		scroller.scrollTop = 32 * 1500;
		scroller.dispatchEvent(new Event("scroll"));
		const names = pane.rowNames();
		expect(names).toContain("N01500");
		expect(names).not.toContain("N00000");
	});

	it("applies a burst that changes most notes (read again from scratch)", async () => {
		const pane = await open(many(300));
		const harness = h;
		if (!harness) throw new Error("no harness");
		for (let i = 0; i < 300; i++) {
			const path = `F/N${String(i).padStart(5, "0")}.md`;
			await harness.app.vault.modify(harness.file(path), `---\ntype: framework\nrank: ${1000 + i}\nlanguage: L${i % 7}\n---\n`);
		}
		await harness.app.vault.delete(harness.file("F/N00299.md"));
		await harness.settle();
		await pane.view.flushLive();
		expect(pane.view.current.model?.rows).toHaveLength(299);
		expect(pane.cell("N00000", "rank").textContent).toContain("1000");
	});

	it("moves focus between cells with the arrow keys (one tab stop)", async () => {
		const pane = await open(many(5));
		document.body.appendChild(pane.view.containerEl);
		const table = pane.root.querySelector("table");
		if (!table) throw new Error("no table");
		expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
		const start = pane.cell("N00000", "rank");
		start.click();
		start.focus();
		start.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		expect(document.activeElement).toBe(pane.cell("N00001", "rank"));
		document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
		expect((document.activeElement as HTMLElement).dataset.key).toBe("language");
		document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
		expect(document.activeElement?.tagName).toBe("TH");
		expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
		pane.view.containerEl.detach();
	});

	it("opens the editor with Enter and writes with processFrontMatter", async () => {
		const pane = await open(many(3));
		const harness = h;
		if (!harness) throw new Error("no harness");
		const spy = vi.spyOn(harness.app.fileManager, "processFrontMatter");
		await pane.edit("N00001", "rank", "42", { via: "keyboard" });
		expect(spy).toHaveBeenCalledTimes(1);
		expect(await harness.read("F/N00001.md")).toBe("---\ntype: framework\nrank: 42\nlanguage: L1\n---\n");
	});
});
