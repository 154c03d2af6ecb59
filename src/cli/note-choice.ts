/**
 * Which notes `compare` and `decide` take, chosen on the command line without editing the
 * vault's data.json: `--property KEY=VALUE` or `--tag TAG` in place of the plugin's "choose
 * framework notes by" setting (the same matching rule, `src/shared/core/selection.ts`), and
 * `--folder F`, the vault folder the notes are taken from, which combines with either.
 */
import type { CompareSettings } from "../shared/core/settings";
import { isFolder, type VaultSnapshot } from "../shared/core/vault";

type Options = Readonly<Record<string, string>>;

/** The settings' own limit on a selector's property name, value and tag. */
const MAX_LENGTH = 256;

interface PropertyChoice {
	readonly key: string;
	readonly value: string;
}

/** `KEY=VALUE` split at its first `=`, or null when there is no key. */
function splitProperty(text: string): PropertyChoice | null {
	const eq = text.indexOf("=");
	if (eq < 0) return null;
	const key = text.slice(0, eq).trim();
	return key === "" ? null : { key, value: text.slice(eq + 1).trim() };
}

/** `#framework/python/` → `framework/python/`: what the tag selector compares. */
function bareTag(text: string): string {
	const trimmed = text.trim();
	return trimmed.startsWith("#") ? trimmed.slice(1) : trimmed;
}

/** Why `--property` / `--tag` cannot choose notes, or null when they can (or are not given). */
export function noteChoiceProblem(options: Options): string | null {
	const { property, tag } = options;
	if (property !== undefined && tag !== undefined) return `choose the notes by --property or by --tag, not both`;
	if (property !== undefined) {
		const choice = splitProperty(property);
		if (choice === null) return `--property needs KEY=VALUE, like "type=framework" ("type=": every note that has the property)`;
		if (choice.key.length > MAX_LENGTH || choice.value.length > MAX_LENGTH) {
			return `--property: the property name and the value may have at most ${MAX_LENGTH} characters each`;
		}
	}
	if (tag !== undefined) {
		const bare = bareTag(tag);
		if (bare === "" || /[\s,]/.test(bare)) return `--tag needs one tag, like "framework" or "#framework/python"`;
		if (bare.length > MAX_LENGTH) return `--tag: a tag may have at most ${MAX_LENGTH} characters`;
	}
	return null;
}

/** The comparison settings with the selector chosen by `--property` or `--tag` (checked by `noteChoiceProblem`). */
export function withNoteChoice(settings: CompareSettings, options: Options): CompareSettings {
	const property = options.property === undefined ? null : splitProperty(options.property);
	if (property !== null) return { ...settings, selectorKind: "property", selectorProperty: property.key, selectorValue: property.value };
	if (options.tag !== undefined) return { ...settings, selectorKind: "tag", selectorTag: bareTag(options.tag) };
	return settings;
}

/**
 * The folder given with `--folder` as a vault path (`""` for the whole vault), undefined when the
 * option is not given, or an error message when the vault has no such folder.
 */
export function chosenFolder(vault: VaultSnapshot, option: string | undefined): { readonly folder?: string } | string {
	if (option === undefined) return {};
	const folder = option.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
	if (folder === "") return { folder };
	const node = vault.getNode(folder);
	return node !== null && isFolder(node) ? { folder } : `no folder "${folder}" in the vault`;
}
