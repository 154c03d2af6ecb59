/**
 * Deterministic bytes: the built CLI refreshes the same vault under different locales and time
 * zones (as different devices would) and writes the same living blocks, byte for byte. Names are
 * chosen so that a locale-dependent sort would differ (Swedish puts ä after z; Turkish folds
 * I and ı apart), and a date whose local day differs from its UTC day.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile, buildCliBundle } from "./cli-helpers";

let buildDir = "";
let cli = "";
const dirs: string[] = [];

beforeAll(() => {
	({ dir: buildDir, cli } = buildCliBundle("fn-living-locale-"));
}, 60_000);

afterAll(() => cleanup(buildDir, ...dirs));

const fw = (props: string): string => `---\ntype: framework\n${props}---\n`;

const FILES: Record<string, string> = {
	"F/äpple.md": fw("city: Örebro\nreleased: 2024-01-01T23:30:00+01:00\n"),
	"F/zebra.md": fw("city: Zürich\nreleased: 2023-06-01\n"),
	"F/apple.md": fw("city: Ankara\n"),
	"F/Istanbul.md": fw("city: İzmir\n"),
	"F/ılık.md": fw("city: ılıca\n"),
	"F/Note 10.md": fw("city: x\n"),
	"F/Note 2.md": fw("city: y\n"),
	"F/Compare.md": "---\ncompare-columns: [city, released]\n---\n%% Comparison %%\n",
	"F/By city.md": "---\ncompare-columns: [city]\ncompare-sort: city\n---\n%% Comparison %%\n",
};

function refreshUnder(env: Record<string, string>): Record<string, string> {
	const root = makeVault(FILES);
	dirs.push(root);
	const result = spawnSync(process.execPath, [cli, "refresh", root], { encoding: "utf8", env: { ...process.env, ...env } });
	expect(result.status, result.stderr).toBe(0);
	return { compare: readVaultFile(root, "F/Compare.md"), byCity: readVaultFile(root, "F/By city.md") };
}

it("the same vault gives the same blocks under any locale and time zone", () => {
	const reference = refreshUnder({ LANG: "C", LC_ALL: "C", TZ: "UTC" });
	expect(reference.compare).toContain("| [[Note 2]] |");
	expect(reference.compare.indexOf("[[Note 2]]")).toBeLessThan(reference.compare.indexOf("[[Note 10]]"));
	for (const env of [
		{ LANG: "sv_SE.UTF-8", LC_ALL: "sv_SE.UTF-8", TZ: "Pacific/Kiritimati" },
		{ LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", TZ: "America/Los_Angeles" },
		{ LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", TZ: "Asia/Kolkata" },
	]) {
		expect(refreshUnder(env)).toEqual(reference);
	}
}, 60_000);
