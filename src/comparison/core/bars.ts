/** Number bars of the comparison table: how long a number's bar is within its column. */

/** Bar length step 0–10 of a number between `min` and `max` (0 when they are equal). */
export function barLevel(value: number, min: number | undefined, max: number | undefined): number {
	if (min === undefined || max === undefined || !Number.isFinite(value) || max <= min) return max === min && max !== undefined ? 10 : 0;
	const ratio = (value - min) / (max - min);
	return Math.max(0, Math.min(10, Math.round(ratio * 10)));
}
