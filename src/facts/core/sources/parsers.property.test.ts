/**
 * Every parser reads any JSON without throwing, and every value it keeps passes the same checks
 * the parsers use: nothing unchecked reaches a note.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkLicense } from "../spdx";
import { FACT_KEYS, type Fact } from "../types";
import { checkBoolean, checkCount, checkDate, checkText, checkUrl, checkVersion, checkYear } from "../values";
import django from "../fixtures/pypi-django.json";
import express from "../fixtures/npm-express.json";
import actix from "../fixtures/crates-actix-web.json";
import githubDjango from "../fixtures/github-django.json";
import { parseCrates } from "./crates";
import { parseGithub } from "./github";
import { parseNpm } from "./npm";
import { parsePypi, parsePypiSimple } from "./pypi";
import type { Parsed } from "./source";

const PARSERS: ReadonlyArray<[string, (json: unknown) => Parsed]> = [
	["pypi", parsePypi],
	["pypi simple", parsePypiSimple],
	["npm", parseNpm],
	["crates", parseCrates],
	["github", parseGithub],
];

/** The check each fact must pass, and that it passes unchanged (the value is already in checked form). */
function valid(fact: Fact): boolean {
	const check = {
		language: checkText,
		summary: checkText,
		latest_version: checkVersion,
		license: checkLicense,
		website: checkUrl,
		repository: checkUrl,
		first_release: checkYear,
		latest_release: checkDate,
		last_commit: checkDate,
		stars: checkCount,
		archived: checkBoolean,
	}[fact.key];
	const result = check(fact.value);
	return result.ok && result.value === fact.value && checkText(fact.provenance).ok;
}

/** A real document with one field swapped for anything: keeps the shape parsers look for. */
function mutated(doc: unknown): fc.Arbitrary<unknown> {
	const paths: string[][] = [];
	const walk = (value: unknown, path: string[]): void => {
		if (path.length > 4 || typeof value !== "object" || value === null) return;
		for (const [key, child] of Object.entries(value)) {
			paths.push([...path, key]);
			walk(child, [...path, key]);
		}
	};
	walk(doc, []);
	return fc.tuple(fc.constantFrom(...paths), fc.jsonValue()).map(([path, replacement]) => {
		const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
		let at: Record<string, unknown> = copy;
		for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
		at[path[path.length - 1] ?? ""] = replacement;
		return copy;
	});
}

const anyJson = fc.oneof(fc.jsonValue(), fc.anything(), mutated(django), mutated(express), mutated(actix), mutated(githubDjango));

describe("parsers on any JSON", () => {
	for (const [name, parse] of PARSERS) {
		it(`${name} never throws and keeps only checked values`, () => {
			fc.assert(
				fc.property(anyJson, (json) => {
					const parsed = parse(json);
					for (const fact of parsed.facts) {
						expect(FACT_KEYS).toContain(fact.key);
						expect(valid(fact), `${fact.key}: ${JSON.stringify(fact.value)}`).toBe(true);
					}
					for (const skipped of parsed.skipped) expect(checkText(skipped.reason).ok || skipped.reason === "").toBe(true);
					expect(new Set(parsed.facts.map((f) => f.key)).size).toBe(parsed.facts.length);
				}),
				{ numRuns: 300 },
			);
		});
	}
});
