/**
 * GitHub. `/repos/<owner>/<repo>` for a note whose repository is on github.com:
 * `stargazers_count`, `archived`, `pushed_at` (the last push, as the last commit's date),
 * `license.spdx_id` (GitHub's `NOASSERTION` means it could not tell), `homepage` and
 * `description`.
 */
import { checkLicense } from "../spdx";
import { checkBoolean, checkCount, checkDate, checkText, checkUrl } from "../values";
import { asObject, field, FactSink, oneLine, trimBase, type Parsed, type Source } from "./source";

/** `owner/repo` of a github.com repository URL (any page under it), or null. */
export function githubRepoOf(url: string): string | null {
	const match = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?(?:[/?#].*)?$/i.exec(
		url.trim(),
	);
	if (!match || match[2] === "." || match[2] === "..") return null;
	return `${match[1]}/${match[2]}`;
}

function githubUrl(base: string, ownerRepo: string): string {
	const [owner = "", repo = ""] = ownerRepo.split("/");
	return `${trimBase(base)}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

export function parseGithub(json: unknown): Parsed {
	const sink = new FactSink("github");
	const repo = asObject(json);
	if (!repo || (field(repo, "stargazers_count") === undefined && field(repo, "full_name") === undefined)) {
		return sink.done("not a GitHub repository document");
	}
	sink.take("stars", "stargazers_count", field(repo, "stargazers_count"), checkCount, "GitHub: stargazers_count");
	sink.take("archived", "archived", field(repo, "archived"), checkBoolean, "GitHub: archived");
	sink.take("last_commit", "pushed_at", field(repo, "pushed_at"), checkDate, "GitHub: pushed_at (the last push)");
	const spdx = field(field(repo, "license"), "spdx_id");
	if (spdx === "NOASSERTION") sink.skip("license.spdx_id", "GitHub could not tell the licence (NOASSERTION)");
	else sink.take("license", "license.spdx_id", spdx, checkLicense, "GitHub: license.spdx_id");
	sink.take("website", "homepage", field(repo, "homepage"), checkUrl, "GitHub: homepage");
	sink.take("summary", "description", oneLine(field(repo, "description")), checkText, "GitHub: description");
	return sink.done();
}

export const githubSource: Source = {
	id: "github",
	label: "GitHub",
	accept: "application/vnd.github+json",
	url: githubUrl,
	parse: parseGithub,
};
