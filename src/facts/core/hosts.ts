/** The hosts a run may contact, for the consent prompt and the README's "Network use". */
import { baseUrlProblem } from "../../shared/core/settings-schema";
import { DEFAULT_SOURCE_BASES, type SourceBases } from "./types";

/** Why a source's base URL is refused, or null: the settings' own rule, so the app and the CLI agree. */
export { baseUrlProblem };

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
