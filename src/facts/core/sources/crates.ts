/**
 * crates.io. `/api/v1/crates/<name>` answers `{ crate, versions }`: the crate's `created_at`
 * (its first upload), `max_stable_version` (else `newest_version` when only pre-releases exist),
 * `homepage`, `repository`, `description`; the licence and upload time come from that version's
 * entry in `versions`. Old crates write dual licences as `MIT/Apache-2.0`, which crates.io reads
 * as `MIT OR Apache-2.0`.
 */
import { checkLicense } from "../spdx";
import { checkDate, checkText, checkUrl, checkVersion, checkYear } from "../values";
import { asObject, field, FactSink, isNothing, oneLine, trimBase, type Parsed, type Source } from "./source";

function cratesUrl(base: string, name: string): string {
	return `${trimBase(base)}/api/v1/crates/${encodeURIComponent(name)}`;
}

function slashToOr(raw: unknown): unknown {
	return typeof raw === "string" && raw.length <= 100 ? raw.replace(/\s*\/\s*/g, " OR ") : raw;
}

export function parseCrates(json: unknown): Parsed {
	const sink = new FactSink("crates");
	const crate = asObject(field(json, "crate"));
	if (!crate) return sink.done("not a crates.io crate document");
	sink.accept("language", "crate", { ok: true, value: "Rust" }, "crates.io: a Rust crate");
	sink.take("summary", "crate.description", oneLine(field(crate, "description")), checkText, "crates.io: description");
	sink.take("website", "crate.homepage", field(crate, "homepage"), checkUrl, "crates.io: homepage");
	sink.take("repository", "crate.repository", field(crate, "repository"), checkUrl, "crates.io: repository");

	const stable = field(crate, "max_stable_version");
	const [versionField, rawVersion] = isNothing(stable)
		? ["crate.newest_version", field(crate, "newest_version")]
		: ["crate.max_stable_version", stable];
	const version = checkVersion(rawVersion);
	if (version.ok) {
		sink.accept("latest_version", versionField, version, `crates.io: ${versionField.slice(6)}`);
		const versions = field(json, "versions");
		const entry: unknown = Array.isArray(versions) ? (versions as unknown[]).find((v) => field(v, "num") === version.value) : undefined;
		if (entry !== undefined) {
			sink.take(
				"latest_release",
				`versions[${version.value}].created_at`,
				field(entry, "created_at"),
				checkDate,
				`crates.io: upload of ${version.value}`,
			);
			sink.take(
				"license",
				`versions[${version.value}].license`,
				slashToOr(field(entry, "license")),
				checkLicense,
				`crates.io: license of ${version.value}`,
			);
		}
	} else if (!isNothing(rawVersion)) {
		sink.skip(versionField, version.reason);
	}
	const created = checkYear(field(crate, "created_at"));
	if (!isNothing(field(crate, "created_at"))) {
		sink.accept("first_release", "crate.created_at", created, created.ok ? `first upload to crates.io: ${created.value}` : "");
	}
	return sink.done();
}

export const cratesSource: Source = {
	id: "crates",
	label: "crates.io",
	accept: "application/json",
	url: cratesUrl,
	parse: parseCrates,
};
