import { Notice } from "obsidian";
import { withSection } from "../shared/core/settings";
import type { FactsSettings } from "../shared/core/settings";
import type { PluginHost } from "../shared/host";
import { reportError } from "../shared/report";
import type { FactsNote, GatherOptions, GatherResult, HttpGet, HttpResponse, SourceBases } from "./core/index";
import { readFactsNotes } from "./notes";
import { githubToken } from "./token";
import { FactsConsentModal } from "./ui/consent-modal";
import { FactsPreviewModal } from "./ui/preview-modal";
import { applyFacts, describeOutcome } from "./write";

/** What a run needs of the facts core (injected so the run can be read apart from the core). */
export interface FactsEngine {
	gather(notes: readonly FactsNote[], http: HttpGet, options: GatherOptions): Promise<GatherResult>;
	hosts(bases: SourceBases): readonly string[];
}

export function sourceBases(settings: FactsSettings): SourceBases {
	return { pypi: settings.pypiUrl, npm: settings.npmUrl, crates: settings.cratesUrl, github: settings.githubUrl };
}

/** The progress notice's text. */
export function progressText(done: number, total: number): string {
	return `Fetching facts: ${done} of ${total}`;
}

/**
 * "Fill facts from registries" for a set of notes: ask once for consent to use the network, fetch
 * with a progress notice, show the preview, write what the user ticks. One `FactsRun` lives for
 * the plugin's session and hands the core one response cache for the session (the core keeps
 * answers in it, never failures, so each package is asked for once per session).
 */
export class FactsRun {
	private readonly cache = new Map<string, Promise<HttpResponse>>();
	private running = false;

	constructor(
		private readonly host: PluginHost,
		private readonly http: HttpGet,
		private readonly engine: FactsEngine,
	) {}

	/** Fill the notes at `paths`. Resolves when the preview is shown (or the run ended without one). */
	async fill(paths: readonly string[]): Promise<FactsPreviewModal | null> {
		if (this.running) {
			new Notice("Facts are already being fetched.");
			return null;
		}
		const notes = readFactsNotes(this.host.app, paths);
		if (notes.length === 0) {
			new Notice("No notes to fill with facts.");
			return null;
		}
		this.running = true;
		try {
			if (!(await this.consent())) return null;
			const result = await this.gather(notes);
			return this.show(result, notes);
		} catch (error) {
			reportError("fetching facts", error);
			return null;
		} finally {
			this.running = false;
		}
	}

	/**
	 * The facts of the notes at `paths`, fetched with the session's cache and a progress notice,
	 * without a preview (the Obsidian CLI's `facts`). The caller has checked the consent; null
	 * while another run is fetching.
	 */
	async fetchFor(paths: readonly string[]): Promise<GatherResult | null> {
		if (this.running) return null;
		this.running = true;
		try {
			return await this.gather(readFactsNotes(this.host.app, paths));
		} finally {
			this.running = false;
		}
	}

	/** True when the user agreed to the hosts now or before; the answer is stored in the settings. */
	private async consent(): Promise<boolean> {
		const { host } = this;
		if (host.settings.facts.networkConsent) return true;
		const hosts = this.engine.hosts(sourceBases(host.settings.facts));
		const withToken = githubToken(host.app, host.settings.facts.githubTokenSecret) !== null;
		const agreed = await new Promise<boolean>((resolve) => new FactsConsentModal(host.app, hosts, withToken, resolve).open());
		if (agreed) await host.updateSettings(withSection(host.settings, "facts", { networkConsent: true }));
		return agreed;
	}

	private async gather(notes: readonly FactsNote[]): Promise<GatherResult> {
		const { host } = this;
		const settings = host.settings.facts;
		const progress = new Notice(progressText(0, notes.length), 0);
		const options: GatherOptions = {
			bases: sourceBases(settings),
			githubToken: githubToken(host.app, settings.githubTokenSecret),
			userAgent: `framework-notes/${host.plugin.manifest.version} (Obsidian plugin)`,
			sleep: (ms) => new Promise<void>((resolve) => window.setTimeout(resolve, ms)),
			now: () => new Date(),
			onProgress: (done, total) => progress.setMessage(progressText(done, total)),
			cache: this.cache,
		};
		try {
			return await this.engine.gather(notes, this.http, options);
		} finally {
			progress.hide();
		}
	}

	/**
	 * The preview, or, when the run found nothing to propose and has messages of its own (offline,
	 * rate limit), those messages in one notice.
	 */
	private show(result: GatherResult, notes: readonly FactsNote[]): FactsPreviewModal | null {
		const { app } = this.host;
		const proposals = result.notes.reduce((sum, n) => sum + n.proposals.length, 0);
		if (proposals === 0 && result.messages.length > 0) {
			new Notice(`Facts: ${result.messages.join("\n")}`);
			return null;
		}
		const names = new Map(notes.map((n) => [n.path, n.name]));
		const modal = new FactsPreviewModal(app, result, {
			nameOf: (path) => names.get(path) ?? path,
			apply: async (choices) => {
				const outcome = await applyFacts(app, choices);
				new Notice(describeOutcome(outcome));
			},
		});
		modal.open();
		return modal;
	}
}
