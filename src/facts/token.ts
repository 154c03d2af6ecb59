import { type App, requireApiVersion, type SecretStorage } from "obsidian";

/** The app's secret storage (Obsidian 1.11.4 and later), or null on versions without one. */
export function secretStorageOf(app: App): SecretStorage | null {
	if (!requireApiVersion("1.11.4")) return null;
	const storage: unknown = (app as { secretStorage?: unknown }).secretStorage;
	const usable = typeof storage === "object" && storage !== null && typeof (storage as { getSecret?: unknown }).getSecret === "function";
	return usable ? (storage as SecretStorage) : null;
}

/**
 * The GitHub token kept in the secret named `name` (the facts settings keep only that name), or
 * null without a name, without secret storage, or when the secret is missing or empty.
 */
export function githubToken(app: App, name: string): string | null {
	if (name === "") return null;
	const storage = secretStorageOf(app);
	if (storage === null) return null;
	try {
		const token = requireApiVersion("1.11.4") ? (storage.getSecret(name)?.trim() ?? "") : "";
		return token === "" ? null : token;
	} catch {
		return null;
	}
}
