import type { App, Plugin } from "obsidian";
import type { Settings } from "./core/settings";
import type { PaneActions } from "./pane-actions";
import type { LivingBlocks } from "./living-blocks";
import type { PaneModes } from "./pane-modes";
import type { SettingsHost, SettingsSection } from "./setting-spec";

export type { SettingsSection } from "./setting-spec";

/**
 * What a feature module may use of the plugin. Features receive this instead of the plugin
 * class so that nothing under `src/` imports `main.ts`.
 */
export interface PluginHost extends SettingsHost {
	readonly app: App;
	readonly plugin: Plugin;
	/** Current settings (replaced as a whole on every change, never mutated). */
	readonly settings: Settings;
	/**
	 * Why changes to the settings are not saved (they were written by a newer version of the
	 * plugin, which this version never overwrites), or null when they are saved.
	 */
	readonly settingsReadOnlyReason: string | null;
	/** Persist new settings and tell every subscriber. Writes only when something changed. */
	updateSettings(next: Settings): Promise<void>;
	/** Call `listener` after each settings change; released when the plugin unloads. */
	onSettingsChange(listener: (next: Settings, previous: Settings) => void): void;
	/**
	 * Add a feature's section to the settings tab (a description of its settings, see
	 * `setting-spec.ts`); sections show in the order they were added.
	 */
	addSettingsSection(section: SettingsSection): void;
	/** Modes the comparison pane offers next to its table (see `pane-modes.ts`). */
	readonly paneModes: PaneModes;
	/** Buttons other features add to the comparison pane's toolbar (see `pane-actions.ts`). */
	readonly paneActions: PaneActions;
	/** Kinds of living block the index service keeps current in notes (see `living-blocks.ts`). */
	readonly livingBlocks: LivingBlocks;
}
