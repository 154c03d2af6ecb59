/**
 * Exports made piece by piece (what the CLI writes as it goes) against the texts they replace:
 * the JSON against `JSON.stringify` of the whole document, the export texts against the
 * exports of `applyView`'s result, and `columnDiffers` against the view's `differs`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awkwardName, frontmatterValue, pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import {
	applyView,
	buildModel,
	cellOf,
	columnDiffers,
	DEFAULT_VIEW_OPTIONS,
	exportPieces,
	exportText,
	NAME_KEY,
	toCsv,
	toJson,
	toMarkdownTable,
	type Cell,
	type ExportParts,
	type ExportFormat,
	type NoteInput,
} from "./index";

/** The JSON export as one `JSON.stringify` of the whole document (how it was made before). */
function referenceJson(view: ExportParts): string {
	const plain = (cell: Cell): unknown => {
		if (cell.state === "null") return null;
		if (cell.state === "empty") return cell.raw;
		if (cell.state !== "value") return undefined;
		const raw = cell.raw;
		if (typeof raw === "string" || typeof raw === "boolean" || (typeof raw === "number" && Number.isFinite(raw))) return raw;
		try {
			const text = JSON.stringify(raw, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
			return text === undefined ? cell.display : (JSON.parse(text) as unknown);
		} catch {
			return cell.display;
		}
	};
	const doc = {
		columns: view.columns.map((c) => ({
			key: c.key,
			type: c.type,
			declared: c.declared,
			coverage: c.coverage,
			conflicts: c.conflicts,
		})),
		notes: view.rows.map((row) => ({
			path: row.path,
			basename: row.basename,
			warning: row.warning,
			properties: Object.fromEntries(
				view.columns.flatMap((c) => {
					const cell = cellOf(row, c.key);
					return cell.state === "absent" ? [] : [[c.key, plain(cell)] as const];
				}),
			),
		})),
	};
	return JSON.stringify(doc, null, 2) + "\n";
}

/** Property keys, numeric ones too (an object lists those first, in numeric order). */
const KEYS = ["type", "category", "10", "2", "0", "01", "4294967295", "__proto__", "a b", "é", "tags", "related"];

function notes(value: fc.Arbitrary<unknown>): fc.Arbitrary<NoteInput[]> {
	const frontmatter = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 });
	const one = fc.record({
		folder: fc.constantFrom("", "A/", "B/"),
		name: awkwardName(),
		frontmatter: fc.option(frontmatter, { nil: null, freq: 8 }),
		error: fc.option(fc.constant("invalid YAML in frontmatter: bad indentation"), { nil: null, freq: 8 }),
	});
	return fc.uniqueArray(one, { maxLength: 8, selector: (n) => `${n.folder}${n.name}`.toLowerCase() }).map((list) =>
		list.map((n): NoteInput => ({
			path: `${n.folder}${n.name}.md`,
			basename: n.name,
			frontmatter: n.error === null ? n.frontmatter : null,
			frontmatterError: n.error,
		})),
	);
}

const VALUES = fc.oneof(frontmatterValue(2), pooledFrontmatterValue());
const FORMATS: readonly ExportFormat[] = ["json", "csv", "markdown"];

describe("exports piece by piece", () => {
	it("the JSON is the text JSON.stringify gives for the whole document, with or without a view", () => {
		fc.assert(
			fc.property(notes(VALUES), (inputs) => {
				const model = buildModel(inputs);
				const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: [{ key: NAME_KEY, dir: "desc" }] });
				expect(toJson(model, view)).toBe(referenceJson(view));
				expect(toJson(model)).toBe(referenceJson({ columns: model.columns, rows: model.rows }));
			}),
			{ numRuns: 300 },
		);
	});

	it("the JSON escapes what JSON.stringify escapes: quotes, backslashes, control characters, lone surrogates", () => {
		const texts = ['say "hi"', "C:\\dir", "tab\there", "lone \ud800 high", "lone \udc00 low", "pair \ud83d\ude00 ok", "plain"];
		const inputs: NoteInput[] = texts.map((text, i) => ({
			path: `F/${text}.md`,
			basename: text,
			frontmatter: { summary: text, tags: [text, i] },
			frontmatterError: null,
		}));
		const model = buildModel(inputs);
		const json = toJson(model);
		expect(json).toBe(referenceJson({ columns: model.columns, rows: model.rows }));
		expect(json).toContain(String.raw`"lone \ud800 high"`);
	});

	it("the export texts are the exports of the view sorted by name and grouped, whatever the grouping property", () => {
		fc.assert(
			fc.property(notes(pooledFrontmatterValue()), fc.constantFrom("", "category", "type", "missing"), (inputs, groupBy) => {
				const model = buildModel(inputs);
				const grouped = model.columns.some((c) => c.key === groupBy) ? groupBy : null;
				const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: [{ key: NAME_KEY, dir: "asc" }], groupBy: grouped });
				const expected: Record<ExportFormat, string> = {
					json: toJson(model, view),
					csv: toCsv(model, view),
					markdown: toMarkdownTable(model, view),
				};
				for (const format of FORMATS) {
					const pieces = [...exportPieces(model, format, groupBy)];
					expect(pieces.join("")).toBe(expected[format]);
					expect(exportText(model, format, groupBy)).toBe(expected[format]);
					// One piece per line or note, after the header.
					expect(pieces.length).toBe(
						format === "json" ? 1 + model.rows.length : 2 - (format === "csv" ? 1 : 0) + model.rows.length,
					);
				}
			}),
			{ numRuns: 200 },
		);
	});
});

describe("columnDiffers", () => {
	it("is the view's differs for every column", () => {
		fc.assert(
			fc.property(notes(fc.oneof(pooledFrontmatterValue(), fc.constant(Number.NaN))), (inputs) => {
				const model = buildModel(inputs);
				const view = applyView(model, DEFAULT_VIEW_OPTIONS);
				for (const column of view.columns) expect(columnDiffers(model.rows, column.key)).toBe(column.differs);
			}),
			{ numRuns: 300 },
		);
	});
});
