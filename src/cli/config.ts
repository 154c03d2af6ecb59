/**
 * The vault's own configuration, read from its config folder exactly where Obsidian keeps it:
 * the plugin's `data.json` (through the same `migrate()` the plugin uses, so the CLI accepts
 * exactly what the plugin accepts and names each value it cannot use), Obsidian's link settings
 * in `app.json`, and property types in `types.json`. The CLI never writes `data.json`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { linkConfigFrom, type LinkConfig } from "../shared/core/link-text";
import { describeProblem, migrate, type Settings } from "../shared/core/settings";

export const PLUGIN_ID = "framework-notes";

export interface VaultConfig {
	readonly settings: Settings;
	readonly link: LinkConfig;
	/** Obsidian's property types (`types.json` → `types`), property name → widget type. */
	readonly propertyTypes: Readonly<Record<string, string>>;
	/** Folder of Obsidian's core Templates plugin, when set (`templates.json` → `folder`). */
	readonly coreTemplatesFolder: string;
	/** Problems reading the config files; the defaults are used for the part concerned. */
	readonly warnings: readonly string[];
}

type JsonRead = { readonly value: unknown; readonly warning: string | null };

function readJson(file: string, label: string): JsonRead {
	let text: string;
	try {
		text = fs.readFileSync(file, "utf8");
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === "ENOENT" || code === "ENOTDIR") return { value: null, warning: null };
		return { value: null, warning: `${label}: cannot be read (${code ?? "error"}); using defaults` };
	}
	try {
		return { value: JSON.parse(text) as unknown, warning: null };
	} catch {
		return { value: null, warning: `${label}: not valid JSON; using defaults` };
	}
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Read the configuration of the vault at `vaultDir` with config folder `configDir`. */
export function readVaultConfig(vaultDir: string, configDir: string): VaultConfig {
	const base = path.join(vaultDir, configDir);
	const warnings: string[] = [];
	const rel = (...parts: string[]): string => [configDir, ...parts].join("/");

	const dataLabel = rel("plugins", PLUGIN_ID, "data.json");
	const data = readJson(path.join(base, "plugins", PLUGIN_ID, "data.json"), dataLabel);
	const app = readJson(path.join(base, "app.json"), rel("app.json"));
	const types = readJson(path.join(base, "types.json"), rel("types.json"));
	const templates = readJson(path.join(base, "templates.json"), rel("templates.json"));
	for (const r of [data, app, types, templates]) if (r.warning) warnings.push(r.warning);
	// Switching from Waypoint: with no settings of its own, the vault is read with Waypoint's (as the plugin does).
	const ownMissing = data.value === null && data.warning === null;
	const waypoint = ownMissing
		? readJson(path.join(base, "plugins", "waypoint", "data.json"), rel("plugins", "waypoint", "data.json"))
		: null;
	if (waypoint?.warning) warnings.push(waypoint.warning);
	const migrated = migrate(ownMissing ? waypoint?.value : data.value);
	if (migrated.readOnly) {
		warnings.push(
			`${dataLabel}: written by a newer version of the plugin (settings version ${migrated.storedVersion}); using the settings this version knows`,
		);
	}
	for (const problem of migrated.problems) warnings.push(`${dataLabel}: ${describeProblem(problem)}`);

	// fromEntries defines own properties, so a key such as `__proto__` stays an ordinary key.
	const propertyTypes: Record<string, string> = Object.fromEntries(
		Object.entries(record(record(types.value).types)).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
	);
	const folder = record(templates.value).folder;
	return {
		settings: migrated.settings,
		link: linkConfigFrom(app.value),
		propertyTypes,
		coreTemplatesFolder: typeof folder === "string" ? folder.replace(/^\/+|\/+$/g, "") : "",
		warnings,
	};
}
