import type { DecisionResult, SetAsideNote } from "../core/engine";
import { formatCoverage, formatPoints, formatScore, mark } from "../core/report";

/** At most this many ranked notes are drawn (the rest are counted). */
export const MAX_ROWS = 200;

const MARK_CLASS: Readonly<Record<string, string>> = { "✓": "is-met", "✗": "is-unmet", "?": "is-unknown", "~": "is-partial" };

/**
 * Draw a decision's result: the "what would change" sentence, the ranked notes (rank, name,
 * score, a bar, coverage, a mark per preference), then the notes ruled out and missing data with
 * their reasons. Every value is set as text.
 */
export function renderResult(parent: HTMLElement, result: DecisionResult, openNote: (path: string) => void): void {
	if (result.change !== null) parent.createEl("p", { cls: "fn-dec-change", text: result.change.sentence });
	const list = parent.createDiv({ cls: "fn-dec-ranking", attr: { role: "list", "aria-label": "Ranking" } });
	if (result.ranked.length === 0) list.createDiv({ cls: "fn-dec-empty", text: "No framework note meets the requirements." });
	else {
		const head = list.createDiv({ cls: "fn-dec-head", attr: { "aria-hidden": "true" } });
		for (const [cls, text] of [
			["rank", "#"],
			["name", "Note"],
			["score", "Score"],
			["bar", ""],
			["coverage", "Known"],
		]) {
			head.createSpan({ cls: `fn-dec-${cls}`, text });
		}
		const marks = head.createSpan({ cls: "fn-dec-marks" });
		for (const p of result.preferences) marks.createSpan({ cls: "fn-dec-mark", text: p.rule.property, attr: { title: p.text } });
	}
	for (const note of result.ranked.slice(0, MAX_ROWS)) {
		const row = list.createDiv({ cls: "fn-dec-row", attr: { role: "listitem", "data-path": note.path } });
		row.createSpan({ cls: "fn-dec-rank", text: String(note.rank) });
		const name = row.createEl("a", { cls: "fn-dec-name internal-link", text: note.name, href: "#" });
		name.addEventListener("click", (evt) => {
			evt.preventDefault();
			openNote(note.path);
		});
		row.createSpan({ cls: "fn-dec-score", text: formatScore(note.score) });
		row.createEl("meter", {
			cls: "fn-dec-bar",
			attr: { min: "0", max: "100", value: String(note.score), "aria-label": `Score ${formatScore(note.score)} of 100` },
		});
		row.createSpan({
			cls: "fn-dec-coverage",
			text: formatCoverage(note.coverage),
			attr: { title: "Coverage: the weight of what is known" },
		});
		const marks = row.createSpan({ cls: "fn-dec-marks" });
		for (const point of result.explain(note.path) ?? []) {
			const symbol = mark(point.s);
			const value = point.value === "" ? "not set" : point.value;
			const label = `${point.criterion}: ${value}, ${formatPoints(point.points)} of ${formatPoints(point.weight)}`;
			marks.createSpan({ cls: `fn-dec-mark ${MARK_CLASS[symbol] ?? ""}`, text: symbol, attr: { "aria-label": label, title: label } });
		}
	}
	if (result.ranked.length > MAX_ROWS) list.createDiv({ cls: "fn-dec-more", text: `${result.ranked.length - MAX_ROWS} more not shown.` });
	renderSetAside(parent, "Ruled out", result.ruledOut, openNote);
	renderSetAside(parent, "Missing data", result.missingData, openNote);
}

function renderSetAside(parent: HTMLElement, title: string, notes: readonly SetAsideNote[], openNote: (path: string) => void): void {
	if (notes.length === 0) return;
	const section = parent.createDiv({ cls: "fn-dec-aside" });
	section.createEl("h4", { text: `${title} (${notes.length})` });
	for (const note of notes.slice(0, MAX_ROWS)) {
		const row = section.createDiv({ cls: "fn-dec-aside-row", attr: { "data-path": note.path } });
		const name = row.createEl("a", { cls: "fn-dec-name internal-link", text: note.name, href: "#" });
		name.addEventListener("click", (evt) => {
			evt.preventDefault();
			openNote(note.path);
		});
		row.createSpan({ cls: "fn-dec-reason", text: note.reason });
	}
	if (notes.length > MAX_ROWS) section.createDiv({ cls: "fn-dec-more", text: `${notes.length - MAX_ROWS} more not shown.` });
}
