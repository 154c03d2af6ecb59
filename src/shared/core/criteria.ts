/**
 * The criterion language of decision notes. One criterion is one line of text:
 *
 * - condition: `<property> <op> <value>` (op `=`, `!=`, `<`, `<=`, `>`, `>=`),
 *   `<property> in [v1, v2, …]`, `<property> has <value>`, `<property> exists`;
 * - preference (in `prefer` only): a condition, or `<property> high` / `<property> low`,
 *   optionally followed by `* <weight>` (a number ≥ 0).
 *
 * Values are `true` / `false`, numbers, dates `YYYY-MM-DD`, or text (quotes optional; several
 * unquoted words are one text). A quoted value is always text. Property names with spaces are
 * quoted. The parser reads the text once, left to right (linear time on any input), and every
 * error names the criterion's text and the column where it went wrong.
 */

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type Literal =
	| { readonly kind: "boolean"; readonly value: boolean; readonly text: string }
	| { readonly kind: "number"; readonly value: number; readonly text: string }
	| { readonly kind: "date"; readonly value: string; readonly text: string }
	| { readonly kind: "text"; readonly value: string; readonly text: string };

export type Condition =
	| { readonly kind: "compare"; readonly property: string; readonly op: CompareOp; readonly value: Literal }
	| { readonly kind: "in"; readonly property: string; readonly values: readonly Literal[] }
	| { readonly kind: "has"; readonly property: string; readonly value: Literal }
	| { readonly kind: "exists"; readonly property: string };

export type Rule = Condition | { readonly kind: "high" | "low"; readonly property: string };

export interface Criterion {
	/** The criterion as written (trimmed). */
	readonly text: string;
	readonly rule: Rule;
	/** The weight (`* w`); 1 when not given. Requirements always have weight 1. */
	readonly weight: number;
	/** The text without its weight (`async = true` of `async = true * 3`). */
	readonly ruleText: string;
}

export interface CriterionError {
	/** The criterion as written (trimmed). */
	readonly text: string;
	/** Where it went wrong: a 1-based column in `text`. */
	readonly column: number;
	readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly criterion: Criterion } | { readonly ok: false; readonly error: CriterionError };

/** A longer criterion is refused (frontmatter is untrusted). */
export const MAX_CRITERION_LENGTH = 1000;

type TokenKind = "word" | "quoted" | "op" | "[" | "]" | "," | "*";

interface Token {
	readonly kind: TokenKind;
	/** The word, the text between the quotes, or the operator. */
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

class ParseFailure extends Error {
	constructor(
		readonly at: number,
		message: string,
	) {
		super(message);
	}
}

const SPECIAL = new Set(["=", "!", "<", ">", "[", "]", ",", "*"]);

function isSpace(ch: string): boolean {
	return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" || ch === "\u00a0";
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (isSpace(ch)) {
			i++;
		} else if (ch === '"' || ch === "'") {
			const close = text.indexOf(ch, i + 1);
			if (close < 0) throw new ParseFailure(i, `the quote ${ch} is not closed`);
			tokens.push({ kind: "quoted", text: text.slice(i + 1, close), start: i, end: close + 1 });
			i = close + 1;
		} else if (ch === "<" || ch === ">" || ch === "=" || ch === "!") {
			const two = text[i + 1] === "=" && ch !== "=";
			if (ch === "!" && !two) throw new ParseFailure(i, `"!" must be followed by "=" (not equal: !=)`);
			tokens.push({ kind: "op", text: two ? `${ch}=` : ch, start: i, end: i + (two ? 2 : 1) });
			i += two ? 2 : 1;
		} else if (ch === "[" || ch === "]" || ch === "," || ch === "*") {
			tokens.push({ kind: ch, text: ch, start: i, end: i + 1 });
			i++;
		} else {
			const start = i;
			while (i < text.length && !isSpace(text[i]) && !SPECIAL.has(text[i])) i++;
			tokens.push({ kind: "word", text: text.slice(start, i), start, end: i });
		}
	}
	return tokens;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` (month and day in range), or null. */
export function calendarDate(text: string): string | null {
	const m = DATE.exec(text);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1) return null;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return day <= days ? text : null;
}

/** An unquoted word's value: boolean, number, date, or text. */
export function literalOf(word: string): Literal {
	const lower = word.toLowerCase();
	if (lower === "true" || lower === "false") return { kind: "boolean", value: lower === "true", text: word };
	if (NUMBER.test(word)) {
		const value = Number(word);
		if (Number.isFinite(value)) return { kind: "number", value, text: word };
	}
	const date = calendarDate(word);
	if (date !== null) return { kind: "date", value: date, text: word };
	return { kind: "text", value: word, text: word };
}

function describe(token: Token | undefined): string {
	return token === undefined ? "the end" : `"${token.text}"`;
}

const KEYWORDS = new Set(["in", "has", "exists", "high", "low"]);

class Parser {
	private at = 0;
	constructor(
		private readonly text: string,
		private readonly tokens: readonly Token[],
		private readonly preference: boolean,
	) {}

	private peek(): Token | undefined {
		return this.tokens[this.at];
	}

	private fail(token: Token | undefined, message: string): never {
		throw new ParseFailure(token?.start ?? this.text.length, message);
	}

	parse(): Criterion {
		const first = this.peek();
		if (first === undefined) this.fail(first, "the criterion is empty");
		if (first.kind !== "word" && first.kind !== "quoted") this.fail(first, `expected a property name, found ${describe(first)}`);
		if (first.kind === "quoted" && first.text.trim() === "") this.fail(first, "the property name is empty");
		this.at++;
		const property = first.text;
		const rule = this.rule(property);
		const ruleText = this.text.slice(0, this.tokens[this.at - 1].end);
		let weight = 1;
		const star = this.peek();
		if (star?.kind === "*") {
			if (!this.preference) this.fail(star, "a requirement has no weight (weights belong to preferences)");
			this.at++;
			const w = this.peek();
			if (w === undefined || w.kind !== "word")
				this.fail(w, `expected a weight (a number of 0 or more) after "*", found ${describe(w)}`);
			const value = literalOf(w.text);
			if (value.kind !== "number") this.fail(w, `the weight must be a number, not "${w.text}"`);
			if (value.value < 0) this.fail(w, "the weight must be 0 or more");
			weight = value.value;
			this.at++;
		}
		const rest = this.peek();
		if (rest !== undefined) this.fail(rest, `unexpected ${describe(rest)}`);
		return { text: this.text, rule, weight, ruleText };
	}

	private rule(property: string): Rule {
		const token = this.peek();
		if (token?.kind === "op") {
			this.at++;
			return { kind: "compare", property, op: token.text as CompareOp, value: this.value(token) };
		}
		const keyword = token?.kind === "word" ? token.text.toLowerCase() : "";
		if (token === undefined || !KEYWORDS.has(keyword)) {
			const hint = token?.kind === "word" ? `; quote property names with spaces ("${property} ${token.text}")` : "";
			this.fail(
				token,
				`expected =, !=, <, <=, >, >=, in, has, exists${this.preference ? ", high or low" : ""} after "${property}"${hint}`,
			);
		}
		this.at++;
		switch (keyword) {
			case "exists":
				return { kind: "exists", property };
			case "has":
				return { kind: "has", property, value: this.value(token) };
			case "in":
				return { kind: "in", property, values: this.list(token) };
			default:
				if (!this.preference) this.fail(token, `"${keyword}" ranks notes: it belongs to preferences, not requirements`);
				return { kind: keyword as "high" | "low", property };
		}
	}

	/** A quoted value, or the unquoted words up to `*`, `,`, `]` or the end (one text). */
	private value(after: Token): Literal {
		const first = this.peek();
		if (first?.kind === "quoted") {
			this.at++;
			return { kind: "text", value: first.text, text: first.text };
		}
		if (first?.kind !== "word") this.fail(first, `expected a value after ${describe(after)}, found ${describe(first)}`);
		let last = first;
		while (this.peek()?.kind === "word") last = this.tokens[this.at++];
		if (last === first) return literalOf(first.text);
		const words = this.text.slice(first.start, last.end);
		return { kind: "text", value: words, text: words };
	}

	private list(after: Token): Literal[] {
		const open = this.peek();
		if (open?.kind !== "[") this.fail(open, `expected "[" after ${describe(after)}, found ${describe(open)}`);
		this.at++;
		const values: Literal[] = [];
		if (this.peek()?.kind === "]") this.fail(this.peek(), "the list is empty");
		for (;;) {
			values.push(this.value(values.length === 0 ? open : this.tokens[this.at - 1]));
			const next = this.peek();
			if (next?.kind === "]") {
				this.at++;
				return values;
			}
			if (next?.kind !== ",") this.fail(next, `expected "," or "]" in the list, found ${describe(next)}`);
			this.at++;
		}
	}
}

/** Parse one criterion; `preference` allows `high`, `low` and `* weight`. */
export function parseCriterion(raw: string, preference: boolean): ParseResult {
	const text = raw.trim();
	if (text.length > MAX_CRITERION_LENGTH) {
		return {
			ok: false,
			error: { text: text.slice(0, 80), column: MAX_CRITERION_LENGTH + 1, message: `longer than ${MAX_CRITERION_LENGTH} characters` },
		};
	}
	try {
		return { ok: true, criterion: new Parser(text, tokenize(text), preference).parse() };
	} catch (e) {
		if (!(e instanceof ParseFailure)) throw e;
		return { ok: false, error: { text, column: e.at + 1, message: e.message } };
	}
}

/** `language == Python: unexpected "=" (column 11)`. */
export function describeError(error: CriterionError): string {
	return `${error.text}: ${error.message} (column ${error.column})`;
}
