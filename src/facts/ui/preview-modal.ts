import { type App, Modal } from "obsidian";
import { reportError } from "../../shared/report";
import type { GatherResult, NoteFacts, Proposal } from "../core/index";
import type { NoteChoice } from "../write";
import { renderNoteFacts } from "./preview-note";

export const PREVIEW_TITLE = "Facts from registries";
export const NOTHING_NEW_TEXT = "Every note already has these facts.";
export const NOTHING_FOUND_TEXT = "No new facts: the notes below could not be filled.";

/** What the preview needs besides the facts: note names, and what to do with the ticked proposals. */
export interface PreviewOptions {
	/** The display name of a note (its file name without extension). */
	readonly nameOf: (path: string) => string;
	/** Write the ticked proposals; the modal closes once this resolves. */
	readonly apply: (choices: readonly NoteChoice[]) => Promise<void>;
}

/** Whether a note's outcome has anything to show: proposals, values not used, or an error. */
function worthShowing(facts: NoteFacts): boolean {
	return facts.proposals.length > 0 || facts.skipped.length > 0 || facts.error !== null;
}

/**
 * The preview of a run: the run's messages once (offline, rate limit), then one section per note
 * with one row per property and a checkbox, ticked where the core ticks it (the note has no
 * value; a differing value is never overwritten unless the user ticks it). "Apply" writes only
 * the ticked keys. With nothing new, it says so.
 */
export class FactsPreviewModal extends Modal {
	/** Ticked proposals by note path, then by key. */
	private readonly ticked = new Map<string, Map<string, Proposal>>();
	private applyButton: HTMLButtonElement | null = null;
	private summary: HTMLElement | null = null;
	private total = 0;
	private applying = false;

	constructor(
		app: App,
		private readonly result: GatherResult,
		private readonly options: PreviewOptions,
	) {
		super(app);
	}

	override onOpen(): void {
		const { contentEl } = this;
		contentEl.empty();
		this.modalEl.addClass("fn-facts-modal");
		this.setTitle(PREVIEW_TITLE);
		contentEl.addClass("fn-facts-preview");
		if (this.result.messages.length > 0) {
			const messages = contentEl.createEl("ul", { cls: "fn-facts-messages", attr: { role: "status" } });
			for (const message of this.result.messages) messages.createEl("li", { text: message });
		}
		// Notes with something to write first, then those with only values not used or an error.
		const shown = [
			...this.result.notes.filter((n) => n.proposals.length > 0),
			...this.result.notes.filter((n) => n.proposals.length === 0 && worthShowing(n)),
		];
		this.total = shown.reduce((sum, n) => sum + n.proposals.length, 0);
		if (this.total === 0) {
			const failed = shown.some((n) => n.error !== null);
			contentEl.createEl("p", { text: failed ? NOTHING_FOUND_TEXT : NOTHING_NEW_TEXT, cls: "fn-facts-empty" });
		}
		const list = contentEl.createDiv({ cls: "fn-facts-notes" });
		for (const facts of shown) {
			const keys = new Map<string, Proposal>();
			for (const proposal of facts.proposals) if (proposal.ticked) keys.set(proposal.key, proposal);
			this.ticked.set(facts.path, keys);
			renderNoteFacts(list, facts, this.options.nameOf(facts.path), (path, proposal, on) => this.tick(path, proposal, on));
		}
		const untouched = this.result.notes.length - shown.length;
		if (untouched > 0 && this.total > 0) {
			const text = untouched === 1 ? "1 more note already has these facts." : `${untouched} more notes already have these facts.`;
			contentEl.createEl("p", { text, cls: "fn-facts-untouched" });
		}
		this.renderFooter();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private renderFooter(): void {
		const footer = this.contentEl.createDiv({ cls: "modal-button-container fn-facts-footer" });
		this.summary = footer.createSpan({ cls: "fn-facts-summary", attr: { "aria-live": "polite" } });
		if (this.total > 0) {
			this.applyButton = footer.createEl("button", { text: "Apply", cls: "mod-cta" });
			this.applyButton.addEventListener("click", () => void this.submit());
		}
		const cancel = footer.createEl("button", { text: this.total > 0 ? "Cancel" : "Close" });
		cancel.addEventListener("click", () => this.close());
		this.update();
	}

	private tick(path: string, proposal: Proposal, on: boolean): void {
		let keys = this.ticked.get(path);
		if (keys === undefined) {
			keys = new Map();
			this.ticked.set(path, keys);
		}
		if (on) keys.set(proposal.key, proposal);
		else keys.delete(proposal.key);
		this.update();
	}

	/** The ticked proposals, one entry per note with any, in the preview's order. */
	choices(): NoteChoice[] {
		const out: NoteChoice[] = [];
		for (const [path, keys] of this.ticked) if (keys.size > 0) out.push({ path, proposals: [...keys.values()] });
		return out;
	}

	private update(): void {
		const count = this.choices().reduce((sum, c) => sum + c.proposals.length, 0);
		if (this.summary && this.total > 0) this.summary.setText(`${count} of ${this.total} selected`);
		if (this.applyButton) this.applyButton.disabled = count === 0 || this.applying;
	}

	/** Write the ticked proposals (the "Apply" button), then close. */
	async submit(): Promise<void> {
		if (this.applying) return;
		const choices = this.choices();
		if (choices.length === 0) return;
		this.applying = true;
		this.update();
		try {
			await this.options.apply(choices);
		} catch (error) {
			reportError("writing facts", error);
		} finally {
			this.applying = false;
			this.close();
		}
	}
}
