/**
 * The summary lines of `refresh` / `check`, shared by the Node CLI and the Obsidian CLI handler so
 * both say the same. They never call a vault current when a note had a problem.
 */

/** What a run did to index blocks: notes holding one, those out of date (written when refreshing), those with a problem. */
export interface IndexRunCounts {
	readonly indexes: number;
	readonly stale: readonly string[];
	readonly problems: readonly unknown[];
}

/** What a run did to living blocks. */
export interface LivingRunCounts {
	readonly blocks: number;
	readonly stale: readonly string[];
}

/** The last line about index notes. `rerun` is the command that fixes a stale vault (`check` only). */
export function refreshSummary(outcome: IndexRunCounts, write: boolean, rerun: string): string {
	const noun = (n: number): string => `${n} index note${n === 1 ? "" : "s"}`;
	const failed = outcome.problems.length;
	const problems =
		failed === 0 ? "" : ` ${failed} note${failed === 1 ? "" : "s"} could not be ${write ? "refreshed" : "checked"} (named above).`;
	if (write) return `${noun(outcome.indexes)} found, ${outcome.stale.length} updated.${problems}\n`;
	if (outcome.stale.length > 0) {
		const verb = outcome.stale.length === 1 ? "is" : "are";
		return `${outcome.stale.length} of ${noun(outcome.indexes)} ${verb} out of date.${problems} Run: ${rerun}\n`;
	}
	if (failed > 0) return `No index note found out of date, but${problems}\n`;
	return `Every index note is current (${outcome.indexes} checked).\n`;
}

/** The line about living blocks (comparison tables, decision rankings), or "" when the vault has none. */
export function livingSummary(outcome: LivingRunCounts, write: boolean, rerun: string): string {
	if (outcome.blocks === 0) return "";
	const noun = (n: number): string => `${n} note${n === 1 ? "" : "s"} with living blocks`;
	if (write) return `${noun(outcome.blocks)} found, ${outcome.stale.length} updated.\n`;
	if (outcome.stale.length > 0) {
		const verb = outcome.stale.length === 1 ? "is" : "are";
		return `${outcome.stale.length} of ${noun(outcome.blocks)} ${verb} out of date. Run: ${rerun}\n`;
	}
	return `Every living block is current (${noun(outcome.blocks)} checked).\n`;
}
