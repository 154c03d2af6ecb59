/**
 * The living decision block: in a decision note, its ranking as Markdown kept current — a table
 * (rank, note, score, coverage, one column per preference: ✓ / ✗ for a condition, the value for
 * high / low, ? when unknown), a line per note ruled out or missing data with its reason, then the
 * "what would change the answer" sentence. Deterministic (the engine's pinned order, no dates).
 * Contract: docs/living-blocks.md.
 */

import type { LinkNames } from "../../shared/core/link-names";
import type { BlockContent } from "../../shared/core/living-blocks";
import type { LivingKind } from "../../shared/core/living-engine";
import type { CompareSettings } from "../../shared/core/settings";
import { isFolder, withoutFrontmatterErrors, type VaultSnapshot } from "../../shared/core/vault";
import { decisionCandidates } from "./candidates";
import { describeError } from "./criteria";
import { isDecisionFrontmatter, readDecision } from "./decision-note";
import { decide } from "./engine";
import { formatCoverage, formatScore } from "./report";

/** The name in the block's markers: `%% Begin Decision %%` … `%% End Decision %%`. */
export const DECISION_BLOCK = "Decision";

export interface DecisionBlockContext {
	readonly snapshot: VaultSnapshot;
	readonly settings: CompareSettings;
	readonly templatesFolder: string | null;
	readonly names?: () => LinkNames;
}

/** Table-cell text: one line; `\`, `|`, `<`, embeds and `%%` made inert. */
function cell(text: string): string {
	return text
		.replace(/[\r\n]+/g, " ")
		.replace(/\\/g, "\\\\")
		.replace(/\|/g, "\\|")
		.replace(/</g, "\\<")
		.replace(/!\[/g, "\\![")
		.replace(/\[\[/g, "\\[\\[")
		.replace(/%%/g, "\\%\\%");
}

function noteLink(path: string, name: string, names: LinkNames | undefined): string {
	const shown = cell(name);
	if (names === undefined) return `[[${shown}]]`;
	const target = names.linkPath({ path, name: path.slice(path.lastIndexOf("/") + 1), basename: name, extension: "md" });
	return target === name ? `[[${shown}]]` : `[[${cell(target)}\\|${shown}]]`;
}

/** The block's lines for the decision note at `holder`. */
export function renderDecisionBlock(holder: string, ctx: DecisionBlockContext): BlockContent {
	const fm = ctx.snapshot.frontmatter(holder);
	if (!isDecisionFrontmatter(fm))
		return { ok: false, message: `a decision block needs the property "type: decision" in its note; the block was not updated.` };
	const spec = readDecision(fm);
	const errors = [...spec.problems, ...[...spec.must, ...spec.prefer].flatMap((e) => (e.ok ? [] : [describeError(e.error)]))];
	if (spec.scope !== null) {
		const scope = ctx.snapshot.getNode(spec.scope);
		if (scope === null || !isFolder(scope)) errors.push(`scope: no folder "${spec.scope}" in the vault`);
	}
	if (errors.length > 0) return { ok: false, message: `${errors.join("; ")}; the decision block was not updated.` };
	const candidates = decisionCandidates(withoutFrontmatterErrors(ctx.snapshot), {
		settings: ctx.settings,
		scope: spec.scope,
		templatesFolder: ctx.templatesFolder,
		decision: holder,
	});
	const result = decide(spec, candidates);
	const names = ctx.names?.();
	const prefs = result.preferences;
	const lines: string[] = [];
	if (result.ranked.length === 0) lines.push("*No framework note meets the requirements.*");
	else {
		lines.push(`| Rank | Note | Score | Coverage |${prefs.map((p) => ` ${cell(p.text)} |`).join("")}`);
		lines.push(`| ---: | --- | ---: | ---: |${prefs.map(() => " :---: |").join("")}`);
		for (const n of result.ranked) {
			const marks = (result.explain(n.path) ?? []).map((p, i) => {
				const rule = prefs[i]?.rule.kind;
				const value =
					rule === "high" || rule === "low" ? (p.s === null ? "?" : cell(p.value)) : p.s === null ? "?" : p.s >= 1 ? "✓" : "✗";
				return ` ${value} |`;
			});
			lines.push(
				`| ${n.rank} | ${noteLink(n.path, n.name, names)} | ${formatScore(n.score)} | ${formatCoverage(n.coverage)} |${marks.join("")}`,
			);
		}
	}
	const aside = [
		...result.ruledOut.map((n) => ({ n, what: "ruled out" })),
		...result.missingData.map((n) => ({ n, what: "missing data" })),
	];
	if (aside.length > 0) {
		lines.push("");
		for (const { n, what } of aside) lines.push(`- ${noteLink(n.path, n.name, names)} — ${what}: ${cell(n.reason)}`);
	}
	if (result.change !== null) lines.push("", cell(result.change.sentence));
	return { ok: true, lines, shown: candidates.map((c) => c.path) };
}

/** Which paths the decision block in `holder` may show (its note read once): its scope's, and its own note. */
export function decisionBlockWatcher(holder: string, snapshot: VaultSnapshot): (path: string) => boolean {
	const fm = snapshot.frontmatter(holder);
	if (!isDecisionFrontmatter(fm)) return (path) => path === holder;
	const scope = readDecision(fm).scope ?? "";
	return (path) => path === holder || scope === "" || path === scope || path.startsWith(`${scope}/`) || scope.startsWith(`${path}/`);
}

/** Whether the decision block in `holder` may show the note or folder at `path`. */
export function decisionBlockWatches(holder: string, path: string, snapshot: VaultSnapshot): boolean {
	return decisionBlockWatcher(holder, snapshot)(path);
}

/** The decision block as a kind of living block (built for each run, with the current settings). */
export function decisionKind(ctx: Omit<DecisionBlockContext, "names">): LivingKind {
	return {
		name: DECISION_BLOCK,
		flag: ctx.settings.decisionFlag,
		render: (holder, names) => renderDecisionBlock(holder, { ...ctx, names }),
		watcher: (holder) => decisionBlockWatcher(holder, ctx.snapshot),
	};
}
