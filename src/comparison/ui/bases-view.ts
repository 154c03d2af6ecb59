import {
	type BasesAllOptions,
	type BasesEntry,
	type BasesEntryGroup,
	type BasesPropertyId,
	BasesView,
	type BasesViewConfig,
	BooleanValue,
	DateValue,
	type HoverParent,
	type HoverPopover,
	ListValue,
	Notice,
	NullValue,
	NumberValue,
	type QueryController,
	requireApiVersion,
	TFile,
	type Value,
} from "obsidian";
import { applyView, buildModel, type BasesGroup, type ComparisonModel, type NoteInput, type ViewResult } from "../core/index";
import { BASES_KEYS, clickSort, inBasesGroups, NAME_KEY, NO_FILTERS, notePropertyKey, readBasesViewState, sortConfig } from "../core/index";
import type { Frontmatter } from "../../shared/core/vault";
import { type PropertyTypes, readPropertyTypes } from "../property-types";
import { writeCell } from "../write";
import type { PluginHost } from "../../shared/host";
import { COMPARISON_ICON, COMPARISON_VIEW_TYPE } from "./comparison-view";
import { ComparisonTable } from "./table";

/** Whether the view's config carries Bases' own grouping (`groupBy: { property: … }` in the `.base` file). */
export function basesIsGrouped(config: Pick<BasesViewConfig, "get">): boolean {
	if (requireApiVersion("1.10.0")) {
		const groupBy = config.get("groupBy");
		if (typeof groupBy !== "object" || groupBy === null) return false;
		const property: unknown = (groupBy as { property?: unknown }).property;
		return typeof property === "string" && property !== "";
	}
	return false;
}

/**
 * The options Bases shows in the view's menu and saves in the `.base` file. The view's own
 * "Group by" hides itself while the base is grouped: Bases' groups win, so the option would do
 * nothing.
 */
export function comparisonBasesOptions(config: Pick<BasesViewConfig, "get">): BasesAllOptions[] {
	return [
		{ type: "toggle", key: BASES_KEYS.transpose, displayName: "Transpose", default: false },
		{ type: "toggle", key: BASES_KEYS.hideIdentical, displayName: "Hide identical columns", default: false },
		{ type: "toggle", key: BASES_KEYS.differencesFirst, displayName: "Differences first", default: false },
		{
			type: "property",
			key: BASES_KEYS.groupBy,
			displayName: "Group by",
			placeholder: "None",
			filter: (id) => id.startsWith("note."),
			shouldHide: () => basesIsGrouped(config),
		},
	];
}

/**
 * A note property as the comparison reads it, from Bases' typed value and the note's own YAML
 * value: numbers and booleans as Bases types them (Settings → Properties), dates as Bases reads
 * them when the YAML holds no date text; text, links, lists and empty values stay as written, so
 * links keep their targets and an empty value stays apart from an absent one.
 */
export function typedNoteValue(value: Value, raw: unknown): unknown {
	if (requireApiVersion("1.10.0")) {
		if (value instanceof NumberValue) {
			const n = Number(value.toString());
			return Number.isFinite(n) ? n : raw;
		}
		if (value instanceof BooleanValue) return value.toString() === "true";
		if (value instanceof DateValue && typeof raw !== "string") return value.toString();
	}
	return raw;
}

function frontmatterOf(host: PluginHost, file: TFile): Frontmatter | null {
	const fm: unknown = host.app.metadataCache.getFileCache(file)?.frontmatter;
	return typeof fm === "object" && fm !== null ? (fm as Frontmatter) : null;
}

/**
 * Offer the comparison table as a Bases view type "Comparison" (Obsidian 1.10+): the Base's
 * entries side by side, in the Base's property order and groups, with the pane's cells, sorting,
 * selection, transposition and in-place editing. Its options and state are kept per view in the
 * base. When Bases is off (registration refused), it is offered again once Bases is on.
 */
export function registerComparisonBasesView(host: PluginHost): boolean {
	if (registerOnce(host)) return true;
	if (!requireApiVersion("1.10.0")) return false;
	let registered = false;
	host.app.workspace.onLayoutReady(() => {
		// Bases turned on later: try again whenever the workspace changes (a base is opened).
		host.plugin.registerEvent(
			host.app.workspace.on("layout-change", () => {
				if (!registered) registered = registerOnce(host);
			}),
		);
	});
	return false;
}

function registerOnce(host: PluginHost): boolean {
	const plugin = host.plugin;
	if (requireApiVersion("1.10.0") && typeof plugin.registerBasesView === "function") {
		class ComparisonBasesView extends BasesView implements HoverParent {
			type = COMPARISON_VIEW_TYPE;
			hoverPopover: HoverPopover | null = null;
			private readonly table: ComparisonTable;
			private readonly transposeButton: HTMLButtonElement;
			private model: ComparisonModel | null = null;
			private result: ViewResult | null = null;
			private propertyTypes: PropertyTypes | null = null;
			/** The base's formula and file properties shown as columns: property id → column key. */
			private computed = new Map<BasesPropertyId, string>();

			constructor(controller: QueryController, containerEl: HTMLElement) {
				super(controller);
				const root = containerEl.createDiv({ cls: "fn-cmp fn-cmp-bases" });
				const bar = root.createDiv({ cls: "fn-cmp-toolbar" });
				this.transposeButton = bar.createEl("button", {
					cls: "fn-cmp-toggle",
					text: "Transpose",
					attr: { "aria-pressed": "false" },
				});
				this.registerDomEvent(this.transposeButton, "click", () => {
					this.config.set(BASES_KEYS.transpose, this.state().orientation === "rows");
					this.render();
				});
				this.table = new ComparisonTable(root, host.app, this, COMPARISON_VIEW_TYPE, {
					sort: (key, additive) => {
						this.config.set(BASES_KEYS.sort, sortConfig(clickSort(this.state().sort, key, additive)));
						this.render();
					},
					toggleSelected: (path, checked) => this.select([path], checked),
					selectAll: (paths, checked) => this.select(paths, checked),
					edit: async (path, column, input) => {
						const id = [...this.computed].find(([, key]) => key === column.key)?.[0];
						if (id !== undefined) {
							new Notice(`${this.config.getDisplayName(id)} comes from the base; change it there.`);
							return;
						}
						if (this.model) await writeCell(host.app, this.model, path, column, input);
					},
				});
			}

			onDataUpdated(): void {
				const known = this.propertyTypes;
				// Property types (Settings → Properties) are read again on every update: a changed
				// type redraws the table once the file is read.
				void readPropertyTypes(host.app).then((types) => {
					if (JSON.stringify(types) === JSON.stringify(this.propertyTypes)) return;
					this.propertyTypes = types;
					this.rebuild();
				});
				if (known !== null) this.rebuild();
			}

			/** The model of the base's notes: their properties, and the formula and file properties shown. */
			private rebuild(): void {
				const entries: { entry: BasesEntry; file: TFile; frontmatter: Frontmatter | null }[] = [];
				const noteKeys = new Set<string>();
				for (const entry of this.data.data) {
					const file = entry.file;
					if (!(file instanceof TFile) || file.extension !== "md") continue;
					const frontmatter = frontmatterOf(host, file);
					if (frontmatter !== null) for (const key of Object.keys(frontmatter)) noteKeys.add(key);
					entries.push({ entry, file, frontmatter });
				}
				// A formula's column is keyed by its id (`formula.score`), apart from any note property.
				this.computed = new Map();
				for (const id of this.config.getOrder()) {
					if (id.startsWith("note.") || id === NAME_KEY) continue;
					let key: string = id;
					for (let n = 2; noteKeys.has(key); n++) key = `${id} (${n})`;
					this.computed.set(id, key);
				}
				// The note properties shown take Bases' typed values where they are numbers, booleans or
				// dates (so a property typed as a number in Obsidian compares as one).
				const shownNoteKeys = new Map<BasesPropertyId, string>();
				for (const id of this.config.getOrder()) {
					const key = notePropertyKey(id);
					if (key !== null && noteKeys.has(key)) shownNoteKeys.set(id, key);
				}
				const notes: NoteInput[] = entries.map(({ entry, file, frontmatter }) => {
					let values = frontmatter;
					if (this.computed.size > 0 || (shownNoteKeys.size > 0 && frontmatter !== null)) {
						const own = new Map<string, unknown>(frontmatter === null ? [] : Object.entries(frontmatter));
						for (const [id, key] of shownNoteKeys) {
							if (!own.has(key)) continue;
							const value = entry.getValue(id);
							if (value !== null) own.set(key, typedNoteValue(value, own.get(key)));
						}
						for (const [id, key] of this.computed) {
							const value = entry.getValue(id);
							if (value !== null) own.set(key, this.plain(value));
						}
						values = Object.fromEntries(own);
					}
					return {
						path: file.path,
						basename: file.basename,
						frontmatter: values,
						frontmatterError: null,
						mtime: file.stat.mtime,
					};
				});
				this.model = buildModel(notes, { propertyTypes: this.propertyTypes ?? {} });
				this.render();
			}

			/** A Bases value as the comparison's cells read it: numbers, booleans, lists, text. */
			private plain(value: Value): unknown {
				if (value instanceof NullValue) return null;
				if (value instanceof NumberValue) {
					const n = Number(value.toString());
					return Number.isFinite(n) ? n : value.toString();
				}
				if (value instanceof BooleanValue) return value.toString() === "true";
				if (value instanceof ListValue) return Array.from({ length: value.length() }, (_, i) => this.plain(value.get(i)));
				return value.toString();
			}

			/** The base's own groups, or null when it is not grouped. */
			private basesGroups(groups: readonly BasesEntryGroup[]): BasesGroup[] | null {
				if (!groups.some((g) => g.hasKey())) return null;
				return groups.map((g) => ({
					label: g.key === undefined || g.key instanceof NullValue ? "(no value)" : g.key.toString(),
					paths: g.entries.map((entry) => entry.file.path),
				}));
			}

			/** The view's options and state, read from the base's config. */
			private state(): ReturnType<typeof readBasesViewState> {
				return readBasesViewState((key) => this.config.get(key));
			}

			private select(paths: readonly string[], checked: boolean): void {
				const selected = new Set(this.state().selected);
				for (const path of paths) {
					if (checked) selected.add(path);
					else selected.delete(path);
				}
				this.config.set(BASES_KEYS.selected, [...selected]);
				this.render();
			}

			private render(): void {
				const model = this.model;
				if (!model) return;
				const state = this.state();
				const button = this.transposeButton;
				button.setAttr("aria-pressed", state.orientation === "columns" ? "true" : "false");
				button.toggleClass("is-active", state.orientation === "columns");
				const order: string[] = [];
				const labels = new Map<string, string>();
				for (const id of this.config.getOrder()) {
					const key = notePropertyKey(id) ?? this.computed.get(id);
					if (key === undefined) continue;
					order.push(key);
					labels.set(key, this.config.getDisplayName(id));
				}
				const hidden = order.length > 0 ? model.columns.map((c) => c.key).filter((key) => !order.includes(key)) : [];
				const groups = this.basesGroups(this.data.groupedData);
				const groupBy =
					groups === null && state.groupBy !== null && model.columns.some((c) => c.key === state.groupBy) ? state.groupBy : null;
				const result = applyView(model, {
					sort: state.sort,
					search: "",
					filters: NO_FILTERS,
					groupBy,
					hiddenColumns: hidden,
					columnOrder: order,
					hideIdentical: state.hideIdentical,
					differencesFirst: state.differencesFirst,
				});
				this.result = groups === null ? result : inBasesGroups(result, groups);
				const shown = new Set(model.rows.map((row) => row.path));
				this.table.update({
					view: this.result,
					orientation: state.orientation,
					sort: state.sort,
					selected: new Set(state.selected.filter((path) => shown.has(path))),
					editable: true,
					labels,
				});
			}
		}
		return plugin.registerBasesView(COMPARISON_VIEW_TYPE, {
			name: "Comparison",
			icon: COMPARISON_ICON,
			factory: (controller, containerEl) => new ComparisonBasesView(controller, containerEl),
			options: (config) => comparisonBasesOptions(config),
		});
	}
	return false;
}
