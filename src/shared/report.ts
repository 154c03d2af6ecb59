import { Notice } from "obsidian";
import { errorMessage } from "./core/errors";

/**
 * Central error display for work that fails in the background: one Notice that names what failed
 * ("Framework Notes: could not refresh index notes: …") and the details logged once to the console.
 */
export function reportError(what: string, error: unknown): void {
	console.error(`Framework Notes: ${what} failed`, error);
	new Notice(`Framework Notes: ${what} failed: ${errorMessage(error)}`);
}
