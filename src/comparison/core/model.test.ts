import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { buildModel, cellOf, DEFAULT_TEMPLATE_ORDER, ModelBuilder, rawOf, updateModel } from "./index";
import type { ComparisonModel, ModelChange, NoteInput } from "./index";

function note(basename: string, frontmatter: Record<string, unknown> | null, frontmatterError: string | null = null): NoteInput {
	return { path: `F/${basename}.md`, basename, frontmatter, frontmatterError };
}

const django = note("Django", { type: "framework", category: "full-stack", orm: true, first_release: 2005, tags: ["framework"] });
const flask = note("Flask", { type: "framework", category: "full-stack", orm: false, first_release: "2010", extra: 1 });
const fastapi = note("FastAPI", { type: "framework", orm: null, first_release: 2018, zeta: "z", alpha: "a" });

function summary(model: ComparisonModel) {
	return model.columns.map((c) => ({
		key: c.key,
		type: c.type,
		declared: c.declared,
		coverage: `${c.coverage.present}/${c.coverage.total}`,
		conflicts: c.conflicts.map((x) => `${x.basename}:${x.actualType}`),
	}));
}

describe("lazy cells", () => {
	it("builds the model without making cells; a cell is made when first read, then kept", () => {
		let printed = 0;
		const value = { toJSON: () => (printed++, { a: 1 }) };
		const model = buildModel([note("A", { meta: value, n: 1 }), note("B", { meta: { a: 2 }, n: 2 })]);
		expect(model.columns.find((c) => c.key === "meta")?.type).toBe("object");
		expect(printed).toBe(0);
		const row = model.rows[0];
		if (!row) throw new Error("no row");
		const cell = cellOf(row, "meta");
		expect(cell.state === "value" ? cell.display : null).toBe('{"a":1}');
		expect(printed).toBe(1);
		expect(cellOf(row, "meta")).toBe(cell);
		expect(printed).toBe(1);
	});
});

describe("columns", () => {
	it("orders by the template, then by how many notes have the property, then by name", () => {
		const model = buildModel([django, flask, fastapi]);
		expect(model.columns.map((c) => c.key)).toEqual(["type", "category", "orm", "first_release", "tags", "alpha", "extra", "zeta"]);
	});

	it("uses a custom template order", () => {
		const model = buildModel([django, flask], { templateOrder: ["orm", "type"] });
		expect(model.columns.map((c) => c.key).slice(0, 2)).toEqual(["orm", "type"]);
	});

	it("counts coverage over notes that have the key, including empty and null", () => {
		const model = buildModel([django, flask, fastapi]);
		const orm = model.columns.find((c) => c.key === "orm");
		expect(orm?.coverage).toEqual({ present: 3, total: 3 });
		expect(model.columns.find((c) => c.key === "category")?.coverage).toEqual({ present: 2, total: 3 });
	});

	it("infers the column type and reports notes whose value does not fit", () => {
		const model = buildModel([django, flask, fastapi]);
		const first = model.columns.find((c) => c.key === "first_release");
		expect(first?.type).toBe("number");
		expect(first?.declared).toBe(false);
		expect(first?.conflicts).toEqual([{ path: "F/Flask.md", basename: "Flask", actualType: "text" }]);
	});

	it("uses declared types from types.json and Obsidian's built-ins", () => {
		const model = buildModel([django, flask, fastapi], { propertyTypes: { first_release: "text", orm: "multitext" } });
		const byKey = new Map(model.columns.map((c) => [c.key, c]));
		expect(byKey.get("first_release")?.type).toBe("text");
		expect(byKey.get("first_release")?.declared).toBe(true);
		expect(byKey.get("first_release")?.conflicts.map((c) => c.basename)).toEqual(["Django", "FastAPI"]);
		expect(byKey.get("orm")?.conflicts.map((c) => `${c.basename}:${c.actualType}`)).toEqual(["Django:checkbox", "Flask:checkbox"]);
		expect(byKey.get("tags")?.type).toBe("tags");
		expect(byKey.get("tags")?.declared).toBe(true);
	});

	it("ignores unknown declared type names and infers instead", () => {
		const model = buildModel([django], { propertyTypes: { first_release: "mystery" } });
		expect(model.columns.find((c) => c.key === "first_release")).toMatchObject({ type: "number", declared: false });
	});

	it("prefers the type most values fit: a text column absorbs urls and dates", () => {
		const notes = [note("A", { website: "https://a.example" }), note("B", { website: "n/a" }), note("C", { website: "2024-01-01" })];
		const website = buildModel(notes).columns[0];
		expect(website?.type).toBe("text");
		expect(website?.conflicts).toEqual([]);
	});

	it("widens link lists to list when a plain list joins them (every value fits)", () => {
		const notes = [note("A", { related: ["[[B]]"] }), note("B", { related: ["[[A]]"] }), note("C", { related: ["plain"] })];
		const related = buildModel(notes).columns[0];
		expect(related?.type).toBe("list");
		expect(related?.conflicts).toEqual([]);
		expect(buildModel(notes.slice(0, 2)).columns[0]?.type).toBe("links");
	});

	it("reports a text among numbers, and a list in a text column", () => {
		const notes = [note("A", { n: 1, t: "x" }), note("B", { n: 2, t: "y" }), note("C", { n: "three", t: ["z"] })];
		const [n, t] = buildModel(notes).columns;
		expect(n).toMatchObject({ type: "number", conflicts: [{ path: "F/C.md", basename: "C", actualType: "text" }] });
		expect(t).toMatchObject({ type: "text", conflicts: [{ path: "F/C.md", basename: "C", actualType: "list" }] });
	});

	it("puts the default template order first", () => {
		expect(DEFAULT_TEMPLATE_ORDER[0]).toBe("type");
		expect(DEFAULT_TEMPLATE_ORDER.at(-1)).toBe("last_commit");
	});
});

describe("rows", () => {
	it("keeps notes with invalid YAML, with a warning and no cells", () => {
		const model = buildModel([django, note("Broken", null, "bad indentation at line 3")]);
		expect(model.rows.map((r) => r.basename)).toEqual(["Django", "Broken"]);
		expect(model.rows[1]?.warning).toBe("bad indentation at line 3");
		expect(cellOf(model.rows[1], "type").state).toBe("absent");
		expect(model.columns.find((c) => c.key === "type")?.coverage).toEqual({ present: 1, total: 2 });
	});

	it("keeps a note without frontmatter as a row of absent cells", () => {
		const model = buildModel([note("Bare", null)]);
		expect(model.rows).toHaveLength(1);
		expect(model.columns).toEqual([]);
	});

	it("treats prototype-ish keys as ordinary properties", () => {
		const fm = JSON.parse('{"__proto__": "p", "constructor": "c"}') as Record<string, unknown>;
		const model = buildModel([note("Odd", fm), django]);
		expect(model.columns.map((c) => c.key)).toContain("__proto__");
		expect(cellOf(model.rows[0], "constructor")).toMatchObject({ display: "c" });
		expect(cellOf(model.rows[1], "constructor").state).toBe("absent");
		expect(cellOf(model.rows[1], "__proto__").state).toBe("absent");
	});

	it("holds each note's own keys in its own order, with its values, whatever the note before it had", () => {
		const keys = fc.constantFrom("a", "b", "c", "__proto__", "1");
		const frontmatter = fc
			.tuple(fc.uniqueArray(fc.tuple(keys, pooledFrontmatterValue()), { selector: ([k]) => k, maxLength: 4 }), fc.boolean())
			.map(([entries, bare]) => {
				const fm = (bare ? Object.create(null) : {}) as Record<string, unknown>;
				for (const [k, v] of entries)
					Object.defineProperty(fm, k, { value: v, enumerable: true, writable: true, configurable: true });
				return fm;
			});
		fc.assert(
			fc.property(fc.array(frontmatter, { maxLength: 8 }), fc.boolean(), (fms, enumerateValues) => {
				const model = buildModel(
					fms.map((fm, i) => note(`N${i}`, fm)),
					{ enumerateValues },
				);
				model.rows.forEach((row, i) => {
					const fm = fms[i];
					const own = Object.keys(fm).filter((k) => fm[k] !== undefined);
					expect([...row.cells.keys()]).toEqual(own);
					for (const k of own) expect(rawOf(row, k)).toBe(fm[k]);
				});
			}),
			{ numRuns: 500 },
		);
	});

	it("does not take keys a note inherits for its own", () => {
		Object.defineProperty(Object.prototype, "inherited", { value: "x", enumerable: true, configurable: true, writable: true });
		try {
			const model = buildModel([note("A", { a: 1, inherited: 2 }), note("B", { a: 1 }), note("C", { a: 1, inherited: 3 })]);
			expect(model.rows.map((r) => [...r.cells.keys()])).toEqual([["a", "inherited"], ["a"], ["a", "inherited"]]);
			expect(model.columns.find((c) => c.key === "inherited")?.coverage).toEqual({ present: 2, total: 3 });
		} finally {
			delete (Object.prototype as Record<string, unknown>).inherited;
		}
	});
});

describe("updateModel", () => {
	const base = buildModel([django, flask, fastapi]);

	it("replaces a changed note in place and reuses the other rows", () => {
		const next = updateModel(base, note("Flask", { ...flask.frontmatter, first_release: 2010 }));
		expect(next.rows.map((r) => r.basename)).toEqual(["Django", "Flask", "FastAPI"]);
		expect(next.rows[0]).toBe(base.rows[0]);
		expect(next.rows[2]).toBe(base.rows[2]);
		expect(next.columns.find((c) => c.key === "first_release")?.conflicts).toEqual([]);
		expect(base.columns.find((c) => c.key === "first_release")?.conflicts).toHaveLength(1);
		expect(next.columns.find((c) => c.key === "type")).toBe(base.columns.find((c) => c.key === "type"));
	});

	it("adds new notes at the end and deletes by path", () => {
		const added = updateModel(base, note("Bottle", { type: "framework", size: 1 }));
		expect(added.rows.map((r) => r.basename)).toEqual(["Django", "Flask", "FastAPI", "Bottle"]);
		expect(added.columns.find((c) => c.key === "type")?.coverage).toEqual({ present: 4, total: 4 });
		const removed = updateModel(added, { deleted: "F/Django.md" });
		expect(removed.rows.map((r) => r.basename)).toEqual(["Flask", "FastAPI", "Bottle"]);
		expect(removed.columns.map((c) => c.key)).not.toContain("tags");
	});

	it("handles a rename as a delete plus a change", () => {
		const renamed = updateModel(base, [{ deleted: "F/Flask.md" }, { ...flask, path: "G/Flask.md" }]);
		expect(renamed.rows.map((r) => r.path)).toEqual(["F/Django.md", "F/FastAPI.md", "G/Flask.md"]);
		expect(renamed.columns.find((c) => c.key === "first_release")?.conflicts.map((c) => c.path)).toEqual(["G/Flask.md"]);
	});

	it("ignores deleting an unknown path", () => {
		expect(summary(updateModel(base, { deleted: "nope.md" }))).toEqual(summary(base));
	});

	it("gives the same columns and cells as a full rebuild (property test)", () => {
		const values = pooledFrontmatterValue();
		const fm = fc.record({ a: values, b: values, c: values }, { requiredKeys: [] });
		const change = fc.oneof(
			fc.record({ kind: fc.constant("set" as const), i: fc.integer({ min: 0, max: 5 }), fm }),
			fc.record({ kind: fc.constant("delete" as const), i: fc.integer({ min: 0, max: 5 }) }),
		);
		fc.assert(
			fc.property(
				fc.array(fm, { maxLength: 5 }),
				fc.array(change, { maxLength: 40, size: "max" }),
				fc.boolean(),
				fc.boolean(),
				(initial, changes, declare, batch) => {
					const options = declare ? { propertyTypes: { a: "number" } } : {};
					let notes = initial.map((f, i) => note(`N${i}`, f));
					let model = buildModel(notes, options);
					const modelChanges: ModelChange[] = [];
					for (const c of changes) {
						const path = `F/N${c.i}.md`;
						if (c.kind === "delete") {
							notes = notes.filter((n) => n.path !== path);
							modelChanges.push({ deleted: path });
						} else {
							const n = note(`N${c.i}`, c.fm);
							const at = notes.findIndex((x) => x.path === path);
							if (at >= 0) notes[at] = n;
							else notes.push(n);
							modelChanges.push(n);
						}
					}
					if (batch) model = updateModel(model, modelChanges);
					else for (const c of modelChanges) model = updateModel(model, c);
					const rebuilt = buildModel(notes, options);
					expect(summary(model)).toEqual(summary(rebuilt));
					expect(model.rows.map((r) => [r.path, [...r.cells]])).toEqual(rebuilt.rows.map((r) => [r.path, [...r.cells]]));
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe("building in slices (a first screen while the rest is read)", () => {
	const values = pooledFrontmatterValue();
	const fm = fc.oneof(fc.record({ a: values, b: values, c: values, d: values }, { requiredKeys: [] }), fc.constant(null));

	it("the model of the notes added so far, then of them all, equals a build of the same notes at once (property test)", () => {
		fc.assert(
			fc.property(
				fc.array(fm, { maxLength: 12 }),
				fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }),
				fc.boolean(),
				(fms, cuts, declare) => {
					const options = declare ? { propertyTypes: { a: "number", b: "date" } } : {};
					const notes = fms.map((f, i) => note(`N${i}`, f));
					const ends = [...new Set([...cuts.map((c) => Math.min(c, notes.length)), notes.length])].sort((x, y) => x - y);
					const builder = new ModelBuilder(options);
					const early: ComparisonModel[] = [];
					let from = 0;
					for (const end of ends) {
						builder.add(notes.slice(from, end));
						from = end;
						early.push(builder.model());
					}
					// Each partial model is the model of its notes, and later slices leave it alone.
					ends.forEach((end, i) => {
						const whole = buildModel(notes.slice(0, end), options);
						const partial = early[i];
						if (partial === undefined) throw new Error("no partial model");
						expect(summary(partial)).toEqual(summary(whole));
						expect(partial.rows.map((r) => [r.path, [...r.cells]])).toEqual(whole.rows.map((r) => [r.path, [...r.cells]]));
					});
					expect(builder.size).toBe(notes.length);
				},
			),
			{ numRuns: 300 },
		);
	});
});
