import { normalizePath } from "obsidian";
import { DEFAULT_COMPARE_SETTINGS, type Settings } from "../shared/core/settings";
import { flagShapeProblem } from "../shared/core/patterns";
import { accept, defineSection, type Parsed, refuse } from "../shared/setting-spec";

const text = (input: unknown): string => (typeof input === "string" ? input.trim() : "");

function flagInput(other: "comparisonFlag" | "decisionFlag") {
	return (input: unknown, settings: Settings): Parsed => {
		const flag = text(input);
		const problem = flagShapeProblem(flag) ?? (flag === settings.compare[other].trim() ? "must differ from the other flag" : null);
		return problem === null ? accept(flag) : refuse(`Not saved: the flag ${problem}.`);
	};
}

const chosenBy =
	(kind: Settings["compare"]["selectorKind"]) =>
	(settings: Settings): boolean =>
		settings.compare.selectorKind === kind;

/** Settings of the comparison pane: which notes are framework notes, grouping, where it opens, the living blocks' flags. */
export const COMPARE_SETTINGS = defineSection("compare", "Comparison pane", [
	{
		kind: "control",
		key: "selectorKind",
		name: "Framework notes are chosen by",
		desc: "Which notes appear in the comparison pane.",
		control: { type: "dropdown", options: { property: "A property and value", tag: "A tag", folder: "A folder" } },
	},
	{
		kind: "control",
		key: "selectorProperty",
		name: "Property",
		desc: "Notes whose property has the value below are framework notes.",
		control: { type: "text", placeholder: DEFAULT_COMPARE_SETTINGS.selectorProperty },
		visible: chosenBy("property"),
	},
	{
		kind: "control",
		key: "selectorValue",
		name: "Value",
		desc: "For a list property, any item may match.",
		control: { type: "text", placeholder: DEFAULT_COMPARE_SETTINGS.selectorValue },
		visible: chosenBy("property"),
	},
	{
		kind: "control",
		key: "selectorTag",
		name: "Tag",
		desc: "Without the #; nested tags below it match too.",
		control: { type: "text", placeholder: DEFAULT_COMPARE_SETTINGS.selectorTag },
		visible: chosenBy("tag"),
		parse: (input) => accept(text(input).replace(/^#/, "")),
	},
	{
		kind: "control",
		key: "selectorFolder",
		name: "Folder",
		desc: "Every note in this folder and its subfolders.",
		control: { type: "folder", placeholder: "Frameworks" },
		visible: chosenBy("folder"),
		parse: (input) => accept(text(input) === "" ? "" : normalizePath(text(input))),
	},
	{
		kind: "control",
		key: "groupBy",
		name: "Group by",
		desc: "Property whose values group the rows; empty for no grouping.",
		control: { type: "text", placeholder: DEFAULT_COMPARE_SETTINGS.groupBy },
	},
	{
		kind: "control",
		key: "openIn",
		name: "Open the pane",
		control: { type: "dropdown", options: { tab: "In a new tab", sidebar: "In the right sidebar" } },
	},
	{
		kind: "control",
		key: "comparisonNotePath",
		name: "Comparison note",
		desc: "Where save as note writes the living comparison note, relative to the compared folder or the vault root.",
		control: { type: "text", placeholder: DEFAULT_COMPARE_SETTINGS.comparisonNotePath },
		parse: (input) => (text(input) === "" ? refuse("Enter a path such as comparison.md.") : accept(normalizePath(text(input)))),
	},
	{
		kind: "control",
		key: "comparisonFlag",
		name: "Comparison flag",
		desc: "Type this in any note to get a comparison table there that stays current.",
		control: { type: "text" },
		parse: flagInput("decisionFlag"),
	},
	{
		kind: "control",
		key: "decisionFlag",
		name: "Decision flag",
		desc: "Type this in a decision note to get its ranking there that stays current.",
		control: { type: "text" },
		parse: flagInput("comparisonFlag"),
	},
]);
