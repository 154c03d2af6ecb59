/** Templates: the three template commands and the settings section, registered with one call from `main.ts`. */
import { registerImportOutline } from "./commands/import-outline";
import { registerInsertTemplate } from "./commands/insert-template";
import { registerNewFrameworkNote } from "./commands/new-framework-note";
import type { PluginHost } from "../shared/host";
import { TEMPLATE_SETTINGS } from "./settings-section";

export function registerTemplates(host: PluginHost): void {
	host.addSettingsSection(TEMPLATE_SETTINGS);
	registerInsertTemplate(host);
	registerNewFrameworkNote(host);
	registerImportOutline(host);
}
