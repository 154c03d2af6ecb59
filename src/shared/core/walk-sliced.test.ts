import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLinkNames, buildLinkNamesSliced } from "./link-names";
import { NO_SLICING, TimeSlicer, type Slicer } from "./slicer";
import { snapshotFromFiles, type TestSnapshot } from "./testing/snapshot";
import { forEachFile, notesIn, notesInSliced, walkSliced, type VFile, type VFolder } from "./vault";

/** A slicer on a clock that moves one unit per look: due every `budget` looks; counts and records its pauses. */
export function countingSlicer(budget: number, onPause: () => void = () => undefined): Slicer & { pauses: number } {
	let now = 0;
	const slicer = new TimeSlicer(
		() => now++,
		() => {
			onPause();
			return Promise.resolve();
		},
		budget,
	);
	return slicer;
}

/** Vault paths: a few folders deep, names that collide across folders and in letter case. */
const vaultPaths = fc.uniqueArray(
	fc
		.tuple(
			fc.array(fc.constantFrom("A", "b", "B", "Deep", "x y"), { maxLength: 3 }),
			fc.constantFrom("Note", "note", "A", "B", "Other", "x y"),
			fc.constantFrom("md", "md", "png", "MD"),
		)
		.map(([folders, name, ext]) => [...folders, `${name}.${ext}`].join("/")),
	{ maxLength: 60 },
);

function vaultOf(paths: readonly string[]): TestSnapshot {
	return snapshotFromFiles(Object.fromEntries(paths.map((p) => [p, ""])));
}

/** A flat vault: one folder holding `count` notes (the case a per-folder loop would not slice). */
function flatVault(count: number): TestSnapshot {
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) files[`Inbox/Note ${i}.md`] = "";
	return vaultOf(Object.keys(files));
}

function filePaths(root: VFolder): string[] {
	const out: string[] = [];
	forEachFile(root, (file) => out.push(file.path));
	return out;
}

describe("walks of the vault in slices", () => {
	it("visit every file in the order of the unsliced walk, whatever the slice budget", async () => {
		await fc.assert(
			fc.asyncProperty(vaultPaths, fc.integer({ min: 1, max: 50 }), async (paths, budget) => {
				const vault = vaultOf(paths);
				const visited: string[] = [];
				const folders: string[] = [];
				const done = await walkSliced(vault.root, countingSlicer(budget), {
					file: (file) => {
						visited.push(file.path);
					},
					folder: (folder) => folders.push(folder.path),
				});
				expect(done).toBe(true);
				expect(visited).toEqual(filePaths(vault.root));
				expect(new Set(folders)).toEqual(new Set(["/", ...vault.folders().map((f) => f.path)]));
			}),
		);
	});

	it("give what the unsliced helpers give: notes, shared names", async () => {
		await fc.assert(
			fc.asyncProperty(vaultPaths, fc.integer({ min: 1, max: 50 }), async (paths, budget) => {
				const vault = vaultOf(paths);
				const byPath = (files: readonly VFile[]): string[] => files.map((f) => f.path);
				expect(byPath(await notesInSliced(vault.root, countingSlicer(budget)))).toEqual(byPath(notesIn(vault.root)));
				const names = await buildLinkNamesSliced(vault.root, countingSlicer(budget));
				expect(names.shared).toEqual(buildLinkNames(vault.root).shared);
			}),
		);
	});

	it("pause between slices, also inside a single folder of many notes", async () => {
		const vault = flatVault(2000);
		const seenAtPause: number[] = [];
		let visited = 0;
		const slicer = countingSlicer(3, () => seenAtPause.push(visited));
		await walkSliced(vault.root, slicer, {
			file: () => {
				visited++;
			},
		});
		expect(visited).toBe(2000);
		expect(slicer.pauses).toBeGreaterThan(1);
		// Each pause comes after some work and before the rest: the walk is cut, not delayed.
		expect(seenAtPause[0]).toBeGreaterThan(0);
		expect(seenAtPause[seenAtPause.length - 1]).toBeLessThan(2000);
	});

	it("never pauses with NO_SLICING, and stops when a visit says so", async () => {
		const vault = flatVault(300);
		let visited = 0;
		const done = await walkSliced(vault.root, NO_SLICING, { file: () => ++visited < 10 });
		expect(done).toBe(false);
		expect(visited).toBe(10);
	});
});
