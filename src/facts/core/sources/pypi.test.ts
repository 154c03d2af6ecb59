import { describe, expect, it } from "vitest";
import django from "../fixtures/pypi-django.json";
import classifierOnly from "../fixtures/pypi-license-classifier.json";
import licenceText from "../fixtures/pypi-license-text.json";
import noReleases from "../fixtures/pypi-no-releases.json";
import nullFields from "../fixtures/pypi-null-fields.json";
import simple from "../fixtures/pypi-simple-fastapi.json";
import yankedOnly from "../fixtures/pypi-yanked-only.json";
import { parsePypi, parsePypiSimple, pypiSimpleSource, pypiSource } from "./pypi";
import { factMap } from "../testing/parsed";

describe("PyPI", () => {
	it("builds the JSON API and simple API URLs under any base", () => {
		expect(pypiSource.url("https://pypi.org", "django")).toBe("https://pypi.org/pypi/django/json");
		expect(pypiSource.url("https://mirror.example.org/pypi-proxy/", "django")).toBe(
			"https://mirror.example.org/pypi-proxy/pypi/django/json",
		);
		expect(pypiSimpleSource.url("https://pypi.org", "fastapi")).toBe("https://pypi.org/simple/fastapi/");
		expect(pypiSimpleSource.accept).toBe("application/vnd.pypi.simple.v1+json");
	});

	it("reads a full project: licence expression, project URLs, the latest upload and the first upload of any file", () => {
		const parsed = parsePypi(django);
		expect(parsed.error).toBeNull();
		expect(parsed.needsUploadTimes).toBe(false);
		expect(factMap(parsed)).toEqual({
			language: ["Python", "PyPI: a Python package"],
			summary: ["A high-level Python web framework that encourages rapid development and clean, pragmatic design.", "PyPI: summary"],
			license: ["BSD-3-Clause", "PyPI: license_expression"],
			website: ["https://www.djangoproject.com/", 'PyPI: project URL "Homepage"'],
			repository: ["https://github.com/django/django", 'PyPI: project URL "Source"'],
			latest_version: ["5.2", "PyPI: version"],
			latest_release: ["2025-04-02", "PyPI: upload of 5.2"],
			first_release: [2010, "first upload to PyPI: 2010"],
		});
		expect(parsed.skipped).toEqual([]);
	});

	it("takes the licence from a classifier that names one licence, and a GitHub home page as the repository", () => {
		const facts = factMap(parsePypi(classifierOnly));
		expect(facts.license).toEqual(["MIT", "PyPI: license classifier"]);
		expect(facts.website).toEqual(["https://github.com/aws/chalice", "PyPI: home_page"]);
		expect(facts.repository).toEqual(["https://github.com/aws/chalice", "PyPI: home_page (a repository)"]);
		expect(facts.first_release).toEqual([2016, "first upload to PyPI: 2016"]);
		expect(facts.summary).toEqual(["Microframework", "PyPI: summary"]);
	});

	it("skips a whole licence text and an ambiguous classifier with reasons; joins a two-line summary; ignores UNKNOWN", () => {
		const parsed = parsePypi(licenceText);
		const facts = factMap(parsed);
		expect(facts.license).toBeUndefined();
		expect(facts.website).toBeUndefined();
		expect(facts.summary).toEqual(["An old web framework with a summary on two lines", "PyPI: summary"]);
		expect(facts.first_release).toEqual([2009, "first upload to PyPI: 2009"]);
		expect(parsed.skipped.map((s) => `${s.field}: ${s.reason}`)).toEqual([
			"info.license: a whole licence text, not an SPDX id",
			'info.classifiers: "License :: OSI Approved :: BSD License" fits several licences, not one SPDX id',
		]);
	});

	it("asks for the simple API when releases are absent, and reads the first upload from it", () => {
		const parsed = parsePypi(noReleases);
		expect(parsed.needsUploadTimes).toBe(true);
		const facts = factMap(parsed);
		expect(facts.first_release).toBeUndefined();
		expect(facts.license).toEqual(["MIT", "PyPI: license_expression"]);
		expect(facts.website).toEqual(["https://github.com/fastapi/fastapi", 'PyPI: project URL "homepage"']);
		expect(facts.repository).toEqual(["https://github.com/fastapi/fastapi", 'PyPI: project URL "Repository"']);
		expect(facts.latest_release).toEqual(["2025-03-23", "PyPI: upload of 0.115.12"]);
		expect(factMap(parsePypiSimple(simple))).toEqual({ first_release: [2018, "first upload to PyPI: 2018"] });
	});

	it("does not call a yanked version the latest, but still knows the first upload", () => {
		const parsed = parsePypi(yankedOnly);
		const facts = factMap(parsed);
		expect(facts.latest_version).toBeUndefined();
		expect(facts.latest_release).toBeUndefined();
		expect(facts.first_release).toEqual([2021, "first upload to PyPI: 2021"]);
		expect(parsed.skipped).toContainEqual({ source: "pypi", field: "info.version", reason: "0.2 is yanked" });
	});

	it("reads a project with null fields and no files without inventing anything", () => {
		const parsed = parsePypi(nullFields);
		expect(Object.keys(factMap(parsed)).sort()).toEqual(["language", "latest_version"]);
		expect(parsed.skipped).toEqual([{ source: "pypi", field: "releases", reason: "no files were ever uploaded" }]);
	});

	it("says when the answer is not a project document", () => {
		expect(parsePypi({ message: "Not Found" }).error).toMatch(/not a PyPI project document/);
		expect(parsePypi([1, 2]).error).toMatch(/not a PyPI project document/);
		expect(parsePypiSimple({ files: "x" }).error).toMatch(/not a PyPI simple API document/);
	});
});
