import type { Component } from "obsidian";
import { type ComparisonModel, type ComparisonViewState, type FacetValue, facetValues, filterValues } from "../../core/index";
import type { PaneAction } from "../../core/pane-state";

/** Most value chips shown for one property. */
const MAX_CHIPS = 40;

/** The filter row: which property to filter by, its values as chips, and other active filters. */
export class FilterBar {
	private readonly filterKey: HTMLSelectElement;
	private readonly chips: HTMLElement;
	private facetCache: { model: ComparisonModel; key: string; facets: FacetValue[] } | null = null;

	constructor(parent: HTMLElement, owner: Component, dispatch: (action: PaneAction) => void) {
		const row = parent.createDiv({ cls: "fn-cmp-filter-row" });
		const filterKey = row.createEl("select", { cls: "dropdown fn-cmp-filter-key", attr: { "aria-label": "Property to filter by" } });
		owner.registerDomEvent(filterKey, "change", () =>
			dispatch({ type: "filterKey", key: filterKey.value === "" ? null : filterKey.value }),
		);
		const chips = row.createDiv({ cls: "fn-cmp-filters", attr: { role: "group", "aria-label": "Value filters" } });
		owner.registerDomEvent(chips, "click", (evt) => {
			const action = chipAction(evt);
			if (action) dispatch(action);
		});
		this.filterKey = filterKey;
		this.chips = chips;
	}

	/** Filter chips of a property (computed once per model and property). */
	private facets(model: ComparisonModel, key: string): FacetValue[] {
		if (this.facetCache?.model !== model || this.facetCache.key !== key)
			this.facetCache = { model, key, facets: facetValues(model, key) };
		return this.facetCache.facets;
	}

	/** Draw what changed; `defaultKey` is the property shown when the state names none. */
	render(model: ComparisonModel, state: ComparisonViewState, defaultKey: string): void {
		const keys = model.columns.map((c) => c.key);
		const filterKey = state.filterKey ?? (keys.includes(defaultKey) ? defaultKey : null);
		const signature = [filterKey ?? "", ...keys].join("\u0001");
		if (this.filterKey.dataset.signature !== signature) {
			this.filterKey.dataset.signature = signature;
			this.filterKey.empty();
			this.filterKey.createEl("option", { text: "Filter by…", value: "" });
			for (const key of keys) this.filterKey.createEl("option", { text: key, value: key });
			this.filterKey.value = filterKey ?? "";
		}
		const chips = this.chips;
		const shownKey = filterKey !== null && keys.includes(filterKey) ? filterKey : null;
		const facets = shownKey === null ? [] : this.facets(model, shownKey).slice(0, MAX_CHIPS);
		// Drawn again only when what the chips say changes (not for every new model).
		const chipsSignature = [
			filterKey ?? "",
			shownKey ?? "",
			JSON.stringify(state.filters),
			...facets.map((f) => `${f.value}\u0001${f.label}\u0001${f.count}`),
		].join("\u0002");
		if (chips.dataset.signature === chipsSignature) return;
		chips.dataset.signature = chipsSignature;
		chips.empty();
		// Active filters on other properties, removable.
		for (const [key, values] of Object.entries(state.filters)) {
			if (key === filterKey || values.length === 0) continue;
			const chip = chips.createEl("button", {
				cls: "fn-cmp-filter-chip is-active",
				text: `${key}: ${values.length} ${values.length === 1 ? "value" : "values"} ×`,
				attr: { "aria-label": `Remove the ${key} filter` },
			});
			chip.dataset.filterKey = key;
			chip.dataset.clear = "true";
		}
		if (shownKey === null) return;
		const active = new Set(filterValues(state.filters, shownKey));
		for (const facet of facets) {
			const chip = chips.createEl("button", {
				cls: "fn-cmp-filter-chip",
				text: `${facet.label} (${facet.count})`,
				attr: { "aria-pressed": active.has(facet.value) ? "true" : "false" },
			});
			chip.toggleClass("is-active", active.has(facet.value));
			chip.dataset.filterKey = shownKey;
			chip.dataset.value = facet.value;
		}
	}
}

/** The action of a click on a chip, or null for a click elsewhere. */
function chipAction(evt: MouseEvent): PaneAction | null {
	const chip = (evt.target as HTMLElement | null)?.closest<HTMLElement>(".fn-cmp-filter-chip");
	const key = chip?.dataset.filterKey;
	if (!chip || key === undefined) return null;
	if (chip.dataset.clear === "true") return { type: "clearFilter", key };
	const value = chip.dataset.value;
	return value === undefined ? null : { type: "toggleFilterValue", key, value };
}
