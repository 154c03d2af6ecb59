/**
 * The plugin's index engine over an in-memory vault: whatever happens in a burst, after it each
 * affected index is written at most once and every index is exactly what a full refresh from
 * scratch computes (so incremental and full agree, in any order of events).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../src/shared/core/settings";
import { IndexEngine } from "../src/index-notes/core/engine";
import { MemFile, MemFolder, MemoryVault } from "./index-memory-vault";
import { AWKWARD_NAMES } from "./kit/arbitraries";

function seedVault(): MemoryVault {
	const v = new MemoryVault();
	v.addFile("A/A.md", "# A\n%% Waypoint %%\n");
	v.addFile("A/a.md", "");
	v.addFile("A/B/B.md", "%% Landmark %%\n");
	v.addFile("A/B/b.md", "");
	v.addFile("A/B/C/C.md", "%% Waypoint %%\n");
	v.addFile("A/B/C/c.md", "");
	v.addFile("D/D.md", "intro\n%% Waypoint %%\noutro");
	v.addFile("D/d.md", "");
	v.addFile("Templates/Templates.md", "%% Waypoint %%\n");
	v.folder("E");
	return v;
}

function folders(v: MemoryVault): MemFolder[] {
	const out: MemFolder[] = [];
	const walk = (f: MemFolder): void => {
		out.push(f);
		for (const c of f.children) if (c instanceof MemFolder) walk(c);
	};
	walk(v.root);
	return out;
}

function files(v: MemoryVault): MemFile[] {
	return folders(v).flatMap((f) => f.children.filter((c): c is MemFile => c instanceof MemFile));
}

/** Plain names, some of them sharing a first letter, and the shared awkward names. */
const NAMES = ["n1", "C", "B", "deep", "Z", ...AWKWARD_NAMES];

type Op =
	| { kind: "create"; folder: number; name: number }
	| { kind: "delete"; file: number }
	| { kind: "move"; file: number; folder: number }
	| { kind: "newFolder"; folder: number; name: number; withIndex: boolean }
	| { kind: "renameFolder"; folder: number; name: number }
	| { kind: "deleteFolder"; folder: number }
	| { kind: "edit"; file: number; flag: boolean }
	| { kind: "retitle"; file: number; title: string | null };

const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ kind: fc.constant("create" as const), folder: fc.nat(), name: fc.nat() }),
	fc.record({ kind: fc.constant("delete" as const), file: fc.nat() }),
	fc.record({ kind: fc.constant("move" as const), file: fc.nat(), folder: fc.nat() }),
	fc.record({ kind: fc.constant("newFolder" as const), folder: fc.nat(), name: fc.nat(), withIndex: fc.boolean() }),
	fc.record({ kind: fc.constant("renameFolder" as const), folder: fc.nat(), name: fc.nat() }),
	fc.record({ kind: fc.constant("deleteFolder" as const), folder: fc.nat() }),
	fc.record({ kind: fc.constant("edit" as const), file: fc.nat(), flag: fc.boolean() }),
	fc.record({ kind: fc.constant("retitle" as const), file: fc.nat(), title: fc.constantFrom("One", "Two", "[[x]]", null) }),
);

function pick<T>(list: readonly T[], i: number): T | undefined {
	return list.length === 0 ? undefined : list[i % list.length];
}

function join(folder: MemFolder, name: string): string {
	return folder.isRoot() ? name : `${folder.path}/${name}`;
}

/** Apply one operation to the vault and report it to the engine the way Obsidian's events do. */
function apply(v: MemoryVault, engine: IndexEngine, o: Op): void {
	switch (o.kind) {
		case "create": {
			const folder = pick(folders(v), o.folder);
			if (!folder) return;
			const path = join(folder, `${NAMES[o.name % NAMES.length]}.md`);
			if (v.getNode(path)) return;
			v.addFile(path, "");
			engine.created(path, true);
			return;
		}
		case "delete": {
			const file = pick(files(v), o.file);
			if (!file) return;
			v.delete(file.path);
			engine.deleted(file.path, false);
			return;
		}
		case "move": {
			const file = pick(files(v), o.file);
			const folder = pick(folders(v), o.folder);
			if (!file || !folder) return;
			const target = join(folder, file.name);
			if (v.getNode(target)) return;
			const old = file.path;
			v.rename(old, target);
			engine.renamed(target, old);
			return;
		}
		case "newFolder": {
			const parent = pick(folders(v), o.folder);
			if (!parent) return;
			const name = NAMES[o.name % NAMES.length] ?? "n";
			const path = join(parent, name);
			if (v.getNode(path)) return;
			v.folder(path);
			engine.created(path, false);
			const note = `${path}/${name}.md`;
			v.addFile(note, o.withIndex ? "%% Waypoint %%\n" : "plain");
			engine.created(note, true);
			return;
		}
		case "renameFolder": {
			const folder = pick(
				folders(v).filter((f) => !f.isRoot()),
				o.folder,
			);
			if (!folder?.parent) return;
			const target = join(folder.parent, NAMES[o.name % NAMES.length] ?? "n");
			if (v.getNode(target)) return;
			const old = folder.path;
			const inside = [...files(v), ...folders(v)].filter((n) => n.path.startsWith(old + "/")).map((n) => n.path);
			v.rename(old, target);
			// Obsidian reports the folder, then every file and folder inside it.
			engine.renamed(target, old);
			for (const p of inside) engine.renamed(target + p.slice(old.length), p);
			return;
		}
		case "deleteFolder": {
			const folder = pick(
				folders(v).filter((f) => !f.isRoot()),
				o.folder,
			);
			if (!folder) return;
			v.delete(folder.path);
			engine.deleted(folder.path, true);
			return;
		}
		case "retitle": {
			const file = pick(files(v), o.file);
			if (!file) return;
			if (o.title === null) v.frontmatters.delete(file.path);
			else v.frontmatters.set(file.path, { title: o.title });
			engine.frontmatterChanged(file.path, v.frontmatter(file.path));
			return;
		}
		case "edit": {
			const file = pick(files(v), o.file);
			if (!file) return;
			v.texts.set(file.path, o.flag ? `typed\n%% Waypoint %%\n` : "no index any more");
			engine.edited(file.path);
			return;
		}
	}
}

const settings: IndexSettings = { ...DEFAULT_INDEX_SETTINGS };

describe("index engine (in-memory vault)", () => {
	it("after any bursts of events, each index is written at most once per burst and equals a full refresh from scratch", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				async (bursts, titles) => {
					const settings: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, useTitleProperty: titles };
					const v = seedVault();
					const engine = new IndexEngine(v.io(() => settings));
					await engine.refreshAll();
					const allWrites: string[] = [];
					for (const burst of bursts) {
						for (const o of burst) apply(v, engine, o);
						v.writes = [];
						const report = await engine.flush();
						expect(new Set(report.written).size).toBe(report.written.length);
						expect(v.writes).toEqual(report.written);
						allWrites.push(...v.writes);
					}
					// The same engine finds nothing to do …
					v.writes = [];
					expect((await engine.refreshAll()).written).toEqual([]);
					// … and neither does a fresh one that reads every note from scratch.
					const fresh = new IndexEngine(v.io(() => settings));
					expect((await fresh.refreshAll()).written).toEqual([]);
					expect(v.writes).toEqual([]);
					// The templates folder is never written.
					expect(allWrites.filter((p) => p.startsWith("Templates/"))).toEqual([]);
				},
			),
			{ numRuns: 500 },
		);
	});

	it("pauses between notes when its slicer says so, and writes exactly what an unsliced run writes", async () => {
		const sliced = seedVault();
		const plain = seedVault();
		let pauses = 0;
		const io = sliced.io(() => settings);
		const engine = new IndexEngine({
			...io,
			slicer: () => ({
				due: () => true,
				pause: () => {
					pauses++;
					return Promise.resolve();
				},
			}),
		});
		const report = await engine.refreshAll(undefined, true);
		const expected = await new IndexEngine(plain.io(() => settings)).refreshAll(undefined, true);
		expect(report).toEqual(expected);
		expect(pauses).toBeGreaterThanOrEqual(report.read);
		expect(sliced.writes.length).toBeGreaterThan(0);
		expect(new Map(sliced.texts)).toEqual(new Map(plain.texts));
	});

	it("keeps the events that come while a burst pauses for the next burst", async () => {
		const v = seedVault();
		let during = false;
		let late = 0;
		const engine: IndexEngine = new IndexEngine({
			...v.io(() => settings),
			slicer: () => ({
				due: () => true,
				pause: () => {
					// A note appears in another folder at the burst's first pause (a folder move's events
					// keep coming): only its event can bring it into A's index.
					if (during && late < 1) {
						const path = `A/late ${late++}.md`;
						v.addFile(path, "");
						engine.created(path, true);
					}
					return Promise.resolve();
				},
			}),
		});
		await engine.refreshAll();
		v.addFile("D/first.md", "");
		engine.created("D/first.md", true);
		during = true;
		await engine.flush();
		during = false;
		expect(late).toBe(1);
		expect(engine.hasPending()).toBe(true);
		await engine.flush();
		expect(v.texts.get("D/D.md")).toContain("[[first]]");
		expect(v.texts.get("A/A.md")).toContain("[[late 0]]");
	});

	it("a burst of creates under one index writes it once; unrelated indexes are not read", async () => {
		const v = seedVault();
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		v.writes = [];
		v.reads = 0;
		for (let i = 0; i < 50; i++) {
			v.addFile(`D/new ${i}.md`, "");
			engine.created(`D/new ${i}.md`, true);
		}
		const report = await engine.flush();
		expect(report.written).toEqual(["D/D.md"]);
		// Only D's index is read: not the new notes (not folder notes), not A, B or C.
		expect(v.reads).toBe(1);
	});

	it("a change below a nested waypoint does not touch the indexes above it", async () => {
		const v = seedVault();
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		v.reads = 0;
		v.addFile("A/B/C/new.md", "");
		engine.created("A/B/C/new.md", true);
		const report = await engine.flush();
		expect(report.written).toEqual(["A/B/C/C.md"]);
		expect(v.reads).toBe(1);
	});

	it("a folder note that gains a waypoint makes the index above stop at it, in the same burst", async () => {
		const v = seedVault();
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		// A/B/B.md and A/B/b.md share a name (case-insensitively): b is linked by its path.
		expect(v.texts.get("A/A.md")).toContain("\t- [[A/B/b]]");
		v.texts.set("A/B/B.md", "%% Waypoint %%\n");
		engine.edited("A/B/B.md");
		const report = await engine.flush();
		expect([...report.written].sort()).toEqual(["A/A.md", "A/B/B.md"]);
		expect(v.texts.get("A/A.md")).not.toContain("[[A/B/b]]");
	});

	it("an echo of its own write is recognised without refreshing again", async () => {
		const v = seedVault();
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		v.addFile("D/e.md", "");
		engine.created("D/e.md", true);
		await engine.flush();
		v.writes = [];
		engine.edited("D/D.md");
		const report = await engine.flush();
		expect(report.written).toEqual([]);
		expect(report.indexes).toBe(0);
	});

	it("a note edited between read and write is recomputed from what it holds then", async () => {
		const v = seedVault();
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		const io = v.io(() => settings);
		const racing = new IndexEngine({
			...io,
			process: (path, edit) => {
				// The user types a line at the top just before the write.
				v.texts.set(path, "typed first\n" + (v.texts.get(path) ?? ""));
				return io.process(path, edit);
			},
		});
		await racing.refreshAll();
		v.addFile("D/f.md", "");
		racing.created("D/f.md", true);
		await racing.flush();
		const text = v.texts.get("D/D.md") ?? "";
		expect(text.startsWith("typed first\nintro\n%% Begin Waypoint %%\n")).toBe(true);
		expect(text).toContain("- [[f]]");
	});

	it("with sorting by modified time, an edited note or image moves in its index (one write)", async () => {
		const mtime: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, sortBy: "mtime", showNonMarkdownFiles: true };
		const v = new MemoryVault();
		v.addFile("M/M.md", "%% Waypoint %%\n");
		const first = v.addFile("M/first.md", "");
		v.addFile("M/second.md", "");
		const image = v.addFile("M/pic.png", "");
		const engine = new IndexEngine(v.io(() => mtime));
		await engine.refreshAll();
		expect(v.texts.get("M/M.md")).toContain("- [[first]]\n- [[second]]\n- [[pic.png]]\n");
		first.stat.mtime = image.stat.mtime + 10;
		engine.edited("M/first.md");
		image.stat.mtime = first.stat.mtime + 10;
		expect(engine.otherModified("M/pic.png")).toBe(true);
		v.writes = [];
		await engine.flush();
		expect(v.writes).toEqual(["M/M.md"]);
		expect(v.texts.get("M/M.md")).toContain("- [[second]]\n- [[first]]\n- [[pic.png]]\n");
	});

	it("without sorting by modified time, an edited image is ignored", () => {
		const engine = new IndexEngine(seedVault().io(() => settings));
		expect(engine.otherModified("D/pic.png")).toBe(false);
		expect(engine.hasPending()).toBe(false);
	});
});
