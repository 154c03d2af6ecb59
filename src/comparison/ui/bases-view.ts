import { BasesView, type HoverParent, type HoverPopover, type QueryController, requireApiVersion, TFile } from "obsidian";
import { applyView, buildModel, type ComparisonModel, type NoteInput, type SortKey, type ViewResult } from "../core/index";
import { clickSort, NO_FILTERS, type Orientation } from "../core/index";
import type { Frontmatter } from "../../shared/core/vault";
import { type PropertyTypes, readPropertyTypes } from "../property-types";
import { writeCell } from "../write";
import type { PluginHost } from "../../shared/host";
import { COMPARISON_ICON, COMPARISON_VIEW_TYPE } from "./comparison-view";
import { ComparisonTable } from "./table";

/** Bases property ids of note properties (`note.category`) → property keys (`category`). */
export function notePropertyKeys(ids: readonly string[]): string[] {
	return ids.filter((id) => id.startsWith("note.")).map((id) => id.slice("note.".length));
}

function frontmatterOf(host: PluginHost, file: TFile): Frontmatter | null {
	const fm: unknown = host.app.metadataCache.getFileCache(file)?.frontmatter;
	return typeof fm === "object" && fm !== null ? (fm as Frontmatter) : null;
}

/**
 * Offer the comparison table as a Bases view type "Comparison" (Obsidian 1.10+): the Base's
 * entries side by side, in the Base's property order, with the pane's cells, sorting, selection,
 * transposition and in-place editing.
 */
export function registerComparisonBasesView(host: PluginHost): boolean {
	const plugin = host.plugin;
	if (requireApiVersion("1.10.0") && typeof plugin.registerBasesView === "function") {
		class ComparisonBasesView extends BasesView implements HoverParent {
			type = COMPARISON_VIEW_TYPE;
			hoverPopover: HoverPopover | null = null;
			private readonly table: ComparisonTable;
			private readonly transposeButton: HTMLButtonElement;
			private sort: SortKey[] = [];
			private selected = new Set<string>();
			private orientation: Orientation = "rows";
			private model: ComparisonModel | null = null;
			private result: ViewResult | null = null;
			private propertyTypes: PropertyTypes | null = null;

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
					this.orientation = this.orientation === "rows" ? "columns" : "rows";
					this.transposeButton.setAttr("aria-pressed", this.orientation === "columns" ? "true" : "false");
					this.transposeButton.toggleClass("is-active", this.orientation === "columns");
					this.render();
				});
				this.table = new ComparisonTable(root, host.app, this, COMPARISON_VIEW_TYPE, {
					sort: (key, additive) => {
						this.sort = clickSort(this.sort, key, additive);
						this.render();
					},
					toggleSelected: (path, checked) => {
						if (checked) this.selected.add(path);
						else this.selected.delete(path);
						this.render();
					},
					selectAll: (paths, checked) => {
						for (const path of paths) {
							if (checked) this.selected.add(path);
							else this.selected.delete(path);
						}
						this.render();
					},
					edit: async (path, column, input) => {
						if (this.model) await writeCell(host.app, this.model, path, column, input);
					},
				});
			}

			onDataUpdated(): void {
				if (this.propertyTypes === null) {
					void readPropertyTypes(host.app).then((types) => {
						this.propertyTypes = types;
						this.onDataUpdated();
					});
					return;
				}
				const notes: NoteInput[] = [];
				for (const entry of this.data.data) {
					const file = entry.file;
					if (!(file instanceof TFile) || file.extension !== "md") continue;
					notes.push({
						path: file.path,
						basename: file.basename,
						frontmatter: frontmatterOf(host, file),
						frontmatterError: null,
						mtime: file.stat.mtime,
					});
				}
				this.model = buildModel(notes, { propertyTypes: this.propertyTypes });
				this.render();
			}

			private render(): void {
				const model = this.model;
				if (!model) return;
				const order = notePropertyKeys(this.config.getOrder());
				const hidden = order.length > 0 ? model.columns.map((c) => c.key).filter((key) => !order.includes(key)) : [];
				this.result = applyView(model, {
					sort: this.sort,
					search: "",
					filters: NO_FILTERS,
					groupBy: null,
					hiddenColumns: hidden,
					columnOrder: order,
					hideIdentical: false,
					differencesFirst: false,
				});
				this.table.update({
					view: this.result,
					orientation: this.orientation,
					sort: this.sort,
					selected: this.selected,
					editable: true,
				});
			}
		}
		return plugin.registerBasesView(COMPARISON_VIEW_TYPE, {
			name: "Comparison",
			icon: COMPARISON_ICON,
			factory: (controller, containerEl) => new ComparisonBasesView(controller, containerEl),
		});
	}
	return false;
}
