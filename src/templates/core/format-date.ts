/**
 * A small, pure date formatter for the common moment.js tokens. The plugin passes Obsidian's
 * `moment` instead; the CLI and tests use this one. Local time, English names.
 */

export type FormatDate = (date: Date, format: string) => string;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(value: number, width: number): string {
	return String(Math.abs(value)).padStart(width, "0");
}

function ordinal(n: number): string {
	const rem100 = n % 100;
	if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
	const suffix = ["th", "st", "nd", "rd"][n % 10] ?? "th";
	return `${n}${suffix}`;
}

function offset(date: Date, separator: string): string {
	const minutes = -date.getTimezoneOffset();
	const sign = minutes < 0 ? "-" : "+";
	return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${separator}${pad(Math.abs(minutes) % 60, 2)}`;
}

function hours12(date: Date): number {
	const h = date.getHours() % 12;
	return h === 0 ? 12 : h;
}

const TOKENS: Readonly<Record<string, (d: Date) => string>> = {
	YYYY: (d) => pad(d.getFullYear(), 4),
	YY: (d) => pad(d.getFullYear() % 100, 2),
	Q: (d) => String(Math.floor(d.getMonth() / 3) + 1),
	MMMM: (d) => MONTHS[d.getMonth()] ?? "",
	MMM: (d) => (MONTHS[d.getMonth()] ?? "").slice(0, 3),
	MM: (d) => pad(d.getMonth() + 1, 2),
	M: (d) => String(d.getMonth() + 1),
	Do: (d) => ordinal(d.getDate()),
	DD: (d) => pad(d.getDate(), 2),
	D: (d) => String(d.getDate()),
	dddd: (d) => DAYS[d.getDay()] ?? "",
	ddd: (d) => (DAYS[d.getDay()] ?? "").slice(0, 3),
	dd: (d) => (DAYS[d.getDay()] ?? "").slice(0, 2),
	d: (d) => String(d.getDay()),
	HH: (d) => pad(d.getHours(), 2),
	H: (d) => String(d.getHours()),
	hh: (d) => pad(hours12(d), 2),
	h: (d) => String(hours12(d)),
	mm: (d) => pad(d.getMinutes(), 2),
	m: (d) => String(d.getMinutes()),
	ss: (d) => pad(d.getSeconds(), 2),
	s: (d) => String(d.getSeconds()),
	SSS: (d) => pad(d.getMilliseconds(), 3),
	A: (d) => (d.getHours() < 12 ? "AM" : "PM"),
	a: (d) => (d.getHours() < 12 ? "am" : "pm"),
	ZZ: (d) => offset(d, ""),
	Z: (d) => offset(d, ":"),
	X: (d) => String(Math.floor(d.getTime() / 1000)),
	x: (d) => String(d.getTime()),
};

/** Longest tokens first so that `YYYY` wins over `YY`; `[text]` is copied literally. */
const TOKEN_PATTERN = /\[([^\]]*)\]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;

/** Format `date` with a moment-style format string (common tokens only). */
export const formatDate: FormatDate = (date, format) =>
	format.replace(TOKEN_PATTERN, (match: string, literal: string | undefined) => {
		if (literal !== undefined) return literal;
		const token = TOKENS[match];
		return token ? token(date) : match;
	});
