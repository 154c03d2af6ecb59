import type { PluginHost } from "../shared/host";
import { IndexService } from "./index-service";
import { INDEX_SETTINGS } from "./settings-section";

/** Index notes: the service that keeps index blocks current, its commands and its settings section. */
export function registerIndexNotes(host: PluginHost): void {
	host.addSettingsSection(INDEX_SETTINGS);
	host.plugin.addChild(new IndexService(host));
}
