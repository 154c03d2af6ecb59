/**
 * Scoring a decision (the contract the README states and the CLI's JSON shows):
 *
 * - A candidate failing a requirement is ruled out (reason: the first failing one). A candidate
 *   whose property is absent, empty or null for a requirement is listed as missing data (reason:
 *   the first such requirement) apart from the ranking. `exists` decides on its own: a note
 *   without the property fails it.
 * - Each preference gives each ranked note s in [0, 1] or unknown: a condition 1 when it holds,
 *   else 0; `high` (v − min) / (max − min), `low` (max − v) / (max − min) over the ranked notes,
 *   1 for all when max = min. Absent, empty or null (or not a number or date for high/low) →
 *   unknown.
 * - score = 100 × Σ(w·s) / Σ(w), unknown counted as 0 (0 when Σ(w) = 0); coverage =
 *   Σ(w over known) / Σ(w) (1 when Σ(w) = 0: nothing is unknown). Ranks use the unrounded score;
 *   equal scores share a rank (1, 1, 3) and list by name. Notes set aside keep the candidates'
 *   order (the selection's: by path).
 *
 * `DecisionEngine` keeps each note's evaluation, so a changed note is evaluated again alone and
 * the ranking is recomputed from the stored numbers.
 */
import { collator } from "../../shared/core/selection";
import type { Frontmatter } from "../../shared/core/vault";
import type { Condition, Criterion, Rule } from "./criteria";
import type { DecisionSpec } from "./decision-note";
import { whatWouldChange, type ChangeAnswer } from "./change";
import { conditionHolds, presenceOf, propertyValue, rankingNumber, valueText } from "./values";

export interface CandidateNote {
	/** Vault path. */
	readonly path: string;
	/** The note's name (file name without extension). */
	readonly name: string;
	readonly frontmatter: Frontmatter | null;
}

export type NoteStatus = "ranked" | "ruled-out" | "missing-data";

export interface RankedNote {
	readonly path: string;
	readonly name: string;
	readonly rank: number;
	/** 0–100, unrounded. */
	readonly score: number;
	/** 0–1. */
	readonly coverage: number;
	/** Σ(w·s): the score's numerator (for "what would change"). */
	readonly total: number;
}

export interface SetAsideNote {
	readonly path: string;
	readonly name: string;
	readonly status: "ruled-out" | "missing-data";
	/** The requirement concerned, as written. */
	readonly criterion: string;
	/** `fails "license in [MIT]" (license: LGPL-3.0)`, `no value for "language = Python"`. */
	readonly reason: string;
}

/** One preference's part in one note's score. */
export interface Point {
	readonly criterion: string;
	readonly weight: number;
	/** The note's value as one line of text ("" when absent). */
	readonly value: string;
	/** s in [0, 1], or null when unknown. */
	readonly s: number | null;
	/** w·s (0 when unknown). */
	readonly points: number;
}

export interface DecisionResult {
	/** The preferences that count (parsed ones), in the note's order. */
	readonly preferences: readonly Criterion[];
	readonly ranked: readonly RankedNote[];
	readonly ruledOut: readonly SetAsideNote[];
	readonly missingData: readonly SetAsideNote[];
	/** The smallest single weight change that lets the runner-up catch up; null with fewer than two ranked notes. */
	readonly change: ChangeAnswer | null;
	/** Each preference's weight, the note's value and its points; null for a note that is not ranked. */
	explain(path: string): Point[] | null;
}

interface Evaluation {
	readonly path: string;
	readonly name: string;
	readonly frontmatter: Frontmatter | null;
	readonly status: NoteStatus;
	readonly setAside: SetAsideNote | null;
	/** Per preference: 0/1 for a condition, the number for high/low; NaN when unknown. */
	readonly raw: readonly number[];
}

function byName(a: { name: string; path: string }, b: { name: string; path: string }): number {
	return collator.compare(a.name, b.name) || collator.compare(a.path, b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function isCondition(rule: Rule): rule is Condition {
	return rule.kind !== "high" && rule.kind !== "low";
}

function checkRequirement(requirement: Criterion, fm: Frontmatter | null): "holds" | "fails" | "missing" {
	const condition = requirement.rule as Condition;
	const value = propertyValue(fm, condition.property);
	if (condition.kind !== "exists" && presenceOf(value) !== "value") return "missing";
	return conditionHolds(condition, value) ? "holds" : "fails";
}

/** A ranking that can be updated one note at a time. */
export class DecisionEngine {
	readonly requirements: readonly Criterion[];
	readonly preferences: readonly Criterion[];
	/** Every candidate's evaluation, in the order the candidates were given (a changed note keeps its place). */
	private readonly notes = new Map<string, Evaluation>();

	constructor(spec: DecisionSpec) {
		this.requirements = spec.must.flatMap((entry) => (entry.ok ? [entry.criterion] : []));
		this.preferences = spec.prefer.flatMap((entry) => (entry.ok ? [entry.criterion] : []));
	}

	/** Replace every candidate. */
	setNotes(notes: readonly CandidateNote[]): this {
		this.notes.clear();
		for (const note of notes) this.notes.set(note.path, this.evaluate(note));
		return this;
	}

	/** A candidate was added or changed. */
	update(note: CandidateNote): void {
		this.notes.set(note.path, this.evaluate(note));
	}

	/** A candidate is gone (deleted, moved out of scope, no longer a framework note). */
	remove(path: string): void {
		this.notes.delete(path);
	}

	has(path: string): boolean {
		return this.notes.has(path);
	}

	private evaluate(note: CandidateNote): Evaluation {
		const fm = note.frontmatter;
		let status: NoteStatus = "ranked";
		let setAside: SetAsideNote | null = null;
		let missing: Criterion | null = null;
		for (const requirement of this.requirements) {
			const outcome = checkRequirement(requirement, fm);
			if (outcome === "fails") {
				const property = (requirement.rule as Condition).property;
				const value = valueText(propertyValue(fm, property));
				const reason = `fails "${requirement.text}" (${property}: ${value === "" ? "not set" : value})`;
				setAside = { path: note.path, name: note.name, status: "ruled-out", criterion: requirement.text, reason };
				status = "ruled-out";
				break;
			}
			if (outcome === "missing" && missing === null) missing = requirement;
		}
		if (status === "ranked" && missing !== null) {
			status = "missing-data";
			const property = (missing.rule as Condition).property;
			const reason = `no value of ${property} for "${missing.text}"`;
			setAside = { path: note.path, name: note.name, status, criterion: missing.text, reason };
		}
		const raw: number[] = [];
		for (let j = 0; j < this.preferences.length; j++) {
			const rule = this.preferences[j].rule;
			const value = propertyValue(fm, rule.property);
			const present = presenceOf(value) === "value";
			if (!isCondition(rule)) raw.push(present ? (rankingNumber(value) ?? NaN) : NaN);
			else if (rule.kind !== "exists" && !present) raw.push(NaN);
			else raw.push(conditionHolds(rule, value) ? 1 : 0);
		}
		return { path: note.path, name: note.name, frontmatter: fm, status, setAside, raw };
	}

	/** The ranking, the notes set aside and the explanation, from the stored evaluations. */
	result(): DecisionResult {
		const all = [...this.notes.values()];
		const prefs = this.preferences;
		const ranked = all.filter((e) => e.status === "ranked");
		const weights = prefs.map((p) => p.weight);
		const totalWeight = weights.reduce((a, b) => a + b, 0);
		// high/low: the range over the ranked notes.
		const min = new Float64Array(prefs.length).fill(Infinity);
		const max = new Float64Array(prefs.length).fill(-Infinity);
		prefs.forEach((p, j) => {
			if (p.rule.kind !== "high" && p.rule.kind !== "low") return;
			for (const e of ranked) {
				const v = e.raw[j];
				if (v < min[j]) min[j] = v;
				if (v > max[j]) max[j] = v;
			}
		});
		const sOf = (e: Evaluation, j: number): number | null => {
			const v = e.raw[j];
			if (Number.isNaN(v)) return null;
			const kind = prefs[j].rule.kind;
			if (kind !== "high" && kind !== "low") return v;
			if (max[j] === min[j]) return 1;
			return kind === "high" ? (v - min[j]) / (max[j] - min[j]) : (max[j] - v) / (max[j] - min[j]);
		};
		// The hot loop reads a code per preference: 0 a condition (s = v), 1 high, 2 low, 3 high/low with max = min (s = 1).
		const k = prefs.length;
		const code = new Uint8Array(k);
		for (let j = 0; j < k; j++) {
			const kind = prefs[j].rule.kind;
			if (kind === "high" || kind === "low") code[j] = max[j] === min[j] ? 3 : kind === "high" ? 1 : 2;
		}
		const rankedNotes: { path: string; name: string; rank: number; score: number; coverage: number; total: number }[] = [];
		for (const e of ranked) {
			let total = 0;
			let known = 0;
			const raw = e.raw;
			for (let j = 0; j < k; j++) {
				const v = raw[j];
				if (Number.isNaN(v)) continue; // unknown
				const c = code[j];
				const sv = c === 0 ? v : c === 1 ? (v - min[j]) / (max[j] - min[j]) : c === 2 ? (max[j] - v) / (max[j] - min[j]) : 1;
				total += weights[j] * sv;
				known += weights[j];
			}
			const score = totalWeight > 0 ? Math.min(100, (100 * total) / totalWeight) : 0;
			const coverage = totalWeight > 0 ? Math.min(1, known / totalWeight) : 1;
			rankedNotes.push({ path: e.path, name: e.name, rank: 0, score, coverage, total });
		}
		// By score; then each run of equal scores by name (the collator is slow, so only where needed).
		rankedNotes.sort((x, y) => y.score - x.score);
		for (let start = 0; start < rankedNotes.length;) {
			let end = start + 1;
			while (end < rankedNotes.length && rankedNotes[end].score === rankedNotes[start].score) end++;
			if (end - start > 1) {
				const run = rankedNotes.slice(start, end).sort(byName);
				for (let i = 0; i < run.length; i++) rankedNotes[start + i] = run[i];
			}
			for (let i = start; i < end; i++) rankedNotes[i].rank = start + 1;
			start = end;
		}
		const setAside = (status: NoteStatus): SetAsideNote[] =>
			all.filter((e) => e.status === status).map((e) => e.setAside as SetAsideNote);
		const rankedNote = (path: string): Evaluation | undefined => {
			const e = this.notes.get(path);
			return e?.status === "ranked" ? e : undefined;
		};
		const sVector = (path: string): (number | null)[] => {
			const e = rankedNote(path);
			return e === undefined ? [] : prefs.map((_, j) => sOf(e, j));
		};
		const change =
			rankedNotes.length < 2
				? null
				: whatWouldChange(prefs, rankedNotes[0], rankedNotes[1], sVector(rankedNotes[0].path), sVector(rankedNotes[1].path));
		return {
			preferences: prefs,
			ranked: rankedNotes,
			ruledOut: setAside("ruled-out"),
			missingData: setAside("missing-data"),
			change,
			explain: (path) => {
				const e = rankedNote(path);
				if (e === undefined) return null;
				return prefs.map((p, j) => {
					const s = sOf(e, j);
					const value = valueText(propertyValue(e.frontmatter, p.rule.property));
					return { criterion: p.text, weight: p.weight, value, s, points: s === null ? 0 : p.weight * s };
				});
			},
		};
	}
}

/** Rank `notes` by the decision `spec`. */
export function decide(spec: DecisionSpec, notes: readonly CandidateNote[]): DecisionResult {
	return new DecisionEngine(spec).setNotes(notes).result();
}
