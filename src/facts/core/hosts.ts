/** The hosts a run may contact, for the consent prompt and the README's "Network use". */
import { DEFAULT_SOURCE_BASES, type SourceBases } from "./types";

/** Why `url` cannot be a source's base URL, or null when it can (http or https, with a host). */
export function baseUrlProblem(url: string): string | null {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return "not a URL";
	}
	if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "not an http or https URL";
	if (parsed.hostname === "") return "a URL without a host";
	if (parsed.username !== "" || parsed.password !== "") return "a URL with a user name or password";
	if (parsed.search !== "" || parsed.hash !== "") return "a URL with a query or fragment";
	return null;
}

/** The host names of the sources' base URLs (port included when given), each once, in the order PyPI, npm, crates.io, GitHub. */
export function hostsOf(bases: SourceBases = DEFAULT_SOURCE_BASES): string[] {
	const hosts: string[] = [];
	for (const base of [bases.pypi, bases.npm, bases.crates, bases.github]) {
		if (baseUrlProblem(base) !== null) continue;
		const host = new URL(base.trim()).host;
		if (!hosts.includes(host)) hosts.push(host);
	}
	return hosts;
}
