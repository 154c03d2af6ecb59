/** The virtual-scroll window of the comparison table: which items to render. */

/** Items of a virtual list to render: `[start, end)`. */
export interface Window {
	readonly start: number;
	readonly end: number;
}

/** The items overlapping the viewport, plus `buffer` items on each side. */
export function visibleWindow(scrollOffset: number, viewportSize: number, itemSize: number, count: number, buffer: number): Window {
	if (count <= 0 || itemSize <= 0) return { start: 0, end: 0 };
	const first = Math.floor(Math.max(0, scrollOffset) / itemSize);
	const shown = Math.ceil(Math.max(0, viewportSize) / itemSize) + 1;
	const start = Math.max(0, Math.min(count, first) - buffer);
	const end = Math.min(count, first + shown + buffer);
	return { start, end: Math.max(start, end) };
}
