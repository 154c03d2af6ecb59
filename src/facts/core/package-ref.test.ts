import { describe, expect, it } from "vitest";
import { formatPackageRef, guessNames, parsePackageRefs, registriesForLanguage, registriesForNote } from "./package-ref";

describe("parsePackageRefs", () => {
	it("reads one text or a list, on each registry, npm scopes included", () => {
		expect(parsePackageRefs("pypi:django").refs).toEqual([{ registry: "pypi", name: "django" }]);
		const list = parsePackageRefs(["npm:express", " crates:actix-web ", "npm:@angular/core", "PyPI:Flask-SQLAlchemy"]);
		expect(list.errors).toEqual([]);
		expect(list.refs.map(formatPackageRef)).toEqual(["npm:express", "crates:actix-web", "npm:@angular/core", "pypi:Flask-SQLAlchemy"]);
	});

	it("treats absent, null, blank and empty lists as no package", () => {
		for (const value of [undefined, null, "", "  ", [], [null, ""]]) expect(parsePackageRefs(value)).toEqual({ refs: [], errors: [] });
	});

	it("names each bad entry with its reason and keeps the good ones", () => {
		const result = parsePackageRefs(["django", "maven:spring", "npm:bad name", "crates:1abc", "pypi:-x", 42, "npm:", "pypi:django"]);
		expect(result.refs).toEqual([{ registry: "pypi", name: "django" }]);
		expect(result.errors).toHaveLength(7);
		expect(result.errors[0]).toMatch(/"django": no registry/);
		expect(result.errors[1]).toMatch(/unknown registry "maven"/);
		expect(result.errors[2]).toMatch(/npm name/);
		expect(result.errors[3]).toMatch(/crate name/);
		expect(result.errors[4]).toMatch(/PyPI name/);
		expect(result.errors[5]).toMatch(/a number is not a package/);
		expect(result.errors[6]).toMatch(/no package name/);
	});

	it("drops duplicates, PyPI names compared as PyPI normalises them", () => {
		expect(parsePackageRefs(["pypi:Flask_SQLAlchemy", "pypi:flask-sqlalchemy", "npm:x", "npm:x"]).refs).toHaveLength(2);
	});

	it("refuses an npm name over 214 characters and a crate name over 64", () => {
		expect(parsePackageRefs(`npm:${"a".repeat(215)}`).errors).toHaveLength(1);
		expect(parsePackageRefs(`npm:${"a".repeat(214)}`).errors).toHaveLength(0);
		expect(parsePackageRefs(`crates:${"a".repeat(65)}`).errors).toHaveLength(1);
	});
});

describe("guessNames", () => {
	it("tries the dashed name, the joined name, then the last word", () => {
		expect(guessNames("AWS Chalice")).toEqual(["aws-chalice", "awschalice", "chalice"]);
		expect(guessNames("Ruby on Rails!")).toEqual(["ruby-on-rails", "rubyonrails", "rails"]);
		expect(guessNames("Django")).toEqual(["django"]);
		expect(guessNames("Élan (web)")).toEqual(["elan-web", "elanweb", "web"]);
		expect(guessNames("  ## ")).toEqual([]);
	});
});

describe("registriesForLanguage", () => {
	it("maps a language to its registry, all three when none is given, none for another language", () => {
		expect(registriesForLanguage("Python")).toEqual(["pypi"]);
		expect(registriesForLanguage("[[TypeScript]]")).toEqual(["npm"]);
		expect(registriesForLanguage(["rust"])).toEqual(["crates"]);
		expect(registriesForLanguage(undefined)).toEqual(["pypi", "npm", "crates"]);
		expect(registriesForLanguage("")).toEqual(["pypi", "npm", "crates"]);
		expect(registriesForLanguage("Go")).toEqual([]);
	});
});

describe("registriesForNote", () => {
	it("uses the language, else a language tag that fits one registry, else all three", () => {
		const fm = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
		expect(registriesForNote(fm({ language: "Rust", tags: ["python"] }))).toEqual(["crates"]);
		expect(registriesForNote(fm({ tags: ["python", "framework"] }))).toEqual(["pypi"]);
		expect(registriesForNote(fm({ tags: "#typescript web" }))).toEqual(["npm"]);
		expect(registriesForNote(fm({ tags: ["python", "rust"] }))).toEqual(["pypi", "npm", "crates"]);
		expect(registriesForNote(fm({ language: "Go", tags: ["python"] }))).toEqual([]);
		expect(registriesForNote(fm({}))).toEqual(["pypi", "npm", "crates"]);
	});
});
