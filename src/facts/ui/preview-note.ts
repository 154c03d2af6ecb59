import { safeUrl } from "../../shared/core/urls";
import type { NoteFacts, Proposal, SkippedValue, SourceId } from "../core/index";

/** Names of the sources in sentences. */
export const SOURCE_NAMES: Readonly<Record<SourceId, string>> = { pypi: "PyPI", npm: "npm", crates: "crates.io", github: "GitHub" };

/** A note's value as the preview shows it: `—` absent, `no value` null, `empty` for "" and [], list items joined. */
export function currentText(value: unknown): string {
	if (value === undefined) return "—";
	if (value === null) return "no value";
	if (value === "" || (Array.isArray(value) && value.length === 0)) return "empty";
	if (Array.isArray(value)) return value.map((item) => currentText(item)).join(", ");
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	if (value instanceof Date) return value.toISOString();
	const json = JSON.stringify(value) ?? "";
	return json.length > 120 ? `${json.slice(0, 119)}…` : json;
}

/** Draw a value that is an http or https URL as a link (opened outside the app), anything else as text. */
function valueCell(cell: HTMLElement, value: string): void {
	const url = safeUrl(value);
	if (url !== null && /^https?:/.test(url)) {
		cell.createEl("a", { text: value, href: url, cls: "external-link", attr: { target: "_blank", rel: "noopener noreferrer" } });
	} else {
		cell.setText(value);
	}
}

function skippedText(skip: SkippedValue): string {
	return `${skip.field} (${SOURCE_NAMES[skip.source] ?? skip.source}): ${skip.reason}`;
}

/** Called when a row's checkbox changes. */
export type TickListener = (path: string, proposal: Proposal, ticked: boolean) => void;

/**
 * One note of the preview: its name and path, the package facts come from (and whether it was
 * guessed), the note's error, a table with one row per property (checkbox, property, value now,
 * new value, where it comes from) and the values that were not used. Everything is text.
 */
export function renderNoteFacts(parent: HTMLElement, facts: NoteFacts, name: string, onTick: TickListener): HTMLInputElement[] {
	const section = parent.createDiv({ cls: "fn-facts-note", attr: { "data-path": facts.path } });
	const heading = section.createDiv({ cls: "fn-facts-note-heading" });
	heading.createEl("h3", { text: name, cls: "fn-facts-note-name" });
	heading.createSpan({ text: facts.path, cls: "fn-facts-note-path" });
	if (facts.packageRef !== null) {
		const line = section.createDiv({ cls: "fn-facts-package" });
		line.createSpan({ text: "Package: " });
		line.createEl("code", { text: `${facts.packageRef.registry}:${facts.packageRef.name}` });
		if (facts.guessed) line.createSpan({ text: " (guessed from the note's name)", cls: "fn-facts-guessed" });
	}
	if (facts.error !== null) section.createDiv({ text: `Not filled: ${facts.error}`, cls: "fn-facts-error" });
	const boxes: HTMLInputElement[] = [];
	if (facts.proposals.length > 0) {
		const table = section.createEl("table", { cls: "fn-facts-table" });
		const head = table.createEl("thead").createEl("tr");
		for (const title of ["Write", "Property", "Now", "New", "From"]) head.createEl("th", { text: title, attr: { scope: "col" } });
		const body = table.createEl("tbody");
		for (const proposal of facts.proposals) {
			const row = body.createEl("tr", {
				cls: ["fn-facts-row", proposal.kind === "replace" ? "fn-facts-replace" : "fn-facts-fill"],
				attr: { "data-key": proposal.key },
			});
			const box = row.createEl("td", { cls: "fn-facts-tick" }).createEl("input", {
				type: "checkbox",
				attr: { "aria-label": `Write ${proposal.key} to ${name}` },
			});
			box.checked = proposal.ticked;
			box.addEventListener("change", () => onTick(facts.path, proposal, box.checked));
			boxes.push(box);
			row.createEl("td", { text: proposal.key, cls: "fn-facts-key" });
			row.createEl("td", { text: currentText(proposal.current), cls: "fn-facts-current" });
			valueCell(row.createEl("td", { cls: "fn-facts-new" }), currentText(proposal.value));
			row.createEl("td", { text: proposal.provenance, cls: "fn-facts-provenance" });
		}
	}
	if (facts.skipped.length > 0) {
		const list = section.createEl("ul", { cls: "fn-facts-skipped", attr: { "aria-label": "Values not used" } });
		for (const skip of facts.skipped) list.createEl("li", { text: `Not used: ${skippedText(skip)}` });
	}
	return boxes;
}
