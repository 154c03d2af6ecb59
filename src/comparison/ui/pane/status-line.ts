import type { ComparisonModel, Row, ViewResult } from "../../core/index";
import { modelStamp } from "./model-stamp";

/** The line under the toolbar ("3 of 4 notes · 1 selected") and the invalid-YAML warning. */
export class StatusLine {
	private readonly status: HTMLElement;
	private readonly warnings: HTMLElement;
	private invalidCache: { model: ComparisonModel; rows: Row[] } | null = null;

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

	/** Notes with invalid YAML (computed once per model). */
	private invalidRows(model: ComparisonModel): Row[] {
		if (this.invalidCache?.model !== model) this.invalidCache = { model, rows: model.rows.filter((r) => r.warning !== null) };
		return this.invalidCache.rows;
	}

	private renderWarnings(model: ComparisonModel): void {
		const warnings = this.warnings;
		if (warnings.dataset.model === modelStamp(model)) return;
		warnings.dataset.model = modelStamp(model);
		warnings.empty();
		const invalid = this.invalidRows(model);
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
