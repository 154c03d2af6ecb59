/** The template feature's commands, registered with one call from `main.ts`. */
import { registerImportOutline } from "../commands/import-outline";
import { registerInsertTemplate } from "../commands/insert-template";
import { registerNewFrameworkNote } from "../commands/new-framework-note";
import type { PluginHost } from "./host";

export function registerTemplates(host: PluginHost): void {
	registerInsertTemplate(host);
	registerNewFrameworkNote(host);
	registerImportOutline(host);
}
