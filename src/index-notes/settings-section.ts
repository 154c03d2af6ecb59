import { requireApiVersion, Setting } from "obsidian";
import { withSection, type IndexSettings } from "../shared/core/settings";
import { INDEX_SCHEMA, limitText } from "../shared/core/settings-schema";
import { flagShapeProblem, ignorePatternProblem } from "../shared/core/patterns";
import { limitLength, readInteger } from "../shared/settings-limits";
import type { PluginHost } from "../shared/host";
import type { SettingsSection } from "../shared/host";

type Patch = Partial<IndexSettings>;

/** A flag must look like `%% Word %%` and differ from the block markers, or it could match ordinary text. */
export function flagProblem(flag: string, other: string): string | null {
	const shape = flagShapeProblem(flag);
	if (shape !== null) return `The flag ${shape}.`;
	if (flag.trim() === other.trim()) return "The waypoint and landmark flags must differ.";
	return null;
}

/** Ignore-list entries that cannot be used, each with the reason. */
export function badPatterns(entries: readonly string[]): string[] {
	const bad: string[] = [];
	for (const entry of entries) {
		const why = ignorePatternProblem(entry);
		if (why !== null) bad.push(`"${entry}" ${why}`);
	}
	return bad;
}

function save(host: PluginHost, patch: Patch): void {
	void host.updateSettings(withSection(host.settings, "index", patch));
}

function showProblem(setting: Setting, problem: string | null, description: string): void {
	setting.setDesc(problem ?? description);
}

/** The "Index notes" section of the settings tab. */
export const indexSettingsSection: SettingsSection = (containerEl, host, redisplay) => {
	const settings = (): IndexSettings => host.settings.index;
	new Setting(containerEl).setName("Index notes").setHeading();

	new Setting(containerEl)
		.setName("Folder note style")
		.setDesc(
			"Which note is a folder's note: inside the folder with its name, beside the folder with its name, or inside with a fixed name.",
		)
		.addDropdown((dropdown) =>
			dropdown
				.addOptions({ inside: "Inside the folder", outside: "Beside the folder", fixed: "Fixed name inside the folder" })
				.setValue(settings().folderNoteStyle)
				.onChange((value) => {
					if (value === "inside" || value === "outside" || value === "fixed") {
						save(host, { folderNoteStyle: value });
						redisplay();
					}
				}),
		);
	if (settings().folderNoteStyle === "fixed") {
		const description = "File name of every folder note, without .md.";
		const nameSetting = new Setting(containerEl).setName("Folder note name").setDesc(description);
		nameSetting.addText((text) =>
			limitLength(text, INDEX_SCHEMA.folderNoteName)
				.setValue(settings().folderNoteName)
				.onChange((value) => {
					const name = value.trim();
					const problem = name === "" || /[\\/]/.test(name) ? "Enter a file name without folders." : null;
					showProblem(nameSetting, problem, description);
					if (!problem) save(host, { folderNoteName: name });
				}),
		);
	}

	const toggles: [keyof IndexSettings, string, string][] = [
		["showFolderNotes", "Show folder notes", "Also list each folder note as an ordinary entry inside its folder."],
		["showNonMarkdownFiles", "Show non-markdown files", "List images, PDFs and other files too."],
		["showEnclosingNote", "Show enclosing note", "Start the index with a link to the folder note itself."],
		["foldersOnTop", "Folders on top", "List folders before notes."],
		["stopScanAtFolderNotes", "Stop scan at folder notes", "Do not list what is inside a folder that has a folder note."],
	];
	for (const [key, name, desc] of toggles) {
		new Setting(containerEl)
			.setName(name)
			.setDesc(desc)
			.addToggle((toggle) => toggle.setValue(settings()[key] === true).onChange((value) => save(host, { [key]: value })));
	}

	new Setting(containerEl)
		.setName("Use title property")
		.setDesc("Show a note's title property as the link text.")
		.addToggle((toggle) =>
			toggle.setValue(settings().useTitleProperty).onChange((value) => {
				save(host, { useTitleProperty: value });
				redisplay();
			}),
		);
	if (settings().useTitleProperty) {
		const description = "Name of the property that holds a note's title.";
		const titleSetting = new Setting(containerEl).setName("Title property").setDesc(description);
		titleSetting.addText((text) =>
			limitLength(text, INDEX_SCHEMA.titleProperty)
				.setValue(settings().titleProperty)
				.onChange((value) => {
					const problem = value.trim() === "" ? "Enter a property name." : null;
					showProblem(titleSetting, problem, description);
					if (!problem) save(host, { titleProperty: value.trim() });
				}),
		);
	}

	new Setting(containerEl)
		.setName("Link style")
		.setDesc("Wikilinks or Markdown links, such as [[note]] or [note](./note.md).")
		.addDropdown((dropdown) =>
			dropdown
				.addOptions({ wiki: "Wikilinks", markdown: "Markdown links" })
				.setValue(settings().linkStyle)
				.onChange((value) => {
					if (value === "wiki" || value === "markdown") save(host, { linkStyle: value });
				}),
		);
	new Setting(containerEl)
		.setName("Link format")
		.setDesc(
			"Waypoint's links use the note name only. Following Obsidian's link setting keeps links to notes with the same name pointing at the right note.",
		)
		.addDropdown((dropdown) =>
			dropdown
				.addOptions({ waypoint: "Waypoint (name only)", obsidian: "Follow Obsidian's link setting" })
				.setValue(settings().linkFormat)
				.onChange((value) => {
					if (value === "waypoint" || value === "obsidian") save(host, { linkFormat: value });
				}),
		);

	new Setting(containerEl)
		.setName("Indent with spaces")
		.setDesc("Indent nested entries with spaces instead of tabs.")
		.addToggle((toggle) =>
			toggle.setValue(settings().useSpaces).onChange((value) => {
				save(host, { useSpaces: value });
				redisplay();
			}),
		);
	if (settings().useSpaces) {
		// From 1.13 a slider shows its value next to it; before, the description shows it.
		const valueInDescription = !requireApiVersion("1.13.0");
		const describe = (spaces: number): string =>
			`Spaces per level of indentation, ${limitText(INDEX_SCHEMA.numSpaces)}${valueInDescription ? `: now ${spaces}` : ""}.`;
		const spacesSetting = new Setting(containerEl).setName("Number of spaces").setDesc(describe(settings().numSpaces));
		spacesSetting.addSlider((slider) =>
			slider
				.setLimits(INDEX_SCHEMA.numSpaces.min, INDEX_SCHEMA.numSpaces.max, 1)
				.setValue(settings().numSpaces)
				.onChange((value) => {
					save(host, { numSpaces: value });
					if (valueInDescription) spacesSetting.setDesc(describe(value));
				}),
		);
	}

	new Setting(containerEl)
		.setName("Sort by")
		.setDesc("Order of entries; a folder note's own properties can override it for its index.")
		.addDropdown((dropdown) =>
			dropdown
				.addOptions({ name: "Name", mtime: "Modified time", ctime: "Created time", order: "Order property" })
				.setValue(settings().sortBy)
				.onChange((value) => {
					if (value === "name" || value === "mtime" || value === "ctime" || value === "order") {
						save(host, { sortBy: value });
						redisplay();
					}
				}),
		);
	new Setting(containerEl).setName("Sort direction").addDropdown((dropdown) =>
		dropdown
			.addOptions({ asc: "Ascending", desc: "Descending" })
			.setValue(settings().sortDirection)
			.onChange((value) => {
				if (value === "asc" || value === "desc") save(host, { sortDirection: value });
			}),
	);
	if (settings().sortBy === "order") {
		const description = "Name of the number property that orders notes.";
		const orderSetting = new Setting(containerEl).setName("Order property").setDesc(description);
		orderSetting.addText((text) =>
			limitLength(text, INDEX_SCHEMA.orderProperty)
				.setValue(settings().orderProperty)
				.onChange((value) => {
					const problem = value.trim() === "" ? "Enter a property name." : null;
					showProblem(orderSetting, problem, description);
					if (!problem) save(host, { orderProperty: value.trim() });
				}),
		);
	}
	const depthDescription = `How many folder levels an index lists, ${limitText(INDEX_SCHEMA.maxDepth)}; 0 lists them all.`;
	const depthSetting = new Setting(containerEl).setName("Maximum depth").setDesc(depthDescription);
	depthSetting.addText((text) =>
		text.setValue(String(settings().maxDepth)).onChange((value) => {
			const depth = readInteger(value, INDEX_SCHEMA.maxDepth);
			showProblem(depthSetting, depth.problem, depthDescription);
			if (!depth.problem) save(host, { maxDepth: depth.value });
		}),
	);

	const flagSettings: ["waypointFlag" | "landmarkFlag", "landmarkFlag" | "waypointFlag", string, string][] = [
		["waypointFlag", "landmarkFlag", "Waypoint flag", "Type this on its own line in a folder note to get an index there."],
		["landmarkFlag", "waypointFlag", "Landmark flag", "Like the waypoint flag, but a parent index still lists what is inside."],
	];
	for (const [key, otherKey, name, description] of flagSettings) {
		const flagSetting = new Setting(containerEl).setName(name).setDesc(description);
		flagSetting.addText((text) =>
			limitLength(text, INDEX_SCHEMA[key])
				.setValue(settings()[key])
				.onChange((value) => {
					const problem = flagProblem(value, settings()[otherKey]);
					showProblem(flagSetting, problem, description);
					if (!problem) save(host, { [key]: value.trim() });
				}),
		);
	}

	const ignoreDescription = "One entry per line; a path matching an entry (a regular expression, as in Waypoint) is left out.";
	const ignoreSetting = new Setting(containerEl).setName("Ignored paths").setDesc(ignoreDescription);
	ignoreSetting.addTextArea((area) =>
		area.setValue(settings().ignorePaths.join("\n")).onChange((value) => {
			const entries = value
				.split("\n")
				.map((line) => line.trim())
				.filter((line) => line !== "");
			const bad = badPatterns(entries);
			const problem = bad.length > 0 ? `Not saved: ${bad.join("; ")}.` : null;
			showProblem(ignoreSetting, problem, ignoreDescription);
			if (!problem) save(host, { ignorePaths: entries });
		}),
	);
	new Setting(containerEl)
		.setName("Ignore sync conflict copies")
		.setDesc("Leave out copies made by sync tools, such as names containing sync-conflict or (conflicted copy.")
		.addToggle((toggle) =>
			toggle.setValue(settings().ignoreSyncConflicts).onChange((value) => save(host, { ignoreSyncConflicts: value })),
		);

	const localeDescription = "Language rules used to sort names; the same on every device, so indexes do not change between devices.";
	const localeSetting = new Setting(containerEl).setName("Sort locale").setDesc(localeDescription);
	localeSetting.addText((text) =>
		limitLength(text, INDEX_SCHEMA.locale)
			.setValue(settings().locale)
			.onChange((value) => {
				let problem: string | null = null;
				try {
					if (Intl.Collator.supportedLocalesOf([value.trim()]).length === 0) problem = "This locale is not available.";
				} catch {
					problem = "Enter a language tag such as en or de.";
				}
				showProblem(localeSetting, problem, localeDescription);
				if (!problem) save(host, { locale: value.trim() });
			}),
	);
	const delayDescription = `Milliseconds to wait after the last change before indexes are updated, ${limitText(INDEX_SCHEMA.debounceMs)}.`;
	const delaySetting = new Setting(containerEl).setName("Update delay").setDesc(delayDescription);
	delaySetting.addText((text) =>
		text.setValue(String(settings().debounceMs)).onChange((value) => {
			const delay = readInteger(value, INDEX_SCHEMA.debounceMs);
			showProblem(delaySetting, delay.problem, delayDescription);
			if (!delay.problem) save(host, { debounceMs: delay.value });
		}),
	);
};
