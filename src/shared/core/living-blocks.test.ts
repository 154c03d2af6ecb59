import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { refreshLivingText, scanLivingBlocks, type BlockContent, type LivingMarkers } from "./living-blocks";

const KINDS: readonly LivingMarkers[] = [
	{ name: "Comparison", flag: "%% Comparison %%" },
	{ name: "Decision", flag: "%% Decision %%" },
];

const TABLE: BlockContent = { ok: true, lines: ["| Note | a |", "| --- | --- |", "| [[x]] | 1 |"] };
const render = (): BlockContent => TABLE;

function refreshed(text: string, content: BlockContent = TABLE): string {
	const out = refreshLivingText(text, KINDS, () => content);
	if (out.status === "error") throw new Error(out.message);
	return out.status === "changed" ? out.text : text;
}

const BLOCK = "%% Begin Comparison %%\n\n| Note | a |\n| --- | --- |\n| [[x]] | 1 |\n\n%% End Comparison %%";

describe("living block markers", () => {
	// docs/living-blocks.md, "The block, byte by byte"
	it("a flag alone on its line becomes the block, the rest of the note byte for byte", () => {
		expect(refreshed("# Title\n%% Comparison %%\nAfter\n")).toBe(`# Title\n${BLOCK}\nAfter\n`);
	});

	it("only the flag text is replaced; text sharing its line stays around the block", () => {
		expect(refreshed("Before %% Comparison %% after")).toBe(`Before ${BLOCK} after`);
	});

	it("an existing block: only the lines between the marker lines change", () => {
		const stale = "x\n%% Begin Comparison %% (kept)\nold table\n%% End Comparison %% kept too\ny";
		expect(refreshed(stale)).toBe(
			"x\n%% Begin Comparison %% (kept)\n\n| Note | a |\n| --- | --- |\n| [[x]] | 1 |\n\n%% End Comparison %% kept too\ny",
		);
	});

	it("CRLF notes stay CRLF", () => {
		const out = refreshed("a\r\n%% Comparison %%\r\nb\r\n");
		expect(out).toBe(`a\r\n${BLOCK.replace(/\n/g, "\r\n")}\r\nb\r\n`);
	});

	it("a flag on the last line of a CRLF note uses the note's line ending", () => {
		expect(refreshed("a\r\n%% Comparison %%")).toBe(`a\r\n${BLOCK.replace(/\n/g, "\r\n")}`);
	});

	it("markers in frontmatter, fenced code, indented code and inline code are text", () => {
		const text = [
			"---",
			'note: "%% Comparison %%"',
			"---",
			"```",
			"%% Comparison %%",
			"%% Begin Comparison %%",
			"```",
			"",
			"    %% Decision %%",
			"",
			"Type `%% Comparison %%` to get a table.",
		].join("\n");
		const scan = scanLivingBlocks(text, KINDS);
		expect(scan.ok && scan.blocks.length + scan.flags.length).toBe(0);
		expect(refreshLivingText(text, KINDS, render)).toEqual({ status: "unchanged" });
	});

	it("an unmatched Begin is an error naming the marker and its line; nothing is written", () => {
		const out = refreshLivingText("a\n%% Begin Comparison %%\n| old |\n", KINDS, render);
		expect(out).toEqual({
			status: "error",
			message: '"%% Begin Comparison %%" on line 2 has no matching "%% End Comparison %%" after it; the note was not changed.',
		});
	});

	it("a Begin inside an open block is an error", () => {
		const out = refreshLivingText(
			"%% Begin Comparison %%\n%% Begin Decision %%\n%% End Decision %%\n%% End Comparison %%",
			KINDS,
			render,
		);
		expect(out.status).toBe("error");
	});

	it("a renderer's error leaves the note as it is", () => {
		const out = refreshLivingText(`${BLOCK}\n%% Decision %%`, KINDS, (kind) =>
			kind === "Decision" ? { ok: false, message: "bad" } : TABLE,
		);
		expect(out).toEqual({ status: "error", message: "bad" });
	});

	it("each kind is rendered once however many blocks show it; kinds are kept apart", () => {
		const asked: string[] = [];
		const out = refreshLivingText("%% Comparison %%\n%% Decision %%\n%% Comparison %%", KINDS, (kind) => {
			asked.push(kind);
			return { ok: true, lines: [kind] };
		});
		expect(asked).toEqual(["Comparison", "Decision"]);
		expect(out.status === "changed" && out.text).toBe(
			"%% Begin Comparison %%\n\nComparison\n\n%% End Comparison %%\n%% Begin Decision %%\n\nDecision\n\n%% End Decision %%\n%% Begin Comparison %%\n\nComparison\n\n%% End Comparison %%",
		);
	});

	it("a stray End marker is text; an empty flag setting matches nothing", () => {
		expect(refreshLivingText("%% End Comparison %%", KINDS, render)).toEqual({ status: "unchanged" });
		expect(refreshLivingText("%% Comparison %%", [{ name: "Comparison", flag: "" }], render)).toEqual({ status: "unchanged" });
	});
});

describe("living block properties", () => {
	const piece = fc.constantFrom(
		"text",
		"",
		"%% Comparison %%",
		"%% Begin Comparison %%",
		"%% End Comparison %%",
		"```",
		"    code",
		"> quote",
		"`%% Comparison %%`",
		"%% Decision %%",
	);
	const eol = fc.constantFrom("\n", "\r\n");
	const note = fc.tuple(fc.array(piece, { maxLength: 12 }), eol).map(([lines, e]) => lines.join(e));
	const content = fc.array(
		fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n%]/g, "")),
		{ minLength: 1, maxLength: 4 },
	);

	it("a second refresh changes nothing", () => {
		fc.assert(
			fc.property(note, content, (text, lines) => {
				const first = refreshLivingText(text, KINDS, () => ({ ok: true, lines }));
				if (first.status !== "changed") return;
				expect(refreshLivingText(first.text, KINDS, () => ({ ok: true, lines }))).toEqual({ status: "unchanged" });
			}),
		);
	});

	it("only block regions change: the text outside every block is kept byte for byte", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), eol, content, (before, after, e, lines) => {
				const safe = (s: string): string =>
					s
						.replace(/%/g, "")
						.replace(/[`~]/g, "")
						.replace(/\r?\n|\r/g, e);
				const head = `x${safe(before)}${e}`;
				const tail = `${e}${safe(after)}`;
				const text = `${head}%% Begin Comparison %%${e}stale${e}%% End Comparison %%${tail}`;
				const out = refreshLivingText(text, KINDS, () => ({ ok: true, lines }));
				const next = out.status === "changed" ? out.text : text;
				expect(next.startsWith(`${head}%% Begin Comparison %%${e}`)).toBe(true);
				expect(next.endsWith(`%% End Comparison %%${tail}`)).toBe(true);
			}),
		);
	});
});
