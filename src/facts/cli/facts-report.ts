/**
 * What `facts` says on stderr about one note besides its changes: a guessed package, values the
 * registries gave that were not used, values that differ but were kept (and whether `--update`
 * would replace them), and notes with nothing new.
 */
import type { CliIO } from "../../cli/context";
import { printableName } from "../../cli/printable";
import { formatPackageRef, ticked, type FactValue, type NoteFacts } from "../core/index";

const NAME = "framework-notes";

export interface ReportOptions {
	readonly update: boolean;
	readonly only: ReadonlySet<string> | null;
}

function list(keys: readonly string[]): string {
	return keys.join(", ");
}

export function reportNotes(io: CliIO, nf: NoteFacts, written: ReadonlyMap<string, FactValue>, options: ReportOptions): void {
	const name = printableName(nf.path);
	const say = (text: string): void => io.stderr(`${NAME}: ${name}: ${text}\n`);
	if (nf.guessed && nf.packageRef !== null) {
		const ref = formatPackageRef(nf.packageRef);
		say(
			written.has("package")
				? `package guessed from the note's name: ${ref} (check it)`
				: `package guessed from the note's name: ${ref}; not written (set "package" to use it)`,
		);
	}
	for (const skipped of nf.skipped) say(`skipped ${skipped.field} from ${skipped.source}: ${skipped.reason}`);
	const inScope = nf.proposals.filter((p) => options.only === null || options.only.has(p.key));
	const differing = inScope.filter((p) => p.kind === "replace" && !written.has(p.key));
	const replaceable = options.update ? new Set<string>() : new Set(ticked(nf, { update: true, only: options.only }).keys());
	const wouldReplace = differing.filter((p) => replaceable.has(p.key)).map((p) => p.key);
	const kept = differing.filter((p) => !replaceable.has(p.key));
	if (wouldReplace.length > 0) {
		say(
			`${list(wouldReplace)} ${wouldReplace.length === 1 ? "differs" : "differ"} from the registries; --update would replace ${wouldReplace.length === 1 ? "it" : "them"}`,
		);
	}
	for (const p of kept) say(`${p.key} kept (${p.provenance})`);
	if (written.size === 0 && differing.length === 0 && nf.skipped.length === 0 && nf.error === null) say("nothing new");
}
