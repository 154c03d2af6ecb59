import { type App, type HoverParent, type ItemView, Notice, prepareFuzzySearch, TFile, TFolder } from "obsidian";
import { livingComparisonNote } from "../../core/living-note";
import { buildLinkNames } from "../../../shared/core/link-names";
import {
	applyView,
	buildModel,
	type ComparisonModel,
	comparedNotes,
	type ComparisonViewState,
	type FuzzyMatcher,
	defaultGroupBy,
	isComparedNote,
	type ModelChange,
	ModelBuilder,
	noteInputs,
	prepareUpdates,
	toCsv,
	toMarkdownTable,
	toViewOptions,
	updateModel,
	type ViewColumn,
	type ViewResult,
	wordwiseMatcher,
} from "../../core/index";
import { planLiveUpdate, sortTouched, type VaultChangeBatch } from "../../core/live-plan";
import { type PaneAction, paneReducer } from "../../core/pane-state";
import type { CompareSettings } from "../../../shared/core/settings";
import type { VFile } from "../../../shared/core/vault";
import { WorkQueue } from "../../../shared/core/work-queue";
import type { PluginHost } from "../../../shared/host";
import { reportError } from "../../../shared/report";
import { breathe } from "../../../shared/core/slicer";
import { appSlicer, yieldToApp } from "../../../shared/yield";
import { candidateFiles, comparisonSnapshot, fileAt, firstCandidateFiles, FrontmatterErrors } from "../../inputs";
import { ComparisonLiveUpdates } from "../../live";
import { type PropertyTypes, readPropertyTypes } from "../../property-types";
import { comparisonNotePath, copyText, type EditOutcome, saveComparisonNote, writeCell } from "../../write";
import { ComparisonTable } from "../table";
import { FilterBar } from "./filter-bar";
import { showColumnMenu, showExportMenu, showPropertiesMenu } from "./menus";
import { StatusLine } from "./status-line";
import { PaneToolbar } from "./toolbar";

export const EMPTY_STATE_TEXT = "No framework notes yet: insert the template or import an outline.";
export const NO_MATCH_TEXT = "No notes match the search, filters or selection.";

/** Above this many notes in scope, a first screen of that many is shown while the rest are read. */
export const FIRST_SCREEN_NOTES = 1000;
/** Notes added to the model between two looks at the clock while it is built. */
const BUILD_SLICE_NOTES = 2000;

/** Per model, the paths of its rows; a model made by replacing rows in place shares its origin's list. */
const pathLists = new WeakMap<ComparisonModel, readonly string[]>();

function rowPaths(model: ComparisonModel): readonly string[] {
	let paths = pathLists.get(model);
	if (paths === undefined) {
		const origin = model.origin;
		paths = (origin?.model && !origin.structural ? pathLists.get(origin.model) : undefined) ?? model.rows.map((r) => r.path);
		pathLists.set(model, paths);
	}
	return paths;
}

/** The settings whose change means reading the notes again (the others only re-render). */
function sameSelection(a: CompareSettings, b: CompareSettings): boolean {
	return (
		a.selectorKind === b.selectorKind &&
		a.selectorProperty === b.selectorProperty &&
		a.selectorValue === b.selectorValue &&
		a.selectorTag === b.selectorTag &&
		a.selectorFolder === b.selectorFolder
	);
}

/**
 * The open comparison pane's contents: the model of the notes in scope, kept current by live
 * vault updates run one at a time, and the toolbar, filter bar, status line and table drawn
 * from it and from the pane state.
 */
export class ComparisonPane {
	state: ComparisonViewState;
	private model: ComparisonModel | null = null;
	private result: ViewResult | null = null;
	private propertyTypes: PropertyTypes = {};
	private readonly app: App;
	private readonly errors: FrontmatterErrors;
	private readonly fuzzy: FuzzyMatcher = wordwiseMatcher((query) => prepareFuzzySearch(query));
	private readonly queue = new WorkQueue();
	private readonly toolbar: PaneToolbar;
	private readonly filterBar: FilterBar;
	private readonly statusLine: StatusLine;
	private readonly table: ComparisonTable;
	private readonly empty: HTMLElement;
	private live: ComparisonLiveUpdates | null = null;
	private buildToken = 0;
	private builtWith: CompareSettings | null = null;
	private closed = false;
	/** The model holds only the first notes found; the rest are being read. */
	private loading = false;

	constructor(
		private readonly view: ItemView & HoverParent,
		private readonly host: PluginHost,
		viewType: string,
		initial: ComparisonViewState,
	) {
		this.app = host.app;
		this.state = initial;
		this.errors = new FrontmatterErrors(this.app);
		const root = view.contentEl;
		const dispatch = (action: PaneAction): void => this.dispatch(action);
		this.toolbar = new PaneToolbar(root, view, {
			dispatch,
			propertiesMenu: (evt) => {
				if (this.model) showPropertiesMenu(evt, this.model, this.state.hiddenColumns, dispatch);
			},
			exportMenu: (evt) => showExportMenu(evt, this),
			extra: host.paneActions.list(),
			shownPaths: () => this.result?.rows.map((row) => row.path) ?? [],
		});
		this.filterBar = new FilterBar(root, view, dispatch);
		this.statusLine = new StatusLine(root);
		this.table = new ComparisonTable(root, this.app, view, viewType, {
			sort: (key, additive) => dispatch({ type: "clickSort", key, additive }),
			toggleSelected: (path, checked) => dispatch({ type: "select", paths: [path], checked }),
			selectAll: (paths, checked) => dispatch({ type: "select", paths, checked }),
			edit: async (path, column, input) => {
				await this.editCell(path, column, input);
			},
			columnMenu: (key, evt) => showColumnMenu(evt, key, () => this.result?.columns.map((c) => c.key) ?? [], dispatch),
		});
		this.empty = root.createDiv({ cls: "fn-cmp-empty fn-cmp-hidden" });
		this.toolbar.sync(this.state);
	}

	/** Start listening to the vault and read the notes. */
	async start(): Promise<void> {
		this.live = this.view.addChild(new ComparisonLiveUpdates(this.app, (batch) => void this.enqueue(() => this.applyBatch(batch))));
		// Idempotent: makes sure the listeners exist even if the view itself is loaded later.
		this.live.load();
		await this.enqueue(() => this.rebuild());
	}

	close(): void {
		this.closed = true;
		this.buildToken++;
		if (this.live) this.view.removeChild(this.live);
		this.live = null;
		this.model = null;
		this.result = null;
	}

	get current(): { readonly model: ComparisonModel | null; readonly result: ViewResult | null; readonly state: ComparisonViewState } {
		return { model: this.model, result: this.result, state: this.state };
	}

	/** Resolves when every rebuild and live update queued so far (and any they queued) is done. */
	async idle(): Promise<void> {
		do await this.queue.idle();
		while (this.queue.pending > 0);
	}

	/** Apply pending vault events now (commands and tests; normally debounced). */
	async flushLive(): Promise<void> {
		this.live?.flush();
		await this.idle();
	}

	/** The state was replaced from outside (workspace restore, navigation). */
	async stateReplaced(previousScope: string | null): Promise<void> {
		this.toolbar.sync(this.state);
		if (this.state.scope !== previousScope || this.model === null) await this.enqueue(() => this.rebuild());
		else this.render();
	}

	settingsChanged(next: CompareSettings): void {
		if (this.builtWith === null || !sameSelection(this.builtWith, next)) void this.enqueue(() => this.rebuild());
		else this.render();
	}

	/** Run after the queued work; a failure shows one Notice and never rejects. */
	private enqueue(task: () => Promise<void>): Promise<void> {
		return this.queue.run(task).catch((error: unknown) => reportError("comparison update", error));
	}

	private dispatch(action: PaneAction): void {
		this.state = paneReducer(this.state, action);
		this.app.workspace.requestSaveLayout();
		this.toolbar.sync(this.state);
		this.render();
	}

	/**
	 * Read every framework note in scope and build the model from scratch. When the pane has
	 * nothing to show yet and the scope is large, a first screen is drawn from the first notes
	 * found while the rest are read; the model is then built in slices that leave the app free.
	 */
	private async rebuild(): Promise<void> {
		const token = ++this.buildToken;
		const stale = (): boolean => token !== this.buildToken || this.closed;
		const scope = this.state.scope;
		const settings = this.host.settings.compare;
		this.propertyTypes = await readPropertyTypes(this.app);
		const options = { propertyTypes: this.propertyTypes };
		if (this.model === null) {
			const first = firstCandidateFiles(this.app, scope, FIRST_SCREEN_NOTES + 1);
			if (first.length > FIRST_SCREEN_NOTES) {
				first.length = FIRST_SCREEN_NOTES;
				await this.errors.check(first);
				if (stale()) return;
				const snapshot = comparisonSnapshot(this.app, this.errors);
				const selection = { settings, scope, templatesFolder: snapshot.templatesFolder };
				const picked = first.filter((f) => isComparedNote(snapshot, selection, f.path, () => false));
				this.model = buildModel(noteInputs(snapshot, picked as unknown as VFile[]), options);
				this.loading = true;
				this.render();
				await yieldToApp();
				if (stale()) return;
			}
		}
		await this.errors.check(candidateFiles(this.app, scope));
		if (stale()) return;
		const snapshot = comparisonSnapshot(this.app, this.errors);
		const notes = comparedNotes(snapshot, { settings, scope, templatesFolder: snapshot.templatesFolder });
		const builder = new ModelBuilder(options);
		const slicer = appSlicer();
		for (let i = 0; i < notes.length; i += BUILD_SLICE_NOTES) {
			builder.add(noteInputs(snapshot, notes.slice(i, i + BUILD_SLICE_NOTES)));
			await breathe(slicer);
			if (stale()) return;
		}
		const model = builder.model();
		this.model = model;
		this.loading = false;
		this.builtWith = settings;
		this.render();
		// Right after this task: what the first live update would otherwise make (a path index).
		window.setTimeout(() => {
			if (this.model !== model) return;
			prepareUpdates(model);
			rowPaths(model);
		}, 0);
	}

	/** The notes a renamed path now stands for. */
	private notesAt(path: string): string[] {
		const node = this.app.vault.getAbstractFileByPath(path);
		if (node instanceof TFile) return [path];
		return node instanceof TFolder ? candidateFiles(this.app, path).map((f) => f.path) : [];
	}

	/** A debounced batch of vault events → model changes for the notes concerned only. */
	private async applyBatch(batch: VaultChangeBatch): Promise<void> {
		if (!this.model || this.closed) return;
		const rows = rowPaths(this.model);
		const plan = planLiveUpdate(
			{ scope: this.state.scope, selected: this.state.selected, rows, notesAt: (p) => this.notesAt(p) },
			batch,
		);
		for (const [from, to] of plan.moved) this.errors.rename(from, to);
		for (const path of plan.removed) this.errors.forget(path);
		if (plan.kind === "rebuild") {
			this.state = { ...this.state, scope: plan.scope, selected: plan.selected };
			if (plan.scopeChanged) this.app.workspace.requestSaveLayout();
			await this.rebuild();
			return;
		}
		this.state = { ...this.state, selected: plan.selected };
		const files = plan.touched.map((p) => fileAt(this.app, p)).filter((f): f is TFile => f !== null);
		await this.errors.check(files);
		const model = this.model;
		if (!model) return;
		const snapshot = comparisonSnapshot(this.app, this.errors);
		const settings = this.host.settings.compare;
		const scope = this.state.scope;
		const sorted = sortTouched(
			() => model.rows.map((r) => ({ path: r.path, valid: r.warning === null })),
			files.map((file) => ({
				path: file.path,
				valid: snapshot.frontmatterError(file.path) === null,
				wanted: (folderHasNotes: (folder: string) => boolean) =>
					isComparedNote(snapshot, { settings, scope, templatesFolder: snapshot.templatesFolder }, file.path, folderHasNotes),
			})),
		);
		const keep = new Set(sorted.keep);
		const changes: ModelChange[] = [...plan.dropped, ...sorted.drop].map((deleted) => ({ deleted }));
		for (const input of noteInputs(snapshot, files.filter((f) => keep.has(f.path)) as unknown as VFile[])) changes.push(input);
		if (changes.length === 0) return;
		this.model = updateModel(model, changes);
		this.render();
	}

	private defaultGroupBy(): string {
		return defaultGroupBy(this.model, this.host.settings.compare.groupBy);
	}

	/** Recompute the view from the model and update the DOM (only rows that changed are rebuilt). */
	render(): void {
		if (this.closed) return;
		const model = this.model;
		if (!model) {
			this.statusLine.reading();
			return;
		}
		const state = this.state;
		const options = toViewOptions(state, this.defaultGroupBy());
		const result = applyView(model, options, this.fuzzy);
		this.result = result;
		const selected = new Set(state.selected);
		const empty = model.rows.length === 0 ? EMPTY_STATE_TEXT : result.rows.length === 0 ? NO_MATCH_TEXT : null;
		this.empty.toggleClass("fn-cmp-hidden", empty === null);
		if (this.empty.textContent !== (empty ?? "")) this.empty.setText(empty ?? "");
		this.table.scroller.toggleClass("fn-cmp-hidden", empty !== null);
		this.table.update({ view: result, orientation: state.orientation, sort: state.sort, selected, editable: true });
		this.statusLine.render(result, selected.size, state.scope, this.loading);
		this.toolbar.renderSelected(selected.size, state.onlySelected);
		this.toolbar.renderGroupOptions(
			model.columns.map((c) => c.key),
			options.groupBy ?? "",
		);
		this.filterBar.render(model, state, this.host.settings.compare.groupBy);
	}

	resized(): void {
		this.table.resized();
	}

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
		const path = comparisonNotePath(this.state.scope, this.host.settings.compare.comparisonNotePath);
		const title = this.state.scope ? `Comparison: ${this.state.scope.split("/").pop() ?? ""}` : "Framework comparison";
		const snapshot = comparisonSnapshot(this.app, this.errors);
		const note = livingComparisonNote(
			path,
			title,
			{
				scope: this.state.scope,
				columns: this.result.columns.map((c) => c.key),
				sort: this.state.sort,
				groupBy: toViewOptions(this.state, this.defaultGroupBy()).groupBy,
				filters: this.state.filters,
				types: new Map(this.model.columns.map((c) => [c.key, c.type])),
			},
			{
				snapshot,
				settings: this.host.settings.compare,
				templatesFolder: snapshot.templatesFolder,
				propertyTypes: this.propertyTypes,
				names: () => buildLinkNames(snapshot.root),
			},
		);
		if (note.dropped.length > 0)
			new Notice(`The note keeps every filter but the one on ${note.dropped.join(", ")}, which a comparison block cannot express.`);
		const outcome = await saveComparisonNote(this.app, path, note.text);
		return outcome === "refused" ? null : path;
	}

	/** Write one cell (validated; only that key changes). */
	async editCell(path: string, column: ViewColumn, input: string): Promise<EditOutcome> {
		if (!this.model) return "refused";
		return writeCell(this.app, this.model, path, column, input);
	}
}
