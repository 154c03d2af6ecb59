/** Test helper: a source's facts as key → [value, provenance]. */
import type { FactValue } from "../types";
import type { Parsed } from "../sources/source";

export function factMap(parsed: Parsed): Record<string, [FactValue, string]> {
	const out: Record<string, [FactValue, string]> = {};
	for (const fact of parsed.facts) out[fact.key] = [fact.value, fact.provenance];
	return out;
}
