/**
 * Checks on values from untrusted responses. A response may hold anything: every value a parser
 * keeps passes one of these checks, and anything else becomes a reason in words.
 *
 * - Text: at most 300 characters after trimming, no control characters, no line or paragraph
 *   separators and no bidirectional-override characters (they could make a value read as another).
 * - URLs: `http` or `https` only, with a host and no user name or password. Git forms that name
 *   one web page unambiguously become it: `git+https://…`, `git://github.com/o/r.git`,
 *   `git@github.com:o/r.git`, `git+ssh://git@github.com/o/r.git` and npm's `github:o/r`,
 *   `gitlab:o/r`, `bitbucket:o/r` and bare `o/r` shorthands.
 * - Dates: ISO 8601 (`2010-07-21`, `2010-07-21T13:45:25.123Z`, a time zone offset) from 1980 on,
 *   given as `YYYY-MM-DD` of the UTC day. Years: whole numbers from 1980 to 2999.
 * - Counts: whole, finite, not negative.
 */

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const MAX_TEXT_LENGTH = 300;
const MIN_YEAR = 1980;
const MAX_YEAR = 2999;

function ok<T>(value: T): Checked<T> {
	return { ok: true, value };
}

function no<T>(reason: string): Checked<T> {
	return { ok: false, reason };
}

/** What a value is, for a reason ("a number", "null"). */
export function describe(value: unknown): string {
	if (value === null) return "null";
	if (Array.isArray(value)) return "a list";
	switch (typeof value) {
		case "string":
			return "text";
		case "number":
			return "a number";
		case "boolean":
			return "true or false";
		case "object":
			return "an object";
		default:
			return typeof value;
	}
}

// Control characters (C0, DEL, C1), line and paragraph separators, bidirectional controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const UNSAFE_CHARS_ALL = new RegExp(UNSAFE_CHARS.source, "g");

/** Untrusted text quoted inside a reason: unsafe characters replaced, cut to `max` characters. */
export function quote(raw: string, max = 60): string {
	const clean = raw.trim().replace(UNSAFE_CHARS_ALL, "?");
	return `"${clean.length > max ? `${clean.slice(0, max)}…` : clean}"`;
}

/** Text that may be shown and written as one frontmatter value. */
export function checkText(raw: unknown): Checked<string> {
	if (typeof raw !== "string") return no(`expected text, got ${describe(raw)}`);
	const text = raw.trim();
	if (text === "") return no("empty");
	if (text.length > MAX_TEXT_LENGTH) return no(`longer than ${MAX_TEXT_LENGTH} characters`);
	if (UNSAFE_CHARS.test(text)) return no("contains control characters or line breaks");
	return ok(text);
}

/** Forges whose git addresses map to one web page. */
const FORGES = new Map<string, string>([
	["github", "github.com"],
	["gitlab", "gitlab.com"],
	["bitbucket", "bitbucket.org"],
]);
const FORGE_HOSTS = new Set(FORGES.values());
const OWNER_REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;

function forgeUrl(host: string, path: string): string | null {
	const match = OWNER_REPO.exec(path);
	if (!match || match[1] === "." || match[1] === ".." || match[2] === "." || match[2] === "..") return null;
	return `https://${host}/${match[1]}/${match[2]}`;
}

/** A git address or npm shorthand rewritten as the https page it names, or null when it names none. */
function rewriteGit(text: string): string | null {
	const shorthand = /^(github|gitlab|bitbucket):(.+)$/i.exec(text);
	if (shorthand) {
		const host = FORGES.get((shorthand[1] ?? "").toLowerCase());
		return host ? forgeUrl(host, shorthand[2] ?? "") : null;
	}
	if (!text.includes(":")) return forgeUrl("github.com", text); // npm: `owner/repo` means GitHub
	const scp = /^git@([A-Za-z0-9.-]+):(.+)$/.exec(text);
	if (scp) {
		const host = (scp[1] ?? "").toLowerCase();
		return FORGE_HOSTS.has(host) ? forgeUrl(host, scp[2] ?? "") : null;
	}
	const git = /^(git\+https?|git\+ssh|git|ssh):\/\/(?:[^@/]+@)?([A-Za-z0-9.-]+)(?::\d+)?\/(.+)$/i.exec(text);
	if (git) {
		const scheme = (git[1] ?? "").toLowerCase();
		const host = (git[2] ?? "").toLowerCase();
		if (FORGE_HOSTS.has(host)) return forgeUrl(host, git[3] ?? "");
		if (scheme === "git+https" || scheme === "git+http") return text.slice(4);
		return null;
	}
	return null;
}

/** A web address: http or https, with a host, without credentials. Git forms are rewritten (see above). */
export function checkUrl(raw: unknown): Checked<string> {
	const text = checkText(raw);
	if (!text.ok) return text;
	let candidate = text.value;
	if (!/^https?:\/\//i.test(candidate)) {
		const rewritten = rewriteGit(candidate);
		if (rewritten === null) return no(`not an http or https address: ${quote(candidate)}`);
		candidate = rewritten;
	}
	let url: URL;
	try {
		url = new URL(candidate);
	} catch {
		return no("not a valid address");
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return no("not an http or https address");
	if (url.hostname === "") return no("an address without a host");
	if (url.username !== "" || url.password !== "") return no("an address with a user name or password");
	if (FORGE_HOSTS.has(url.hostname.toLowerCase())) {
		// `https://github.com/o/r.git` and `https://github.com/o/r/` are the repository's page.
		const page = forgeUrl(url.hostname.toLowerCase(), url.pathname.slice(1));
		if (page !== null && url.search === "" && url.hash === "") candidate = page;
	}
	return candidate.length > MAX_TEXT_LENGTH ? no(`longer than ${MAX_TEXT_LENGTH} characters`) : ok(candidate);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function pad(n: number, width: number): string {
	return String(n).padStart(width, "0");
}

/** The UTC day of an ISO 8601 date or date-time, as `YYYY-MM-DD`. */
export function checkDate(raw: unknown): Checked<string> {
	if (typeof raw !== "string") return no(`expected a date, got ${describe(raw)}`);
	const m = ISO_DATE.exec(raw.trim());
	if (!m) return no(`not a date: ${quote(raw, 40)}`);
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return no("not a valid date");
	const midnight = Date.UTC(year, month - 1, day);
	const check = new Date(midnight);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return no("not a valid date");
	let offsetMinutes = 0;
	const zone = m[7];
	if (zone !== undefined && zone.toUpperCase() !== "Z") {
		const digits = zone.slice(1).replace(":", "");
		const hours = Number(digits.slice(0, 2));
		const minutes = Number(digits.slice(2) || "0");
		if (hours > 23 || minutes > 59) return no("not a valid time zone");
		offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
	}
	const utc = new Date(midnight + ((hour * 60 + minute - offsetMinutes) * 60 + Math.min(second, 59)) * 1000);
	const y = utc.getUTCFullYear();
	if (y < MIN_YEAR) return no(`before ${MIN_YEAR}`);
	if (y > MAX_YEAR) return no(`after ${MAX_YEAR}`);
	return ok(`${pad(y, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`);
}

/** A year as a number, from a number or from a checked date. */
export function checkYear(raw: unknown): Checked<number> {
	if (typeof raw === "number") {
		if (!Number.isInteger(raw)) return no("not a whole year");
		if (raw < MIN_YEAR || raw > MAX_YEAR) return no(`not a year from ${MIN_YEAR} to ${MAX_YEAR}`);
		return ok(raw);
	}
	const date = checkDate(raw);
	return date.ok ? ok(Number(date.value.slice(0, 4))) : date;
}

/** A count (stars): a whole, finite number, not negative. */
export function checkCount(raw: unknown): Checked<number> {
	if (typeof raw !== "number") return no(`expected a number, got ${describe(raw)}`);
	if (!Number.isFinite(raw) || !Number.isInteger(raw) || raw < 0 || raw > Number.MAX_SAFE_INTEGER) return no("not a whole number");
	return ok(raw);
}

export function checkBoolean(raw: unknown): Checked<boolean> {
	return typeof raw === "boolean" ? ok(raw) : no(`expected true or false, got ${describe(raw)}`);
}

/** A version: text without spaces, at most 100 characters. */
export function checkVersion(raw: unknown): Checked<string> {
	const text = checkText(raw);
	if (!text.ok) return text;
	if (text.value.length > 100 || /\s/.test(text.value)) return no(`not a version: ${quote(text.value, 40)}`);
	return text;
}
