/**
 * Facts: reading one large PyPI project document (JSON.parse, then the parser) must stay well
 * under 50 ms. The document is generated: about 5 MB, shaped as PyPI answers, with many
 * releases of several files each (the part the first-release scan walks).
 */
import { bench, describe } from "vitest";
import { parsePypi } from "../src/facts/core/sources/pypi";

function file(version: string, kind: string, day: number): Record<string, unknown> {
	const when = new Date(Date.UTC(2008, 0, 1) + day * 86_400_000).toISOString().replace(".000Z", ".123456Z");
	const filename = `bigframework-${version}${kind === "sdist" ? ".tar.gz" : "-py3-none-any.whl"}`;
	return {
		comment_text: "",
		digests: { blake2b_256: "ab".repeat(32), md5: "cd".repeat(16), sha256: "ef".repeat(32) },
		downloads: -1,
		filename,
		has_sig: false,
		md5_digest: "cd".repeat(16),
		packagetype: kind,
		python_version: kind === "sdist" ? "source" : "py3",
		requires_python: ">=3.9",
		size: 1_234_567,
		upload_time: when.slice(0, 19),
		upload_time_iso_8601: when,
		url: `https://files.pythonhosted.org/packages/ab/cd/${"ef".repeat(30)}/${filename}`,
		yanked: false,
		yanked_reason: null,
	};
}

function bigDocument(targetBytes: number): string {
	const releases: Record<string, unknown[]> = {};
	let version = 0;
	let size = 0;
	while (size < targetBytes) {
		const v = `${Math.floor(version / 100)}.${version % 100}.0`;
		releases[v] = [file(v, "sdist", version), file(v, "bdist_wheel", version)];
		size += 1_300; // about two files' JSON
		version++;
	}
	const latest = Object.keys(releases).at(-1) ?? "0.0.0";
	const doc = {
		info: {
			name: "bigframework",
			version: latest,
			summary: "A framework with a very long release history",
			license_expression: "MIT",
			classifiers: ["License :: OSI Approved :: MIT License", "Programming Language :: Python :: 3"],
			home_page: null,
			project_urls: { Homepage: "https://bigframework.example.org", Source: "https://github.com/example/bigframework" },
			description: "x".repeat(50_000),
		},
		last_serial: 1,
		releases,
		urls: releases[latest],
		vulnerabilities: [],
	};
	return JSON.stringify(doc);
}

const text = bigDocument(5 * 1024 * 1024);

describe(`PyPI document of ${(text.length / 1024 / 1024).toFixed(1)} MB`, () => {
	bench("JSON.parse + parsePypi", () => {
		const parsed = parsePypi(JSON.parse(text));
		if (parsed.facts.length < 8) throw new Error("the benchmark document lost its facts");
	});
	bench("parsePypi alone (already parsed)", () => {
		parsePypi(json);
	});
});

const json: unknown = JSON.parse(text);
