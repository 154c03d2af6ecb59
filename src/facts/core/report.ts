/**
 * What a facts run says, as text: one line per change, what is worth knowing about each note
 * (a guessed package, values not used, values kept), the failures (grouped by reason, on the
 * run's own message when it says that reason already), and the summary. The Node CLI
 * (`framework-notes facts`) and the Obsidian CLI handler (`framework-notes:facts`) print these.
 */
import { formatPackageRef } from "./package-ref";
import { ticked } from "./proposals";
import { FACT_KEYS, type FactValue, type NoteFacts } from "./types";

export interface ReportOptions {
	readonly update: boolean;
	readonly only: ReadonlySet<string> | null;
}

/** A value on one line. */
export function shown(value: unknown): string {
	if (value === undefined || value === null) return "(none)";
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return JSON.stringify(value) ?? typeof value;
}

/** One line per value written (`Web/Django.md  license: BSD-3-Clause`), `  (was: …)` for a replaced one. */
export function changeLines(
	nf: NoteFacts,
	written: ReadonlyMap<string, FactValue>,
): { readonly lines: string[]; readonly filled: number; readonly replaced: number } {
	const lines: string[] = [];
	let filled = 0;
	let replaced = 0;
	for (const [key, value] of written) {
		const proposal = nf.proposals.find((p) => p.key === key);
		const was = proposal?.kind === "replace" ? `  (was: ${shown(proposal.current)})` : "";
		lines.push(`${nf.path}  ${key}: ${shown(value)}${was}`);
		if (proposal?.kind === "replace") replaced++;
		else filled++;
	}
	return { lines, filled, replaced };
}

/** What is worth saying about one note besides its changes (each a message about the note). */
export function noteMessages(nf: NoteFacts, written: ReadonlyMap<string, FactValue>, options: ReportOptions): string[] {
	const out: string[] = [];
	if (nf.guessed && nf.packageRef !== null) {
		const ref = formatPackageRef(nf.packageRef);
		out.push(
			written.has("package")
				? `package guessed from the note's name: ${ref} (check it)`
				: `package guessed from the note's name: ${ref}; not written (set "package" to use it)`,
		);
	}
	for (const skipped of nf.skipped) out.push(`skipped ${skipped.field} from ${skipped.source}: ${skipped.reason}`);
	const inScope = nf.proposals.filter((p) => options.only === null || options.only.has(p.key));
	const differing = inScope.filter((p) => p.kind === "replace" && !written.has(p.key));
	const replaceable = options.update ? new Set<string>() : new Set(ticked(nf, { update: true, only: options.only }).keys());
	const wouldReplace = differing.filter((p) => replaceable.has(p.key)).map((p) => p.key);
	const kept = differing.filter((p) => !replaceable.has(p.key));
	if (wouldReplace.length > 0) {
		const one = wouldReplace.length === 1;
		out.push(
			`${wouldReplace.join(", ")} ${one ? "differs" : "differ"} from the registries; --update would replace ${one ? "it" : "them"}`,
		);
	}
	for (const p of kept) out.push(`${p.key} kept (${p.provenance})`);
	if (written.size === 0 && differing.length === 0 && nf.skipped.length === 0 && nf.error === null) out.push("nothing new");
	return out;
}

/** A failure line: about the whole run (`path` null), or about one note. */
export interface FailureLine {
	readonly path: string | null;
	readonly text: string;
}

/**
 * The run's messages once each, then the failed notes: one line per note, except that notes
 * failing for the same reason are named together on one line — on the run's message when it
 * says that reason already (no connection, GitHub's rate limit). `name` shows a note's path.
 */
export function failureLines(failures: readonly NoteFacts[], messages: readonly string[], name: (path: string) => string): FailureLine[] {
	const byReason = new Map<string, string[]>();
	for (const nf of failures) {
		// "pypi:django: no connection to pypi.org" is the same reason as "pypi:flask: no connection to pypi.org".
		const error = nf.error ?? "failed";
		const reason = nf.packageRef === null ? error : error.split(`${formatPackageRef(nf.packageRef)}: `).join("");
		byReason.set(reason, [...(byReason.get(reason) ?? []), nf.path]);
	}
	const onMessage = new Map<string, string[]>(messages.map((m) => [m, []]));
	const said = (reason: string): string | undefined => messages.find((m) => m.toLowerCase().includes(reason.toLowerCase()));
	for (const [reason, paths] of byReason) {
		const message = said(reason);
		if (message !== undefined) onMessage.get(message)?.push(...paths);
	}
	const out: FailureLine[] = [];
	for (const [message, paths] of onMessage) {
		out.push({ path: null, text: `${message}${paths.length === 0 ? "" : ` Not filled: ${paths.map(name).join(", ")}.`}` });
	}
	for (const [reason, paths] of byReason) {
		if (said(reason) !== undefined) continue;
		const [first] = paths;
		if (paths.length === 1 && first !== undefined)
			out.push({ path: first, text: failures.find((nf) => nf.path === first)?.error ?? reason });
		else out.push({ path: null, text: `${paths.length} notes not filled (${reason}): ${paths.map(name).join(", ")}` });
	}
	return out;
}

/** The last line: `10 notes, 52 properties filled, 1 note failed.` */
export function factsSummary(notes: number, filled: number, replaced: number, failed: number, dryRun: boolean): string {
	const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
	const verb = dryRun ? "would be " : "";
	const parts = [plural(notes, "note"), `${plural(filled, "property")} ${verb}filled`.replace("propertys", "properties")];
	if (replaced > 0) parts.push(`${replaced} ${verb}replaced`);
	if (failed > 0) parts.push(`${plural(failed, "note")} failed`);
	return `${dryRun ? "Dry run: " : ""}${parts.join(", ")}.`;
}

/** Keys `only` accepts: the facts, and `package` (written when a package was guessed). */
export const ONLY_KEYS: readonly string[] = [...FACT_KEYS, "package"];

/**
 * The keys of an `only` option (`license,website`), null for every key, or what is wrong with it
 * as text to follow the option's name (`: unknown "x" (use …)`).
 */
export function onlyOption(option: string | undefined): ReadonlySet<string> | null | string {
	if (option === undefined) return null;
	const keys = option
		.split(",")
		.map((key) => key.trim())
		.filter((key) => key !== "");
	if (keys.length === 0) return ` needs property names separated by commas, like "license,website"`;
	const unknown = keys.filter((key) => !ONLY_KEYS.includes(key));
	if (unknown.length > 0) return `: unknown ${unknown.map((k) => `"${k}"`).join(", ")} (use ${ONLY_KEYS.join(", ")})`;
	return new Set(keys);
}
