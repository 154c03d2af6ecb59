import { describe, expect, it } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, makeCell } from "./index";
import { dateKey, datetimeKey } from "./dates";
import type { NoteInput, ValueCell } from "./index";

function note(basename: string, frontmatter: Record<string, unknown>): NoteInput {
	return { path: `F/${basename}.md`, basename, frontmatter, frontmatterError: null };
}

/** A Date at midnight UTC of the given day, for any year (as a YAML timestamp parser makes it). */
function utcDate(year: number, month: number, day: number, hour = 0): Date {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour);
	return date;
}

describe("dates in the years 0000–0099", () => {
	const written = ["0001-01-01", "0099-12-31", "0100-01-01", "1999-01-01"];

	it("have sort keys of their own year, not 1900–1999", () => {
		expect(dateKey("0001-01-01")).toBe(utcDate(1, 1, 1).getTime());
		expect(dateKey("0000-02-29")).toBe(utcDate(0, 2, 29).getTime());
		expect(dateKey("0099-12-31")).toBeLessThan(dateKey("0100-01-01") ?? 0);
		expect(datetimeKey("0042-03-04T05:06:07Z")).toBe(Date.parse("0042-03-04T05:06:07Z"));
	});

	it("sort in calendar order and display as written", () => {
		const model = buildModel([...written].reverse().map((day, i) => note(`N${i}`, { day })));
		const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: [{ key: "day", dir: "asc" }] });
		const days = view.rows.map((r) => r.cells.get("day"));
		expect(days.map((c) => (c as ValueCell).display)).toEqual(written);
		expect(days.every((c) => c?.state === "value" && c.type === "date")).toBe(true);
	});

	it("show a YAML Date value in the year 0042 as 0042", () => {
		const day = makeCell(utcDate(42, 1, 2)) as ValueCell;
		expect([day.type, day.display]).toEqual(["date", "0042-01-02"]);
		const moment = makeCell(utcDate(42, 1, 2, 12)) as ValueCell;
		expect([moment.type, moment.display]).toEqual(["datetime", "0042-01-02T12:00:00.000Z"]);
		expect(makeCell([utcDate(42, 1, 2)])).toMatchObject({ display: "0042-01-02T00:00:00.000Z" });
	});
});
