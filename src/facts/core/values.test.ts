import { describe, expect, it } from "vitest";
import { checkLicense, licenseFromClassifiers } from "./spdx";
import { checkCount, checkDate, checkText, checkUrl, checkYear } from "./values";

const value = <T>(c: { ok: true; value: T } | { ok: false; reason: string }): T | string => (c.ok ? c.value : `skip: ${c.reason}`);

describe("checkText", () => {
	it("trims and keeps plain text, refuses long text, control characters, line breaks and direction overrides", () => {
		expect(value(checkText("  A web framework  "))).toBe("A web framework");
		expect(value(checkText("x".repeat(300)))).toBe("x".repeat(300));
		expect(value(checkText("x".repeat(301)))).toMatch(/longer than 300/);
		for (const bad of ["a\nb", "a\u0000b", "a\u2028b", "a\u202eb", "a\u0085b"]) expect(value(checkText(bad))).toMatch(/control/);
		expect(value(checkText(3))).toMatch(/expected text, got a number/);
		expect(value(checkText(""))).toMatch(/empty/);
	});
});

describe("checkUrl", () => {
	it("keeps http and https addresses and refuses other schemes and credentials", () => {
		expect(value(checkUrl("https://www.djangoproject.com/"))).toBe("https://www.djangoproject.com/");
		expect(value(checkUrl("javascript:alert(1)"))).toMatch(/^skip/);
		expect(value(checkUrl("ftp://example.org/x"))).toMatch(/^skip/);
		expect(value(checkUrl("https://user:pw@example.org/"))).toMatch(/user name or password/);
		expect(value(checkUrl("https://"))).toMatch(/^skip/);
	});

	it("turns git addresses and npm shorthands into the repository's page", () => {
		const page = "https://github.com/expressjs/express";
		for (const form of [
			"git+https://github.com/expressjs/express.git",
			"git://github.com/expressjs/express.git",
			"git+ssh://git@github.com/expressjs/express.git",
			"git@github.com:expressjs/express.git",
			"github:expressjs/express",
			"expressjs/express",
			"https://github.com/expressjs/express.git",
			"https://github.com/expressjs/express/",
		]) {
			expect(value(checkUrl(form)), form).toBe(page);
		}
		expect(value(checkUrl("gitlab:a/b"))).toBe("https://gitlab.com/a/b");
		expect(value(checkUrl("git+https://git.example.org/team/repo.git"))).toBe("https://git.example.org/team/repo.git");
		expect(value(checkUrl("git://git.example.org/repo.git"))).toMatch(/^skip/);
		expect(value(checkUrl("https://github.com/pallets/flask/tree/main/src"))).toBe("https://github.com/pallets/flask/tree/main/src");
	});
});

describe("checkDate and checkYear", () => {
	it("gives the UTC day of ISO dates and date-times", () => {
		expect(value(checkDate("2010-07-21T13:45:25.123456Z"))).toBe("2010-07-21");
		expect(value(checkDate("2010-07-21T23:30:00-02:00"))).toBe("2010-07-22");
		expect(value(checkDate("2010-07-21T00:30:00+01:00"))).toBe("2010-07-20");
		expect(value(checkDate("2005-07-13"))).toBe("2005-07-13");
		expect(value(checkDate("2010-07-21T13:45:25"))).toBe("2010-07-21");
	});

	it("refuses impossible dates, other shapes and dates before 1980", () => {
		for (const bad of ["2023-02-29", "2024-13-01", "yesterday", "1970-01-01T00:00:00Z", "2024-01-01T25:00", 20240101]) {
			expect(value(checkDate(bad)), String(bad)).toMatch(/^skip/);
		}
	});

	it("reads years from numbers and dates", () => {
		expect(value(checkYear(2005))).toBe(2005);
		expect(value(checkYear("2005-07-13T00:00:00Z"))).toBe(2005);
		expect(value(checkYear(2005.5))).toMatch(/^skip/);
		expect(value(checkYear(Number.NaN))).toMatch(/^skip/);
	});

	it("counts are whole and finite", () => {
		expect(value(checkCount(80123))).toBe(80123);
		for (const bad of [-1, 1.5, Infinity, "12"]) expect(value(checkCount(bad))).toMatch(/^skip/);
	});
});

describe("licences", () => {
	it("keeps SPDX expressions in SPDX's spelling and maps names that mean one licence", () => {
		expect(value(checkLicense("mit"))).toBe("MIT");
		expect(value(checkLicense("(MIT or apache-2.0)"))).toBe("(MIT OR Apache-2.0)");
		expect(value(checkLicense("Apache-2.0 WITH LLVM-exception"))).toBe("Apache-2.0 WITH LLVM-exception");
		expect(value(checkLicense("Apache License, Version 2.0"))).toBe("Apache-2.0");
		expect(value(checkLicense("New BSD License"))).toBe("BSD-3-Clause");
		expect(value(checkLicense("LicenseRef-Company"))).toBe("LicenseRef-Company");
	});

	it("skips ambiguous names, whole licence texts and things that are not ids", () => {
		expect(value(checkLicense("BSD"))).toMatch(/fits several licences/);
		expect(value(checkLicense("BSD License"))).toMatch(/fits several licences/);
		expect(value(checkLicense("Copyright (c) Django Software Foundation and individual contributors.\nAll rights reserved."))).toMatch(
			/whole licence text/,
		);
		expect(value(checkLicense("UNLICENSED"))).toMatch(/not an open licence/);
		expect(value(checkLicense("MIT AND"))).toMatch(/not an SPDX id/);
		expect(value(checkLicense("Custom"))).toMatch(/not an SPDX id/);
	});

	it("maps a licence classifier only when it names one licence", () => {
		expect(licenseFromClassifiers(["Framework :: Django", "License :: OSI Approved :: MIT License"])).toEqual({
			ok: true,
			value: "MIT",
		});
		expect(licenseFromClassifiers(["Programming Language :: Python"])).toBeNull();
		expect(value(licenseFromClassifiers(["License :: OSI Approved :: BSD License"])!)).toMatch(/fits several licences/);
		expect(value(licenseFromClassifiers(["License :: OSI Approved :: Apache Software License"])!)).toMatch(/fits several/);
		expect(
			value(licenseFromClassifiers(["License :: OSI Approved :: MIT License", "License :: OSI Approved :: ISC License (ISCL)"])!),
		).toMatch(/several licence classifiers/);
	});
});
