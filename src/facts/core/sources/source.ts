/**
 * What every source has: how to build its URL and how to read its answer. `parse` takes whatever
 * `JSON.parse` gave (untrusted: any shape) and never throws; each value it keeps has passed a
 * check in `../values.ts` or `../spdx.ts`, and each value it cannot use is named with a reason.
 */
import type { Fact, FactKey, FactValue, SkippedValue, SourceId } from "../types";
import type { Checked } from "../values";

export interface Parsed {
	readonly facts: readonly Fact[];
	readonly skipped: readonly SkippedValue[];
	/** Why the answer could not be used at all ("not a PyPI project document"), or null. */
	readonly error: string | null;
}

export interface Source {
	readonly id: SourceId;
	/** The source's name in messages: "PyPI", "npm", "crates.io", "GitHub". */
	readonly label: string;
	/** The request's `Accept` header. */
	readonly accept: string;
	/** The URL of one package (or `owner/repo` for GitHub) under a base URL. */
	url(base: string, name: string): string;
	parse(json: unknown): Parsed;
}

/** A base URL without its trailing slashes. */
export function trimBase(base: string): string {
	return base.replace(/\/+$/, "");
}

/** An object's own property (never one inherited from `Object.prototype`), or undefined. */
export function field(value: unknown, key: string): unknown {
	if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
	return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A JSON object (not a list, not null), or null. */
export function asObject(value: unknown): Record<string, unknown> | null {
	return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Absent in practice: missing, null, or blank text (registries write "" and "UNKNOWN" for nothing). */
export function isNothing(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === "string" && (raw.trim() === "" || raw.trim() === "UNKNOWN"));
}

/** Collects one source's facts and skipped values; the first fact for a key wins. */
export class FactSink {
	readonly facts: Fact[] = [];
	readonly skipped: SkippedValue[] = [];
	private readonly keys = new Set<FactKey>();

	constructor(private readonly source: SourceId) {}

	has(key: FactKey): boolean {
		return this.keys.has(key);
	}

	/**
	 * Keep `raw` as `key` when `check` accepts it. Nothing (absent, null, blank) is passed over
	 * silently; anything else that fails is skipped with its reason under `fieldName`.
	 */
	take<T extends FactValue>(
		key: FactKey,
		fieldName: string,
		raw: unknown,
		check: (raw: unknown) => Checked<T>,
		provenance: string,
	): boolean {
		if (this.keys.has(key) || isNothing(raw)) return false;
		return this.accept(key, fieldName, check(raw), provenance);
	}

	/** Keep an already checked value, or skip it with its reason. */
	accept<T extends FactValue>(key: FactKey, fieldName: string, checked: Checked<T>, provenance: string): boolean {
		if (this.keys.has(key)) return false;
		if (!checked.ok) {
			this.skip(fieldName, checked.reason);
			return false;
		}
		this.keys.add(key);
		this.facts.push({ key, value: checked.value, source: this.source, provenance });
		return true;
	}

	skip(fieldName: string, reason: string): void {
		this.skipped.push({ source: this.source, field: fieldName, reason });
	}

	done(error: string | null = null): Parsed {
		return { facts: this.facts, skipped: this.skipped, error };
	}
}

/** A summary as one line: runs of white space (line breaks included) become one space. */
export function oneLine(raw: unknown): unknown {
	return typeof raw === "string" ? raw.replace(/[\t\n\r ]+/g, " ") : raw;
}
