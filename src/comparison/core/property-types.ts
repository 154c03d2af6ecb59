/**
 * Property types: Obsidian's names and built-ins, the vault's `types.json`, which value types a
 * column accepts, and a column's type from the types of its values.
 */

import type { PropertyTypeName } from "./types";

const OBSIDIAN_TYPES: Readonly<Record<string, PropertyTypeName>> = {
	text: "text",
	multitext: "list",
	aliases: "list",
	number: "number",
	checkbox: "checkbox",
	date: "date",
	datetime: "datetime",
	tags: "tags",
};

/** Obsidian's built-in property types, which apply unless `types.json` says otherwise. */
export const BUILT_IN_TYPES: Readonly<Record<string, string>> = {
	tags: "tags",
	aliases: "aliases",
	cssclasses: "multitext",
};

export function mapObsidianType(name: string): PropertyTypeName {
	return Object.prototype.hasOwnProperty.call(OBSIDIAN_TYPES, name) ? OBSIDIAN_TYPES[name] : "unknown";
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `types.json` (text or parsed, with or without the `types` wrapper) → `{ key: typeName }`. */
export function parsePropertyTypes(json: unknown): Record<string, string> {
	let data: unknown = json;
	if (typeof json === "string") {
		try {
			data = JSON.parse(json) as unknown;
		} catch {
			return {};
		}
	}
	if (!isRecord(data)) return {};
	const source = isRecord(data.types) ? data.types : data;
	const entries = Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string");
	return Object.fromEntries(entries);
}

/** Declared types by key: Obsidian's built-ins overlaid with the vault's `types.json`. */
export function resolveDeclared(propertyTypes: Readonly<Record<string, string>> | undefined): Map<string, PropertyTypeName> {
	const out = new Map<string, PropertyTypeName>();
	const merged = [...Object.entries(BUILT_IN_TYPES), ...Object.entries(propertyTypes ?? {})];
	for (const [key, name] of merged) {
		const type = typeof name === "string" ? mapObsidianType(name) : "unknown";
		if (type === "unknown") out.delete(key);
		else out.set(key, type);
	}
	return out;
}

// ---------------------------------------------------------------- dates

/** Whether a value of type `actual` is acceptable in a column of type `column`. */
export function fits(column: PropertyTypeName, actual: PropertyTypeName): boolean {
	if (column === actual || column === "unknown") return true;
	switch (column) {
		case "text":
			return actual === "url" || actual === "date" || actual === "datetime";
		case "list":
			return actual === "links" || actual === "tags";
		case "tags":
			return actual === "list";
		case "datetime":
			return actual === "date";
		default:
			return false;
	}
}

/** When counts tie, the more specific type wins (earlier in this list). */
const SPECIFICITY: readonly PropertyTypeName[] = [
	"checkbox",
	"number",
	"date",
	"datetime",
	"url",
	"links",
	"tags",
	"list",
	"object",
	"text",
	"unknown",
];

/** The type that the most value cells fit; ties go to the more specific type. */
export function inferColumnType(typeCounts: ReadonlyMap<PropertyTypeName, number>): PropertyTypeName {
	let best: PropertyTypeName = "text";
	let bestFit = -1;
	for (const candidate of SPECIFICITY) {
		if (!typeCounts.has(candidate)) continue;
		let fit = 0;
		for (const [actual, count] of typeCounts) if (count > 0 && fits(candidate, actual)) fit += count;
		if (fit > bestFit) {
			best = candidate;
			bestFit = fit;
		}
	}
	return best;
}

// ---------------------------------------------------------------- cells
