/** The checks hold for any input: they never throw, and what they accept has the promised form. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessNames, parsePackageRefs } from "./package-ref";
import { checkLicense, licenseFromClassifiers } from "./spdx";
import { checkDate, checkText, checkUrl, checkYear } from "./values";

const texts = fc.oneof(
	fc.string({ maxLength: 400 }),
	fc.string({ unit: "binary", maxLength: 400 }),
	fc.string({ unit: "grapheme", maxLength: 80 }),
	fc.constantFrom(
		"git+https://github.com/a/b.git",
		"github:a/b",
		"a/b",
		"git@gitlab.com:a/b.git",
		"2024-02-29T23:59:59-12:00",
		"MIT OR (Apache-2.0 AND BSD-3-Clause)",
	),
	fc.webUrl(),
);
const anything = fc.oneof(texts, fc.anything());

describe("value checks on any input", () => {
	it("accepted text is trimmed, at most 300 characters, without control characters", () => {
		fc.assert(
			fc.property(anything, (raw) => {
				for (const check of [checkText, checkUrl, checkLicense]) {
					const result = check(raw);
					if (!result.ok) continue;
					expect(result.value.length).toBeLessThanOrEqual(300);
					expect(result.value).toBe(result.value.trim());
					// eslint-disable-next-line no-control-regex -- the property is about control characters
					expect(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(result.value)).toBe(false);
				}
			}),
		);
	});

	it("accepted URLs are http or https with a host, and checking again changes nothing", () => {
		fc.assert(
			fc.property(anything, (raw) => {
				const result = checkUrl(raw);
				if (!result.ok) return;
				const url = new URL(result.value);
				expect(["http:", "https:"]).toContain(url.protocol);
				expect(url.hostname).not.toBe("");
				expect(checkUrl(result.value)).toEqual(result);
			}),
		);
	});

	it("accepted dates are real YYYY-MM-DD days and years are whole", () => {
		fc.assert(
			fc.property(
				fc.oneof(
					anything,
					fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
				),
				(raw) => {
					const date = checkDate(raw);
					if (date.ok) {
						expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
						expect(new Date(`${date.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date.value);
					}
					const year = checkYear(raw);
					if (year.ok) expect(Number.isInteger(year.value)).toBe(true);
				},
			),
		);
	});

	it("package refs, guesses and licence classifiers never throw", () => {
		fc.assert(
			fc.property(anything, fc.array(fc.string()), (raw, classifiers) => {
				const refs = parsePackageRefs(raw);
				expect(refs.refs.length + refs.errors.length).toBeLessThanOrEqual(Array.isArray(raw) ? raw.length : 1);
				if (typeof raw === "string") for (const name of guessNames(raw)) expect(name).toMatch(/^[a-z0-9-]+$/);
				licenseFromClassifiers(classifiers.map((c) => `License :: ${c}`));
			}),
		);
	});
});
