/**
 * Property tests over random vault trees and random note text: only the block region changes,
 * a second refresh changes nothing, and the output does not depend on the order of the
 * snapshot's children nor on the process's default locale.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awkwardName } from "../../../test/kit/arbitraries";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../shared/core/settings";
import { snapshotFromFiles, type FileSpec } from "../../shared/core/testing/snapshot";
import { folderNotePathFor, refreshNoteText, scanNote } from "./index";
import { refreshContextFor } from "./testing";

type Files = Record<string, FileSpec>;

/** Names that test sorting (case twins, numbers in names) besides the shared awkward names. */
const SORT_NAMES = ["a", "A", "b", "Note", "Note 10", "note", "z", "Zeta", "dup", "R"];
const nameArb = awkwardName(SORT_NAMES);

const fmArb = fc.record(
	{
		title: fc.oneof(fc.constantFrom("T", "see [[x]]", "50%% off", " pad "), fc.string({ maxLength: 6 })),
		order: fc.integer({ min: -3, max: 3 }),
		category: fc.constantFrom("web", "api", ["web", "api"]),
	},
	{ requiredKeys: [] },
);

const entryArb: fc.Arbitrary<Entry> = fc.record({
	dirs: fc.array(nameArb, { maxLength: 3 }),
	name: nameArb,
	ext: fc.constantFrom("md", "md", "md", "md", "base", "png"),
	mtime: fc.integer({ min: 0, max: 5 }),
	ctime: fc.integer({ min: 0, max: 5 }),
	fm: fmArb,
	waypoint: fc.boolean(),
});

const settingsArb: fc.Arbitrary<IndexSettings> = fc
	.record({
		folderNoteStyle: fc.constantFrom("inside" as const, "outside" as const, "fixed" as const),
		showFolderNotes: fc.boolean(),
		showNonMarkdownFiles: fc.boolean(),
		showEnclosingNote: fc.boolean(),
		foldersOnTop: fc.boolean(),
		stopScanAtFolderNotes: fc.boolean(),
		useTitleProperty: fc.boolean(),
		linkStyle: fc.constantFrom("wiki" as const, "markdown" as const),
		useSpaces: fc.boolean(),
		numSpaces: fc.integer({ min: 1, max: 4 }),
		sortBy: fc.constantFrom("name" as const, "mtime" as const, "ctime" as const, "order" as const),
		sortDirection: fc.constantFrom("asc" as const, "desc" as const),
		maxDepth: fc.integer({ min: 0, max: 3 }),
		locale: fc.constantFrom("en", "sv", "de"),
	})
	.map((s) => ({ ...DEFAULT_INDEX_SETTINGS, ...s }));

/** A vault under folder `R`; entries whose path collides with an earlier one are dropped. */
interface Entry {
	readonly dirs: readonly string[];
	readonly name: string;
	readonly ext: string;
	readonly mtime: number;
	readonly ctime: number;
	readonly fm: Record<string, unknown>;
	readonly waypoint: boolean;
}

function vaultFiles(entries: readonly Entry[], settings: IndexSettings): Files {
	const files: Files = { "R/": {} };
	const folders = new Set<string>(["R"]);
	for (const e of entries) {
		const dir = ["R", ...e.dirs].join("/");
		const path = `${dir}/${e.name}.${e.ext}`;
		if (path in files || folders.has(path)) continue;
		const parts = dir.split("/");
		if (parts.some((_, i) => `${parts.slice(0, i + 1).join("/")}` in files)) continue;
		for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join("/"));
		files[path] = { mtime: e.mtime, ctime: e.ctime, frontmatter: e.fm, text: e.waypoint ? "%% Waypoint %%" : "text" };
	}
	// Some folders get a folder note, some of which hold a waypoint.
	let i = 0;
	for (const folder of folders) {
		const p = folderNotePathFor(folder, settings);
		if (p !== null && !(p in files) && i++ % 2 === 0)
			files[p] = { text: i % 3 === 0 ? "%% Waypoint %%" : "", frontmatter: { title: "F", order: i } };
	}
	return files;
}

const noteText = fc.stringMatching(/^[a-zA-Z0-9 #>|[\]%.-]{0,12}$/);
const eolArb = fc.constantFrom("\n", "\r\n");
/** A line that holds no live marker: plain text, a quote, inline code around a marker, or a fenced block full of markers. */
const safeLineArb = fc.oneof(
	noteText,
	noteText.map((t) => `> ${t}`),
	fc
		.tuple(
			noteText.map((t) => t.replace(/%/g, "")),
			fc.constantFrom("%% Waypoint %%", "%% Begin Waypoint %%", "%% End Landmark %%"),
		)
		.map(([t, m]) => `${t} \`${m}\` ${t}`),
	fc.constantFrom("```\n%% Begin Waypoint %%\n```", "~~~md\n%% Waypoint %%\n%% End Waypoint %%\n~~~", "> ```\n> %% Landmark %%\n> ```"),
);
const safeTextArb = fc.array(safeLineArb, { maxLength: 5 });
const frontmatterArb = fc.constantFrom(
	"",
	'---\ntitle: Hello\nnote: "%% Waypoint %%"\n---\n',
	"---\nindex-sort: mtime\n---\n",
	"---\nindex-group: category\nindex-depth: 2\n---\n",
);

function withEol(lines: readonly string[], eol: string): string {
	return lines.map((l) => l.replace(/\n/g, eol) + eol).join("");
}

const RUNS = { numRuns: 150, seed: 20240611 };

describe("index core properties", () => {
	it("only the flag (or the block region) changes, and a second refresh changes nothing", () => {
		fc.assert(
			fc.property(
				fc.array(entryArb, { maxLength: 25 }),
				settingsArb,
				frontmatterArb,
				safeTextArb,
				safeTextArb,
				eolArb,
				fc.constantFrom("", "Intro ", "- ", "  "),
				fc.constantFrom("", " outro", "  "),
				fc.boolean(),
				(entries, settings, fm, before, after, eol, sameLineBefore, sameLineAfter, asBlock) => {
					const notePath = folderNotePathFor("R", settings)!;
					const head = fm.replace(/\n/g, eol) + withEol(before, eol) + sameLineBefore;
					const core = asBlock ? `%% Begin Waypoint %%${eol}- [[stale]]]]${eol}%% End Waypoint %%` : "%% Waypoint %%";
					const tail = sameLineAfter + eol + withEol(after, eol);
					const text = head + core + tail;
					const files = { ...vaultFiles(entries, settings), [notePath]: { text } };
					const vault = snapshotFromFiles(files);
					const ctx = refreshContextFor(vault, settings);
					const out = refreshNoteText(notePath, text, ctx);
					expect(out.status).not.toBe("error");
					const next = out.status === "changed" ? out.text : text;
					const keptHead = asBlock ? `${head}%% Begin Waypoint %%${eol}` : head;
					const keptTail = asBlock ? `%% End Waypoint %%${tail}` : tail;
					expect(next.startsWith(keptHead)).toBe(true);
					expect(next.endsWith(keptTail)).toBe(true);
					const middle = next.slice(keptHead.length, next.length - keptTail.length);
					// the new region uses the note's line ending only, and holds no stray %%
					expect(middle.replace(/\r\n/g, "").includes("\n")).toBe(eol === "\r\n" ? false : middle.includes("\n"));
					const inner = asBlock ? middle : middle.slice("%% Begin Waypoint %%".length, -"%% End Waypoint %%".length);
					expect(inner.includes("%%")).toBe(false);
					expect(inner.endsWith(`${eol}${eol}`)).toBe(true);
					// idempotent
					expect(refreshNoteText(notePath, next, ctx)).toEqual({ status: "unchanged" });
					const scan = scanNote(next, settings);
					expect(scan.ok && scan.blocks.length).toBe(1);
				},
			),
			RUNS,
		);
	});

	it("output is identical whatever the order of the snapshot's children", () => {
		fc.assert(
			fc.property(fc.array(entryArb, { maxLength: 30 }), settingsArb, fc.integer(), (entries, settings, seed) => {
				const notePath = folderNotePathFor("R", settings)!;
				const files = { ...vaultFiles(entries, settings), [notePath]: { text: "%% Waypoint %%" } };
				const keys = Object.keys(files);
				// deterministic shuffle from the seed
				let s = seed >>> 0;
				for (let i = keys.length - 1; i > 0; i--) {
					s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
					const j = s % (i + 1);
					[keys[i], keys[j]] = [keys[j], keys[i]];
				}
				const shuffled: Files = {};
				for (const k of keys) shuffled[k] = files[k]!;
				const a = refreshNoteText(notePath, "%% Waypoint %%", refreshContextFor(snapshotFromFiles(files), settings));
				const b = refreshNoteText(notePath, "%% Waypoint %%", refreshContextFor(snapshotFromFiles(shuffled), settings));
				expect(b).toEqual(a);
			}),
			RUNS,
		);
	});

	it("output does not depend on the process's default locale", () => {
		const cases = fc
			.sample(fc.tuple(fc.array(entryArb, { maxLength: 30 }), settingsArb), { numRuns: 60, seed: 7 })
			.map(([entries, settings]) => {
				const notePath = folderNotePathFor("R", settings)!;
				return { settings, notePath, files: { ...vaultFiles(entries, settings), [notePath]: { text: "%% Waypoint %%" } } };
			});
		const here = cases.map((c) =>
			refreshNoteText(c.notePath, "%% Waypoint %%", refreshContextFor(snapshotFromFiles(c.files), c.settings)),
		);
		const root = resolve(__dirname, "../../..");
		const bundle = buildSync({
			stdin: {
				contents: `
					import { refreshNoteText } from "./src/index-notes/core/index";
					import { refreshContextFor } from "./src/index-notes/core/testing";
					import { snapshotFromFiles } from "./src/shared/core/testing/snapshot";
					const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
					const outputs = cases.map((c) => refreshNoteText(c.notePath, "%% Waypoint %%", refreshContextFor(snapshotFromFiles(c.files), c.settings)));
					const probe = ["z", "ä"].sort(new Intl.Collator().compare).join("");
					process.stdout.write(JSON.stringify({ probe, outputs }));
				`,
				resolveDir: root,
				loader: "ts",
			},
			bundle: true,
			platform: "node",
			format: "cjs",
			write: false,
			logLevel: "silent",
		});
		const script = join(mkdtempSync(join(tmpdir(), "fn-locale-")), "probe.cjs");
		writeFileSync(script, bundle.outputFiles[0].text);
		const run = (locale: string): { probe: string; outputs: unknown[] } =>
			JSON.parse(
				execFileSync(process.execPath, [script], {
					input: JSON.stringify(cases),
					env: { ...process.env, LC_ALL: locale, LANG: locale },
					encoding: "utf8",
				}),
			) as { probe: string; outputs: unknown[] };
		const swedish = run("sv_SE.UTF-8");
		const american = run("en_US.UTF-8");
		// The two processes really do have different default collations…
		expect(swedish.probe).toBe("zä");
		expect(american.probe).toBe("äz");
		// …and write exactly the same bytes as this process.
		expect(swedish.outputs).toEqual(here);
		expect(american.outputs).toEqual(here);
	});
});
