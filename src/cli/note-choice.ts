/**
 * Which notes `compare` and `decide` take, chosen on the command line without editing the
 * vault's data.json: `--property KEY=VALUE` or `--tag TAG` in place of the plugin's "choose
 * framework notes by" setting (the same matching rule, `src/shared/core/selection.ts`), and
 * `--folder F`, the vault folder the notes are taken from, which combines with either.
 */
import { bareTag, isOneTag, propertyChoice, type SelectorChoice, withSelector } from "../shared/core/selection";
import type { CompareSettings } from "../shared/core/settings";
import { typedFolder, type VaultSnapshot } from "../shared/core/vault";

type Options = Readonly<Record<string, string>>;

/** The settings' own limit on a selector's property name, value and tag. */
const MAX_LENGTH = 256;

/** Why `--property` / `--tag` cannot choose notes, or null when they can (or are not given). */
export function noteChoiceProblem(options: Options): string | null {
	const { property, tag } = options;
	if (property !== undefined && tag !== undefined) return `choose the notes by --property or by --tag, not both`;
	if (property !== undefined) {
		const choice = propertyChoice(property);
		if (choice === null) return `--property needs KEY=VALUE, like "type=framework" ("type=": every note that has the property)`;
		if (choice.key.length > MAX_LENGTH || choice.value.length > MAX_LENGTH) {
			return `--property: the property name and the value may have at most ${MAX_LENGTH} characters each`;
		}
	}
	if (tag !== undefined) {
		const bare = bareTag(tag);
		if (!isOneTag(bare)) return `--tag needs one tag, like "framework" or "#framework/python"`;
		if (bare.length > MAX_LENGTH) return `--tag: a tag may have at most ${MAX_LENGTH} characters`;
	}
	return null;
}

/** The choice `--property` or `--tag` makes (checked by `noteChoiceProblem`), or null when neither is given. */
export function noteChoice(options: Options): SelectorChoice | null {
	const property = options.property === undefined ? null : propertyChoice(options.property);
	if (property !== null) return { kind: "property", ...property };
	if (options.tag !== undefined) return { kind: "tag", tag: bareTag(options.tag) };
	return null;
}

/** The comparison settings with the selector chosen by `--property` or `--tag` (checked by `noteChoiceProblem`). */
export function withNoteChoice(settings: CompareSettings, options: Options): CompareSettings {
	return withSelector(settings, noteChoice(options));
}

/**
 * The folder given with `--folder` as a vault path (`""` for the whole vault), undefined when the
 * option is not given, or an error message when the vault has no such folder.
 */
export function chosenFolder(vault: VaultSnapshot, option: string | undefined): { readonly folder?: string } | string {
	if (option === undefined) return {};
	const { folder, found } = typedFolder(vault, option);
	return found ? { folder } : `no folder "${folder}" in the vault`;
}
