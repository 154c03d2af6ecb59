/**
 * The folders and files of a `DiskVault`: the `VFolder` and `VFile` shapes the core expects,
 * with a file's stat read only when asked for.
 */
import * as fs from "node:fs";
import { sep } from "node:path";
import type { VFile, VFileStat, VFolder, VNode } from "../shared/core/vault";

export class DiskFolder implements VFolder {
	readonly children: VNode[] = [];
	/** Children by name, built on the first lookup in a large folder. */
	private byName: Map<string, VNode> | null = null;
	constructor(
		readonly path: string,
		readonly name: string,
		readonly parent: DiskFolder | null,
	) {}
	isRoot(): boolean {
		return this.parent === null;
	}
	/** The child called `name`, or null. (The tree is complete before the first lookup.) */
	child(name: string): VNode | null {
		if (this.children.length <= 32) {
			for (const c of this.children) if (c.name === name) return c;
			return null;
		}
		if (this.byName === null) this.byName = new Map(this.children.map((c) => [c.name, c]));
		return this.byName.get(name) ?? null;
	}
}

export class DiskFile implements VFile {
	readonly basename: string;
	readonly extension: string;
	private cachedStat: VFileStat | null = null;
	constructor(
		readonly path: string,
		readonly name: string,
		readonly parent: DiskFolder,
		private readonly vaultRoot: string,
		/** For a symbolic link: the real path of its target (inside the vault); otherwise null. */
		readonly linkTarget: string | null,
	) {
		const dot = name.lastIndexOf(".");
		this.basename = dot > 0 ? name.slice(0, dot) : name;
		this.extension = dot > 0 ? name.slice(dot + 1) : "";
	}
	/**
	 * Absolute path of the bytes: the file itself, or the in-vault target of a symbolic link.
	 * Made on each use (a file is read once or twice), not kept with every file of the vault.
	 */
	get realPath(): string {
		return this.linkTarget ?? this.vaultRoot + sep + (sep === "/" ? this.path : this.path.split("/").join(sep));
	}
	get stat(): VFileStat {
		if (this.cachedStat === null) {
			try {
				const s = fs.statSync(this.realPath);
				const ctime = s.birthtimeMs > 0 ? s.birthtimeMs : s.ctimeMs;
				this.cachedStat = { ctime: Math.floor(ctime), mtime: Math.floor(s.mtimeMs), size: s.size };
			} catch {
				this.cachedStat = { ctime: 0, mtime: 0, size: 0 };
			}
		}
		return this.cachedStat;
	}
}
