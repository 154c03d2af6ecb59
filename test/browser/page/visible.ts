import { Notice as MockNotice } from "obsidian-test-mocks/obsidian";
import { iconGlyph } from "./patches";
import { getShell } from "./shell";

const DEFAULT_NOTICE_MS = 5000;

/** A notice that shows in the page's notice layer, like Obsidian's toasts. */
export class Notice extends MockNotice {
	constructor(message: string | DocumentFragment, duration?: number) {
		super(message, duration);
		this.containerEl.addClass("notice");
		this.containerEl.setAttr("role", "status");
		this.messageEl.addClass("notice-message");
		getShell().noticesEl.appendChild(this.containerEl);
		const ms = duration ?? DEFAULT_NOTICE_MS;
		if (ms > 0) window.setTimeout(() => this.hide(), ms);
	}

	override hide(): void {
		this.containerEl.remove();
	}
}

/** Draws an icon as an inline SVG holding one glyph (the page has no Lucide icon set). */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = parent.createSvg("svg", {
		cls: ["svg-icon", `lucide-${iconId}`],
		attr: { viewBox: "0 0 24 24", width: "18", height: "18", "aria-hidden": "true", "data-icon": iconId },
	});
	const glyph = svg.createSvg("text", {
		attr: { x: "12", y: "13", "text-anchor": "middle", "dominant-baseline": "middle", "font-size": "18", fill: "currentColor" },
	});
	glyph.textContent = iconGlyph(iconId);
}
