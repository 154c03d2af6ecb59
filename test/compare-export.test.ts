import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";
import { frameworkNote } from "./kit/fixtures";

let h: Harness | null = null;

afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

const FILES: Record<string, string> = {
	"Web/Django.md": frameworkNote("full-stack", { first_release: 2005 }),
	"Web/Flask.md": frameworkNote("micro", { first_release: 2010 }),
};

async function open(files: Record<string, string> = FILES, scope: string | null = "Web"): Promise<ComparisonPanePage> {
	h = await loadPlugin({ files, data: { compare: { groupBy: "" } } });
	return ComparisonPanePage.open(h, { scope });
}

function clipboardSpy(): ReturnType<typeof vi.fn> {
	const writeText = vi.fn(async () => undefined);
	Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
	return writeText;
}

describe("comparison pane: export", () => {
	it("copies the shown table as Markdown", async () => {
		const { view } = await open();
		const writeText = clipboardSpy();
		expect(await view.copyMarkdown()).toBe(true);
		expect(writeText).toHaveBeenCalledWith(
			"| Note | type | category | first_release |\n| --- | --- | --- | ---: |\n| [[Django]] | framework | full-stack | 2005 |\n| [[Flask]] | framework | micro | 2010 |\n",
		);
	});

	it("copies the shown table as CSV", async () => {
		const { view } = await open();
		const writeText = clipboardSpy();
		expect(await view.copyCsv()).toBe(true);
		const csv = String(writeText.mock.calls[0]?.[0]);
		expect(csv.split(/\r?\n/)[0]).toContain("first_release");
		expect(csv).toContain("Django");
		expect(csv).toContain("2010");
	});

	it("saves a generated comparison note in the scope folder and updates it later", async () => {
		const { view, h } = await open();
		expect(await view.saveAsNote()).toBe("Web/comparison.md");
		const text = await h.read("Web/comparison.md");
		expect(text.startsWith('---\nframework-notes: comparison\ncompare-scope: "Web"\n')).toBe(true);
		expect(text).toContain("%% Begin Comparison %%\n");
		expect(text).toContain("| [[Django]] | framework | full-stack | 2005 |");
		await h.settle();
		await view.ready;
		// The generated note is not itself a framework note row.
		expect(view.current.model?.rows.map((r) => r.basename)).toEqual(["Django", "Flask"]);
		await h.app.vault.modify(
			h.app.vault.getFileByPath("Web/Flask.md") as never,
			"---\ntype: framework\ncategory: micro\nfirst_release: 2011\n---\n",
		);
		await h.settle();
		await view.flushLive();
		expect(await view.saveAsNote()).toBe("Web/comparison.md");
		expect(await h.read("Web/comparison.md")).toContain("| [[Flask]] | framework | micro | 2011 |");
	});

	it("never overwrites a note that is not a generated comparison", async () => {
		const { view, h } = await open({ ...FILES, "Web/comparison.md": "# My own notes\n\nKeep me.\n" });
		const process = vi.spyOn(h.app.vault, "process");
		const modify = vi.spyOn(h.app.vault, "modify");
		expect(await view.saveAsNote()).toBeNull();
		expect(process).not.toHaveBeenCalled();
		expect(modify).not.toHaveBeenCalled();
		expect(await h.read("Web/comparison.md")).toBe("# My own notes\n\nKeep me.\n");
	});

	it("does not rewrite an up-to-date comparison note", async () => {
		const { view, h } = await open();
		await view.saveAsNote();
		const process = vi.spyOn(h.app.vault, "process");
		const modify = vi.spyOn(h.app.vault, "modify");
		await view.saveAsNote();
		expect(process).not.toHaveBeenCalled();
		expect(modify).not.toHaveBeenCalled();
	});
});
