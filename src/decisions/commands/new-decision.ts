import { Notice } from "obsidian";
import type { PluginHost } from "../../shared/host";
import { errorMessage } from "../../shared/core/errors";
import { NEW_DECISION_TEXT, newDecisionPath } from "../core/template";
import { DECISION_MODE_ID } from "../ui/decision-mode";

/**
 * Create a decision note from the built-in template in the active note's folder (the vault's
 * top when no note is open) and show the comparison pane in decision mode on it.
 */
export async function newDecision(host: PluginHost): Promise<string | null> {
	const { app } = host;
	const parent = app.workspace.getActiveFile()?.parent?.path ?? "";
	const path = newDecisionPath(parent === "/" ? "" : parent, (p) => app.vault.getAbstractFileByPath(p) !== null);
	try {
		await app.vault.create(path, NEW_DECISION_TEXT);
	} catch (e) {
		new Notice(`Framework Notes: could not create ${path}: ${errorMessage(e)}`);
		return null;
	}
	await host.paneModes.show(DECISION_MODE_ID, { note: path });
	return path;
}

/** Command "New decision". */
export function registerNewDecisionCommand(host: PluginHost): void {
	host.plugin.addCommand({
		id: "new-decision",
		name: "New decision",
		callback: () => {
			void newDecision(host);
		},
	});
}
