/**
 * npm. The registry's package document `/<name>` (scoped names as `@scope%2Fname`): `time.created`
 * (the first publish), `dist-tags.latest` and its `time`, `license` (text, or the old
 * `{ type }` and `licenses: [{ type }]` forms), `homepage`, `repository` (a URL, an npm
 * shorthand such as `github:o/r`, or `{ type, url, directory }`) and `description`. Fields the
 * document lacks are read from the latest version's manifest in `versions`.
 */
import { checkLicense } from "../spdx";
import { checkDate, checkText, checkUrl, checkVersion, checkYear, type Checked } from "../values";
import { asObject, field, FactSink, isNothing, oneLine, trimBase, type Parsed, type Source } from "./source";

function npmUrl(base: string, name: string): string {
	const path = name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
	return `${trimBase(base)}/${path}`;
}

/** The licence in any of the forms npm has accepted over the years. */
function licenseValue(manifest: unknown): { raw: unknown; where: string } | null {
	const license = field(manifest, "license");
	if (!isNothing(license)) {
		const type = field(license, "type");
		return type !== undefined ? { raw: type, where: "license.type" } : { raw: license, where: "license" };
	}
	const licenses = field(manifest, "licenses");
	if (Array.isArray(licenses) && licenses.length > 0) {
		const types = (licenses as unknown[]).map((entry): unknown => field(entry, "type") ?? entry);
		if (types.length === 1) return { raw: types[0], where: "licenses" };
		if (types.every((t) => typeof t === "string")) return { raw: `(${types.join(" OR ")})`, where: "licenses" };
	}
	return null;
}

function repositoryValue(manifest: unknown): unknown {
	const repository = field(manifest, "repository");
	return typeof repository === "string" ? repository : field(repository, "url");
}

/** npm fills `homepage` with the repository's readme by default; that is not a website. */
function isReadme(website: string, repository: string | null): boolean {
	return repository !== null && (website === `${repository}#readme` || website === `${repository}/#readme`);
}

export function parseNpm(json: unknown): Parsed {
	const sink = new FactSink("npm");
	const doc = asObject(json);
	const time = asObject(field(doc, "time"));
	if (!doc || (field(doc, "name") === undefined && field(doc, "dist-tags") === undefined)) {
		return sink.done("not an npm package document");
	}
	if (field(time, "unpublished") !== undefined && field(doc, "dist-tags") === undefined) {
		return sink.done("unpublished from npm");
	}
	sink.accept("language", "name", { ok: true, value: "JavaScript" }, "npm: a JavaScript package");
	const latest = checkVersion(field(field(doc, "dist-tags"), "latest"));
	const manifest = latest.ok ? field(field(doc, "versions"), latest.value) : undefined;
	const both = (key: string): unknown => (isNothing(field(doc, key)) ? field(manifest, key) : field(doc, key));

	sink.take("summary", "description", oneLine(both("description")), checkText, "npm: description");
	const license = licenseValue(doc) ?? licenseValue(manifest);
	if (license) sink.take("license", license.where, license.raw, checkLicense, "npm: license");

	const repositoryRaw = isNothing(repositoryValue(doc)) ? repositoryValue(manifest) : repositoryValue(doc);
	sink.take("repository", "repository", repositoryRaw, checkUrl, "npm: repository");
	const repository = sink.facts.find((fact) => fact.key === "repository");
	const homepage = checkUrl(both("homepage"));
	if (homepage.ok && isReadme(homepage.value, typeof repository?.value === "string" ? repository.value : null)) {
		sink.skip("homepage", "the repository's readme, not a website");
	} else {
		sink.take("website", "homepage", both("homepage"), () => homepage, "npm: homepage");
	}

	if (latest.ok) {
		sink.accept("latest_version", "dist-tags.latest", latest, "npm: dist-tags.latest");
		sink.take("latest_release", `time[${latest.value}]`, field(time, latest.value), checkDate, `npm: publish time of ${latest.value}`);
	} else if (!isNothing(field(field(doc, "dist-tags"), "latest"))) {
		sink.skip("dist-tags.latest", latest.reason);
	}
	const created: Checked<number> = checkYear(field(time, "created"));
	if (!isNothing(field(time, "created"))) {
		sink.accept("first_release", "time.created", created, created.ok ? `first publish to npm: ${created.value}` : "");
	}
	return sink.done();
}

export const npmSource: Source = {
	id: "npm",
	label: "npm",
	accept: "application/json",
	url: npmUrl,
	parse: parseNpm,
};
