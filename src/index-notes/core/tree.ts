/**
 * The tree of one index: which entries of the indexed folder are listed, in what order, and the
 * text of each line (without line endings or callout prefixes).
 *
 * - Files: markdown notes always; `.base` files always (`[[Name.base|Name]]`); other files only
 *   with "show non-markdown files". Folder notes are listed through their folder's bullet, not
 *   as files, unless "show folder notes" is on (then they are also listed as ordinary entries,
 *   the index note itself included).
 * - Folders: `- **[[FolderNote]]**` when the folder has a folder note, else `- **Name**`; then
 *   its entries one level deeper, except when its folder note holds a waypoint (block or flag),
 *   when "stop at folder notes" is on, or at the maximum depth (0 = no limit; the indexed
 *   folder's own entries are depth 1). Landmark and waypoint trees are the same: both stop at
 *   nested waypoints, neither stops at nested landmarks.
 * - Ignored paths (see ignore.ts) are left out everywhere, with everything below them.
 * - "Show enclosing note": a first bullet `- **[[IndexNote]]**`, everything else one level deeper.
 * - Grouping (per-index `index-group`, see options.ts): one bold heading per value.
 */
import { buildLinkNames, type LinkNames } from "../../shared/core/link-names";
import type { IndexSettings } from "../../shared/core/settings";
import { isFolder, isMarkdown, type Frontmatter, type VFile, type VFolder, type VNode, type VaultSnapshot } from "../../shared/core/vault";
import { fixedName, folderNoteOf, isFolderNoteIn } from "./folder-notes";
import { ignoreTestFor, type IgnoreTest } from "./ignore";
import {
	absoluteDestination,
	escapeBoldText,
	markdownLink,
	relativeDestination,
	safeWikiAlias,
	safeWikiPath,
	safeWikiTarget,
} from "./links";
import type { IndexOptions } from "./options";
import { collatorFor, sortEntries, type Compare, type SortEntry } from "./order";

export type LinkTextFn = (target: VFile, sourcePath: string, alias: string | undefined) => string;

export interface TreeContext {
	readonly snapshot: VaultSnapshot;
	readonly settings: IndexSettings;
	readonly linkText?: LinkTextFn;
	readonly holdsWaypoint?: (notePath: string) => boolean;
	/**
	 * The vault's shared names (see link-names.ts), built once per refresh burst by the caller.
	 * When absent, each index builds its own from the snapshot (one pass over the vault).
	 */
	readonly names?: () => LinkNames;
}

interface Entry extends SortEntry {
	readonly node: VNode;
	/** The folder's note (folders only; null when none or ignored). */
	readonly folderNote: VFile | null;
}

class TreeWriter {
	private readonly lines: string[] = [];
	private readonly indents: string[] = [];
	private readonly settings: IndexSettings;
	private readonly snapshot: VaultSnapshot;
	private readonly ignored: IgnoreTest;
	private readonly compareNames: Compare;
	private readonly noteDirPrefix: string;
	private readonly fixed: string | null;
	private names: LinkNames | null = null;

	constructor(
		private readonly ctx: TreeContext,
		private readonly indexNote: VFile,
		private readonly options: IndexOptions,
	) {
		this.settings = ctx.settings;
		this.snapshot = ctx.snapshot;
		this.ignored = ignoreTestFor(ctx.settings);
		this.compareNames = collatorFor(ctx.settings.locale);
		const dir = indexNote.parent === null || indexNote.parent.isRoot() ? "" : indexNote.parent.path;
		this.noteDirPrefix = dir === "" ? "" : `${dir}/`;
		this.fixed = ctx.settings.folderNoteStyle === "fixed" ? fixedName(ctx.settings) : null;
	}

	render(folder: VFolder): string[] {
		let level = 0;
		if (this.settings.showEnclosingNote) {
			this.lines.push(`- **${this.fileLink(this.indexNote)}**`);
			level = 1;
		}
		const entries = this.entriesOf(folder);
		const group = this.options.groupBy;
		if (group === null) {
			this.emit(entries, level, 1);
		} else {
			for (const [heading, members] of this.groups(entries, group)) {
				this.lines.push(`${this.indent(level)}- **${escapeBoldText(heading)}**`);
				this.emit(members, level + 1, 1);
			}
		}
		return this.lines;
	}

	private indent(level: number): string {
		let s = this.indents[level];
		if (s === undefined) {
			s = (this.settings.useSpaces ? " ".repeat(this.settings.numSpaces) : "\t").repeat(level);
			this.indents[level] = s;
		}
		return s;
	}

	private emit(entries: readonly Entry[], level: number, depth: number): void {
		const pad = this.indent(level);
		const maxDepth = this.options.maxDepth;
		for (const e of entries) {
			const node = e.node;
			if (!isFolder(node)) {
				this.lines.push(`${pad}- ${this.fileLink(node)}`);
				continue;
			}
			const fn = e.folderNote;
			this.lines.push(fn === null ? `${pad}- **${escapeBoldText(node.name)}**` : `${pad}- **${this.fileLink(fn)}**`);
			if (fn !== null && (this.settings.stopScanAtFolderNotes || (this.ctx.holdsWaypoint?.(fn.path) ?? false))) continue;
			if (maxDepth !== 0 && depth >= maxDepth) continue;
			this.emit(this.entriesOf(node), level + 1, depth + 1);
		}
	}

	/** The listed entries of a folder, sorted. */
	private entriesOf(folder: VFolder): Entry[] {
		const settings = this.settings;
		const children = folder.children;
		let siblingFolders: Set<string> = EMPTY;
		if (settings.folderNoteStyle === "outside" && !settings.showFolderNotes) {
			siblingFolders = new Set();
			for (const c of children) if (isFolder(c) && !this.ignored(c.path, c.name)) siblingFolders.add(c.name);
		}
		const sortBy = this.options.sortBy;
		const byKey = sortBy !== "name";
		const entries: Entry[] = [];
		for (const c of children) {
			if (this.ignored(c.path, c.name)) continue;
			if (isFolder(c)) {
				let fn = folderNoteOf(c, this.snapshot, settings);
				if (fn !== null && this.ignored(fn.path, fn.name)) fn = null;
				entries.push({ node: c, name: c.name, isFolder: true, folderNote: fn, key: byKey ? this.keyOf(fn) : undefined });
				continue;
			}
			if (isMarkdown(c)) {
				if (!settings.showFolderNotes && isFolderNoteIn(c, folder, siblingFolders, settings)) continue;
			} else if (c.extension.toLowerCase() !== "base" && !settings.showNonMarkdownFiles) {
				continue;
			}
			entries.push({ node: c, name: c.name, isFolder: false, folderNote: null, key: byKey ? this.keyOf(c) : undefined });
		}
		return sortEntries(entries, byKey, this.options.sortDirection === "desc", settings.foldersOnTop, this.compareNames);
	}

	private keyOf(file: VFile | null): number | undefined {
		if (file === null) return undefined;
		switch (this.options.sortBy) {
			case "mtime":
				return file.stat.mtime;
			case "ctime":
				return file.stat.ctime;
			case "order":
				return isMarkdown(file) ? numberOf(this.frontmatter(file)?.[this.settings.orderProperty]) : undefined;
			case "name":
				return undefined;
		}
	}

	private frontmatter(file: VFile): Frontmatter | null {
		return this.snapshot.frontmatter(file.path);
	}

	private groups(entries: readonly Entry[], property: string): Array<[string, Entry[]]> {
		const byValue = new Map<string, Entry[]>();
		const none: Entry[] = [];
		for (const e of entries) {
			const source = isFolder(e.node) ? e.folderNote : e.node;
			const raw = source !== null && isMarkdown(source) ? this.frontmatter(source)?.[property] : undefined;
			const values = groupValues(raw);
			if (values.length === 0) none.push(e);
			for (const v of values) {
				const list = byValue.get(v);
				if (list === undefined) byValue.set(v, [e]);
				else if (list[list.length - 1] !== e) list.push(e);
			}
		}
		const compare = this.compareNames;
		const keys = [...byValue.keys()].sort((a, b) => compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
		const out: Array<[string, Entry[]]> = keys.map((k) => [k, byValue.get(k)!]);
		if (none.length > 0) out.push([`(no ${property})`, none]);
		return out;
	}

	/** The link for one file (note, `.base`, other file, or folder note). */
	private fileLink(file: VFile): string {
		const settings = this.settings;
		const md = isMarkdown(file);
		const isBase = file.extension.toLowerCase() === "base";
		let alias: string | undefined;
		if (md && settings.useTitleProperty) alias = titleOf(this.frontmatter(file)?.[settings.titleProperty]);
		const fixedFolderNote =
			this.fixed !== null && md && file.name === `${this.fixed}.md` && file.parent !== null && !file.parent.isRoot();
		if (alias === undefined && fixedFolderNote) alias = file.parent.name;
		if (alias === undefined && isBase) alias = file.basename;
		const shown = alias ?? (md ? file.basename : file.name);

		const linkText = settings.linkFormat === "obsidian" ? this.ctx.linkText : undefined;
		if (linkText === undefined && settings.linkStyle === "markdown") {
			return markdownLink(shown, relativeDestination(this.relativePath(file)));
		}
		// A name another file shares (case-insensitively) is written with the shortest path that opens this one.
		const target = fixedFolderNote ? file.path.slice(0, -3) : linkText !== undefined ? "" : this.linkNames().linkPath(file);
		// Obsidian's own format may write the folders too (relative / absolute): check every segment.
		const safe =
			(linkText !== undefined || fixedFolderNote
				? safeWikiPath(file.path)
				: target.includes("/")
					? safeWikiPath(target)
					: safeWikiTarget(target)) &&
			(alias === undefined || safeWikiAlias(alias));
		if (!safe) return markdownLink(shown, absoluteDestination(file.path));
		if (linkText !== undefined) {
			const link = oneLine(linkText(file, this.indexNote.path, alias));
			// Never let a line we write hold `%%` (it would end the block early on the next scan).
			return link.includes("%%") ? markdownLink(shown, absoluteDestination(file.path)) : link;
		}
		return alias === undefined ? `[[${target}]]` : `[[${target}|${alias}]]`;
	}

	private linkNames(): LinkNames {
		if (this.names === null) this.names = this.ctx.names?.() ?? buildLinkNames(this.snapshot.root);
		return this.names;
	}

	private relativePath(file: VFile): string {
		const prefix = this.noteDirPrefix;
		return prefix !== "" && file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path;
	}
}

const EMPTY: Set<string> = new Set();

function oneLine(s: string): string {
	return s.includes("\n") || s.includes("\r") ? s.replace(/[\r\n]+/g, " ") : s;
}

function numberOf(value: unknown): number | undefined {
	if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
	if (typeof value === "string" && value.trim() !== "") {
		const n = Number(value);
		return Number.isFinite(n) ? n : undefined;
	}
	return undefined;
}

/** A usable title: a non-blank string, whitespace runs (newlines included) collapsed, trimmed. */
export function titleOf(value: unknown): string | undefined {
	if (typeof value !== "string") return undefined;
	const t = value.replace(/\s+/g, " ").trim();
	return t === "" ? undefined : t;
}

function groupValues(raw: unknown): string[] {
	const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
	const out: string[] = [];
	for (const v of list) {
		if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
			const s = String(v).replace(/\s+/g, " ").trim();
			if (s !== "" && !out.includes(s)) out.push(s);
		}
	}
	return out;
}

/** The lines of the index of `folder` held by `indexNote` (no line endings). */
export function renderIndexLines(indexNote: VFile, folder: VFolder, options: IndexOptions, ctx: TreeContext): string[] {
	return new TreeWriter(ctx, indexNote, options).render(folder);
}
