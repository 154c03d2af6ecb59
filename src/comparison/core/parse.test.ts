import { describe, expect, it } from "vitest";
import { parseCellInput } from "./index";

describe("parseCellInput", () => {
	it("parses numbers and explains words in a number column", () => {
		expect(parseCellInput("number", " 2005 ")).toEqual({ ok: true, value: 2005 });
		expect(parseCellInput("number", "-1.5e3")).toEqual({ ok: true, value: -1500 });
		expect(parseCellInput("number", "")).toEqual({ ok: true, value: null });
		expect(parseCellInput("number", "abc")).toEqual({ ok: false, message: '"abc" is not a number.' });
		for (const bad of ["12abc", "0x10", "1,5", "Infinity", "1e999", "."]) expect(parseCellInput("number", bad).ok).toBe(false);
	});

	it("parses checkboxes", () => {
		expect(parseCellInput("checkbox", "Yes")).toEqual({ ok: true, value: true });
		expect(parseCellInput("checkbox", "false")).toEqual({ ok: true, value: false });
		expect(parseCellInput("checkbox", "maybe").ok).toBe(false);
	});

	it("accepts only real dates and date-times", () => {
		expect(parseCellInput("date", "2024-05-31")).toEqual({ ok: true, value: "2024-05-31" });
		expect(parseCellInput("date", "2024-02-30").ok).toBe(false);
		expect(parseCellInput("date", "31/05/2024")).toMatchObject({
			ok: false,
			message: expect.stringContaining("YYYY-MM-DD") as unknown,
		});
		expect(parseCellInput("datetime", "2024-05-31T14:30")).toEqual({ ok: true, value: "2024-05-31T14:30" });
		expect(parseCellInput("datetime", "noon").ok).toBe(false);
	});

	it("splits lists on commas or lines", () => {
		expect(parseCellInput("list", "a, b ,, c")).toEqual({ ok: true, value: ["a", "b", "c"] });
		expect(parseCellInput("list", "a, b\nc")).toEqual({ ok: true, value: ["a, b", "c"] });
		expect(parseCellInput("list", "")).toEqual({ ok: true, value: [] });
	});

	it("makes links of names and keeps written links", () => {
		expect(parseCellInput("links", "Flask, [[Web/Django|Django]]")).toEqual({
			ok: true,
			value: ["[[Flask]]", "[[Web/Django|Django]]"],
		});
		expect(parseCellInput("links", "[[broken").ok).toBe(false);
	});

	it("validates tags", () => {
		expect(parseCellInput("tags", "#python, web/api")).toEqual({ ok: true, value: ["python", "web/api"] });
		expect(parseCellInput("tags", "2024").ok).toBe(false);
		expect(parseCellInput("tags", "a<b").ok).toBe(false);
	});

	it("accepts only safe URLs in a url column", () => {
		expect(parseCellInput("url", "https://example.com")).toEqual({ ok: true, value: "https://example.com" });
		expect(parseCellInput("url", "javascript:alert(1)").ok).toBe(false);
		expect(parseCellInput("url", " JAVASCRIPT:alert(1)").ok).toBe(false);
	});

	it("parses JSON objects and refuses anything else", () => {
		expect(parseCellInput("object", '{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
		expect(parseCellInput("object", "[1]").ok).toBe(false);
		expect(parseCellInput("object", "{a:1}").ok).toBe(false);
	});

	it("keeps text as typed, markup included", () => {
		expect(parseCellInput("text", "  <b>x</b> ")).toEqual({ ok: true, value: "  <b>x</b> " });
		expect(parseCellInput("unknown", "x")).toEqual({ ok: true, value: "x" });
	});

	it("shortens long input in messages", () => {
		const result = parseCellInput("number", "x".repeat(10_000));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message.length).toBeLessThan(80);
	});
});
