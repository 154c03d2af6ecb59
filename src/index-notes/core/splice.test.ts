import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_SETTINGS } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { INSTRUCTIONS_URL, errorLine, indexKindsIn, mayContainIndex, refreshNoteText, scanNote } from "./index";
import { refreshContextFor, refreshInVault, refreshedText } from "./testing";

const S = DEFAULT_INDEX_SETTINGS;

/** A vault with folder `A/` holding notes `x` and `y`, and `A/A.md` with the given text. */
function vaultWith(text: string, extra: Record<string, string> = {}) {
	return snapshotFromFiles({ "A/A.md": text, "A/x.md": "", "A/y.md": "", ...extra });
}

const BLOCK = "%% Begin Waypoint %%\n- [[x]]\n- [[y]]\n\n%% End Waypoint %%";

describe("finding markers", () => {
	// docs/index-format.md, "Example 33: markers in code are text"
	it("finds a block and a flag, ignoring fenced code and inline code", () => {
		const text = [
			"```",
			"%% Waypoint %%",
			"```",
			"~~~~md",
			"%% Begin Waypoint %%",
			"~~~~",
			"Type `%% Waypoint %%` to start.",
			"> ```",
			"> %% Landmark %%",
			"> ```",
			"%% Landmark %%",
		].join("\n");
		const scan = scanNote(text, S);
		expect(scan.ok).toBe(true);
		if (!scan.ok) return;
		expect(scan.blocks).toEqual([]);
		expect(scan.flags.map((f) => [f.kind, f.line])).toEqual([["landmark", 10]]);
	});

	// docs/index-format.md, "Example 33: markers in code are text"
	it("reads markers inside frontmatter as data, not markers", () => {
		const scan = scanNote('---\nnote: "%% Waypoint %%"\n---\nbody\n', S);
		expect(scan.ok && scan.flags.length).toBe(0);
	});

	it("a marker after an unmatched inline backtick is still a marker", () => {
		const scan = scanNote("a ` b %% Waypoint %%", S);
		expect(scan.ok && scan.flags.length).toBe(1);
	});

	it("unmatched Begin → error naming the marker and line; nothing else", () => {
		const scan = scanNote("x\n%% Begin Waypoint %%\n- [[a]]\n", S);
		expect(scan.ok).toBe(false);
		if (!scan.ok) expect(scan.message).toContain("line 2");
	});

	it("a second Begin before the End is an error", () => {
		const scan = scanNote("%% Begin Waypoint %%\n%% Begin Landmark %%\n%% End Landmark %%\n%% End Waypoint %%", S);
		expect(scan.ok).toBe(false);
	});

	it("an End inside a code fence does not close a block", () => {
		const scan = scanNote("%% Begin Waypoint %%\n```\n%% End Waypoint %%\n```\n", S);
		expect(scan.ok).toBe(false);
	});

	it("mayContainIndex is a cheap superset test", () => {
		expect(mayContainIndex("plain", S)).toBe(false);
		expect(mayContainIndex("`%% Waypoint %%`", S)).toBe(true);
		expect(mayContainIndex("%% Begin Landmark %%", S)).toBe(true);
		expect(mayContainIndex("%% W %%", { ...S, waypointFlag: "%% W %%" })).toBe(true);
		expect(mayContainIndex("x", { ...S, waypointFlag: "", landmarkFlag: "" })).toBe(false);
	});

	it("indexKindsIn reports waypoint/landmark markers and flags outside code", () => {
		expect([...indexKindsIn("%% Waypoint %%", S)]).toEqual(["waypoint"]);
		expect([...indexKindsIn("%% Begin Landmark %%\n\n%% End Landmark %%", S)]).toEqual(["landmark"]);
		expect([...indexKindsIn("```\n%% Waypoint %%\n```", S)]).toEqual([]);
		expect([...indexKindsIn("`%% Begin Waypoint %%`", S)]).toEqual([]);
	});
});

describe("splicing", () => {
	// docs/index-format.md, "The block, byte by byte"
	it("expands a bare flag line into Waypoint's exact bytes", () => {
		expect(refreshedText(vaultWith("# A\n%% Waypoint %%\nFooter"), "A/A.md")).toBe(`# A\n${BLOCK}\nFooter`);
	});

	// docs/index-format.md, "Example 27: CRLF notes stay CRLF"
	it("keeps CRLF line endings and writes the block with CRLF", () => {
		const out = refreshedText(vaultWith("# A\r\n%% Waypoint %%\r\nFooter\r\n"), "A/A.md");
		expect(out).toBe(`# A\r\n${BLOCK.replace(/\n/g, "\r\n")}\r\nFooter\r\n`);
	});

	// docs/index-format.md, "Example 27: CRLF notes stay CRLF"
	it("uses the note's line ending when the flag is on the last line", () => {
		const out = refreshedText(vaultWith("# A\r\n%% Waypoint %%"), "A/A.md");
		expect(out).toBe(`# A\r\n${BLOCK.replace(/\n/g, "\r\n")}`);
	});

	// docs/index-format.md, "Example 28: text sharing the flag's line"
	it("keeps text sharing the flag's line, before and after, byte for byte", () => {
		const out = refreshedText(vaultWith("Intro  %% Waypoint %% outro\n"), "A/A.md");
		expect(out).toBe(`Intro  ${BLOCK} outro\n`);
		// and the result is stable
		expect(refreshInVault(vaultWith(out), "A/A.md")).toEqual({ status: "unchanged" });
	});

	// docs/index-format.md, "Example 29: text on the marker lines is kept"
	it("replaces only the region between markers, keeping text on marker lines", () => {
		const text = "a\nX %% Begin Waypoint %% Y\n- [[old]]\n%% End Waypoint %% Z\nb";
		expect(refreshedText(vaultWith(text), "A/A.md")).toBe("a\nX %% Begin Waypoint %% Y\n- [[x]]\n- [[y]]\n\n%% End Waypoint %% Z\nb");
	});

	// docs/index-format.md, "Example 29: text on the marker lines is kept"
	it("repairs the seed's malformed block", () => {
		const seed = "# NOtes\n\n%% Begin Waypoint %%\n- [[WEBFramework/NOtes/comparison]]]]\n\n%% End Waypoint %%\n\nwhat are…";
		const vault = snapshotFromFiles({
			"WEBFramework/NOtes/NOtes.md": seed,
			"WEBFramework/NOtes/comparison.md": "",
			"WEBFramework/NOtes/Django.md": "",
		});
		expect(refreshedText(vault, "WEBFramework/NOtes/NOtes.md")).toBe(
			"# NOtes\n\n%% Begin Waypoint %%\n- [[comparison]]\n- [[Django]]\n\n%% End Waypoint %%\n\nwhat are…",
		);
	});

	it("returns unchanged for an up-to-date block and for notes without markers", () => {
		expect(refreshInVault(vaultWith(`${BLOCK}\n`), "A/A.md")).toEqual({ status: "unchanged" });
		expect(refreshInVault(vaultWith("nothing here"), "A/A.md")).toEqual({ status: "unchanged" });
	});

	// docs/index-format.md, "Example 32: a Begin marker without its End"
	it("unmatched Begin marker → error outcome, nothing written", () => {
		const out = refreshInVault(vaultWith("%% Begin Waypoint %%\n- [[x]]\n"), "A/A.md");
		expect(out.status).toBe("error");
		if (out.status === "error") expect(out.message).toMatch(/Begin Waypoint.*line 1.*End Waypoint/);
	});

	// docs/index-format.md, "Example 33: markers in code are text"
	it("markers in code fences and inline code are left untouched", () => {
		const text = "```\n%% Waypoint %%\n```\n`%% Waypoint %%`\n";
		expect(refreshInVault(vaultWith(text), "A/A.md")).toEqual({ status: "unchanged" });
	});

	// docs/index-format.md, "Example 31: a flag in the wrong note"
	it("flag in a note that is not a folder note → the error line (only the flag replaced)", () => {
		const vault = vaultWith("", { "A/x.md": "see %% Waypoint %% here\n" });
		expect(refreshedText(vault, "A/x.md")).toBe(
			`see %% Error: Cannot create a waypoint in a note that's not the folder note. For more information, check the instructions [here](${INSTRUCTIONS_URL}) %% here\n`,
		);
	});

	// docs/index-format.md, "Example 31: a flag in the wrong note"
	it("flag in a root note → the root error line; landmark wording", () => {
		const vault = snapshotFromFiles({ "Home.md": "%% Landmark %%" });
		expect(refreshedText(vault, "Home.md")).toBe(
			`%% Error: Cannot create a landmark in the root folder of your vault. For more information, check the instructions [here](${INSTRUCTIONS_URL}) %%`,
		);
		expect(errorLine("waypoint", "root")).toContain("Cannot create a waypoint in the root folder of your vault.");
	});

	it("an error line is stable even when the flag text occurs in it", () => {
		const settings = { waypointFlag: "waypoint" };
		const vault = snapshotFromFiles({ "A/x.md": "waypoint" });
		const once = refreshedText(vault, "A/x.md", settings);
		const again = refreshNoteText("A/x.md", once, refreshContextFor(vault, settings));
		expect(again).toEqual({ status: "unchanged" });
	});

	// docs/index-format.md, "Example 31: a flag in the wrong note"
	it("leaves a block alone in a note that is not a folder note", () => {
		const vault = vaultWith("", { "A/x.md": "%% Begin Waypoint %%\n- [[kept]]\n\n%% End Waypoint %%" });
		expect(refreshInVault(vault, "A/x.md")).toEqual({ status: "unchanged" });
	});

	// docs/index-format.md, "Example 29: text on the marker lines is kept"
	it("regenerates every block of a note (waypoint and landmark)", () => {
		const text = "%% Begin Waypoint %%\n\n%% End Waypoint %%\nmid\n%% Begin Landmark %%\n\n%% End Landmark %%";
		expect(refreshedText(vaultWith(text), "A/A.md")).toBe(
			`${BLOCK}\nmid\n%% Begin Landmark %%\n- [[x]]\n- [[y]]\n\n%% End Landmark %%`,
		);
	});

	it("a stray End marker is plain text", () => {
		expect(refreshInVault(vaultWith("%% End Waypoint %%\n"), "A/A.md")).toEqual({ status: "unchanged" });
	});
});

describe("callouts", () => {
	// A/A.md and A/a.md share a name (case-insensitively): A/a.md is linked by its full path.
	// docs/index-format.md, "Example 30: callouts"
	it("writes the contract's callout for a quoted flag line", () => {
		const vault = snapshotFromFiles({ "A/A.md": "> %% Waypoint %%\nafter", "A/a.md": "" });
		expect(refreshedText(vault, "A/A.md")).toBe(">[!waypoint]\n>%% Begin Waypoint %%\n>- [[A/a]]\n>\n>%% End Waypoint %%\nafter");
	});

	// docs/index-format.md, "Example 30: callouts"
	it("keeps the header and replaces the prefixed block on update", () => {
		const vault = snapshotFromFiles({
			"A/A.md": ">[!waypoint] My index\n>%% Begin Waypoint %%\n>- [[gone]]\n>\n>%% End Waypoint %%\n",
			"A/a.md": "",
			"A/b.md": "",
		});
		expect(refreshedText(vault, "A/A.md")).toBe(
			">[!waypoint] My index\n>%% Begin Waypoint %%\n>- [[A/a]]\n>- [[b]]\n>\n>%% End Waypoint %%\n",
		);
	});

	// docs/index-format.md, "Example 30: callouts"
	it("an empty callout block and a landmark callout", () => {
		const vault = snapshotFromFiles({ "A/A.md": ">%% Landmark %%" });
		expect(refreshedText(vault, "A/A.md")).toBe(">[!landmark]\n>%% Begin Landmark %%\n>\n>\n>%% End Landmark %%");
	});

	// docs/index-format.md, "Example 30: callouts"
	it("a quoted flag sharing its line with text keeps that text on its own line", () => {
		const vault = snapshotFromFiles({ "A/A.md": "> Index: %% Waypoint %% !", "A/a.md": "" });
		const out = refreshedText(vault, "A/A.md");
		expect(out).toBe("> Index: \n>[!waypoint]\n>%% Begin Waypoint %%\n>- [[A/a]]\n>\n>%% End Waypoint %% !");
		expect(refreshNoteText("A/A.md", out, refreshContextFor(vault))).toEqual({ status: "unchanged" });
	});
});
