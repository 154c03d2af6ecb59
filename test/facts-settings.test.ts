import { SecretComponent, TextComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SOURCE_BASES } from "../src/facts/core/index";
import { FACTS_SETTINGS, NO_SECRET_STORAGE_TEXT } from "../src/facts/settings-section";
import { DEFAULT_FACTS_SETTINGS } from "../src/shared/core/settings";
import { renderSection } from "../src/shared/settings-classic";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { storeSecret } from "./harness/secrets";

let h: Harness | null = null;
afterEach(() => {
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

type Callback = (value: string) => Promise<void>;

function render(harness: Harness): { container: HTMLElement; texts: Callback[]; secrets: Callback[] } {
	const texts: Callback[] = [];
	const secrets: Callback[] = [];
	// Collect each component's change handler (the mock does not wire input events).
	vi.spyOn(TextComponent.prototype, "onChange").mockImplementation(function (this: TextComponent, cb) {
		texts.push(cb as Callback);
		return this;
	});
	vi.spyOn(SecretComponent.prototype, "onChange").mockImplementation(function (this: SecretComponent, cb) {
		secrets.push(cb as Callback);
		return this;
	});
	const container = createDiv();
	renderSection(container, harness.plugin, FACTS_SETTINGS, () => undefined);
	return { container, texts, secrets };
}

describe("facts settings", () => {
	it("default to the public services, the same as the core's defaults", () => {
		expect({
			pypi: DEFAULT_FACTS_SETTINGS.pypiUrl,
			npm: DEFAULT_FACTS_SETTINGS.npmUrl,
			crates: DEFAULT_FACTS_SETTINGS.cratesUrl,
			github: DEFAULT_FACTS_SETTINGS.githubUrl,
		}).toEqual({ ...DEFAULT_SOURCE_BASES });
		expect(DEFAULT_FACTS_SETTINGS.networkConsent).toBe(false);
	});

	it("save a mirror's URL without its trailing slash, refuse one that is not http or https, and say why", async () => {
		h = await loadPlugin();
		const { container, texts } = render(h);
		const [pypi, npm] = texts;
		await pypi?.(" https://pypi.example.org/mirror/ ");
		expect(h.plugin.settings.facts.pypiUrl).toBe("https://pypi.example.org/mirror");
		await npm?.("file:///etc/passwd");
		expect(h.plugin.settings.facts.npmUrl).toBe(DEFAULT_FACTS_SETTINGS.npmUrl);
		expect(container.textContent).toContain("Not saved: the address must be an http or https URL");
		await npm?.("");
		expect(h.plugin.settings.facts.npmUrl).toBe(DEFAULT_FACTS_SETTINGS.npmUrl);
		expect(container.textContent).not.toContain("Not saved");
	});

	it("keep the name of the token's secret, never the token", async () => {
		h = await loadPlugin();
		storeSecret(h.app, "github-token", "ghp_not_in_data_json");
		const { container, secrets } = render(h);
		expect(container.textContent).not.toContain(NO_SECRET_STORAGE_TEXT);
		await secrets[0]?.("github-token");
		expect(h.plugin.settings.facts.githubTokenSecret).toBe("github-token");
		expect(JSON.stringify((h.plugin as unknown as { data__: unknown }).data__)).not.toContain("ghp_not_in_data_json");
	});

	it("hide the token field and say why when the app has no secret storage", async () => {
		h = await loadPlugin();
		Object.defineProperty(h.app, "secretStorage", { value: undefined, configurable: true });
		const { container, secrets } = render(h);
		expect(secrets).toHaveLength(0);
		expect(container.textContent).toContain(NO_SECRET_STORAGE_TEXT);
	});
});
