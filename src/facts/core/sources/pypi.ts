/**
 * PyPI. The JSON API `/pypi/<name>/json` gives the project's `info` (summary, home page, project
 * URLs, licence fields, classifiers, latest version), the latest version's files (`urls`) and,
 * while PyPI still sends it, every release's files (`releases`). The first release is the year of
 * the earliest upload of any file. Where `releases` is absent, the JSON form of the simple API
 * (`/simple/<name>/`, PEP 691, upload times from PEP 700) gives the upload times instead.
 */
import { licenseFromClassifiers, checkLicense } from "../spdx";
import { checkDate, checkText, checkUrl, checkVersion, checkYear, quote } from "../values";
import { asObject, field, FactSink, isNothing, oneLine, trimBase, type Parsed, type Source } from "./source";

/** Project URL labels, compared lower-cased without spaces, dashes and underscores. */
const WEBSITE_LABELS = new Set(["homepage", "home", "website", "webpage"]);
const REPOSITORY_LABELS = new Set(["source", "sourcecode", "repository", "repo", "code", "github", "git"]);

function label(key: string): string {
	return key.toLowerCase().replace(/[\s_-]+/g, "");
}

interface UploadScan {
	/** The earliest upload time (ISO text), or null when no file has one. */
	readonly earliest: string | null;
	readonly files: number;
}

/** Upload times compare as text: PyPI writes them all in UTC, the first 19 characters as `YYYY-MM-DDTHH:MM:SS`. */
function uploadTime(file: unknown, keys: readonly string[]): string | null {
	for (const key of keys) {
		const raw = field(file, key);
		if (typeof raw === "string" && raw.length >= 10) return raw;
	}
	return null;
}

function earlier(a: string | null, b: string): string {
	return a === null || b.slice(0, 19) < a.slice(0, 19) ? b : a;
}

function scanFiles(files: unknown, keys: readonly string[], scan: { earliest: string | null; files: number }): void {
	if (!Array.isArray(files)) return;
	for (const file of files) {
		scan.files++;
		const time = uploadTime(file, keys);
		if (time !== null) scan.earliest = earlier(scan.earliest, time);
	}
}

const JSON_TIME_KEYS = ["upload_time_iso_8601", "upload_time"];

function scanReleases(releases: Record<string, unknown>): UploadScan {
	const scan = { earliest: null as string | null, files: 0 };
	for (const version of Object.keys(releases)) scanFiles(releases[version], JSON_TIME_KEYS, scan);
	return scan;
}

function firstRelease(sink: FactSink, scan: UploadScan, where: string): void {
	if (scan.earliest === null) {
		sink.skip(where, scan.files === 0 ? "no files were ever uploaded" : "no upload times");
		return;
	}
	const year = checkYear(scan.earliest);
	sink.accept("first_release", where, year, year.ok ? `first upload to PyPI: ${year.value}` : "");
}

/** The latest version's files: `urls`, else that version's entry in `releases`. */
function latestFiles(json: unknown, version: string): unknown[] {
	const urls = field(json, "urls");
	if (Array.isArray(urls) && urls.length > 0) return urls;
	const files = field(field(json, "releases"), version);
	return Array.isArray(files) ? files : [];
}

function latest(sink: FactSink, json: unknown, info: unknown): void {
	const version = checkVersion(field(info, "version"));
	if (!version.ok) {
		if (!isNothing(field(info, "version"))) sink.skip("info.version", version.reason);
		return;
	}
	const files = latestFiles(json, version.value);
	if (files.length > 0 && files.every((file) => field(file, "yanked") === true)) {
		sink.skip("info.version", `${version.value} is yanked`);
		return;
	}
	sink.accept("latest_version", "info.version", version, "PyPI: version");
	let newest: string | null = null;
	for (const file of files) {
		const time = uploadTime(file, JSON_TIME_KEYS);
		if (time !== null && (newest === null || time.slice(0, 19) > newest.slice(0, 19))) newest = time;
	}
	if (newest !== null) sink.accept("latest_release", "urls.upload_time", checkDate(newest), `PyPI: upload of ${version.value}`);
}

function license(sink: FactSink, info: unknown): void {
	if (sink.take("license", "info.license_expression", field(info, "license_expression"), checkLicense, "PyPI: license_expression"))
		return;
	if (sink.take("license", "info.license", field(info, "license"), checkLicense, "PyPI: license")) return;
	const classifiers = field(info, "classifiers");
	if (!Array.isArray(classifiers)) return;
	const texts = classifiers.filter((c): c is string => typeof c === "string");
	const fromClassifiers = licenseFromClassifiers(texts);
	if (fromClassifiers !== null) sink.accept("license", "info.classifiers", fromClassifiers, "PyPI: license classifier");
}

/** A URL that is a repository's page on a forge (`https://github.com/o/r`). */
function isRepositoryPage(url: string): boolean {
	return /^https:\/\/(github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/]+$/.test(url);
}

function urls(sink: FactSink, info: unknown): void {
	const projectUrls = asObject(field(info, "project_urls"));
	if (projectUrls) {
		for (const key of Object.keys(projectUrls)) {
			const name = label(key);
			const where = `info.project_urls[${quote(key, 40)}]`;
			const raw = projectUrls[key];
			if (WEBSITE_LABELS.has(name)) sink.take("website", where, raw, checkUrl, `PyPI: project URL ${quote(key, 40)}`);
			else if (REPOSITORY_LABELS.has(name)) sink.take("repository", where, raw, checkUrl, `PyPI: project URL ${quote(key, 40)}`);
		}
	}
	const homePage = checkUrl(field(info, "home_page"));
	if (!sink.has("website")) sink.take("website", "info.home_page", field(info, "home_page"), checkUrl, "PyPI: home_page");
	if (!sink.has("repository") && homePage.ok && isRepositoryPage(homePage.value)) {
		sink.accept("repository", "info.home_page", homePage, "PyPI: home_page (a repository)");
	}
}

function pypiUrl(base: string, name: string): string {
	return `${trimBase(base)}/pypi/${encodeURIComponent(name)}/json`;
}

/** What the JSON API says; `needsUploadTimes` when `releases` is absent and the simple API must be asked. */
export interface PypiParsed extends Parsed {
	readonly needsUploadTimes: boolean;
}

export function parsePypi(json: unknown): PypiParsed {
	const sink = new FactSink("pypi");
	const info = asObject(field(json, "info"));
	if (!info) return { ...sink.done("not a PyPI project document (no info)"), needsUploadTimes: false };
	sink.accept("language", "info", { ok: true, value: "Python" }, "PyPI: a Python package");
	sink.take("summary", "info.summary", oneLine(field(info, "summary")), checkText, "PyPI: summary");
	license(sink, info);
	urls(sink, info);
	latest(sink, json, info);
	const releases = asObject(field(json, "releases"));
	if (releases) firstRelease(sink, scanReleases(releases), "releases");
	return { ...sink.done(), needsUploadTimes: releases === null };
}

export const pypiSource: Source = {
	id: "pypi",
	label: "PyPI",
	accept: "application/json",
	url: pypiUrl,
	parse: parsePypi,
};

/** The JSON simple API (`/simple/<name>/`): the first release from its files' `upload-time`. */
export function parsePypiSimple(json: unknown): Parsed {
	const sink = new FactSink("pypi");
	const files = field(json, "files");
	if (!Array.isArray(files)) return sink.done("not a PyPI simple API document (no files)");
	const scan = { earliest: null as string | null, files: 0 };
	scanFiles(files, ["upload-time"], scan);
	firstRelease(sink, scan, "files.upload-time");
	return sink.done();
}

export const pypiSimpleSource: Source = {
	id: "pypi",
	label: "PyPI",
	accept: "application/vnd.pypi.simple.v1+json",
	url: (base, name) => `${trimBase(base)}/simple/${encodeURIComponent(name)}/`,
	parse: parsePypiSimple,
};
