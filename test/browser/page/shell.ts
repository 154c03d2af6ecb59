/**
 * A workspace-like DOM shell in the same shape (class names) as Obsidian's, so the plugin's views,
 * the theme stylesheet and `styles.css` meet the markup they would meet in the app:
 *
 * body.theme-light | body.theme-dark
 *   .app-container > .horizontal-main-container > .workspace
 *     .workspace-ribbon.side-dock-ribbon.mod-left    (ribbon icons added by the plugin)
 *     .workspace-split.mod-vertical.mod-root         (main area: one tab group)
 *       .workspace-tabs > .workspace-tab-header-container, .workspace-tab-container > .workspace-leaf
 *     .workspace-split.mod-horizontal.mod-right-split (right sidebar, shown when a leaf lives there)
 *   .status-bar
 * .notice-container, .modal-container (layers above the app)
 */

export type LeafSide = "root" | "right";

export interface LeafSlot {
	readonly id: string;
	readonly side: LeafSide;
	readonly leafEl: HTMLElement;
	readonly tabHeaderEl: HTMLElement;
	readonly titleEl: HTMLElement;
}

export class Shell {
	readonly appEl: HTMLElement;
	readonly ribbonEl: HTMLElement;
	readonly rootTabsHeaderEl: HTMLElement;
	readonly rootTabsEl: HTMLElement;
	readonly rightSplitEl: HTMLElement;
	readonly rightTabsHeaderEl: HTMLElement;
	readonly rightTabsEl: HTMLElement;
	readonly statusBarEl: HTMLElement;
	readonly noticesEl: HTMLElement;
	private readonly slots = new Map<string, LeafSlot>();

	constructor(doc: Document) {
		const body = doc.body;
		body.empty();
		body.addClass("framework-notes-test-bed");
		this.appEl = body.createDiv({ cls: "app-container" });
		const main = this.appEl.createDiv({ cls: "horizontal-main-container" });
		const workspace = main.createDiv({ cls: "workspace" });
		this.ribbonEl = workspace.createDiv({ cls: "workspace-ribbon side-dock-ribbon mod-left" });
		const root = workspace.createDiv({ cls: "workspace-split mod-vertical mod-root" });
		const rootTabs = root.createDiv({ cls: "workspace-tabs mod-top mod-active" });
		this.rootTabsHeaderEl = rootTabs
			.createDiv({ cls: "workspace-tab-header-container" })
			.createDiv({ cls: "workspace-tab-header-container-inner", attr: { role: "tablist" } });
		this.rootTabsEl = rootTabs.createDiv({ cls: "workspace-tab-container" });
		this.rootTabsEl.createDiv({ cls: "empty-state", text: "No file is open" });
		this.rightSplitEl = workspace.createDiv({ cls: "workspace-split mod-horizontal mod-sidedock mod-right-split is-collapsed" });
		const rightTabs = this.rightSplitEl.createDiv({ cls: "workspace-tabs mod-top" });
		this.rightTabsHeaderEl = rightTabs
			.createDiv({ cls: "workspace-tab-header-container" })
			.createDiv({ cls: "workspace-tab-header-container-inner", attr: { role: "tablist" } });
		this.rightTabsEl = rightTabs.createDiv({ cls: "workspace-tab-container" });
		this.statusBarEl = this.appEl.createDiv({ cls: "status-bar" });
		this.noticesEl = body.createDiv({ cls: "notice-container" });
	}

	setTheme(theme: "light" | "dark"): void {
		const body = this.appEl.ownerDocument.body;
		body.toggleClass("theme-light", theme === "light");
		body.toggleClass("theme-dark", theme === "dark");
	}

	/** The DOM slot of a leaf, created on first use. */
	slot(id: string, side: LeafSide, onActivate: () => void, onClose: () => void): LeafSlot {
		const existing = this.slots.get(id);
		if (existing) return existing;
		const headerParent = side === "root" ? this.rootTabsHeaderEl : this.rightTabsHeaderEl;
		const tabParent = side === "root" ? this.rootTabsEl : this.rightTabsEl;
		const tabHeaderEl = headerParent.createDiv({
			cls: "workspace-tab-header",
			attr: { role: "tab", "data-leaf-id": id },
		});
		const inner = tabHeaderEl.createDiv({ cls: "workspace-tab-header-inner" });
		const titleEl = inner.createDiv({ cls: "workspace-tab-header-inner-title" });
		const closeEl = inner.createDiv({ cls: "workspace-tab-header-inner-close-button clickable-icon", attr: { "aria-label": "Close" } });
		closeEl.setText("×");
		tabHeaderEl.addEventListener("click", (evt) => {
			if (evt.target instanceof Node && closeEl.contains(evt.target)) onClose();
			else onActivate();
		});
		const leafEl = tabParent.createDiv({ cls: "workspace-leaf", attr: { "data-leaf-id": id } });
		if (side === "right") this.rightSplitEl.removeClass("is-collapsed");
		tabParent.toggleClass("has-leaves", true);
		const slot: LeafSlot = { id, side, leafEl, tabHeaderEl, titleEl };
		this.slots.set(id, slot);
		return slot;
	}

	getSlot(id: string): LeafSlot | undefined {
		return this.slots.get(id);
	}

	/** Show one leaf of its tab group, hide the others (like switching tabs). */
	activate(id: string): void {
		const slot = this.slots.get(id);
		if (!slot) return;
		for (const other of this.slots.values()) {
			if (other.side !== slot.side) continue;
			const active = other === slot;
			other.leafEl.toggleClass("mod-active", active);
			other.leafEl.toggle(active);
			other.tabHeaderEl.toggleClass("is-active", active);
			other.tabHeaderEl.setAttr("aria-selected", String(active));
		}
	}

	remove(id: string): void {
		const slot = this.slots.get(id);
		if (!slot) return;
		slot.leafEl.remove();
		slot.tabHeaderEl.remove();
		this.slots.delete(id);
		const rest = [...this.slots.values()].filter((s) => s.side === slot.side);
		const last = rest[rest.length - 1];
		if (last) this.activate(last.id);
		if (slot.side === "right" && rest.length === 0) this.rightSplitEl.addClass("is-collapsed");
		if (slot.side === "root") this.rootTabsEl.toggleClass("has-leaves", rest.length > 0);
	}

	clear(): void {
		for (const id of [...this.slots.keys()]) this.remove(id);
		this.ribbonEl.empty();
		this.statusBarEl.empty();
		this.noticesEl.empty();
	}
}

let current: Shell | null = null;

export function getShell(): Shell {
	if (!current) current = new Shell(document);
	return current;
}
