/**
 * `refresh` and `check` for living blocks (comparison tables, decision rankings) over a vault on
 * disk, with the same core the plugin uses. Every markdown note outside the templates folder gets
 * one quick byte test for the blocks' markers and flags; the few that pass are read, refreshed,
 * and written atomically only when their text changes.
 */
import { comparisonKind } from "../comparison/core/living-note";
import { decisionKind } from "../decisions/core/decision-block";
import { errorMessage } from "../shared/core/errors";
import { buildLinkNames, type LinkNames } from "../shared/core/link-names";
import { livingBegin, mayHoldLivingBlock, refreshLivingText, type BlockContent } from "../shared/core/living-blocks";
import type { LivingKind } from "../shared/core/living-engine";
import { isMarkdown, type VFile } from "../shared/core/vault";
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
	/** Notes left as they are, with why (an older comparison note edited by hand). */
	readonly kept: readonly { readonly path: string; readonly message: string }[];
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

/** The texts (as bytes) whose presence lets a note hold a living block: markers, flags, the hint of an older comparison note. */
export function livingNeedles(vault: DiskVault, config: VaultConfig): Buffer[] {
	return livingKinds(vault, config)
		.flatMap((k) => [livingBegin(k.name), k.flag, k.adopt?.hint ?? ""])
		.filter((t) => t !== "")
		.map((t) => Buffer.from(t, "utf8"));
}

/**
 * `candidates`: notes already known to include every note that holds a `livingNeedles` text
 * (from a look at every note made for another purpose); without them every note is looked at here.
 */
export function refreshLivingBlocks(
	vault: DiskVault,
	config: VaultConfig,
	options: {
		readonly write: boolean;
		readonly fsync?: boolean;
		readonly progress?: ProgressSink;
		readonly candidates?: readonly VFile[];
	},
): LivingOutcome {
	const kinds = livingKinds(vault, config);
	const inScope = (f: VFile): boolean => isMarkdown(f) && !inFolder(f.path, config.coreTemplatesFolder);
	let notes: VFile[];
	if (options.candidates !== undefined) {
		notes = options.candidates.filter(inScope);
	} else {
		const files = vault.allFiles().filter(inScope);
		const hits = vault
			.startContainsScan(files, livingNeedles(vault, config))
			.finish((done, total) => options.progress?.step("notes", done, total));
		notes = files.filter((_, i) => hits[i]);
	}
	notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	let names: LinkNames | null = null;
	const linkNames = (): LinkNames => (names ??= buildLinkNames(vault.root));
	const stale: string[] = [];
	const problems: { path: string; message: string }[] = [];
	const kept: { path: string; message: string }[] = [];
	let blocks = 0;
	for (const note of notes) {
		const read = vault.readText(note.path);
		if (!read.ok) {
			problems.push({ path: note.path, message: read.message });
			continue;
		}
		let next: string;
		if (mayHoldLivingBlock(read.text, kinds)) {
			blocks++;
			const render = (name: string): BlockContent =>
				kinds.find((k) => k.name === name)?.render(note.path, linkNames) ?? { ok: false, message: `unknown block "${name}"` };
			const outcome = refreshLivingText(read.text, kinds, render);
			if (outcome.status === "unchanged") continue;
			if (outcome.status === "error") {
				problems.push({ path: note.path, message: outcome.message });
				continue;
			}
			next = outcome.text;
		} else {
			// An older, static comparison note becomes a living one (or is kept, with why).
			const adopted = adoptNote(kinds, note.path, read.text, linkNames);
			if (adopted === null) continue;
			if ("message" in adopted) {
				kept.push({ path: note.path, message: adopted.message });
				continue;
			}
			blocks++;
			next = adopted.text;
		}
		if (options.write) {
			if (!(note instanceof DiskFile)) continue;
			try {
				writeNoteAtomic({ realPath: note.realPath, vaultReal: vault.rootReal, expected: read.text, fsync: options.fsync }, next);
			} catch (e) {
				problems.push({ path: note.path, message: `not written: ${errorMessage(e)}` });
				continue;
			}
		}
		stale.push(note.path);
	}
	return { blocks, stale, problems, kept };
}

function adoptNote(
	kinds: readonly LivingKind[],
	path: string,
	text: string,
	names: () => LinkNames,
): { readonly text: string } | { readonly message: string } | null {
	for (const kind of kinds) {
		if (kind.adopt === undefined || !text.includes(kind.adopt.hint)) continue;
		const outcome = kind.adopt.convert(path, text, names);
		if (outcome !== null) return outcome;
	}
	return null;
}
