/**
 * A decision's result as the CLI prints it (and as the pane's marks and numbers show it): JSON
 * with every number, an aligned text listing with the explanation, and a Markdown table.
 */
import { describeError } from "./criteria";
import type { DecisionSpec } from "./decision-note";
import type { DecisionResult, Point } from "./engine";

/** A score as shown: one decimal. */
export function formatScore(score: number): string {
	return (Math.round(score * 10) / 10).toFixed(1);
}

/** A coverage as shown: a whole percentage. */
export function formatCoverage(coverage: number): string {
	return `${Math.round(coverage * 100)}%`;
}

/** The mark of one preference for one note: ✓ fully met, ✗ not at all, ? unknown, ~ in between (high/low). */
export function mark(s: number | null): string {
	if (s === null) return "?";
	return s >= 1 ? "✓" : s <= 0 ? "✗" : "~";
}

/** Points as shown: at most two decimals. */
export function formatPoints(points: number): string {
	return String(Math.round(points * 100) / 100);
}

export interface ReportInput {
	/** Vault path of the decision note. */
	readonly decision: string;
	readonly spec: DecisionSpec;
	readonly result: DecisionResult;
}

/** The JSON the CLI prints: every number unrounded. */
export function decisionJson(input: ReportInput): string {
	return [...decisionJsonPieces(input)].join("");
}

/** Each line of `JSON.stringify(value, null, 2)` but the first indented by `prefix` (strings in JSON hold no raw line breaks). */
function nested(value: unknown, prefix: string): string {
	return JSON.stringify(value, null, 2).replace(/\n/g, `\n${prefix}`);
}

/**
 * `decisionJson` piece by piece (a note at a time), so a ranking of 100k notes is written without
 * holding the whole document: the same text as `JSON.stringify(document, null, 2)`.
 */
export function* decisionJsonPieces({ decision, spec, result }: ReportInput): Generator<string> {
	const criteria = [...spec.must, ...spec.prefer].map((entry) =>
		entry.ok
			? { list: entry.list, text: entry.criterion.text, weight: entry.list === "prefer" ? entry.criterion.weight : null, error: null }
			: {
					list: entry.list,
					text: entry.error.text,
					weight: null,
					error: { column: entry.error.column, message: entry.error.message },
				},
	);
	const points = (p: Point): Record<string, unknown> => ({
		criterion: p.criterion,
		weight: p.weight,
		value: p.value,
		s: p.s,
		points: p.points,
	});
	const head = JSON.stringify({ decision, scope: spec.scope, problems: spec.problems, criteria }, null, 2);
	yield `${head.slice(0, -2)},\n  "notes": [`;
	let first = true;
	const note = (value: Record<string, unknown>): string => {
		const text = `${first ? "\n" : ",\n"}    ${nested(value, "    ")}`;
		first = false;
		return text;
	};
	for (const n of result.ranked) {
		yield note({
			note: n.path,
			rank: n.rank,
			score: n.score,
			coverage: n.coverage,
			status: "ranked",
			reason: null,
			points: (result.explain(n.path) ?? []).map(points),
		});
	}
	for (const n of [...result.ruledOut, ...result.missingData]) {
		yield note({ note: n.path, rank: null, score: null, coverage: null, status: n.status, reason: n.reason, points: null });
	}
	const change = result.change === null ? null : { sentence: result.change.sentence, kind: result.change.kind, ...changeDetail(result) };
	yield `${first ? "]" : "\n  ]"},\n  "change": ${nested(change, "  ")}\n}\n`;
}

function changeDetail(result: DecisionResult): Record<string, unknown> {
	const c = result.change;
	const base = c === null ? {} : { leader: c.leader.path, runnerUp: c.runnerUp.path };
	return c?.kind === "weight" ? { ...base, criterion: c.criterion, from: c.from, to: c.to, overtakes: c.overtakes } : base;
}

/** Every error of the decision note, one line each. */
export function errorLines(spec: DecisionSpec): string[] {
	const lines = [...spec.problems];
	for (const entry of [...spec.must, ...spec.prefer]) {
		if (entry.ok) continue;
		const where = `${entry.list} ${entry.index + 1}`;
		lines.push(entry.error.text === "" ? `${where}: ${entry.error.message}` : `${where}: ${describeError(entry.error)}`);
	}
	return lines;
}

function pad(text: string, width: number, right = false): string {
	const gap = " ".repeat(Math.max(0, width - [...text].length));
	return right ? gap + text : text + gap;
}

/** The largest `measure` over `items`, at least `least` (a loop: a ranking may hold 100k notes, too many to spread as arguments). */
function widest<T>(items: readonly T[], measure: (item: T) => number, least: number): number {
	let max = least;
	for (const item of items) max = Math.max(max, measure(item));
	return max;
}

/** The text listing: the sentence, the ranking with each note's explanation, then the notes set aside. */
export function decisionText(input: ReportInput): string {
	return [...decisionTextPieces(input)].join("");
}

/** `decisionText` a line at a time (the explanations are made twice: once to measure, once to print). */
export function* decisionTextPieces({ result }: ReportInput): Generator<string> {
	if (result.change !== null) yield `${result.change.sentence}\n\n`;
	if (result.ranked.length === 0) yield "No framework note meets the requirements.\n";
	const nameWidth = widest(result.ranked, (n) => [...n.name].length, 4);
	const critWidth = widest(result.preferences, (p) => [...p.text].length, 0);
	const pointsText = (p: Point): string => `${formatPoints(p.points)} of ${formatPoints(p.weight)}`;
	const pointsWidth = widest(result.ranked, (n) => widest(result.explain(n.path) ?? [], (p) => pointsText(p).length, 0), 0);
	if (result.ranked.length > 0) yield `${pad("Rank", 4)}  ${pad("Note", nameWidth)}  ${pad("Score", 5, true)}  Coverage\n`;
	for (const n of result.ranked) {
		let text = `${pad(String(n.rank), 4, true)}  ${pad(n.name, nameWidth)}  ${pad(formatScore(n.score), 5, true)}  ${formatCoverage(n.coverage)}\n`;
		for (const p of result.explain(n.path) ?? []) {
			const value = p.value === "" ? "—" : p.value;
			text += `      ${mark(p.s)} ${pad(p.criterion, critWidth)}  ${pad(pointsText(p), pointsWidth, true)}  ${value}\n`;
		}
		yield text;
	}
	for (const [title, notes] of [
		["Ruled out", result.ruledOut],
		["Missing data", result.missingData],
	] as const) {
		if (notes.length === 0) continue;
		yield `\n${title}\n`;
		for (const n of notes) yield `  ${n.name}: ${n.reason}\n`;
	}
}

/** A Markdown cell: one line, `|` and `\` escaped. */
function cell(text: string): string {
	return text
		.replace(/[\r\n]+/g, " ")
		.replace(/\\/g, "\\\\")
		.replace(/\|/g, "\\|");
}

/** A Markdown table of the ranking (one column per preference: mark and points), the sentence, and the notes set aside. */
export function decisionMarkdown(input: ReportInput): string {
	return [...decisionMarkdownPieces(input)].join("");
}

/** `decisionMarkdown` a line at a time. */
export function* decisionMarkdownPieces({ result }: ReportInput): Generator<string> {
	if (result.change !== null) yield `${cell(result.change.sentence)}\n\n`;
	const prefs = result.preferences;
	yield `| Rank | Note | Score | Coverage |${prefs.map((p) => ` ${cell(p.text)} |`).join("")}\n`;
	yield `| ---: | --- | ---: | ---: |${prefs.map(() => " :---: |").join("")}\n`;
	for (const n of result.ranked) {
		const points = (result.explain(n.path) ?? []).map((p) => ` ${mark(p.s)} ${formatPoints(p.points)} |`).join("");
		yield `| ${n.rank} | ${cell(n.name)} | ${formatScore(n.score)} | ${formatCoverage(n.coverage)} |${points}\n`;
	}
	for (const [title, notes] of [
		["Ruled out", result.ruledOut],
		["Missing data", result.missingData],
	] as const) {
		if (notes.length === 0) continue;
		yield `\n${title}:\n\n`;
		for (const n of notes) yield `- ${cell(n.name)}: ${cell(n.reason)}\n`;
	}
}
