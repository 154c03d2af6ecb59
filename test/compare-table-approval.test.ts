/**
 * Approval files for the comparison table's DOM: the table rendered for a small model in each
 * orientation, grouped and not, serialised one element per line. A change to what the table
 * renders shows up as a diff of these files; review it, then run with UPDATE_APPROVALS=1.
 */
import { type App, Component } from "obsidian";
import { describe, it } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, type NoteInput, type Orientation, type SortKey } from "../src/comparison/core/index";
import { ComparisonTable } from "../src/comparison/ui/table";
import { expectApproved } from "./kit/approval";

/** One element per line, indented, attributes sorted; text trimmed and quoted. */
function serialise(node: Node, depth = 0): string {
	const pad = "  ".repeat(depth);
	if (node.nodeType === Node.TEXT_NODE) {
		const text = node.textContent ?? "";
		return text === "" ? "" : `${pad}${JSON.stringify(text)}\n`;
	}
	if (node.nodeType !== Node.ELEMENT_NODE) return "";
	const el = node as Element;
	const tag = el.tagName.toLowerCase();
	const attrs = Array.from(el.attributes)
		.map((a) => [a.name, a.value] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, value]) => ` ${name}=${JSON.stringify(value)}`)
		.join("");
	const box = tag === "input" ? (el as HTMLInputElement) : null;
	const props = box?.type === "checkbox" ? ` [checked=${box.checked}]` : "";
	let out = `${pad}<${tag}${attrs}${props}>\n`;
	for (const child of Array.from(node.childNodes)) out += serialise(child, depth + 1);
	return out;
}

const app = {
	metadataCache: { getFirstLinkpathDest: (target: string) => (target === "Flask" ? { basename: "Flask" } : null) },
	workspace: { trigger: () => undefined, openLinkText: async () => undefined },
} as unknown as App;

class Owner extends Component {
	hoverPopover = null;
}

const callbacks = { sort: () => undefined, toggleSelected: () => undefined, selectAll: () => undefined, edit: async () => undefined };

function note(path: string, frontmatter: Record<string, unknown>): NoteInput {
	const basename = path.replace(/^.*\//, "").replace(/\.md$/, "");
	return { path, basename, frontmatter, frontmatterError: null };
}

const NOTES: NoteInput[] = [
	note("Web/Django.md", { category: "full-stack", async: true, first_release: 2005, related: ["[[Flask]]", "[[Pyramid]]"] }),
	note("Web/Flask.md", { category: "micro", async: false, first_release: 2010, related: [] }),
	note("Web/FastAPI.md", { category: "micro", async: true, first_release: 2018 }),
	note("Other/Rails.md", { category: "full-stack", async: false, first_release: "2004", website: "https://rubyonrails.org" }),
];

const SORT: SortKey[] = [
	{ key: "category", dir: "asc" },
	{ key: "first_release", dir: "desc" },
];

function render(orientation: Orientation, grouped: boolean): HTMLTableElement {
	const model = buildModel(NOTES);
	const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: SORT, groupBy: grouped ? "category" : null });
	const table = new ComparisonTable(createDiv(), app, new Owner(), "approval", callbacks);
	table.update({ view, orientation, sort: SORT, selected: new Set(["Web/Flask.md"]), editable: true });
	return table.element;
}

describe("comparison table DOM (approval files)", () => {
	for (const orientation of ["rows", "columns"] as const) {
		for (const grouped of [false, true]) {
			const name = `${orientation === "rows" ? "rows" : "transposed"}-${grouped ? "grouped" : "flat"}`;
			it(`renders ${name} as approved`, () => {
				expectApproved(`compare-table/${name}.html`, serialise(render(orientation, grouped)));
			});
		}
	}
});
