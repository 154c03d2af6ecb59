import type { ComparisonModel, Row, ViewResult } from "../../core/index";

/** The line under the toolbar ("3 of 4 notes · 1 selected") and the invalid-YAML warning. */
export class StatusLine {
	private readonly status: HTMLElement;
	private readonly warnings: HTMLElement;
	private invalidCache: { model: ComparisonModel; rows: readonly Row[] } | null = null;

	constructor(parent: HTMLElement) {
		this.status = parent.createDiv({ cls: "fn-cmp-status", attr: { role: "status" } });
		this.warnings = parent.createDiv({ cls: "fn-cmp-warnings" });
	}

	/** Shown while the notes are read for the first time. */
	reading(): void {
		this.status.setText("Reading notes…");
	}

	/** `loading`: the model holds only the first notes found (a first screen); the rest are being read. */
	render(result: ViewResult, selected: number, scope: string | null, loading = false): void {
		const parts = [
			loading
				? `${result.rows.length} of the first ${result.totalRows} notes, still reading the rest…`
				: `${result.rows.length} of ${result.totalRows} ${result.totalRows === 1 ? "note" : "notes"}`,
		];
		if (selected > 0) parts.push(`${selected} selected`);
		if (scope) parts.push(`in ${scope}`);
		const hidden = result.model.columns.length - result.columns.length;
		if (hidden > 0) parts.push(`${hidden} ${hidden === 1 ? "property" : "properties"} hidden`);
		const status = parts.join(" · ");
		// Unchanged text is not written again (a write makes the browser lay the pane out again).
		if (this.status.textContent !== status) this.status.setText(status);
		this.renderWarnings(result.model);
	}

	/**
	 * Notes with invalid YAML (computed once per model). A model made from the last one by
	 * replacing rows that are valid before and after has the same ones.
	 */
	private invalidRows(model: ComparisonModel): readonly Row[] {
		const cache = this.invalidCache;
		if (cache?.model === model) return cache.rows;
		const origin = model.origin;
		const same =
			cache !== null &&
			origin !== undefined &&
			origin.model === cache.model &&
			!origin.structural &&
			origin.replaced.every(([old, row]) => old.warning === null && row.warning === null);
		const rows = same ? cache.rows : model.rows.filter((r) => r.warning !== null);
		this.invalidCache = { model, rows };
		return rows;
	}

	private renderWarnings(model: ComparisonModel): void {
		const warnings = this.warnings;
		const invalid = this.invalidRows(model);
		// The same notes (by path and name) draw the same warning: nothing to write.
		const signature = invalid.map((r) => `${r.path}\u0001${r.basename}`).join("\u0002");
		if (warnings.dataset.invalid === signature) return;
		warnings.dataset.invalid = signature;
		warnings.empty();
		if (invalid.length === 0) return;
		const names = invalid
			.slice(0, 5)
			.map((r) => r.basename)
			.join(", ");
		warnings.createSpan({ text: "⚠ ", attr: { "aria-hidden": "true" } });
		warnings.createSpan({
			text: `${invalid.length === 1 ? "1 note has" : `${invalid.length} notes have`} invalid properties (YAML) and ${invalid.length === 1 ? "is" : "are"} listed without values: ${names}${invalid.length > 5 ? "…" : ""}`,
		});
	}
}
