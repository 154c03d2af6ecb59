import { type CliData, type CliFlags, type Plugin, requireApiVersion } from "obsidian";
import { errorMessage } from "./core/errors";

/**
 * Handlers for the official Obsidian CLI (`obsidian framework-notes:<command> …`), which runs
 * commands in the open vault. `registerCliHandler` exists from Obsidian 1.12.2, newer than the
 * plugin's `minAppVersion`: on older apps nothing is registered and the Node CLI
 * (`framework-notes`) remains the way to run these commands.
 */

/** A handler's answer: the text to print. A problem is said in the text (the API has no exit code). */
export type CliAnswer = string | Promise<string>;

/** The value of a flag given with a value (`format=json`), or undefined. A bare flag (`'true'`) has no value. */
export function flagValue(params: CliData, name: string): string | undefined {
	const value = params[name];
	return value === undefined || value === "true" ? undefined : value;
}

/** Register `framework-notes:<command>` when the app has the Obsidian CLI; returns whether it did. */
export function addCliHandler(
	plugin: Plugin,
	command: string,
	description: string,
	flags: CliFlags,
	handler: (params: CliData) => CliAnswer,
): boolean {
	if (requireApiVersion("1.12.2")) {
		plugin.registerCliHandler(`framework-notes:${command}`, description, flags, async (params) => {
			try {
				return await handler(params);
			} catch (e) {
				return `Error: ${errorMessage(e)}\n`;
			}
		});
		return true;
	}
	return false;
}
