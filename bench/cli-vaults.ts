/**
 * Generated vaults on disk for the CLI benchmark, kept in `bench/.vaults/` (git-ignored) and
 * reused between runs. Shape: `top` folders × `sub` subfolders × `notes` notes; every folder has
 * a folder note with a waypoint (so the top indexes stop at the nested ones, as in real vaults).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { frameworkNote, random } from "./framework-notes";

export interface VaultShape {
	readonly name: string;
	readonly top: number;
	readonly sub: number;
	readonly notes: number;
}

export const VAULTS: readonly VaultShape[] = [
	{ name: "10k", top: 10, sub: 10, notes: 100 },
	{ name: "100k", top: 10, sub: 100, notes: 100 },
];

const GENERATOR_VERSION = "1";

export function noteCount(shape: VaultShape): number {
	return shape.top * shape.sub * shape.notes;
}

function folderNoteText(name: string): string {
	return `# ${name}\n\n%% Waypoint %%\n\nNotes about ${name}.\n`;
}

function noteText(top: number, sub: number, n: number): string {
	return `---\ntype: framework\ntitle: Framework ${top}-${sub}-${n}\norder: ${n}\ncategory: c${sub % 7}\nlicense: MIT\nfirst_release: ${2000 + (n % 25)}\n---\n# Framework ${n}\n\nSome prose about this framework.\n`;
}

/** Every folder note of the vault (vault paths). */
export function folderNotePaths(shape: VaultShape): string[] {
	const out: string[] = [];
	for (let t = 0; t < shape.top; t++) {
		out.push(`T${t}/T${t}.md`);
		for (let s = 0; s < shape.sub; s++) out.push(`T${t}/S${t}-${s}/S${t}-${s}.md`);
	}
	return out;
}

/** Put every folder note back to its un-refreshed state (a bare flag): all indexes stale. */
export function makeStale(root: string, shape: VaultShape): void {
	for (const p of folderNotePaths(shape)) {
		const name = path.basename(p, ".md");
		fs.writeFileSync(path.join(root, ...p.split("/")), folderNoteText(name));
	}
}

/** The vault folder for `shape`, generated once. */
export function ensureVault(baseDir: string, shape: VaultShape): string {
	const root = path.join(baseDir, shape.name);
	const stamp = path.join(root, ".generated");
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === GENERATOR_VERSION) return root;
	fs.rmSync(root, { recursive: true, force: true });
	for (let t = 0; t < shape.top; t++) {
		const top = path.join(root, `T${t}`);
		fs.mkdirSync(top, { recursive: true });
		fs.writeFileSync(path.join(top, `T${t}.md`), folderNoteText(`T${t}`));
		for (let s = 0; s < shape.sub; s++) {
			const sub = path.join(top, `S${t}-${s}`);
			fs.mkdirSync(sub);
			fs.writeFileSync(path.join(sub, `S${t}-${s}.md`), folderNoteText(`S${t}-${s}`));
			for (let n = 0; n < shape.notes; n++) fs.writeFileSync(path.join(sub, `Note ${t}-${s}-${n}.md`), noteText(t, s, n));
		}
	}
	fs.writeFileSync(stamp, GENERATOR_VERSION);
	return root;
}

/** Vaults of framework notes with the template's 14 properties plus `stars` (15), for `compare`. */
export const WIDE_VAULTS: readonly { readonly name: string; readonly notes: number }[] = [
	{ name: "10k-wide", notes: 10_000 },
	{ name: "100k-wide", notes: 100_000 },
];

const WIDE_VERSION = "2";

/** The wide vault `name` of `notes` framework notes (folders of 100), generated once. */
export function ensureWideVault(baseDir: string, shape: { readonly name: string; readonly notes: number }): string {
	const root = path.join(baseDir, shape.name);
	const stamp = path.join(root, ".generated");
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === WIDE_VERSION) return root;
	fs.rmSync(root, { recursive: true, force: true });
	const rnd = random(shape.notes);
	for (let i = 0; i < shape.notes; i++) {
		const note = frameworkNote(i, rnd);
		const dir = path.join(root, `F${Math.floor(i / 100)}`);
		if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true });
		// As Obsidian writes properties: plain scalars where YAML allows them, lists as blocks.
		const yaml = stringify(note.frontmatter ?? {});
		fs.writeFileSync(path.join(dir, `${note.basename}.md`), `---\n${yaml}---\n# ${note.basename}\n\nSome prose.\n`);
	}
	fs.writeFileSync(stamp, WIDE_VERSION);
	return root;
}
