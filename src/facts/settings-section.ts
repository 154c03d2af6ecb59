import { requireApiVersion, SecretComponent, Setting } from "obsidian";
import { type FactsSettings, withSection } from "../shared/core/settings";
import { baseUrlProblem, FACTS_SCHEMA, secretNameProblem } from "../shared/core/settings-schema";
import type { PluginHost, SettingsSection } from "../shared/host";
import { limitLength } from "../shared/settings-limits";
import { secretStorageOf } from "./token";

type UrlKey = "pypiUrl" | "npmUrl" | "cratesUrl" | "githubUrl";

const SOURCES: readonly { readonly key: UrlKey; readonly name: string; readonly what: string }[] = [
	{ key: "pypiUrl", name: "PyPI URL", what: "PyPI (pypi: packages) or a mirror of it" },
	{ key: "npmUrl", name: "npm registry URL", what: "the npm registry (npm: packages) or a mirror of it" },
	{ key: "cratesUrl", name: "Crates.io URL", what: "crates.io (crates: packages) or a mirror of it" },
	{ key: "githubUrl", name: "GitHub API URL", what: "GitHub's API (stars, last commit) or a GitHub Enterprise server's" },
];

/** Shown instead of the token field when the app has no secret storage. */
export const NO_SECRET_STORAGE_TEXT =
	"This version of Obsidian has no secret storage (it came with Obsidian 1.11.4), and the plugin never keeps a token in its settings file, so GitHub is asked without one (60 requests an hour). The command-line tool reads the GITHUB_TOKEN environment variable.";

function save(host: PluginHost, patch: Partial<FactsSettings>): Promise<void> {
	return host.updateSettings(withSection(host.settings, "facts", patch));
}

/** The "Facts" section: each source's base URL, the GitHub token (in Obsidian's secret storage) and consent to network use. */
export const factsSettingsSection: SettingsSection = (containerEl, host, redisplay) => {
	const settings = (): FactsSettings => host.settings.facts;
	new Setting(containerEl).setName("Facts").setHeading();

	for (const source of SOURCES) {
		const description = `The address of ${source.what}. Default: ${FACTS_SCHEMA[source.key].default}`;
		const setting = new Setting(containerEl).setName(source.name).setDesc(description);
		setting.addText((text) =>
			limitLength(text, FACTS_SCHEMA[source.key])
				.setPlaceholder(FACTS_SCHEMA[source.key].default)
				.setValue(settings()[source.key])
				.onChange(async (value) => {
					const url = value.trim() === "" ? FACTS_SCHEMA[source.key].default : value.trim().replace(/\/+$/, "");
					const problem = baseUrlProblem(url);
					setting.setDesc(problem === null ? description : `Not saved: the address ${problem}.`);
					setting.descEl.toggleClass("mod-warning", problem !== null);
					if (problem === null) await save(host, { [source.key]: url });
				}),
		);
	}

	const tokenDescription =
		"Optional. A secret in Obsidian's keychain holding a GitHub token; without one GitHub allows 60 requests an hour. The token stays in the keychain: the plugin's settings keep only the secret's name.";
	if (requireApiVersion("1.11.4") && secretStorageOf(host.app) !== null) {
		new Setting(containerEl)
			.setName("GitHub token")
			.setDesc(tokenDescription)
			.addComponent((el) =>
				new SecretComponent(host.app, el).setValue(settings().githubTokenSecret).onChange(async (name) => {
					if (secretNameProblem(name) === null) await save(host, { githubTokenSecret: name });
				}),
			);
	} else {
		new Setting(containerEl).setName("GitHub token").setDesc(NO_SECRET_STORAGE_TEXT);
	}

	new Setting(containerEl)
		.setName("Network use allowed")
		.setDesc("On once you agree to the hosts the first time you fill facts. Turn it off to be asked again.")
		.addToggle((toggle) =>
			toggle.setValue(settings().networkConsent).onChange(async (on) => {
				await save(host, { networkConsent: on });
				redisplay();
			}),
		);
};
