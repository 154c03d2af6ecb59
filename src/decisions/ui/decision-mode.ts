import { type TAbstractFile, TFile } from "obsidian";
import { decisionCandidates, isCandidate } from "../core/candidates";
import { type CriterionList, type DecisionSpec, isDecisionFrontmatter, readDecision } from "../core/decision-note";
import { DecisionEngine } from "../core/engine";
import { errorLines } from "../core/report";
import { collator, isComparedNote } from "../../shared/core/selection";
import type { PluginHost } from "../../shared/host";
import { vaultSnapshot } from "../../shared/live-snapshot";
import type { PaneMode, PaneModeContext } from "../../shared/pane-modes";
import { templatesFolderOf } from "../../shared/templates-folder";
import { editDecisionList, type ListEdit } from "../write";
import { renderCriteria } from "./criteria-editor";
import { renderResult } from "./result-view";

export const DECISION_MODE_ID = "decision";

/** Quiet period before a burst of vault changes re-ranks. */
export const DECISION_DEBOUNCE_MS = 100;

/** The comparison pane's "Decision" mode. `newDecision` creates a note and shows it. */
export function decisionMode(host: PluginHost, newDecision: () => void): PaneMode {
	// The panels shown now: a change of which notes are framework notes (the selector) re-ranks them.
	const panels = new Set<DecisionPanel>();
	host.onSettingsChange((next, previous) => {
		if (next.compare !== previous.compare) for (const panel of panels) panel.settingsChanged();
	});
	return {
		id: DECISION_MODE_ID,
		name: "Decision",
		open: (container, context) => {
			const panel = new DecisionPanel(host, container, context, newDecision);
			panels.add(panel);
			context.component.register(() => panels.delete(panel));
			panel.start();
		},
	};
}

/**
 * One decision shown in the pane: the ranking kept current as notes change (a changed framework
 * note is evaluated again alone; a changed decision note, a new, deleted or renamed note rebuild
 * it), and the criteria editor writing the decision note.
 */
class DecisionPanel {
	private note: string | null;
	private spec: DecisionSpec | null = null;
	private engine: DecisionEngine | null = null;
	private readonly changed = new Set<string>();
	private rebuildNeeded = false;
	private timer: number | null = null;
	private readonly drafts = new Map<CriterionList, string>();
	/** The vault's decision notes (for the picker), listed again on every rebuild. */
	private decisions: string[] = [];

	constructor(
		private readonly host: PluginHost,
		private readonly container: HTMLElement,
		private readonly context: PaneModeContext,
		private readonly newDecision: () => void,
	) {
		const note = context.state.note;
		this.note = typeof note === "string" && note !== "" ? note : null;
	}

	start(): void {
		const { app, component } = this.context;
		component.registerEvent(
			app.metadataCache.on("changed", (file: TFile) => {
				if (file.extension !== "md") return;
				if (file.path === this.note || isDecisionFrontmatter(vaultSnapshot(app).frontmatter(file.path))) this.rebuildNeeded = true;
				this.changed.add(file.path);
				this.schedule();
			}),
		);
		const structural = (): void => {
			this.rebuildNeeded = true;
			this.schedule();
		};
		component.registerEvent(app.vault.on("create", structural));
		component.registerEvent(app.vault.on("delete", structural));
		component.registerEvent(
			app.vault.on("rename", (file: TAbstractFile, oldPath: string) => {
				if (oldPath === this.note) this.choose(file.path);
				structural();
			}),
		);
		component.register(() => {
			if (this.timer !== null) window.clearTimeout(this.timer);
			this.timer = null;
		});
		this.rebuild();
		this.render();
	}

	/** The plugin's settings changed: the candidates may differ. */
	settingsChanged(): void {
		this.rebuildNeeded = true;
		this.schedule();
	}

	private schedule(): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = window.setTimeout(() => {
			this.timer = null;
			this.flush();
		}, DECISION_DEBOUNCE_MS);
	}

	private flush(): void {
		if (this.rebuildNeeded || this.engine === null) this.rebuild();
		else this.updateChanged();
		this.changed.clear();
		this.rebuildNeeded = false;
		this.render();
	}

	private selection() {
		const templates = templatesFolderOf(this.context.app).folder();
		return {
			settings: this.host.settings.compare,
			scope: this.spec?.scope ?? null,
			templatesFolder: templates,
			decision: this.note ?? "",
		};
	}

	private rebuild(): void {
		this.decisions = this.decisionNotes();
		const snapshot = vaultSnapshot(this.context.app);
		if (this.note === null || snapshot.getNode(this.note) === null) {
			this.spec = null;
			this.engine = null;
			return;
		}
		this.spec = readDecision(snapshot.frontmatter(this.note));
		this.engine = new DecisionEngine(this.spec).setNotes(decisionCandidates(snapshot, this.selection()));
	}

	/** Evaluate again only the framework notes that changed. */
	private updateChanged(): void {
		const engine = this.engine;
		if (engine === null) return;
		const snapshot = vaultSnapshot(this.context.app);
		const selection = this.selection();
		for (const path of this.changed) {
			const node = snapshot.getNode(path);
			const wanted = isComparedNote(snapshot, selection, path, () => false) && isCandidate(snapshot, path, selection.decision);
			if (node instanceof TFile && wanted) engine.update({ path, name: node.basename, frontmatter: snapshot.frontmatter(path) });
			else engine.remove(path);
		}
	}

	private choose(path: string | null): void {
		this.note = path;
		this.context.saveState(path === null ? {} : { note: path });
	}

	private decisionNotes(): string[] {
		const { app } = this.context;
		const snapshot = vaultSnapshot(app);
		return app.vault
			.getMarkdownFiles()
			.filter((file) => isDecisionFrontmatter(snapshot.frontmatter(file.path)))
			.map((file) => file.path)
			.sort((a, b) => collator.compare(a, b));
	}

	/** Redraw; the control that had the focus (a weight slider, an "add" field) gets it back. */
	private render(): void {
		const root = this.container;
		const focused = root.ownerDocument.activeElement;
		const focusKey = focused instanceof HTMLElement && root.contains(focused) ? focused.dataset.focusKey : undefined;
		this.draw();
		if (focusKey !== undefined) root.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
	}

	private draw(): void {
		const root = this.container;
		root.empty();
		root.addClass("fn-dec");
		const header = root.createDiv({ cls: "fn-dec-header" });
		const picker = header.createEl("select", { cls: "dropdown fn-dec-picker", attr: { "aria-label": "Decision note" } });
		picker.createEl("option", { text: "Choose a decision note", value: "" });
		const notes = [...this.decisions];
		if (this.note !== null && !notes.includes(this.note)) notes.unshift(this.note);
		for (const path of notes) picker.createEl("option", { text: path.replace(/\.md$/i, ""), value: path });
		picker.value = this.note ?? "";
		picker.addEventListener("change", () => {
			this.choose(picker.value === "" ? null : picker.value);
			this.rebuild();
			this.render();
		});
		const create = header.createEl("button", { text: "New decision" });
		create.addEventListener("click", () => this.newDecision());
		if (this.note === null || this.spec === null || this.engine === null) {
			const text =
				this.note === null
					? "Choose a decision note, or start a new one: its requirements and weighted preferences rank the framework notes."
					: `The decision note ${this.note} is not in the vault.`;
			root.createEl("p", { cls: "fn-dec-hint", text });
			return;
		}
		const problems = this.spec.problems;
		if (problems.length > 0) {
			const box = root.createDiv({ cls: "fn-dec-problems", attr: { role: "alert" } });
			for (const line of problems) box.createDiv({ text: line });
		}
		const result = this.engine.result();
		renderResult(root, result, (path) => void this.context.app.workspace.openLinkText(path, "", false));
		renderCriteria(root, this.spec, {
			edit: (edit) => void this.edit(edit),
			draft: (list) => this.drafts.get(list) ?? "",
			setDraft: (list, text) => this.drafts.set(list, text),
		});
		root.setAttr("data-errors", String(errorLines(this.spec).length));
	}

	private async edit(edit: ListEdit): Promise<void> {
		if (this.note === null) return;
		await editDecisionList(this.context.app, this.note, edit);
	}
}
