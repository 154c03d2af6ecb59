import { type App, normalizePath } from "obsidian";
import { parsePropertyTypes } from "./core/index";

/** Obsidian's property type names by property, from `<configDir>/types.json`. */
export type PropertyTypes = Readonly<Record<string, string>>;

/**
 * The vault's property types (Settings → Properties), read from `types.json` in the config folder.
 * A missing, unreadable or invalid file gives `{}`, so the model infers the types instead.
 */
export async function readPropertyTypes(app: App): Promise<PropertyTypes> {
	const path = normalizePath(`${app.vault.configDir}/types.json`);
	try {
		if (!(await app.vault.adapter.exists(path))) return {};
		return parsePropertyTypes(await app.vault.adapter.read(path));
	} catch {
		return {};
	}
}
