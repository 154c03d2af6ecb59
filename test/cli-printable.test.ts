import { afterEach, describe, expect, it } from "vitest";
import { printable, printableName } from "../src/cli/printable";
import { cleanup, makeVault } from "./cli-helpers";
import { runCli } from "./cli-run-helper";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

// A file name that would set the terminal's title and ring its bell if printed raw.
const HOSTILE = "Evil \u001b]0;owned\u0007";

function hasControl(text: string): boolean {
	// eslint-disable-next-line no-control-regex -- looking for control characters is the point
	return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

describe("names the CLI prints", () => {
	it("escape control characters visibly and keep ordinary text", () => {
		expect(printable("a\u001bb\u0007\tc\n")).toBe("a\\x1bb\\x07\tc\n");
		expect(printableName("a\tb\nc\u009b")).toBe("a\\x09b\\x0ac\\x9b");
		expect(printable("Django — ✨ été")).toBe("Django — ✨ été");
	});

	it("refresh lists a note with escape codes in its folder's name without the raw codes", async () => {
		const root = makeVault({ [`${HOSTILE}/${HOSTILE}.md`]: "%% Waypoint %%\n", [`${HOSTILE}/child.md`]: "" });
		dirs.push(root);
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("updated  Evil \\x1b]0;owned\\x07/Evil \\x1b]0;owned\\x07.md");
		expect(hasControl(result.stdout.replace(/\n/g, ""))).toBe(false);
		expect(hasControl(result.stderr.replace(/\n/g, ""))).toBe(false);
	});

	it("problems on stderr name the note with escapes too", async () => {
		const root = makeVault({ [`${HOSTILE}.md`]: "" });
		dirs.push(root);
		const result = await runCli(["import-outline", root, `${HOSTILE}.md`]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("Evil \\x1b]0;owned\\x07.md");
		expect(hasControl(result.stderr.replace(/\n/g, ""))).toBe(false);
	});
});
