import { formatWeight } from "../core/change";
import type { CriterionEntry, CriterionList, DecisionSpec } from "../core/decision-note";
import type { ListEdit } from "../write";

/** The largest weight the slider offers (a larger weight written in the note is kept and shown). */
export const SLIDER_MAX = 10;

export interface EditorActions {
	edit(edit: ListEdit): void;
	/** The text typed in a list's "add" field (kept across redraws). */
	draft(list: CriterionList): string;
	setDraft(list: CriterionList, text: string): void;
}

/**
 * The decision's criteria, editable: each requirement and preference with a remove button, each
 * preference with a weight slider (arrow keys move it by 0.5), an "add" field per list, and a
 * criterion that does not parse shown with its error in place.
 */
export function renderCriteria(parent: HTMLElement, spec: DecisionSpec, actions: EditorActions): void {
	const root = parent.createDiv({ cls: "fn-dec-criteria" });
	renderList(root, "must", "Requirements", spec.must, actions);
	renderList(root, "prefer", "Preferences", spec.prefer, actions);
}

function renderList(
	root: HTMLElement,
	list: CriterionList,
	title: string,
	entries: readonly CriterionEntry[],
	actions: EditorActions,
): void {
	const section = root.createDiv({ cls: "fn-dec-list", attr: { "data-list": list } });
	section.createEl("h4", { text: title });
	for (const entry of entries) {
		const row = section.createDiv({ cls: "fn-dec-criterion", attr: { "data-index": String(entry.index) } });
		if (entry.ok) {
			row.createSpan({ cls: "fn-dec-criterion-text", text: list === "prefer" ? entry.criterion.ruleText : entry.criterion.text });
		} else {
			row.addClass("has-error");
			row.createSpan({ cls: "fn-dec-criterion-text", text: entry.error.text });
			const where = entry.error.text === "" ? "" : `Column ${entry.error.column}: `;
			row.createSpan({ cls: "fn-dec-error", text: `${where}${entry.error.message}`, attr: { role: "alert" } });
		}
		if (list === "prefer" && entry.ok) {
			const weight = entry.criterion.weight;
			const slider = row.createEl("input", {
				cls: "slider fn-dec-weight-slider",
				type: "range",
				attr: {
					min: "0",
					max: String(Math.max(SLIDER_MAX, weight)),
					step: "0.5",
					value: String(weight),
					"aria-label": `Weight of ${entry.criterion.ruleText}`,
					"data-focus-key": `weight-${entry.index}`,
				},
			});
			const shown = row.createSpan({ cls: "fn-dec-weight", text: `× ${formatWeight(weight)}` });
			slider.addEventListener("input", () => shown.setText(`× ${formatWeight(Number(slider.value))}`));
			slider.addEventListener("change", () => {
				const next = Number(slider.value);
				if (Number.isFinite(next) && next !== weight) actions.edit({ kind: "weight", list, index: entry.index, weight: next });
			});
		}
		const remove = row.createEl("button", { cls: "fn-dec-remove", text: "Remove", attr: { "aria-label": "Remove this criterion" } });
		remove.addEventListener("click", () => actions.edit({ kind: "remove", list, index: entry.index }));
	}
	const add = section.createDiv({ cls: "fn-dec-add" });
	const placeholder = list === "must" ? "language = Python" : "async = true * 2";
	const input = add.createEl("input", {
		type: "text",
		cls: "fn-dec-add-input",
		attr: { placeholder, "aria-label": list === "must" ? "New requirement" : "New preference", "data-focus-key": `add-${list}` },
	});
	input.value = actions.draft(list);
	input.addEventListener("input", () => actions.setDraft(list, input.value));
	const submit = (): void => {
		if (input.value.trim() === "") return;
		actions.edit({ kind: "add", list, text: input.value });
		actions.setDraft(list, "");
	};
	input.addEventListener("keydown", (evt) => {
		if (evt.key === "Enter") submit();
	});
	const button = add.createEl("button", { text: list === "must" ? "Add requirement" : "Add preference" });
	button.addEventListener("click", submit);
}
