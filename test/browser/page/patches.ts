/**
 * Fills the gaps between `obsidian-test-mocks` (an in-memory Obsidian for unit tests, where nothing
 * is on screen) and a page a person can look at: leaves mount their views in the workspace shell,
 * ribbon icons, notices, modals and menus appear in the document, and `getActiveViewOfType` works.
 * Everything here patches the mocks' prototypes once, when the page's bundle loads.
 */
import type { View, ViewCreator, ViewState } from "obsidian";
import { FileView, ItemView, Menu, MenuItem, Modal, Plugin, Workspace, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { getShell, type LeafSide } from "./shell";

/** Every view type registered by a plugin in this page. */
export const viewRegistry = new Map<string, ViewCreator>();

const leafSide = new WeakMap<WorkspaceLeaf, LeafSide>();
const viewHeaders = new WeakMap<View, { titleEl: HTMLElement; actionsEl: HTMLElement }>();
/** Leaves that show a plain note (the stand-in for a Markdown view). */
const noteLeaves = new WeakMap<WorkspaceLeaf, HTMLElement>();

type AsyncVoid = Promise<void>;

/** A prototype's method before patching (called later with `.call(this, ...)`). */
function original<T extends object, K extends keyof T>(proto: T, key: K): T[K] {
	return Reflect.get(proto, key);
}

// ---------------------------------------------------------------- plugins

const originalRegisterView = original(Plugin.prototype, "registerView");
Plugin.prototype.registerView = function registerView(this: Plugin, type: string, creator: ViewCreator): void {
	originalRegisterView.call(this, type, creator);
	viewRegistry.set(type, creator);
	this.register(() => viewRegistry.delete(type));
};

Plugin.prototype.addRibbonIcon = function addRibbonIcon(
	this: Plugin,
	icon: string,
	title: string,
	callback: (evt: MouseEvent) => unknown,
): HTMLElement {
	const el = getShell().ribbonEl.createDiv({
		cls: "side-dock-ribbon-action clickable-icon",
		attr: { "aria-label": title, role: "button", "data-icon": icon },
	});
	el.setText(iconGlyph(icon));
	const onClick = (evt: MouseEvent): void => {
		void callback(evt);
	};
	el.addEventListener("click", onClick);
	this.register(() => el.remove());
	return el;
};

Plugin.prototype.addStatusBarItem = function addStatusBarItem(this: Plugin): HTMLElement {
	const el = getShell().statusBarEl.createDiv({ cls: "status-bar-item" });
	this.register(() => el.remove());
	return el;
};

// ---------------------------------------------------------------- views and leaves

function headerOf(view: View): { titleEl: HTMLElement; actionsEl: HTMLElement } {
	const existing = viewHeaders.get(view);
	if (existing) return existing;
	const headerEl = createDiv({ cls: "view-header" });
	view.containerEl.prepend(headerEl);
	const titleEl = headerEl.createDiv({ cls: "view-header-title-container" }).createDiv({ cls: "view-header-title" });
	const actionsEl = headerEl.createDiv({ cls: "view-actions" });
	const header = { titleEl, actionsEl };
	viewHeaders.set(view, header);
	return header;
}

ItemView.prototype.addAction = function addAction(
	this: ItemView,
	icon: string,
	title: string,
	callback: (evt: MouseEvent) => unknown,
): HTMLElement {
	const { actionsEl } = headerOf(this as unknown as View);
	const el = actionsEl.createEl("button", {
		cls: "clickable-icon view-action",
		attr: { "aria-label": title, "data-icon": icon },
	});
	el.setText(iconGlyph(icon));
	el.addEventListener("click", (evt) => {
		void callback(evt);
	});
	return el;
};

function slotFor(leaf: WorkspaceLeaf): HTMLElement {
	const shell = getShell();
	const side = leafSide.get(leaf) ?? "root";
	const slot = shell.slot(
		leaf.id__,
		side,
		() => leaf.app__.workspace.setActiveLeaf(leaf),
		() => leaf.detach(),
	);
	return slot.leafEl;
}

function refreshTitle(leaf: WorkspaceLeaf): void {
	const slot = getShell().getSlot(leaf.id__);
	if (!slot) return;
	const text = leaf.view ? leaf.view.getDisplayText() : (leaf.file__?.basename ?? "");
	slot.titleEl.setText(text);
	if (leaf.view) headerOf(leaf.view).titleEl.setText(text);
}

async function closeView(leaf: WorkspaceLeaf): AsyncVoid {
	const view = leaf.view;
	if (!view) return;
	leaf.view = null;
	await (view as unknown as { onClose(): AsyncVoid }).onClose();
	view.unload();
	view.containerEl.remove();
}

async function mountView(leaf: WorkspaceLeaf, view: View, state: unknown): AsyncVoid {
	await closeView(leaf);
	noteLeaves.get(leaf)?.remove();
	noteLeaves.delete(leaf);
	const leafEl = slotFor(leaf);
	leaf.view = view;
	view.containerEl.addClass("workspace-leaf-content");
	view.containerEl.setAttr("data-type", view.getViewType());
	headerOf(view);
	const contentEl = (view as unknown as { contentEl?: HTMLElement }).contentEl;
	contentEl?.addClass("view-content");
	leafEl.appendChild(view.containerEl);
	view.load();
	await (view as unknown as { onOpen(): AsyncVoid }).onOpen();
	if (state !== undefined && state !== null) {
		await view.setState(state, { history: false });
	}
	refreshTitle(leaf);
}

const originalSetViewState = original(WorkspaceLeaf.prototype, "setViewState");
WorkspaceLeaf.prototype.setViewState = async function setViewState(
	this: WorkspaceLeaf,
	viewState: ViewState,
	eState?: Record<string, unknown>,
): AsyncVoid {
	await originalSetViewState.call(this, viewState, eState);
	const creator = viewRegistry.get(viewState.type);
	if (creator) {
		const view = creator(this.asOriginalType3__());
		await mountView(this, view, viewState.state);
	}
	if (viewState.active === true) this.app__.workspace.setActiveLeaf(this);
	else if (!this.app__.workspace.activeLeaf) this.app__.workspace.setActiveLeaf(this);
	else getShell().activate(this.id__);
};

const originalGetViewState = original(WorkspaceLeaf.prototype, "getViewState");
WorkspaceLeaf.prototype.getViewState = function getViewState(this: WorkspaceLeaf): ViewState {
	const base = originalGetViewState.call(this);
	if (!this.view) return base;
	return { ...base, type: this.view.getViewType(), state: this.view.getState() };
};

WorkspaceLeaf.prototype.open = async function open(this: WorkspaceLeaf, view: View): Promise<View> {
	await mountView(this, view, undefined);
	return view;
};

const originalOpenFile = original(WorkspaceLeaf.prototype, "openFile");
WorkspaceLeaf.prototype.openFile = async function openFile(this: WorkspaceLeaf, ...args: Parameters<WorkspaceLeaf["openFile"]>): AsyncVoid {
	await originalOpenFile.apply(this, args);
	await closeView(this);
	const file = args[0];
	const leafEl = slotFor(this);
	noteLeaves.get(this)?.remove();
	const noteEl = leafEl.createDiv({ cls: "workspace-leaf-content", attr: { "data-type": "markdown", "data-path": file.path } });
	noteEl.createDiv({ cls: "view-header" }).createDiv({ cls: "view-header-title", text: file.basename });
	const body = noteEl.createDiv({ cls: "view-content markdown-source-view" }).createEl("pre", { cls: "test-bed-note-text" });
	noteLeaves.set(this, noteEl);
	body.setText(await this.app__.vault.read(file));
	refreshTitle(this);
	this.app__.workspace.setActiveLeaf(this);
};

const originalDetach = original(WorkspaceLeaf.prototype, "detach");
WorkspaceLeaf.prototype.detach = function detach(this: WorkspaceLeaf): void {
	void closeView(this);
	noteLeaves.get(this)?.remove();
	noteLeaves.delete(this);
	originalDetach.call(this);
	getShell().remove(this.id__);
};

/** Refresh open plain-note leaves after a write (the stand-in for the editor following the file). */
export async function refreshNoteLeaves(workspace: Workspace): AsyncVoid {
	const leaves: WorkspaceLeaf[] = [];
	workspace.iterateAllLeaves((leaf) => leaves.push(WorkspaceLeaf.fromOriginalType3__(leaf as never)));
	for (const leaf of leaves) {
		const el = noteLeaves.get(leaf);
		const file = leaf.file__;
		if (!el || !file) continue;
		const text = await leaf.app__.vault.read(file);
		el.find("pre")?.setText(text);
	}
}

const originalSetActiveLeaf = original(Workspace.prototype, "setActiveLeaf");
Workspace.prototype.setActiveLeaf = function setActiveLeaf(this: Workspace, ...args: Parameters<Workspace["setActiveLeaf"]>): void {
	originalSetActiveLeaf.apply(this, args);
	getShell().activate(args[0].id__);
};

Workspace.prototype.getActiveViewOfType = function getActiveViewOfType<T extends View>(
	this: Workspace,
	type: abstract new (...args: never[]) => T,
): T | null {
	const view = this.activeLeaf?.view;
	return view instanceof type ? view : null;
};

/**
 * Obsidian's `getLeaf(false)` reuses the active leaf only when it can be navigated (a file view,
 * or an empty tab); a static view such as the comparison pane stays, and the note opens in the
 * most recent navigable tab or a new one. (The mock always reuses the active leaf, and its
 * `View.navigation` defaults to true where Obsidian's base `View` is not navigable.)
 */
function navigable(leaf: WorkspaceLeaf): boolean {
	return leafSide.get(leaf) !== "right" && (leaf.view === null || leaf.view instanceof FileView);
}

const originalGetLeaf = original(Workspace.prototype, "getLeaf");
Workspace.prototype.getLeaf = function getLeaf(this: Workspace, ...args: Parameters<Workspace["getLeaf"]>): WorkspaceLeaf {
	const [newLeaf] = args;
	if (newLeaf !== undefined && newLeaf !== false) return originalGetLeaf.apply(this, args);
	const active = this.activeLeaf;
	if (active && navigable(active)) return active;
	const leaves: WorkspaceLeaf[] = [];
	this.iterateRootLeaves((leaf) => leaves.push(WorkspaceLeaf.fromOriginalType3__(leaf as never)));
	const recent = [...leaves].reverse().find((leaf) => navigable(leaf));
	return recent ?? originalGetLeaf.call(this, "tab");
};

const originalGetRightLeaf = original(Workspace.prototype, "getRightLeaf");
Workspace.prototype.getRightLeaf = function getRightLeaf(this: Workspace, split: boolean): WorkspaceLeaf | null {
	const leaf = originalGetRightLeaf.call(this, split);
	if (leaf) leafSide.set(leaf, "right");
	return leaf;
};

const originalEnsureSideLeaf = original(Workspace.prototype, "ensureSideLeaf");
Workspace.prototype.ensureSideLeaf = async function ensureSideLeaf(
	this: Workspace,
	...args: Parameters<Workspace["ensureSideLeaf"]>
): ReturnType<Workspace["ensureSideLeaf"]> {
	const [type, side] = args;
	const existing = this.getLeavesOfType(type)[0];
	if (existing) return existing;
	const leaf = await originalEnsureSideLeaf.apply(this, args);
	if (side === "right") leafSide.set(WorkspaceLeaf.fromOriginalType3__(leaf as never), "right");
	await leaf.setViewState({ type, active: true });
	return leaf;
};

// ---------------------------------------------------------------- modals and menus

const modalBackdrops = new WeakMap<Modal, HTMLElement>();

Modal.prototype.open = function open(this: Modal): void {
	const layer = document.body.createDiv({ cls: "modal-container mod-dim" });
	layer.createDiv({ cls: "modal-bg" });
	this.modalEl.addClass("modal");
	this.modalEl.setAttr("role", "dialog");
	this.titleEl.addClass("modal-title");
	this.contentEl.addClass("modal-content");
	this.modalEl.prepend(this.titleEl);
	layer.appendChild(this.modalEl);
	modalBackdrops.set(this, layer);
	this.onOpen();
};

const originalModalClose = original(Modal.prototype, "close");
Modal.prototype.close = function close(this: Modal): void {
	const layer = modalBackdrops.get(this);
	if (!layer) return;
	modalBackdrops.delete(this);
	layer.remove();
	originalModalClose.call(this);
};

function showMenu(menu: Menu, x: number, y: number): void {
	document.body.findAll(".menu").forEach((el) => el.remove());
	const menuEl = document.body.createDiv({ cls: "menu", attr: { role: "menu" } });
	menuEl.setCssStyles({ left: `${x}px`, top: `${y}px` });
	for (const item of menu.items__) {
		if (!(item instanceof MenuItem)) {
			menuEl.createDiv({ cls: "menu-separator" });
			continue;
		}
		const title = typeof item.title__ === "string" ? item.title__ : (item.title__.textContent ?? "");
		const itemEl = menuEl.createDiv({ cls: "menu-item", attr: { role: "menuitem" } });
		itemEl.createDiv({ cls: "menu-item-icon", text: item.icon__ ? iconGlyph(item.icon__) : "" });
		itemEl.createDiv({ cls: "menu-item-title", text: title });
		if (item.disabled__) itemEl.addClass("is-disabled");
		itemEl.addEventListener("click", (evt) => {
			menuEl.remove();
			item.onClick__?.(evt);
		});
	}
	const dismiss = (evt: MouseEvent): void => {
		if (evt.target instanceof Node && menuEl.contains(evt.target)) return;
		menuEl.remove();
		document.removeEventListener("mousedown", dismiss, true);
	};
	document.addEventListener("mousedown", dismiss, true);
}

Menu.prototype.showAtMouseEvent = function showAtMouseEvent(this: Menu, evt: MouseEvent): Menu {
	showMenu(this, evt.clientX, evt.clientY);
	return this;
};

Menu.prototype.showAtPosition = function showAtPosition(this: Menu, position: { x: number; y: number }): Menu {
	showMenu(this, position.x, position.y);
	return this;
};

// ---------------------------------------------------------------- icons

/**
 * The page has no icon font: an icon is a one-character glyph (Obsidian draws Lucide SVGs here).
 * Unknown names fall back to a neutral dot so that a button never renders empty.
 */
const GLYPHS: Readonly<Record<string, string>> = {
	"arrow-down": "↓",
	"arrow-up": "↑",
	"arrow-up-down": "⇅",
	"arrow-left-right": "⇄",
	check: "✓",
	"chevron-down": "▾",
	"chevron-right": "▸",
	columns: "▥",
	copy: "⧉",
	"eye-off": "◌",
	eye: "◉",
	filter: "⏷",
	"list-filter": "⏷",
	plus: "+",
	"refresh-cw": "↻",
	save: "⤓",
	search: "⌕",
	settings: "⚙",
	table: "▦",
	"table-2": "▦",
	x: "✕",
	"alert-triangle": "⚠",
	"triangle-alert": "⚠",
	"git-compare": "⇆",
	"git-compare-arrows": "⇆",
	"layout-list": "☰",
	group: "⊞",
	rows: "☰",
	"rotate-cw": "↻",
};

export function iconGlyph(icon: string): string {
	return GLYPHS[icon] ?? "•";
}
