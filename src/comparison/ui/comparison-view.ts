import {
	type HoverParent,
	type HoverPopover,
	ItemView,
	Menu,
	prepareFuzzySearch,
	TFile,
	TFolder,
	type ViewStateResult,
	type WorkspaceLeaf,
} from "obsidian";
import {
	applyView,
	buildModel,
	type ComparisonModel,
	type FacetValue,
	facetValues,
	type FuzzyMatcher,
	type ModelChange,
	NAME_KEY,
	noteInputs,
	type Row,
	toCsv,
	toMarkdownTable,
	updateModel,
	type ViewColumn,
	type ViewResult,
} from "../core/index";
import {
	clickSort,
	type ComparisonViewState,
	DEFAULT_VIEW_STATE,
	defaultGroupBy,
	isComparedNote,
	parseViewState,
	serializeViewState,
	toViewOptions,
	wordwiseMatcher,
} from "../core/index";
import type { CompareSettings } from "../../shared/core/settings";
import type { VFile } from "../../shared/core/vault";
import { candidateFiles, collectNoteInputs, comparisonSnapshot, FrontmatterErrors } from "../inputs";
import { ComparisonLiveUpdates, type VaultChangeBatch } from "../live";
import { type PropertyTypes, readPropertyTypes } from "../property-types";
import { comparisonNotePath, copyText, type EditOutcome, saveComparisonNote, writeCell } from "../write";
import type { PluginHost } from "../../shared/host";
import { ComparisonTable } from "./table";

export const COMPARISON_VIEW_TYPE = "framework-notes-comparison";
export const COMPARISON_ICON = "table-2";
export const EMPTY_STATE_TEXT = "No framework notes yet: insert the template or import an outline.";
export const NO_MATCH_TEXT = "No notes match the search, filters or selection.";

/** Obsidian's fuzzy search, word by word (see `wordwiseMatcher`). */
function fuzzyMatcher(): FuzzyMatcher {
	return wordwiseMatcher((query) => prepareFuzzySearch(query));
}

function toggleButton(parent: HTMLElement, text: string, title: string, onClick: () => void, owner: ItemView): HTMLButtonElement {
	const button = parent.createEl("button", { cls: "fn-cmp-toggle", text, attr: { "aria-pressed": "false", title } });
	owner.registerDomEvent(button, "click", onClick);
	return button;
}

function setPressed(button: HTMLElement, pressed: boolean): void {
	button.setAttr("aria-pressed", pressed ? "true" : "false");
	button.toggleClass("is-active", pressed);
}

/**
 * The comparison pane: every framework note's properties side by side (rows = notes, or
 * transposed), typed, sortable, filterable, groupable, editable in place, exportable, and live.
 */
export class ComparisonView extends ItemView implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	private viewState: ComparisonViewState = DEFAULT_VIEW_STATE;
	private model: ComparisonModel | null = null;
	private result: ViewResult | null = null;
	private propertyTypes: PropertyTypes = {};
	private readonly errors: FrontmatterErrors;
	private readonly fuzzy: FuzzyMatcher = fuzzyMatcher();
	private table: ComparisonTable | null = null;
	private buildToken = 0;
	private builtWith: CompareSettings | null = null;
	private live: ComparisonLiveUpdates | null = null;
	private ui: {
		search: HTMLInputElement;
		transpose: HTMLButtonElement;
		hideIdentical: HTMLButtonElement;
		differencesFirst: HTMLButtonElement;
		onlySelected: HTMLButtonElement;
		groupBy: HTMLSelectElement;
		filterKey: HTMLSelectElement;
		filters: HTMLElement;
		status: HTMLElement;
		warnings: HTMLElement;
		empty: HTMLElement;
	} | null = null;
	/** Resolves when the last rebuild or live update finished (tests, commands). */
	ready: Promise<void> = Promise.resolve();

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PluginHost,
	) {
		super(leaf);
		this.errors = new FrontmatterErrors(this.app);
	}

	getViewType(): string {
		return COMPARISON_VIEW_TYPE;
	}

	getDisplayText(): string {
		const scope = this.viewState.scope;
		return scope ? `Framework comparison: ${scope}` : "Framework comparison";
	}

	override getIcon(): string {
		return COMPARISON_ICON;
	}

	/** The current model and view (read-only; tests and exports). */
	get current(): { readonly model: ComparisonModel | null; readonly result: ViewResult | null; readonly state: ComparisonViewState } {
		return { model: this.model, result: this.result, state: this.viewState };
	}

	override getState(): Record<string, unknown> {
		return serializeViewState(this.viewState);
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const previousScope = this.viewState.scope;
		this.viewState = parseViewState(state);
		await super.setState(state, result);
		if (!this.ui) return;
		this.syncToolbar();
		if (this.viewState.scope !== previousScope || this.model === null) await this.enqueue(() => this.rebuild());
		else this.render();
	}

	override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass("fn-cmp");
		this.buildToolbar();
		this.table = new ComparisonTable(this.contentEl, this.app, this, COMPARISON_VIEW_TYPE, {
			sort: (key, additive) => this.update({ sort: clickSort(this.viewState.sort, key, additive) }),
			toggleSelected: (path, checked) => this.toggleSelected([path], checked),
			selectAll: (paths, checked) => this.toggleSelected(paths, checked),
			edit: async (path, column, input) => {
				await this.editCell(path, column, input);
			},
			columnMenu: (key, evt) => this.columnMenu(key, evt),
		});
		this.ui?.empty.detach();
		if (this.ui) this.contentEl.appendChild(this.ui.empty);
		this.live = this.addChild(
			new ComparisonLiveUpdates(this.app, (batch) => {
				void this.enqueue(() => this.applyBatch(batch));
			}),
		);
		// Idempotent: makes sure the listeners exist even if the view itself is loaded later.
		this.live.load();
		this.syncToolbar();
		await this.enqueue(() => this.rebuild());
	}

	override async onClose(): Promise<void> {
		this.buildToken++;
		if (this.live) this.removeChild(this.live);
		this.live = null;
		this.table = null;
		this.ui = null;
		this.model = null;
		this.result = null;
		this.contentEl.empty();
		await super.onClose();
	}

	/** The pane was resized or shown: the number of rows in view may differ. */
	override onResize(): void {
		this.table?.resized();
	}

	/** Apply pending vault events now (commands and tests; normally debounced). */
	async flushLive(): Promise<void> {
		this.live?.flush();
		await this.ready;
	}

	/** Called when the plugin's settings change. */
	settingsChanged(next: CompareSettings): void {
		const built = this.builtWith;
		if (
			built === null ||
			built.selectorKind !== next.selectorKind ||
			built.selectorProperty !== next.selectorProperty ||
			built.selectorValue !== next.selectorValue ||
			built.selectorTag !== next.selectorTag ||
			built.selectorFolder !== next.selectorFolder
		) {
			void this.enqueue(() => this.rebuild());
		} else {
			this.render();
		}
	}

	private enqueue(task: () => Promise<void>): Promise<void> {
		const next = this.ready.then(task, task).catch((error: unknown) => {
			console.error("Framework Notes: comparison update failed", error);
		});
		this.ready = next;
		return next;
	}

	// Model -------------------------------------------------------------------------------------

	/** Read every framework note in scope and build the model from scratch. */
	async rebuild(): Promise<void> {
		const token = ++this.buildToken;
		const scope = this.viewState.scope;
		const settings = this.host.settings.compare;
		this.propertyTypes = await readPropertyTypes(this.app);
		await this.errors.check(candidateFiles(this.app, scope));
		if (token !== this.buildToken || !this.ui) return;
		const snapshot = comparisonSnapshot(this.app, this.errors);
		this.model = buildModel(collectNoteInputs(snapshot, settings, scope), { propertyTypes: this.propertyTypes });
		this.builtWith = settings;
		this.render();
	}

	/** A debounced batch of vault events → model changes for the notes concerned only. */
	private async applyBatch(batch: VaultChangeBatch): Promise<void> {
		if (!this.model || !this.ui) return;
		const settings = this.host.settings.compare;
		let scope = this.viewState.scope;
		const changes: ModelChange[] = [];
		const touched = new Set<string>(batch.changed);
		const inModel = new Set(this.model.rows.map((r) => r.path));
		let selected = this.viewState.selected;

		for (const [oldPath, newPath] of batch.renamed) {
			if (scope !== null && (scope === oldPath || scope.startsWith(`${oldPath}/`))) scope = newPath + scope.slice(oldPath.length);
			const moved = (path: string): string | null =>
				path === oldPath ? newPath : path.startsWith(`${oldPath}/`) ? newPath + path.slice(oldPath.length) : null;
			for (const path of inModel) {
				const to = moved(path);
				if (to === null) continue;
				changes.push({ deleted: path });
				touched.add(to);
				this.errors.rename(path, to);
			}
			selected = selected.map((p) => moved(p) ?? p);
			const node = this.app.vault.getAbstractFileByPath(newPath);
			if (node instanceof TFile) touched.add(newPath);
			else if (node instanceof TFolder) for (const file of candidateFiles(this.app, newPath)) touched.add(file.path);
		}
		for (const path of batch.removed) {
			this.errors.forget(path);
			for (const row of inModel) if (row === path || row.startsWith(`${path}/`)) changes.push({ deleted: row });
			selected = selected.filter((p) => p !== path && !p.startsWith(`${path}/`));
		}
		if (scope !== this.viewState.scope) {
			this.viewState = { ...this.viewState, scope, selected };
			this.app.workspace.requestSaveLayout();
			await this.rebuild();
			return;
		}
		this.viewState = { ...this.viewState, selected };
		// A burst touching a large share of the notes (first indexing, a sync, a bulk edit) is
		// cheaper to read again from scratch than to apply note by note.
		if (touched.size + batch.removed.size > Math.max(200, this.model.rows.length / 4)) {
			await this.rebuild();
			return;
		}

		const files = [...touched].map((p) => this.app.vault.getAbstractFileByPath(p)).filter((f): f is TFile => f instanceof TFile);
		await this.errors.check(files);
		if (!this.model) return;
		const snapshot = comparisonSnapshot(this.app, this.errors);
		const folders = new Set<string>();
		for (const row of this.model.rows) if (row.warning === null) folders.add(row.path.slice(0, Math.max(0, row.path.lastIndexOf("/"))));
		const keep: VFile[] = [];
		for (const file of files) {
			const wanted = isComparedNote(snapshot, { settings, scope, templatesFolder: snapshot.templatesFolder }, file.path, (f) =>
				folders.has(f),
			);
			if (wanted) {
				keep.push(file as unknown as VFile);
				if (snapshot.frontmatterError(file.path) === null) folders.add(file.parent?.path === "/" ? "" : (file.parent?.path ?? ""));
			} else if (inModel.has(file.path)) {
				changes.push({ deleted: file.path });
			}
		}
		changes.push(...noteInputs(snapshot, keep));
		if (changes.length === 0) return;
		this.model = updateModel(this.model, changes);
		this.render();
	}

	// Rendering ---------------------------------------------------------------------------------

	/** Apply a state change, save it with the workspace, and re-render. */
	private update(patch: Partial<ComparisonViewState>): void {
		this.viewState = { ...this.viewState, ...patch };
		this.app.workspace.requestSaveLayout();
		this.syncToolbar();
		this.render();
	}

	private defaultGroupBy(): string {
		return defaultGroupBy(this.model, this.host.settings.compare.groupBy);
	}

	/** Recompute the view from the model and update the DOM (only rows that changed are rebuilt). */
	render(): void {
		const ui = this.ui;
		const table = this.table;
		if (!ui || !table) return;
		const model = this.model;
		if (!model) {
			ui.status.setText("Reading notes…");
			return;
		}
		const state = this.viewState;
		const result = applyView(model, toViewOptions(state, this.defaultGroupBy()), this.fuzzy);
		this.result = result;
		const selected = new Set(state.selected);

		const empty = model.rows.length === 0 ? EMPTY_STATE_TEXT : result.rows.length === 0 ? NO_MATCH_TEXT : null;
		ui.empty.toggleClass("fn-cmp-hidden", empty === null);
		ui.empty.setText(empty ?? "");
		table.scroller.toggleClass("fn-cmp-hidden", empty !== null);
		table.update({ view: result, orientation: state.orientation, sort: state.sort, selected, editable: true });

		this.renderStatus(result, selected);
		this.renderGroupOptions(model);
		this.renderFilters(model);
	}

	private renderStatus(result: ViewResult, selected: ReadonlySet<string>): void {
		const ui = this.ui;
		if (!ui) return;
		const parts = [`${result.rows.length} of ${result.totalRows} ${result.totalRows === 1 ? "note" : "notes"}`];
		if (selected.size > 0) parts.push(`${selected.size} selected`);
		if (this.viewState.scope) parts.push(`in ${this.viewState.scope}`);
		const hidden = result.model.columns.length - result.columns.length;
		if (hidden > 0) parts.push(`${hidden} ${hidden === 1 ? "property" : "properties"} hidden`);
		const status = parts.join(" · ");
		if (ui.status.textContent !== status) ui.status.setText(status);
		const invalid = this.invalidRows(result.model);
		// Unchanged text is not written again (a write makes the browser lay the pane out again).
		if (ui.warnings.dataset.model === this.modelStamp(result.model)) {
			this.renderSelectedButton(selected);
			return;
		}
		ui.warnings.dataset.model = this.modelStamp(result.model);
		ui.warnings.empty();
		if (invalid.length > 0) {
			ui.warnings.createSpan({ text: "⚠ ", attr: { "aria-hidden": "true" } });
			ui.warnings.createSpan({
				text: `${invalid.length === 1 ? "1 note has" : `${invalid.length} notes have`} invalid properties (YAML) and ${invalid.length === 1 ? "is" : "are"} listed without values: ${invalid
					.slice(0, 5)
					.map((r) => r.basename)
					.join(", ")}${invalid.length > 5 ? "…" : ""}`,
			});
		}
		this.renderSelectedButton(selected);
	}

	private renderSelectedButton(selected: ReadonlySet<string>): void {
		const ui = this.ui;
		if (!ui) return;
		const text = selected.size > 0 ? `Compare selected (${selected.size})` : "Compare selected";
		if (ui.onlySelected.textContent !== text) ui.onlySelected.setText(text);
		const disabled = selected.size === 0 && !this.viewState.onlySelected;
		if (ui.onlySelected.disabled !== disabled) ui.onlySelected.disabled = disabled;
	}

	private readonly modelStamps = new WeakMap<ComparisonModel, string>();
	private stampCount = 0;

	/** A short id per model object (to tell whether model-derived parts need re-rendering). */
	private modelStamp(model: ComparisonModel): string {
		let stamp = this.modelStamps.get(model);
		if (stamp === undefined) {
			stamp = String(++this.stampCount);
			this.modelStamps.set(model, stamp);
		}
		return stamp;
	}

	private invalidCache: { model: ComparisonModel; rows: Row[] } | null = null;
	private facetCache: { model: ComparisonModel; key: string; facets: FacetValue[] } | null = null;

	/** Notes with invalid YAML (computed once per model). */
	private invalidRows(model: ComparisonModel): Row[] {
		if (this.invalidCache?.model !== model) this.invalidCache = { model, rows: model.rows.filter((r) => r.warning !== null) };
		return this.invalidCache.rows;
	}

	/** Filter chips of a property (computed once per model and property). */
	private facets(model: ComparisonModel, key: string): FacetValue[] {
		if (this.facetCache?.model !== model || this.facetCache.key !== key)
			this.facetCache = { model, key, facets: facetValues(model, key) };
		return this.facetCache.facets;
	}

	private renderGroupOptions(model: ComparisonModel): void {
		const select = this.ui?.groupBy;
		if (!select) return;
		const current = toViewOptions(this.viewState, this.defaultGroupBy()).groupBy ?? "";
		const keys = model.columns.map((c) => c.key);
		const signature = [current, ...keys].join("\u0001");
		if (select.dataset.signature === signature) return;
		select.dataset.signature = signature;
		select.empty();
		select.createEl("option", { text: "No grouping", value: "" });
		for (const key of keys) select.createEl("option", { text: `Group by ${key}`, value: key });
		if (current !== "" && !keys.includes(current)) select.createEl("option", { text: `Group by ${current}`, value: current });
		select.value = current;
	}

	private renderFilters(model: ComparisonModel): void {
		const ui = this.ui;
		if (!ui) return;
		const keys = model.columns.map((c) => c.key);
		const filterKey =
			this.viewState.filterKey ?? (keys.includes(this.host.settings.compare.groupBy) ? this.host.settings.compare.groupBy : null);
		const signature = [filterKey ?? "", ...keys].join("\u0001");
		if (ui.filterKey.dataset.signature !== signature) {
			ui.filterKey.dataset.signature = signature;
			ui.filterKey.empty();
			ui.filterKey.createEl("option", { text: "Filter by…", value: "" });
			for (const key of keys) ui.filterKey.createEl("option", { text: key, value: key });
			ui.filterKey.value = filterKey ?? "";
		}
		const chipsSignature = [this.modelStamp(model), filterKey ?? "", JSON.stringify(this.viewState.filters)].join("\u0002");
		if (ui.filters.dataset.signature === chipsSignature) return;
		ui.filters.dataset.signature = chipsSignature;
		ui.filters.empty();
		// Active filters on other properties, removable.
		for (const [key, values] of Object.entries(this.viewState.filters)) {
			if (key === filterKey || values.length === 0) continue;
			const chip = ui.filters.createEl("button", {
				cls: "fn-cmp-filter-chip is-active",
				text: `${key}: ${values.length} ${values.length === 1 ? "value" : "values"} ×`,
				attr: { "aria-label": `Remove the ${key} filter` },
			});
			chip.dataset.filterKey = key;
			chip.dataset.clear = "true";
		}
		if (filterKey === null || !keys.includes(filterKey)) return;
		const active = new Set(this.viewState.filters[filterKey] ?? []);
		for (const facet of this.facets(model, filterKey).slice(0, 40)) {
			const chip = ui.filters.createEl("button", {
				cls: "fn-cmp-filter-chip",
				text: `${facet.label} (${facet.count})`,
				attr: { "aria-pressed": active.has(facet.value) ? "true" : "false" },
			});
			chip.toggleClass("is-active", active.has(facet.value));
			chip.dataset.filterKey = filterKey;
			chip.dataset.value = facet.value;
		}
	}

	// Toolbar -----------------------------------------------------------------------------------

	private buildToolbar(): void {
		const bar = this.contentEl.createDiv({ cls: "fn-cmp-toolbar" });
		const search = bar.createEl("input", {
			cls: "fn-cmp-search",
			type: "search",
			attr: { placeholder: "Search notes and values", "aria-label": "Search notes and values" },
		});
		this.registerDomEvent(search, "input", () => this.update({ search: search.value }));
		const transpose = toggleButton(
			bar,
			"Transpose",
			"Show notes as columns, side by side",
			() => this.update({ orientation: this.viewState.orientation === "rows" ? "columns" : "rows" }),
			this,
		);
		const hideIdentical = toggleButton(
			bar,
			"Hide identical properties",
			"Show only properties whose values differ",
			() => this.update({ hideIdentical: !this.viewState.hideIdentical }),
			this,
		);
		const differencesFirst = toggleButton(
			bar,
			"Differences first",
			"Put properties that differ first",
			() => this.update({ differencesFirst: !this.viewState.differencesFirst }),
			this,
		);
		const onlySelected = toggleButton(
			bar,
			"Compare selected",
			"Compare only the checked notes",
			() => this.update({ onlySelected: !this.viewState.onlySelected }),
			this,
		);
		const groupBy = bar.createEl("select", { cls: "dropdown fn-cmp-group-by", attr: { "aria-label": "Group rows by" } });
		this.registerDomEvent(groupBy, "change", () => this.update({ groupBy: groupBy.value === "" ? null : groupBy.value }));
		const columns = bar.createEl("button", {
			text: "Properties",
			attr: { "aria-haspopup": "menu", title: "Show, hide and reorder properties" },
		});
		this.registerDomEvent(columns, "click", (evt) => this.propertiesMenu(evt));
		const exportButton = bar.createEl("button", { text: "Export", attr: { "aria-haspopup": "menu" } });
		this.registerDomEvent(exportButton, "click", (evt) => this.exportMenu(evt));

		const filterRow = this.contentEl.createDiv({ cls: "fn-cmp-filter-row" });
		const filterKey = filterRow.createEl("select", {
			cls: "dropdown fn-cmp-filter-key",
			attr: { "aria-label": "Property to filter by" },
		});
		this.registerDomEvent(filterKey, "change", () => this.update({ filterKey: filterKey.value === "" ? null : filterKey.value }));
		const filters = filterRow.createDiv({ cls: "fn-cmp-filters", attr: { role: "group", "aria-label": "Value filters" } });
		this.registerDomEvent(filters, "click", (evt) => this.onFilterClick(evt));
		const status = this.contentEl.createDiv({ cls: "fn-cmp-status", attr: { role: "status" } });
		const warnings = this.contentEl.createDiv({ cls: "fn-cmp-warnings" });
		const empty = createDiv({ cls: "fn-cmp-empty fn-cmp-hidden" });
		this.ui = {
			search,
			transpose,
			hideIdentical,
			differencesFirst,
			onlySelected,
			groupBy,
			filterKey,
			filters,
			status,
			warnings,
			empty,
		};
	}

	private syncToolbar(): void {
		const ui = this.ui;
		if (!ui) return;
		const state = this.viewState;
		if (ui.search.value !== state.search) ui.search.value = state.search;
		setPressed(ui.transpose, state.orientation === "columns");
		setPressed(ui.hideIdentical, state.hideIdentical);
		setPressed(ui.differencesFirst, state.differencesFirst);
		setPressed(ui.onlySelected, state.onlySelected);
	}

	private onFilterClick(evt: MouseEvent): void {
		const chip = (evt.target as HTMLElement | null)?.closest<HTMLElement>(".fn-cmp-filter-chip");
		const key = chip?.dataset.filterKey;
		if (!chip || key === undefined) return;
		const filters: Record<string, readonly string[]> = { ...this.viewState.filters };
		if (chip.dataset.clear === "true") {
			delete filters[key];
		} else {
			const value = chip.dataset.value;
			if (value === undefined) return;
			const current = new Set(filters[key] ?? []);
			if (current.has(value)) current.delete(value);
			else current.add(value);
			if (current.size === 0) delete filters[key];
			else filters[key] = [...current];
		}
		this.update({ filters });
	}

	private toggleSelected(paths: readonly string[], checked: boolean): void {
		const selected = new Set(this.viewState.selected);
		for (const path of paths) {
			if (checked) selected.add(path);
			else selected.delete(path);
		}
		this.update({ selected: [...selected], onlySelected: selected.size === 0 ? false : this.viewState.onlySelected });
	}

	private visibleKeys(): string[] {
		return this.result?.columns.map((c) => c.key) ?? [];
	}

	private moveColumn(key: string, delta: number): void {
		const keys = this.visibleKeys();
		const at = keys.indexOf(key);
		const to = at + delta;
		if (at < 0 || to < 0 || to >= keys.length) return;
		[keys[at], keys[to]] = [keys[to] ?? key, key];
		this.update({ columnOrder: keys });
	}

	private hideColumn(key: string, hidden: boolean): void {
		const set = new Set(this.viewState.hiddenColumns);
		if (hidden) set.add(key);
		else set.delete(key);
		this.update({ hiddenColumns: [...set] });
	}

	private columnMenu(key: string, evt: MouseEvent): void {
		const menu = new Menu();
		menu.addItem((item) =>
			item
				.setTitle("Sort ascending")
				.setIcon("arrow-up")
				.onClick(() => this.update({ sort: [{ key, dir: "asc" }] })),
		);
		menu.addItem((item) =>
			item
				.setTitle("Sort descending")
				.setIcon("arrow-down")
				.onClick(() => this.update({ sort: [{ key, dir: "desc" }] })),
		);
		menu.addSeparator();
		menu.addItem((item) =>
			item
				.setTitle("Move left")
				.setIcon("arrow-left")
				.onClick(() => this.moveColumn(key, -1)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Move right")
				.setIcon("arrow-right")
				.onClick(() => this.moveColumn(key, 1)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Hide property")
				.setIcon("eye-off")
				.onClick(() => this.hideColumn(key, true)),
		);
		menu.addSeparator();
		menu.addItem((item) =>
			item
				.setTitle("Group by this property")
				.setIcon("group")
				.onClick(() => this.update({ groupBy: key })),
		);
		menu.addItem((item) =>
			item
				.setTitle("Filter by this property")
				.setIcon("filter")
				.onClick(() => this.update({ filterKey: key })),
		);
		menu.showAtMouseEvent(evt);
	}

	private propertiesMenu(evt: MouseEvent): void {
		const model = this.model;
		if (!model) return;
		const menu = new Menu();
		const hidden = new Set(this.viewState.hiddenColumns);
		for (const column of model.columns) {
			menu.addItem((item) =>
				item
					.setTitle(`${column.key} (${column.coverage.present}/${column.coverage.total})`)
					.setChecked(!hidden.has(column.key))
					.onClick(() => this.hideColumn(column.key, !hidden.has(column.key))),
			);
		}
		menu.addSeparator();
		menu.addItem((item) =>
			item
				.setTitle("Show all properties")
				.setIcon("eye")
				.onClick(() => this.update({ hiddenColumns: [] })),
		);
		menu.addItem((item) =>
			item
				.setTitle("Reset property order")
				.setIcon("rotate-ccw")
				.onClick(() => this.update({ columnOrder: [] })),
		);
		menu.showAtMouseEvent(evt);
	}

	private exportMenu(evt: MouseEvent): void {
		const menu = new Menu();
		menu.addItem((item) =>
			item
				.setTitle("Copy as Markdown table")
				.setIcon("table")
				.onClick(() => void this.copyMarkdown()),
		);
		menu.addItem((item) =>
			item
				.setTitle("Copy as CSV")
				.setIcon("file-spreadsheet")
				.onClick(() => void this.copyCsv()),
		);
		menu.addItem((item) =>
			item
				.setTitle("Save as note")
				.setIcon("file-plus")
				.onClick(() => void this.saveAsNote()),
		);
		menu.showAtMouseEvent(evt);
	}

	// Actions -----------------------------------------------------------------------------------

	async copyMarkdown(): Promise<boolean> {
		if (!this.model || !this.result) return false;
		return copyText(toMarkdownTable(this.model, this.result), "the comparison as a Markdown table");
	}

	async copyCsv(): Promise<boolean> {
		if (!this.model || !this.result) return false;
		return copyText(toCsv(this.model, this.result), "the comparison as CSV");
	}

	async saveAsNote(): Promise<string | null> {
		if (!this.model || !this.result) return null;
		const path = comparisonNotePath(this.viewState.scope, this.host.settings.compare.comparisonNotePath);
		const title = this.viewState.scope ? `Comparison: ${this.viewState.scope.split("/").pop() ?? ""}` : "Framework comparison";
		const outcome = await saveComparisonNote(this.app, path, title, this.model, this.result);
		return outcome === "refused" ? null : path;
	}

	/** Write one cell (validated; only that key changes). */
	async editCell(path: string, column: ViewColumn, input: string): Promise<EditOutcome> {
		if (!this.model) return "refused";
		return writeCell(this.app, this.model, path, column, input);
	}

	/** Sort by the note name (used by the keyboard on the name header). */
	sortByName(additive: boolean): void {
		this.update({ sort: clickSort(this.viewState.sort, NAME_KEY, additive) });
	}
}
