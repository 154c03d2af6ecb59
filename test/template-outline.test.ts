import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
	categorySlug,
	cleanDescription,
	linkOutlineItems,
	parseOutline,
	planOutlineImport,
	splitFrontmatter,
} from "../src/templates/core/index";
import { SEED_OUTLINE } from "./kit/fixtures";

const seed = SEED_OUTLINE;
const when = new Date(2026, 10, 24);

describe("parseOutline on the seed note", () => {
	const items = parseOutline(seed);

	it("finds the ten frameworks in order", () => {
		expect(items.map((i) => i.name)).toEqual([
			"Django",
			"Flask",
			"FastAPI",
			"AIOHTTP",
			"Bottle",
			"CherryPy",
			"Web2py",
			"Tornado",
			"Zappa",
			"AWS Chalice",
		]);
	});
	it("groups them in five categories, slugged for frontmatter", () => {
		const pairs = [...new Map(items.map((i) => [i.category, i.categorySlug])).entries()];
		expect(pairs).toEqual([
			["Full-Stack Frameworks", "full-stack"],
			["Asynchronous Frameworks", "asynchronous"],
			["Microframeworks", "microframework"],
			["Other Approaches", "other"],
			["Serverless Frameworks", "serverless"],
		]);
	});
	it("cleans stray citation digits and keeps real numbers", () => {
		const byName = new Map(items.map((i) => [i.name, i.summary]));
		expect(byName.get("Django")).toMatch(/authentication, and an admin interface\.$/);
		expect(byName.get("AWS Chalice")).toBe(
			"A microframework for creating and deploying serverless apps on AWS Lambda and API Gateway.",
		);
		expect(byName.get("Zappa")).toMatch(/using AWS Lambda\.$/);
		expect(byName.get("FastAPI")).toContain("Python 3.6+");
		for (const item of items) expect(item.summary).not.toMatch(/[a-z]\d\.$/);
	});
	it("reports each item's line", () => {
		const lines = seed.split("\n");
		for (const item of items) expect(lines[item.line]).toContain(`**${item.name}**`);
	});
	it("ignores the malformed link inside the Waypoint block", () => {
		expect(items.some((i) => i.name.includes("comparison"))).toBe(false);
	});
});

describe("parseOutline variations", () => {
	it("reads bullets with em dash, en dash, hyphen and colon separators", () => {
		const items = parseOutline(
			"## Web\n- **Django** — Full stack.\n* **Flask** – Micro.\n+ **Bottle** - Tiny.\n- **Zappa:** Serverless.\n- **CherryPy**\n",
		);
		expect(items.map((i) => [i.name, i.summary, i.category])).toEqual([
			["Django", "Full stack.", "Web"],
			["Flask", "Micro.", "Web"],
			["Bottle", "Tiny.", "Web"],
			["Zappa", "Serverless.", "Web"],
			["CherryPy", "", "Web"],
		]);
	});
	it("reads nested lists and takes the category from the nearest heading of any level", () => {
		const text =
			"# Title\n#### Full-Stack Frameworks\n- Python\n  - **Django**: A.\n    1. **Wagtail**: B.\n###### Tools\n1) **Celery**: C.\n";
		expect(parseOutline(text).map((i) => [i.name, i.category, i.categorySlug])).toEqual([
			["Django", "Full-Stack Frameworks", "full-stack"],
			["Wagtail", "Full-Stack Frameworks", "full-stack"],
			["Celery", "Tools", "tools"],
		]);
	});
	it("reads items whose name is a link", () => {
		const items = parseOutline(
			"### Async\n1. **[[FastAPI]]**: Fast.\n2. **[[Frameworks/AIOHTTP|AIOHTTP]]**: Both.\n3. **[Bottle](Bottle.md)**: Small.\n",
		);
		expect(items.map((i) => [i.name, i.linkTarget])).toEqual([
			["FastAPI", "FastAPI"],
			["AIOHTTP", "Frameworks/AIOHTTP"],
			["Bottle", "Bottle"],
		]);
	});
	it("skips bold text that is not an item, code blocks and frontmatter", () => {
		const text =
			"---\nx: 1\n---\n**Django**: not a list item\n- Some **bold** words\n- **Note** this has no separator\n```\n- **Flask**: in code\n```\n- **Bottle**: yes\n";
		expect(parseOutline(text).map((i) => i.name)).toEqual(["Bottle"]);
	});
	it("finds nothing in an outline with no items", () => {
		expect(parseOutline("")).toEqual([]);
		expect(parseOutline("# Notes\n\nJust prose with **bold**.\n- a plain list\n")).toEqual([]);
	});
	it("gives items before any heading an empty category", () => {
		expect(parseOutline("- **Django**: x")[0]).toMatchObject({ category: "", categorySlug: "" });
	});
});

describe("categorySlug", () => {
	it("follows the documented rule", () => {
		expect(categorySlug("Full-Stack Frameworks")).toBe("full-stack");
		expect(categorySlug("Asynchronous Frameworks")).toBe("asynchronous");
		expect(categorySlug("Microframeworks")).toBe("microframework");
		expect(categorySlug("Other Approaches")).toBe("other");
		expect(categorySlug("Serverless Frameworks")).toBe("serverless");
		expect(categorySlug("Frameworks")).toBe("framework");
		expect(categorySlug("**Data** & ML libraries")).toBe("data-ml");
		expect(categorySlug("Über Tools")).toBe("über");
		expect(categorySlug("")).toBe("");
	});
});

describe("cleanDescription", () => {
	it("removes digits glued to a sentence's last word", () => {
		expect(cleanDescription("An admin interface2.")).toBe("An admin interface.");
		expect(cleanDescription("Ends here3")).toBe("Ends here");
		expect(cleanDescription("First part12. Second part.")).toBe("First part. Second part.");
	});
	it("keeps real numbers, versions, years and names with digits", () => {
		for (const text of [
			"Python 3.6+ only.",
			"Since 2005.",
			"Runs on Python3.",
			"Uses OAuth2.",
			"Like Web2py does.",
			"Store in S3.",
			"API v2.",
			"HTTP2.",
		]) {
			expect(cleanDescription(text)).toBe(text);
		}
	});
	it("collapses whitespace and line breaks", () => {
		expect(cleanDescription("  a<br>b \t c  ")).toBe("a b c");
	});
});

describe("planOutlineImport", () => {
	it("plans one note per seed item in the outline's folder with category and summary", () => {
		const plan = planOutlineImport(seed, "WEBFramework/NOtes", new Set(), { date: when });
		expect(plan.skip).toEqual([]);
		expect(plan.create).toHaveLength(10);
		const chalice = plan.create.find((c) => c.item.name === "AWS Chalice");
		expect(chalice?.path).toBe("WEBFramework/NOtes/AWS Chalice.md");
		const data = parse(splitFrontmatter(chalice?.text ?? "").frontmatter ?? "") as Record<string, unknown>;
		expect(data).toMatchObject({
			type: "framework",
			category: "serverless",
			summary: "A microframework for creating and deploying serverless apps on AWS Lambda and API Gateway.",
			created: "2026-11-24",
		});
	});
	it("never plans over an existing note (any letter case) and says why", () => {
		const existing = new Set(["WEBFramework/NOtes/Django.md", "webframework/notes/flask.md", "Elsewhere/Bottle.md"]);
		const plan = planOutlineImport(seed, "WEBFramework/NOtes", existing, { date: when });
		expect(plan.create).toHaveLength(8);
		expect(plan.skip.map((s) => [s.name, s.path])).toEqual([
			["Django", "WEBFramework/NOtes/Django.md"],
			["Flask", "WEBFramework/NOtes/Flask.md"],
		]);
		expect(plan.skip[0]?.reason).toMatch(/already exists/);
	});
	it("plans nothing a second time once the notes exist", () => {
		const first = planOutlineImport(seed, "WEBFramework/NOtes", new Set(), { date: when });
		const second = planOutlineImport(seed, "WEBFramework/NOtes", new Set(first.create.map((c) => c.path)), { date: when });
		expect(second.create).toEqual([]);
		expect(second.skip).toHaveLength(10);
	});
	it("skips repeats and unusable names, and writes into the vault root", () => {
		const plan = planOutlineImport("- **A/B**: x\n- **A B**: y\n- **???**: z\n", "/", new Set(), { date: when });
		expect(plan.create.map((c) => c.path)).toEqual(["A B.md"]);
		expect(plan.skip.map((s) => s.reason)).toEqual(["listed twice in the outline", expect.stringMatching(/no characters usable/)]);
	});
	it("uses a user template", () => {
		const plan = planOutlineImport("### Web\n- **Django**: x\n", "", new Set(), {
			template: "---\nkind: fw\n---\n# {{title}} ({{folder}})\n",
			date: when,
		});
		expect(plan.create[0]?.text).toBe("---\nkind: fw\ncategory: web\nsummary: x\n---\n# Django ()\n");
	});
});

describe("linkOutlineItems", () => {
	it("links only the item names, leaving every other character as it was", () => {
		const items = parseOutline(seed);
		const out = linkOutlineItems(
			seed,
			items.map((i) => ({ line: i.line, name: i.name, target: i.name })),
		);
		expect(out).toContain("1. **[[Django]]**: A high-level framework");
		expect(out).toContain("2. **[[AWS Chalice]]**: A microframework");
		expect(out.replace(/\[\[([^\]]+)\]\]/g, (m: string, name: string) => (items.some((i) => i.name === name) ? name : m))).toBe(seed);
	});
	it("uses an alias when the note's name differs, and leaves linked or moved items alone", () => {
		const text = "- **A/B**: x\n- **[[C]]**: y\n- other\n";
		const out = linkOutlineItems(text, [
			{ line: 0, name: "A/B", target: "A B" },
			{ line: 1, name: "C", target: "C" },
			{ line: 2, name: "D", target: "D" },
		]);
		expect(out).toBe("- **[[A B|A/B]]**: x\n- **[[C]]**: y\n- other\n");
	});
	it("returns the very same text when nothing is linked", () => {
		const text = "- **[[C]]**: y\n";
		expect(linkOutlineItems(text, [{ line: 0, name: "C", target: "C" }])).toBe(text);
	});
	it("finds an item whose line moved since parsing (an index block above it grew)", () => {
		const text = "# Notes\n- **Django**: x\n- **Flask**: y\n";
		const links = parseOutline(text).map((i) => ({ line: i.line, name: i.name, target: i.name }));
		const grown = "# Notes\n%% Begin Waypoint %%\n- [[A]]\n%% End Waypoint %%\n- **Django**: x\n- **Flask**: y\n";
		expect(linkOutlineItems(grown, links)).toBe(
			"# Notes\n%% Begin Waypoint %%\n- [[A]]\n%% End Waypoint %%\n- **[[Django]]**: x\n- **[[Flask]]**: y\n",
		);
	});
	it("keeps a colon inside the bold span outside the link", () => {
		expect(linkOutlineItems("- **Zappa:** x", [{ line: 0, name: "Zappa", target: "Zappa" }])).toBe("- **[[Zappa]]:** x");
	});
});
