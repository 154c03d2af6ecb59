import { Notice } from "obsidian";
import type { PluginHost } from "../../shared/host";
import { reportError } from "../../shared/report";
import type { IndexService } from "../index-service";

/** Refresh every index note and living block now and say how many changed. */
export async function refreshAllIndexes(service: IndexService): Promise<void> {
	const { indexes: report, living } = await service.refreshAll();
	const failed = report.errors.length + living.errors.length;
	const errors = failed > 0 ? ` (${failed} not updated, see the other messages)` : "";
	const blocks = living.blocks > 0 ? `, ${living.written.length} of ${living.blocks} notes with living blocks` : "";
	new Notice(`Updated ${report.written.length} of ${report.indexes} index notes${blocks}${errors}`);
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
