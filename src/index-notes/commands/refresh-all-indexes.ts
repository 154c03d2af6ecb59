import { Notice } from "obsidian";
import type { PluginHost } from "../../shared/host";
import { reportError } from "../../shared/report";
import type { IndexService } from "../index-service";

/** Refresh every index note now and say how many changed. */
export async function refreshAllIndexes(service: IndexService): Promise<void> {
	const report = await service.refreshAll();
	const errors = report.errors.length > 0 ? ` (${report.errors.length} not updated, see the other messages)` : "";
	new Notice(`Updated ${report.written.length} of ${report.indexes} index notes${errors}`);
}

export function registerRefreshAllIndexes(host: PluginHost, service: IndexService): void {
	host.plugin.addCommand({
		id: "refresh-all-index-notes",
		name: "Refresh all index notes",
		callback: () => {
			refreshAllIndexes(service).catch((error: unknown) => reportError("refreshing index notes", error));
		},
	});
}
