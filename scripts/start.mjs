// `npm start`: the one-command demo on examples/vault.
//   1. builds the plugin (production main.js) and the CLI (dist/cli.cjs);
//   2. installs main.js, manifest.json and styles.css into
//      examples/vault/.obsidian/plugins/framework-notes/ and makes sure the plugin is enabled
//      there (community-plugins.json), so the vault opens in Obsidian with the plugin on;
//   3. refreshes the vault's index notes and living blocks with the CLI (the folder's comparison
//      note, WEBFramework/NOtes/comparison.md, holds a Comparison block that `refresh` keeps
//      current, as the plugin does);
//   4. prints the comparison table;
//   5. ranks the frameworks by the example's decision note with `decide`.
// Every step writes only when something differs, so a second run changes nothing.
//
// For tests (not needed by users): `--vault <dir>` works on another copy of the example vault,
// `--no-build` skips step 1, `--cli <file>` runs that CLI bundle, `--plugin-from <dir>` installs
// the plugin files found there.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The value after `--name` on the command line, or undefined. */
function option(name) {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : undefined;
}

const vault = path.resolve(root, option("vault") ?? path.join("examples", "vault"));
const build = !process.argv.includes("--no-build");
const cli = path.resolve(root, option("cli") ?? path.join("dist", "cli.cjs"));
const pluginFrom = path.resolve(root, option("plugin-from") ?? ".");
/** The example's decision note (the seed's question), ranked by `decide` as the pane's decision mode shows it. */
const DECISION_NOTE = "WEBFramework/Choosing a Python web framework.md";
const pluginDir = path.join(vault, ".obsidian", "plugins", "framework-notes");
const communityPlugins = path.join(vault, ".obsidian", "community-plugins.json");
const PLUGIN_ID = "framework-notes";

/** One line of the demo's output. */
function say(text) {
	process.stdout.write(`${text}\n`);
}

function step(title) {
	say(`\n> ${title}`);
}

function runNode(args, options = {}) {
	const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", ...options });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

function fail(message) {
	console.error(`npm start: ${message}`);
	process.exit(1);
}

/** Copy `from` to `to` only when the bytes differ; returns true when it copied. */
function copyIfChanged(from, to) {
	if (existsSync(to) && readFileSync(from).equals(readFileSync(to))) return false;
	copyFileSync(from, to);
	return true;
}

/** Make sure the vault's community-plugins.json enables the plugin; write only when needed. */
function enablePlugin() {
	let list = [];
	if (existsSync(communityPlugins)) {
		try {
			const parsed = JSON.parse(readFileSync(communityPlugins, "utf8"));
			if (Array.isArray(parsed)) list = parsed.filter((id) => typeof id === "string");
		} catch {
			list = [];
		}
	}
	if (list.includes(PLUGIN_ID)) return false;
	writeFileSync(communityPlugins, JSON.stringify([...list, PLUGIN_ID], null, 2) + "\n");
	return true;
}

if (build) {
	step("Building the plugin (main.js) and the CLI (dist/cli.cjs)");
	if (runNode(["esbuild.config.mjs", "--production"]) !== 0) fail("the plugin build failed");
	if (runNode(["esbuild.config.mjs", "--cli"]) !== 0) fail("the CLI build failed");
}

step(`Installing the plugin into ${path.relative(root, pluginDir)}`);
mkdirSync(pluginDir, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) {
	const copied = copyIfChanged(path.join(pluginFrom, file), path.join(pluginDir, file));
	say(`${copied ? "installed" : "unchanged"}  ${file}`);
}
say(`${enablePlugin() ? "enabled" : "already enabled"}  ${PLUGIN_ID} in ${path.relative(root, communityPlugins)}`);

const vaultArg = path.relative(root, vault) || ".";

step(`Refreshing the index notes and living blocks of ${vaultArg}`);
const refreshed = runNode([cli, "refresh", vaultArg]);
if (refreshed !== 0) fail(`refresh exited with code ${refreshed}`);

step(`Comparing the framework notes of ${vaultArg}`);
const compared = runNode([cli, "compare", vaultArg]);
if (compared !== 0) fail(`compare exited with code ${compared}`);

step(`Ranking the frameworks by ${DECISION_NOTE}`);
const decided = runNode([cli, "decide", vaultArg, DECISION_NOTE]);
if (decided !== 0) fail(`decide exited with code ${decided}`);

say(`\nOpen ${vaultArg} as a vault in Obsidian: the Framework Notes plugin is installed and enabled.`);
