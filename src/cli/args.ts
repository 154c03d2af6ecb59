/**
 * Command-line parsing: `framework-notes <command> [options] <arguments>`. Small and strict:
 * unknown options and missing arguments are usage errors (exit code 2).
 */
import { noteChoiceProblem } from "./note-choice";

export class UsageError extends Error {
	constructor(
		message: string,
		/** The command whose usage to show, or null for the global usage. */
		readonly command: CommandName | null = null,
	) {
		super(message);
	}
}

export const COMMANDS = ["refresh", "check", "compare", "import-outline", "decide", "facts"] as const;
export type CommandName = (typeof COMMANDS)[number];

export const FORMATS = ["table", "markdown", "csv", "json"] as const;
export type CompareFormat = (typeof FORMATS)[number];

interface OptionSpec {
	/**
	 * Takes a value (`--folder F` or `--folder=F`). `"optional"`: `--save`, `--save=F`, or
	 * `--save F` when F is an argument beyond the command's own (`compare V --save F`).
	 */
	readonly value: boolean | "optional";
	readonly short?: string;
}

/** Option names come from the command line: kept in maps so `--__proto__` or `--toString` is just unknown. */
type OptionSpecs = ReadonlyMap<string, OptionSpec>;

const GLOBAL_OPTIONS: OptionSpecs = new Map<string, OptionSpec>([
	["help", { value: false, short: "h" }],
	["version", { value: false, short: "V" }],
	["config-dir", { value: true }],
	["quiet", { value: false, short: "q" }],
]);

/** `--property KEY=VALUE` / `--tag TAG`: the notes `compare` and `decide` take (src/cli/note-choice.ts). */
const NOTE_CHOICE: readonly [string, OptionSpec][] = [
	["property", { value: true }],
	["tag", { value: true }],
];

const COMMAND_OPTIONS: Readonly<Record<CommandName, OptionSpecs>> = {
	refresh: new Map([["no-fsync", { value: false }]]),
	check: new Map(),
	compare: new Map<string, OptionSpec>([
		["folder", { value: true }],
		["format", { value: true }],
		["width", { value: true }],
		["columns", { value: true }],
		["save", { value: "optional" }],
		...NOTE_CHOICE,
	]),
	"import-outline": new Map([["dry-run", { value: false, short: "n" }]]),
	decide: new Map<string, OptionSpec>([["format", { value: true }], ["folder", { value: true }], ...NOTE_CHOICE]),
	facts: new Map<string, OptionSpec>([
		["folder", { value: true }],
		["note", { value: true }],
		["dry-run", { value: false, short: "n" }],
		["update", { value: false }],
		["only", { value: true }],
		["pypi-url", { value: true }],
		["npm-url", { value: true }],
		["crates-url", { value: true }],
		["github-url", { value: true }],
	]),
};

const POSITIONALS: Readonly<Record<CommandName, readonly string[]>> = {
	refresh: ["vault"],
	check: ["vault"],
	compare: ["vault"],
	"import-outline": ["vault", "note"],
	decide: ["vault", "note"],
	facts: ["vault"],
};

export interface ParsedArgs {
	readonly command: CommandName | null;
	readonly help: boolean;
	readonly version: boolean;
	readonly quiet: boolean;
	readonly configDir: string;
	/** Named positionals of the command (`vault`, `note`). */
	readonly positionals: Readonly<Record<string, string>>;
	/** Command options by long name; flags are `"true"`. */
	readonly options: Readonly<Record<string, string>>;
}

function isCommand(word: string): word is CommandName {
	return (COMMANDS as readonly string[]).includes(word);
}

function findOption(specs: OptionSpecs, token: string): [string, OptionSpec] | null {
	if (token.startsWith("--")) {
		const name = token.slice(2);
		const spec = specs.get(name);
		return spec ? [name, spec] : null;
	}
	const letter = token.slice(1);
	for (const [name, spec] of specs) if (spec.short === letter) return [name, spec];
	return null;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
	let command: CommandName | null = null;
	const raw = new Map<string, string>();
	const positionals: string[] = [];
	let onlyPositionals = false;
	/** An optional-value option given without `=`, and the positional that may be its value. */
	let pendingOptional: { readonly name: string; readonly at: number } | null = null;
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i];
		if (onlyPositionals || !token.startsWith("-") || token === "-") {
			if (command === null && !onlyPositionals) {
				if (!isCommand(token)) throw new UsageError(`unknown command "${token}"`);
				command = token;
			} else {
				positionals.push(token);
			}
			continue;
		}
		if (token === "--") {
			onlyPositionals = true;
			continue;
		}
		const eq = token.indexOf("=");
		const key = eq > 0 && token.startsWith("--") ? token.slice(0, eq) : token;
		const specs: OptionSpecs = new Map([...GLOBAL_OPTIONS, ...(command ? COMMAND_OPTIONS[command] : [])]);
		const found = findOption(specs, key);
		if (!found) throw new UsageError(`unknown option "${key}"`, command);
		const [name, spec] = found;
		if (spec.value === "optional") {
			if (eq > 0 && token.startsWith("--")) {
				raw.set(name, token.slice(eq + 1));
			} else {
				raw.set(name, "");
				const next = argv[i + 1];
				if (next !== undefined && !next.startsWith("-")) pendingOptional = { name, at: positionals.length };
			}
			continue;
		}
		if (!spec.value) {
			if (eq > 0 && token.startsWith("--")) throw new UsageError(`option "--${name}" takes no value`, command);
			raw.set(name, "true");
			continue;
		}
		let value: string | undefined;
		if (eq > 0 && token.startsWith("--")) value = token.slice(eq + 1);
		else value = argv[++i];
		if (value === undefined) throw new UsageError(`option "--${name}" needs a value`, command);
		if (raw.has(name) && NOTE_CHOICE.some(([choice]) => choice === name))
			throw new UsageError(`--${name} given twice: the notes are chosen by one --${name}`, command);
		raw.set(name, value);
	}

	// `compare V --save F`: an argument beyond the command's own is the optional option's value.
	if (pendingOptional !== null && command !== null && positionals.length > POSITIONALS[command].length) {
		raw.set(pendingOptional.name, positionals.splice(pendingOptional.at, 1)[0] ?? "");
	}
	const help = raw.get("help") === "true";
	const version = raw.get("version") === "true";
	const named: Record<string, string> = {};
	if (command !== null && !help) {
		const names = POSITIONALS[command];
		if (positionals.length < names.length) throw new UsageError(`missing argument <${names[positionals.length] ?? ""}>`, command);
		if (positionals.length > names.length) throw new UsageError(`unexpected argument "${positionals[names.length] ?? ""}"`, command);
		names.forEach((name, i) => {
			// An unset shell variable (`refresh "$VAULT"`) must not mean the current folder.
			if (positionals[i] === "") throw new UsageError(`<${name}> must not be empty`, command);
			named[name] = positionals[i];
		});
	} else if (command === null && positionals.length > 0) {
		throw new UsageError(`unexpected argument "${positionals[0] ?? ""}"`);
	}

	const options: Record<string, string> = {};
	for (const [key, value] of raw) if (!GLOBAL_OPTIONS.has(key)) options[key] = value;
	if (options.format !== undefined && !(FORMATS as readonly string[]).includes(options.format)) {
		throw new UsageError(`unknown format "${options.format}" (use ${FORMATS.join(", ")})`, command);
	}
	if (options.save !== undefined && (options.format !== undefined || options.width !== undefined || options.columns !== undefined)) {
		throw new UsageError(`--save writes a Markdown note; it takes no --format, --width or --columns`, command);
	}
	if (options.columns !== undefined && (options.format ?? "table") !== "table") {
		throw new UsageError(`--columns chooses the columns of the table format only`, command);
	}
	if (options.columns !== undefined && options.columns.split(",").every((key) => key.trim() === "")) {
		throw new UsageError(`--columns needs property names separated by commas, like "language,license"`, command);
	}
	if (options.width !== undefined && !/^[1-9]\d{0,4}$/.test(options.width)) {
		throw new UsageError(`--width needs a positive whole number`, command);
	}
	const choiceProblem = noteChoiceProblem(options);
	if (choiceProblem !== null) throw new UsageError(choiceProblem, command);
	const configDir = raw.get("config-dir") ?? ".obsidian";
	if (configDir === "" || configDir.includes("/") || configDir.includes("\\") || configDir === "." || configDir === "..") {
		throw new UsageError(`--config-dir must be a folder name inside the vault, like ".obsidian"`, command);
	}
	return { command, help, version, quiet: raw.get("quiet") === "true", configDir, positionals: named, options };
}

const GLOBAL_HELP = `Usage: framework-notes <command> [options]

Keeps the index notes of an Obsidian vault current and compares framework notes, without
Obsidian: the same code as the Framework Notes plugin, with the vault's own settings
(<vault>/.obsidian/plugins/framework-notes/data.json and <vault>/.obsidian/app.json).

Commands:
  refresh <vault>                 Rewrite every out-of-date index block and living block
                                  (comparison tables, decision rankings); lists the notes changed
  check <vault>                   Like refresh, but writes nothing; exit 1 if any block is stale
  compare <vault>                 Print the comparison of the vault's framework notes
                                  (--save: write it as a comparison note)
  import-outline <vault> <note>   Create one framework note per item of an outline note
  decide <vault> <note>           Rank the framework notes by a decision note's requirements
                                  and weighted preferences, and explain the ranking
  facts <vault>                   Fill the framework notes' empty properties (license, latest
                                  version, website, ...) from PyPI, npm, crates.io and GitHub

Options:
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)
  -q, --quiet          Print only problems
  -h, --help           Show help (also: framework-notes <command> --help)
  -V, --version        Show the version

A run that lasts more than half a second shows its progress on stderr when that is a terminal.

Exit codes:
  0  success (check: every block is current)
  1  check found stale blocks, or a note could not be processed (each is named on stderr;
     the other notes were still processed)
  2  usage error: unknown command or option, missing argument, vault folder not found
     (facts: no framework notes, a bad URL or --only key)
  70 internal error (a bug: please report it with the message)
`;

const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
	refresh: `Usage: framework-notes refresh [options] <vault>

Refreshes every index note (a folder note holding a "%% Begin Waypoint %%" block or a
"%% Waypoint %%" flag) exactly as the plugin would, with the vault's settings, then every living
block ("%% Comparison %%", "%% Decision %%" and their Begin/End blocks in any note; older static
comparison notes become living ones). Prints each note it changed. A note is written atomically (temporary file + rename) and only when its text
changes; its line endings and everything outside the block are kept. Symbolic links are never
followed out of the vault. A note that cannot be refreshed (unreadable, a Begin marker without
its End marker, ...) is named on stderr and left as it is; the other notes are still refreshed.

Options:
  --no-fsync           Do not flush each written note to the disk before replacing the old
                       one (faster when many notes change; a power cut may then lose the write)
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)
  -q, --quiet          Print only problems

Exit codes: 0 done, 1 some note could not be refreshed, 2 usage error.
`,
	check: `Usage: framework-notes check [options] <vault>

Like "refresh", but writes nothing: lists the notes whose index or living blocks are out of date. Use it in a
pre-commit hook or a CI step for a vault kept in git.

Options:
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)
  -q, --quiet          Print only the stale notes and problems

Exit codes: 0 every block is current, 1 some block is stale or a note could not be checked,
2 usage error.
`,
	compare: `Usage: framework-notes compare [options] <vault>
       framework-notes compare [--folder <path>] --save [<note>] <vault>

Prints the comparison of the vault's framework notes (chosen by the plugin's selector setting,
by default "type: framework", or by --property or --tag): one row per note, one column per
property.

With --save, writes the static comparison note instead, exactly as the plugin's "Save as note"
does from a freshly opened comparison pane (same text, byte for byte): a Markdown table under
the frontmatter marker "framework-notes: comparison". The note is written atomically and only
when its text changes; a note at that path that is not a generated comparison is never
replaced (message, exit 1).

Options:
  --folder <path>      Only notes inside this vault folder
  --property <key=value>
                       Compare the notes whose property <key> is <value> (or a list holding
                       it; "<key>=": every note that has the property) instead of those the
                       plugin's selector setting chooses
  --tag <tag>          Compare the notes with this tag (or a tag nested under it) instead
  --format <format>    table (default; aligned to the terminal width, long cells cut with "…"),
                       markdown, csv or json
  --width <columns>    Width of the table (default: the terminal's, or 100); columns that
                       do not fit are left out and named on stderr
  --columns <keys>     The table's columns, in this order: property names separated by
                       commas ("language,license,stars"); shown even when every note agrees
  --save [<note>]      Write the comparison note: <note> is a vault path ("Folder/Note.md");
                       by default the plugin's "comparison note path" setting (comparison.md)
                       inside the --folder folder, or at the vault root
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)
  -q, --quiet          With --save: print only problems

Exit codes: 0 done, 1 some note has invalid frontmatter (named on stderr; still listed), or
--save found a note that it may not replace, 2 usage error.
`,
	"import-outline": `Usage: framework-notes import-outline [options] <vault> <note>

Reads the outline note <note> (a vault path, like "WEBFramework/NOtes/NOtes.md"): every list
item starting with a bold name ("1. **Django**: description") under a heading becomes a
framework note made from the plugin's template, with its category and summary filled in.
Existing notes are never overwritten.

Options:
  -n, --dry-run        Print the plan; write nothing
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)

Exit codes: 0 done, 1 some note could not be written, 2 usage error.
`,
	decide: `Usage: framework-notes decide [options] <vault> <note>

Ranks the framework notes by the decision note <note> (a vault path, like
"WEBFramework/Choosing a framework.md"), exactly as the plugin's decision mode does. A decision
note has "type: decision", an optional "scope" folder, and two lists of criteria:
"must" (requirements: a note failing one is ruled out) and "prefer" (weighted preferences,
"async = true * 3", "stars high * 2"). Prints the ranking with each note's score, coverage
and points per preference, the notes ruled out or missing data, and the smallest single weight
change that would let the runner-up catch up with the leader. See the README for the grammar.

Options:
  --folder <path>      Rank the notes inside this vault folder instead of the decision's scope
  --property <key=value>
                       Rank the notes whose property <key> is <value> instead of those the
                       plugin's selector setting chooses ("<key>=": every note that has it)
  --tag <tag>          Rank the notes with this tag (or a tag nested under it) instead
  --format <format>    table (default), markdown or json (every number unrounded)
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)

Exit codes: 0 done, 1 the decision note has errors (each named on stderr; the other criteria
still rank), 2 usage error (unknown option, no such note).
`,
	facts: `Usage: framework-notes facts [options] <vault>

Fills the properties of the framework notes (the notes the comparison lists) from package
registries and GitHub: language, license, first_release, latest_version, latest_release,
website, repository, stars, archived, last_commit, and summary when a note has none. A note
names its package in "package" ("pypi:django", "npm:express", "crates:actix-web", or a list);
without one, the package is guessed from the note's name and written too. Prints one line per
change ("Web/Django.md  license: BSD-3-Clause"); says on stderr what was skipped or kept.

Only empty properties are filled; with --update, differing values are replaced too, except
first_release (registries know a package's first upload, not the framework's first release).
Each note is written once, atomically, only when it changes; a note edited meanwhile is left
alone. The network is used only by this command: the hosts contacted are pypi.org,
registry.npmjs.org, crates.io and api.github.com (or the URLs given below); what is sent is
package names, repository owner/name and a User-Agent, and the token to GitHub only.

Options:
  --folder <path>      Only framework notes inside this vault folder
  --note <path>        Only this note (a vault path, like "Web/Django.md")
  -n, --dry-run        Print the changes; write nothing
  --update             Also replace values that differ from the registries'
  --only <keys>        Only these properties, separated by commas ("license,website")
  --pypi-url <url>     PyPI or a mirror (default https://pypi.org)
  --npm-url <url>      The npm registry or a mirror (default https://registry.npmjs.org)
  --crates-url <url>   crates.io or a mirror (default https://crates.io)
  --github-url <url>   GitHub's API (default https://api.github.com)
  --config-dir <name>  Name of the vault's config folder (default: .obsidian)
  -q, --quiet          Print only the changes and problems

Environment:
  GITHUB_TOKEN         A GitHub token, sent to the GitHub URL only (without one, GitHub
                       answers 60 requests an hour)

Exit codes: 0 every note was handled, 1 some note failed (each named on stderr; the others were
still filled, and a failed note still got what its other sources gave), 2 usage error (no
framework notes, a bad URL, an unknown --only key).
`,
};

export function helpText(command: CommandName | null): string {
	return command ? COMMAND_HELP[command] : GLOBAL_HELP;
}
