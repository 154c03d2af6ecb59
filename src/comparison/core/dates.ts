/** Dates and date-times written in frontmatter → sort keys (ms since epoch, UTC), else null. */

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year `y`, month `m`, day `d` is a real calendar day. */
function isDay(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	return d <= MONTH_DAYS[m - 1] + (leap ? 1 : 0);
}

function utcDay(y: number, m: number, d: number): number | null {
	return isDay(y, m, d) ? utcMidnight(y, m, d) : null;
}

/**
 * Midnight UTC of a calendar day, for every year 0000–9999 (`Date.UTC` alone reads the years
 * 0–99 as 1900–1999).
 */
function utcMidnight(y: number, m: number, d: number): number {
	const date = new Date(0);
	date.setUTCFullYear(y, m - 1, d);
	return date.getTime();
}

/** `YYYY-MM-DD` (a real calendar day) → ms since epoch (UTC), else null. */
export function dateKey(text: string): number | null {
	return isDate(text) ? utcMidnight(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)) : null;
}

/** Whether `dateKey(text)` is not null, without computing the key. */
export function isDate(text: string): boolean {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
	const y = digits(text, 0, 4);
	const m = digits(text, 5, 7);
	const d = digits(text, 8, 10);
	return y >= 0 && m >= 0 && d >= 0 && isDay(y, m, d);
}

/** The number written with ASCII digits in `text[from, to)`, or -1. */
function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** ISO date-time (local times read as UTC so every device sorts alike) → ms, else null. */
export function datetimeKey(text: string): number | null {
	const m = DATETIME_RE.exec(text);
	if (!m) return null;
	const day = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
	const h = Number(m[4]);
	const min = Number(m[5]);
	const s = m[6] === undefined ? 0 : Number(m[6]);
	if (day === null || h > 23 || min > 59 || s > 59) return null;
	const ms = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
	let offset = 0;
	const zone = m[8];
	if (zone !== undefined && zone !== "Z") {
		const digits = zone.replace(":", "");
		const oh = Number(digits.slice(1, 3));
		const om = Number(digits.slice(3, 5));
		if (oh > 23 || om > 59) return null;
		offset = (digits.startsWith("-") ? -1 : 1) * (oh * 60 + om) * 60_000;
	}
	return day + ((h * 60 + min) * 60 + s) * 1000 + ms - offset;
}

// ---------------------------------------------------------------- urls and links
