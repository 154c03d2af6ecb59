import { requireApiVersion, SecretComponent } from "obsidian";
import { withSection } from "../shared/core/settings";
import { baseUrlProblem, FACTS_SCHEMA, secretNameProblem } from "../shared/core/settings-schema";
import { accept, type ControlSpec, type CustomSpec, defineSection, type Parsed, refuse } from "../shared/setting-spec";
import { secretStorageOf } from "./token";

type UrlKey = "pypiUrl" | "npmUrl" | "cratesUrl" | "githubUrl";

/** Shown instead of the token field when the app has no secret storage. */
export const NO_SECRET_STORAGE_TEXT =
	"This version of Obsidian has no secret storage (it came with Obsidian 1.11.4), and the plugin never keeps a token in its settings file, so GitHub is asked without one (60 requests an hour). The command-line tool reads the GITHUB_TOKEN environment variable.";

/** A source's address as typed: empty means the default; trailing slashes dropped. */
function urlInput(key: UrlKey) {
	return (input: unknown): Parsed => {
		const trimmed = typeof input === "string" ? input.trim() : "";
		const url = trimmed === "" ? FACTS_SCHEMA[key].default : trimmed.replace(/\/+$/, "");
		const problem = baseUrlProblem(url);
		return problem === null ? accept(url) : refuse(`Not saved: the address ${problem}.`);
	};
}

function source(key: UrlKey, name: string, what: string): ControlSpec<"facts"> {
	return {
		kind: "control",
		key,
		name,
		desc: `The address of ${what}. Default: ${FACTS_SCHEMA[key].default}`,
		control: { type: "text", placeholder: FACTS_SCHEMA[key].default },
		parse: urlInput(key),
		aliases: ["mirror", "registry"],
	};
}

/** The GitHub token: a secret in Obsidian's keychain, of which the settings keep only the name. */
const TOKEN: CustomSpec = {
	kind: "custom",
	name: "GitHub token",
	desc: "Optional. A secret in Obsidian's keychain holding a GitHub token; without one GitHub allows 60 requests an hour. The token stays in the keychain: the plugin's settings keep only the secret's name.",
	render: (setting, host) => {
		if (requireApiVersion("1.11.4") && secretStorageOf(host.app) !== null) {
			setting.addComponent((el) =>
				new SecretComponent(host.app, el).setValue(host.settings.facts.githubTokenSecret).onChange(async (name) => {
					if (secretNameProblem(name) === null)
						await host.updateSettings(withSection(host.settings, "facts", { githubTokenSecret: name }));
				}),
			);
		} else {
			setting.setDesc(NO_SECRET_STORAGE_TEXT);
		}
	},
};

/** The "Facts" section: each source's base URL, the GitHub token (in Obsidian's secret storage) and consent to network use. */
export const FACTS_SETTINGS = defineSection("facts", "Facts", [
	source("pypiUrl", "PyPI URL", "PyPI (pypi: packages) or a mirror of it"),
	source("npmUrl", "npm registry URL", "the npm registry (npm: packages) or a mirror of it"),
	source("cratesUrl", "Crates.io URL", "crates.io (crates: packages) or a mirror of it"),
	source("githubUrl", "GitHub API URL", "GitHub's API (stars, last commit) or a GitHub Enterprise server's"),
	TOKEN,
	{
		kind: "control",
		key: "networkConsent",
		name: "Network use allowed",
		desc: "On once you agree to the hosts the first time you fill facts. Turn it off to be asked again.",
		control: { type: "toggle" },
	},
]);
