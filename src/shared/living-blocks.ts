import type { LivingKind } from "./core/living-engine";

/** One feature's kind of living block: built for each run (current settings), and what to read before a run. */
export interface LivingBlockSource {
	kind(): LivingKind;
	/** Work to do before each run (reading `types.json`, say), so every run sees the vault as the CLI does. */
	prepare?(): Promise<void>;
}

/**
 * **Living blocks**: the extension point through which a feature adds a kind of block that the
 * index service keeps current in any note (the comparison table, a decision's ranking), without
 * the index feature knowing what the block shows. A feature calls `host.livingBlocks.add(source)`.
 */
export class LivingBlocks {
	private readonly sources: LivingBlockSource[] = [];

	add(source: LivingBlockSource): void {
		this.sources.push(source);
	}

	/** The kinds, built now with the current settings. */
	kinds(): LivingKind[] {
		return this.sources.map((s) => s.kind());
	}

	async prepare(): Promise<void> {
		for (const s of this.sources) await s.prepare?.();
	}
}
