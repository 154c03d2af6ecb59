/**
 * `obsidian framework-notes:refresh`: every index note and living block of the open vault
 * refreshed now (as the "Refresh all index notes" command does), printed as the Node CLI's
 * `refresh` prints it: one `updated  <note>` line per note written, then the summary lines.
 * `obsidian framework-notes:check`: the same without writing, as the Node CLI's `check`
 * (`stale  <note>` lines; the summary names this CLI's `refresh`).
 */
import type { PluginHost } from "../shared/host";
import { addCliHandler } from "../shared/obsidian-cli";
import { livingSummary, refreshSummary } from "../shared/core/refresh-summary";
import type { IndexService } from "./index-service";

export function registerRefreshCliHandler(host: PluginHost, service: IndexService): void {
	addCliHandler(host.plugin, "refresh", "Refresh every index note and living block now", {}, async () => {
		const { indexes, living } = await service.refreshAll();
		const written = [...new Set([...indexes.written, ...living.written])];
		const failed = [...new Set([...indexes.errors, ...living.errors])];
		return [
			...failed.map((path) => `Error: ${path}: not updated (the notice says why)\n`),
			...written.map((path) => `updated  ${path}\n`),
			refreshSummary({ indexes: indexes.indexes, stale: indexes.written, problems: indexes.errors }, true, ""),
			livingSummary({ blocks: living.blocks, stale: living.written }, true, ""),
		].join("");
	});
}

export function registerCheckCliHandler(host: PluginHost, service: IndexService): void {
	addCliHandler(host.plugin, "check", "List the index notes and living blocks that are out of date, writing nothing", {}, async () => {
		const { indexes, living } = await service.checkAll();
		const stale = [...new Set([...indexes.written, ...living.written])];
		const failed = [...new Set([...indexes.errors, ...living.errors])];
		const rerun = "obsidian framework-notes:refresh";
		return [
			...failed.map((path) => `Error: ${path}: could not be checked (the notice says why)\n`),
			...stale.map((path) => `stale  ${path}\n`),
			refreshSummary({ indexes: indexes.indexes, stale: indexes.written, problems: indexes.errors }, false, rerun),
			livingSummary({ blocks: living.blocks, stale: living.written }, false, rerun),
		].join("");
	});
}
