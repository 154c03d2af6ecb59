/**
 * Per-app fixes so the in-memory app behaves like Obsidian where the plugin can tell the
 * difference (the same gaps test/harness/plugin-harness.ts covers for the happy-dom tests,
 * written again here because that file depends on Vitest):
 * - the metadata cache fires `changed` after the write returns, then `resolved`;
 * - a note with invalid YAML stays in the cache with no frontmatter;
 * - the cache follows renames and deletes (and fires `deleted`);
 * - files get real times and sizes;
 * - link resolution prefers exact path, then relative, then same folder, then shortest path.
 */
import type { TAbstractFile, TFile as TFileOriginal } from "obsidian";
import { type App, TFile } from "obsidian-test-mocks/obsidian";

interface CacheInternals {
	cache__: Map<string, unknown>;
	trigger(name: string, ...data: unknown[]): void;
	parseFileMetadata(file: unknown): void;
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFileOriginal | null;
}

function folderOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

function normalizeSegments(path: string): string {
	const out: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") out.pop();
		else out.push(part);
	}
	return out.join("/");
}

export function fillAppGaps(app: App): void {
	const cache = app.metadataCache as unknown as CacheInternals;
	const trigger = cache.trigger.bind(cache);
	let queue: unknown[][] = [];
	let scheduled = false;
	cache.trigger = (name: string, ...data: unknown[]): void => {
		if (name !== "changed") {
			trigger(name, ...data);
			return;
		}
		queue.push(data);
		if (scheduled) return;
		scheduled = true;
		window.setTimeout(() => {
			scheduled = false;
			const batch = queue;
			queue = [];
			for (const item of batch) trigger("changed", ...item);
			if (batch.length > 0) trigger("resolved");
		}, 0);
	};

	const parse = cache.parseFileMetadata.bind(cache);
	cache.parseFileMetadata = (file: unknown): void => {
		try {
			parse(file);
		} catch {
			if (file instanceof TFile) {
				cache.cache__.set(file.path, {});
				cache.trigger("changed", file, "", {});
			}
		}
	};

	const vault = app.vault;
	vault.on("rename", (...data: unknown[]) => {
		const [file, oldPath] = data as [TAbstractFile, string];
		for (const key of [...cache.cache__.keys()]) {
			let to: string | null = null;
			if (key === oldPath) to = file.path;
			else if (key.startsWith(`${oldPath}/`)) to = file.path + key.slice(oldPath.length);
			if (to === null) continue;
			const entry = cache.cache__.get(key);
			cache.cache__.delete(key);
			cache.cache__.set(to, entry);
		}
	});
	vault.on("delete", (...data: unknown[]) => {
		const file = data[0] as TAbstractFile;
		const entry = cache.cache__.get(file.path);
		if (entry === undefined) return;
		cache.cache__.delete(file.path);
		trigger("deleted", file, null, entry);
	});

	const adapter = vault.adapter as unknown as { readSync__(path: string): string };
	const touch = (file: unknown, created: boolean): void => {
		if (!(file instanceof TFile)) return;
		const now = Date.now();
		let size = 0;
		try {
			size = adapter.readSync__(file.path).length;
		} catch {
			size = 0;
		}
		file.stat = { ctime: created || file.stat.ctime === 0 ? now : file.stat.ctime, mtime: now, size };
	};
	vault.on("create", (...data: unknown[]) => touch(data[0], true));
	vault.on("modify", (...data: unknown[]) => touch(data[0], false));

	// Lookups by path and by name through maps kept current by vault events (a scan of every file
	// per link would make loading 10,000 notes quadratic).
	const insensitive = vault as unknown as { getAbstractFileByPathInsensitive__(path: string): unknown };
	const byPath = (path: string): TFileOriginal | null => {
		for (const candidate of [path, `${path}.md`]) {
			const found = insensitive.getAbstractFileByPathInsensitive__(candidate);
			if (found instanceof TFile) return found as unknown as TFileOriginal;
		}
		return null;
	};
	const byName = new Map<string, Set<TFile>>();
	const nameKey = (path: string): string => {
		const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
		return name.endsWith(".md") ? name.slice(0, -3) : name;
	};
	const addName = (file: unknown): void => {
		if (!(file instanceof TFile)) return;
		const key = nameKey(file.path);
		const set = byName.get(key) ?? new Set<TFile>();
		set.add(file);
		byName.set(key, set);
	};
	const removeName = (file: unknown, path: string): void => {
		if (file instanceof TFile) byName.get(nameKey(path))?.delete(file);
	};
	for (const file of vault.getFiles()) addName(file);
	vault.on("create", (...data: unknown[]) => addName(data[0]));
	vault.on("delete", (...data: unknown[]) => removeName(data[0], (data[0] as TAbstractFile).path));
	vault.on("rename", (...data: unknown[]) => {
		const [file, oldPath] = data as [TAbstractFile, string];
		if (file instanceof TFile) {
			removeName(file, oldPath);
			addName(file);
			return;
		}
		byName.clear();
		for (const each of vault.getFiles()) addName(each);
	});
	cache.getFirstLinkpathDest = (linkpath: string, sourcePath: string): TFileOriginal | null => {
		if (linkpath === "") return byPath(sourcePath);
		const exact = byPath(linkpath);
		if (exact) return exact;
		const relative = byPath(normalizeSegments(`${folderOf(sourcePath)}/${linkpath}`));
		if (relative) return relative;
		const wanted = linkpath.toLowerCase();
		const matches = [...(byName.get(nameKey(wanted)) ?? [])]
			.filter((f) => {
				const p = f.path.toLowerCase();
				return p.endsWith(`/${wanted}`) || p.endsWith(`/${wanted}.md`);
			})
			.map((f) => f as unknown as TFileOriginal);
		const sameFolder = matches.find((f) => folderOf(f.path) === folderOf(sourcePath));
		if (sameFolder) return sameFolder;
		return [...matches].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : 1))[0] ?? null;
	};
}
