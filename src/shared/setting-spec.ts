/**
 * One description of every setting the settings tab shows. Each feature describes its section
 * once (name, description, control, when it shows, how typed input becomes a stored value); the
 * tab draws it as Obsidian 1.13's setting definitions (`settings-definitions.ts`) and, on older
 * apps, with the classic `Setting` rows (`settings-classic.ts`). Both paths check and save a value
 * through `readInput` and `saveValue`, so they store the same thing and refuse the same things.
 */
import type { App, Setting } from "obsidian";
import { withSection, type Settings } from "./core/settings";
import { fieldProblem, limitText, SETTINGS_SCHEMA, type Field, type SectionName } from "./core/settings-schema";

/** What the settings tab uses of the plugin (the plugin host is one). */
export interface SettingsHost {
	readonly app: App;
	readonly settings: Settings;
	/** Why changes are not saved (settings written by a newer version), or null. */
	readonly settingsReadOnlyReason: string | null;
	updateSettings(next: Settings): Promise<void>;
}

/** The control a setting is edited with. Folder and file paths get Obsidian's pickers from 1.13. */
export type ControlKind =
	| { readonly type: "toggle" }
	| { readonly type: "dropdown"; readonly options: Readonly<Record<string, string>> }
	| { readonly type: "text"; readonly placeholder?: string }
	| { readonly type: "textarea" }
	/** A whole number; its bounds are the schema's. */
	| { readonly type: "number" }
	/** A whole number on a slider; its bounds are the schema's. */
	| { readonly type: "slider" }
	| { readonly type: "folder"; readonly placeholder?: string }
	/** A Markdown note. */
	| { readonly type: "file"; readonly placeholder?: string };

/** What an input becomes: the value to store, or why it is refused (a sentence shown to the user). */
export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

export const accept = (value: unknown): Parsed => ({ ok: true, value });
export const refuse = (problem: string): Parsed => ({ ok: false, problem });

/** The keys of a section's settings (of every section, for the union). */
export type KeyOf<S extends SectionName> = S extends SectionName ? keyof Settings[S] & string : never;

/** A setting stored under `<section>.<key>` in the settings, edited with one control. */
export interface ControlSpec<S extends SectionName = SectionName> {
	readonly kind: "control";
	readonly key: KeyOf<S>;
	readonly name: string;
	/** A function when the text depends on the settings (it is redrawn after every change). */
	readonly desc?: string | ((settings: Settings) => string);
	readonly control: ControlKind;
	/** Shown only when this holds; absent: always. */
	readonly visible?: (settings: Settings) => boolean;
	/** The input as the control gives it → the value to store; absent: the schema's reading of it. */
	readonly parse?: (input: unknown, settings: Settings) => Parsed;
	/** More words the settings search finds it by. */
	readonly aliases?: readonly string[];
}

/** A row drawn by the feature itself (a control Obsidian's definitions do not offer, such as a secret). */
export interface CustomSpec {
	readonly kind: "custom";
	readonly name: string;
	readonly desc?: string;
	readonly render: (setting: Setting, host: SettingsHost) => void;
}

export type SettingSpec<S extends SectionName = SectionName> = ControlSpec<S> | CustomSpec;

/** One feature's part of the settings tab. */
export interface SettingsSection {
	readonly section: SectionName;
	readonly heading: string;
	readonly items: readonly SettingSpec[];
}

/** A section whose keys are checked against that section's settings. */
export function defineSection<S extends SectionName>(section: S, heading: string, items: readonly SettingSpec<S>[]): SettingsSection {
	return { section, heading, items };
}

export function schemaField(section: SectionName, key: string): Field {
	return (SETTINGS_SCHEMA[section] as Readonly<Record<string, Field>>)[key];
}

export function descText(spec: ControlSpec | CustomSpec, settings: Settings): string {
	return typeof spec.desc === "function" ? spec.desc(settings) : (spec.desc ?? "");
}

export function isVisible(spec: SettingSpec, settings: Settings): boolean {
	return spec.kind === "custom" || spec.visible === undefined || spec.visible(settings);
}

/** Names of the rows shown for these settings (which rows are visible decides when the classic tab redraws). */
export function visibleNames(section: SettingsSection, settings: Settings): string {
	return section.items
		.filter((spec) => isVisible(spec, settings))
		.map((spec) => spec.name)
		.join("\n");
}

/** Read a whole number from a control (a number, or text typed into a text field). */
export function readInteger(input: unknown, field: Field): Parsed {
	const number = typeof input === "number" ? input : typeof input === "string" && input.trim() !== "" ? Number(input.trim()) : Number.NaN;
	return fieldProblem(field, number) === null ? accept(number) : refuse(`Enter a whole number ${limitText(field)}.`);
}

/** The schema's own reading of an input, when a spec gives none. */
function readByField(input: unknown, field: Field): Parsed {
	switch (field.kind) {
		case "boolean":
			return typeof input === "boolean" ? accept(input) : refuse("Not saved: choose on or off.");
		case "integer":
			return readInteger(input, field);
		case "choice":
			return typeof input === "string" && field.choices.includes(input) ? accept(input) : refuse(`Choose ${limitText(field)}.`);
		case "text":
			return typeof input === "string" ? accept(input.trim()) : refuse("Not saved: enter text.");
		case "list": {
			if (typeof input !== "string") return refuse("Not saved: enter one entry per line.");
			const entries = input
				.split("\n")
				.map((line) => line.trim())
				.filter((line) => line !== "");
			const bad: string[] = [];
			for (const entry of entries) {
				const why = field.checkItem?.(entry) ?? null;
				if (why !== null) bad.push(`"${entry}" ${why}`);
			}
			return bad.length > 0 ? refuse(`Not saved: ${bad.join("; ")}.`) : accept(entries);
		}
	}
}

/**
 * What the input of a control becomes: the spec's reading (or the schema's), then the schema's
 * own check, so nothing the stored-data validation would refuse is ever saved.
 */
export function readInput(section: SectionName, spec: ControlSpec, input: unknown, settings: Settings): Parsed {
	const field = schemaField(section, spec.key);
	const parsed = spec.parse ? spec.parse(input, settings) : readByField(input, field);
	if (!parsed.ok) return parsed;
	const problem = fieldProblem(field, parsed.value);
	return problem === null ? parsed : refuse(`Not saved: the value ${problem}.`);
}

/** The stored value as its control shows it (a list as one entry per line). */
export function controlValue(section: SectionName, spec: ControlSpec, settings: Settings): unknown {
	const value = (settings[section] as Readonly<Record<string, unknown>>)[spec.key];
	return Array.isArray(value) ? value.join("\n") : value;
}

/** Save a value `readInput` accepted. Settings written by a newer version are never saved back (`updateSettings` keeps that rule). */
export function saveValue(host: SettingsHost, section: SectionName, spec: ControlSpec, value: unknown): Promise<void> {
	return host.updateSettings(withSection(host.settings, section, { [spec.key]: value }));
}
