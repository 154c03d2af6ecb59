import type { PluginHost } from "../shared/host";
import { IndexService } from "./index-service";
import { indexSettingsSection } from "./settings-section";

/** Index notes: the service that keeps index blocks current, its commands and its settings section. */
export function registerIndexNotes(host: PluginHost): void {
	host.addSettingsSection(indexSettingsSection);
	host.plugin.addChild(new IndexService(host));
}
