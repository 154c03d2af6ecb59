import { type App, Modal } from "obsidian";

/**
 * Asked before the first run: which hosts will be contacted and what is sent. Resolves true when
 * the user agrees (the caller stores that), false when they cancel or close the dialog.
 */
export class FactsConsentModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private readonly hosts: readonly string[],
		private readonly withToken: boolean,
		private readonly answer: (agreed: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		const { contentEl } = this;
		contentEl.empty();
		this.setTitle("Fetch facts from the internet?");
		contentEl.addClass("fn-facts-consent");
		contentEl.createEl("p", { text: "To fill framework notes, the plugin will contact these hosts:" });
		const list = contentEl.createEl("ul", { cls: "fn-facts-hosts" });
		for (const host of this.hosts) list.createEl("li").createEl("code", { text: host });
		contentEl.createEl("p", {
			text:
				"What is sent: web requests (GET) for the package names of the notes (from their package property, or guessed from their names) " +
				"and for the GitHub repositories their repository property names, with a user agent naming this plugin." +
				(this.withToken ? " Your GitHub token is sent to GitHub only." : "") +
				" Nothing else from your vault is sent.",
		});
		contentEl.createEl("p", {
			text: "The network is used only when you run the command. Answers are shown in a preview; only the properties you tick are written. You can take this back in the plugin's settings.",
		});
		const footer = contentEl.createDiv({ cls: "modal-button-container" });
		const agree = footer.createEl("button", { text: "Allow and continue", cls: "mod-cta" });
		agree.addEventListener("click", () => this.reply(true));
		footer.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.reply(false));
	}

	private reply(agreed: boolean): void {
		if (!this.answered) {
			this.answered = true;
			this.answer(agreed);
		}
		this.close();
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) {
			this.answered = true;
			this.answer(false);
		}
	}
}
