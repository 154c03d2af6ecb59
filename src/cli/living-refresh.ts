/**
 * `refresh` and `check` for living blocks (comparison tables, decision rankings) over a vault on
 * disk, with the same core the plugin uses. Every markdown note outside the templates folder gets
 * one quick byte test for the blocks' markers and flags; the few that pass are read, refreshed,
 * and written atomically only when their text changes.
 */
import { comparisonKind } from "../comparison/core/comparison-block";
import { decisionKind } from "../decisions/core/decision-block";
import { errorMessage } from "../shared/core/errors";
import { buildLinkNames, type LinkNames } from "../shared/core/link-names";
import { livingBegin, mayHoldLivingBlock, refreshLivingText, type BlockContent } from "../shared/core/living-blocks";
import type { LivingKind } from "../shared/core/living-engine";
import { isMarkdown } from "../shared/core/vault";
import type { VaultConfig } from "./config";
import { DiskFile, type DiskVault } from "./disk-vault";
import type { ProgressSink } from "./progress";
import { writeNoteAtomic } from "./write";

export interface LivingOutcome {
	/** Notes holding a living block or flag. */
	readonly blocks: number;
	/** Notes whose blocks were out of date (written by `refresh`, listed by `check`). */
	readonly stale: readonly string[];
	readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** The kinds of living block, with the vault's own settings. */
export function livingKinds(vault: DiskVault, config: VaultConfig): LivingKind[] {
	const ctx = {
		snapshot: vault,
		settings: config.settings.compare,
		templatesFolder: config.coreTemplatesFolder === "" ? null : config.coreTemplatesFolder,
	};
	return [comparisonKind({ ...ctx, propertyTypes: config.propertyTypes }), decisionKind(ctx)];
}

function inFolder(path: string, folder: string): boolean {
	return folder !== "" && path.startsWith(`${folder}/`);
}

export function refreshLivingBlocks(
	vault: DiskVault,
	config: VaultConfig,
	options: { readonly write: boolean; readonly fsync?: boolean; readonly progress?: ProgressSink },
): LivingOutcome {
	const kinds = livingKinds(vault, config);
	const needles = kinds
		.flatMap((k) => [livingBegin(k.name), k.flag])
		.filter((t) => t !== "")
		.map((t) => Buffer.from(t, "utf8"));
	const files = vault.allFiles().filter((f) => isMarkdown(f) && !inFolder(f.path, config.coreTemplatesFolder));
	const hits = vault.startContainsScan(files, needles).finish((done, total) => options.progress?.step("notes", done, total));
	const notes = files.filter((_, i) => hits[i]).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	let names: LinkNames | null = null;
	const linkNames = (): LinkNames => (names ??= buildLinkNames(vault.root));
	const stale: string[] = [];
	const problems: { path: string; message: string }[] = [];
	let blocks = 0;
	for (const note of notes) {
		const read = vault.readText(note.path);
		if (!read.ok) {
			problems.push({ path: note.path, message: read.message });
			continue;
		}
		if (!mayHoldLivingBlock(read.text, kinds)) continue;
		blocks++;
		const render = (name: string): BlockContent =>
			kinds.find((k) => k.name === name)?.render(note.path, linkNames) ?? { ok: false, message: `unknown block "${name}"` };
		const outcome = refreshLivingText(read.text, kinds, render);
		if (outcome.status === "unchanged") continue;
		if (outcome.status === "error") {
			problems.push({ path: note.path, message: outcome.message });
			continue;
		}
		if (options.write) {
			if (!(note instanceof DiskFile)) continue;
			try {
				writeNoteAtomic(
					{ realPath: note.realPath, vaultReal: vault.rootReal, expected: read.text, fsync: options.fsync },
					outcome.text,
				);
			} catch (e) {
				problems.push({ path: note.path, message: `not written: ${errorMessage(e)}` });
				continue;
			}
		}
		stale.push(note.path);
	}
	return { blocks, stale, problems };
}
