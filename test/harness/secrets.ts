/**
 * Secret storage in plugin tests. `app.secretStorage` exists from Obsidian 1.11.4, newer than the
 * plugin's `minAppVersion`; the plugin reaches it only behind `requireApiVersion`. Tests stand
 * for a newer app and put a secret in the mock's keychain through this structural view, so the
 * directory's API-version rule keeps guarding the plugin's own code.
 */
import type { App } from "obsidian";

interface Keychain {
	readonly secretStorage: { setSecret(id: string, secret: string): void };
}

/** Put `secret` under `id` in the app's keychain, as the user would in Obsidian's settings. */
export function storeSecret(app: App, id: string, secret: string): void {
	(app as unknown as Keychain).secretStorage.setSecret(id, secret);
}
