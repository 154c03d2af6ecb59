/**
 * fast-check arbitraries shared by the property tests: frontmatter values as Obsidian's YAML
 * parser hands them over, and note or folder names that are awkward in links, Markdown and
 * sorting. Core tests may import this file too (tests are not part of the pure core).
 */
import fc from "fast-check";

/** Wikilinks as a frontmatter string holds them: plain, with an alias, a heading, a folder. */
export const WIKILINKS: readonly string[] = ["[[A]]", "[[B|b]]", "[[Flask]]", " [[Web/Flask#Intro|the Flask]] ", "see [[A]] and [[B]]"];

/**
 * Frontmatter strings that look like something else: dates (valid, impossible, with a time),
 * a bare year, URLs (safe, padded, upper-case, unsafe schemes), wikilinks, a tag, commas, blanks.
 */
export const TRICKY_FRONTMATTER_STRINGS: readonly string[] = [
	"2024-02-29",
	"2023-02-29",
	"2024-01-15T10:00",
	"2024-01-15 10:00:00Z",
	"2024-01-15T25:00",
	"1999",
	"https://a.example/x",
	" http://b.example ",
	"HTTPS://C.example",
	"mailto:a@b.c",
	"obsidian://open?x=1",
	"javascript:alert(1)",
	"[[Flask]]",
	" [[Web/Flask#Intro|the Flask]] ",
	"see [[A]] and [[B]]",
	"#tag",
	"a, b c",
	"  ",
];

/** One wikilink string. */
export function wikilink(): fc.Arbitrary<string> {
	return fc.constantFrom(...WIKILINKS);
}

/**
 * A single frontmatter value: null, the empty string, a boolean, an integer, a double, a number
 * too large for a double (as a bigint), a tricky string, any string, or a date (invalid ones too).
 */
export function frontmatterScalar(): fc.Arbitrary<unknown> {
	return fc.oneof(
		fc.constant(null),
		fc.constant(""),
		fc.boolean(),
		fc.integer(),
		fc.double(),
		fc.bigInt({ min: -100000000000000000000n, max: 100000000000000000000n }),
		fc.constantFrom(...TRICKY_FRONTMATTER_STRINGS),
		fc.string(),
		fc.date({ noInvalidDate: false }),
	);
}

/**
 * Any frontmatter value: a scalar, a list (with holes and wikilinks), or an object whose values
 * nest `depth` levels deep (1: an object of scalars).
 */
export function frontmatterValue(depth = 1): fc.Arbitrary<unknown> {
	const scalar = frontmatterScalar();
	const inner = depth <= 1 ? scalar : frontmatterValue(depth - 1);
	return fc.oneof(
		scalar,
		fc.array(fc.oneof(scalar, fc.constant(undefined), fc.constantFrom("[[A]]", "[[B|b]]")), { maxLength: 4 }),
		fc.dictionary(fc.string({ maxLength: 3 }), inner, { maxKeys: 2 }),
	);
}

export interface PoolOptions {
	/** Bounds of the whole numbers drawn (default 1990 to 2030, years). */
	readonly numbers?: { readonly min: number; readonly max: number };
	/** The strings drawn. */
	readonly strings?: readonly string[];
	/** The lists and objects drawn. */
	readonly structures?: readonly unknown[];
}

/**
 * A frontmatter value from a small pool, so that notes often share values (majorities, conflicts
 * between types, a column changing type): absent (undefined), null, empty, a boolean, a whole
 * number, a few strings (by default a number, a URL, a date, a wikilink), lists and an object.
 */
export function pooledFrontmatterValue(options: PoolOptions = {}): fc.Arbitrary<unknown> {
	const numbers = options.numbers ?? { min: 1990, max: 2030 };
	const strings = options.strings ?? ["2010", "text", "https://x.example", "2024-01-01", "[[A]]"];
	const structures = options.structures ?? [["[[A]]"], ["a", "b"], [], { k: 1 }];
	return fc.oneof(
		fc.constant(undefined),
		fc.constant(null),
		fc.constant(""),
		fc.boolean(),
		fc.integer(numbers),
		fc.constantFrom(...strings),
		fc.constantFrom(...structures),
	);
}

/**
 * Note and folder names that are awkward somewhere: spaces (inside, leading), brackets, `#`, `|`,
 * `%%`, a backtick, accented and non-Latin letters, digits that sort numerically, and a leading dot.
 */
export const AWKWARD_NAMES: readonly string[] = [
	"Note 2",
	"x y",
	" lead",
	"a [b]",
	"[x]",
	"C# x",
	"x#y",
	"a|b",
	"50%% off",
	"t`t",
	"é",
	"ä",
	"日本",
	"10",
	"2",
	".dot",
];

/**
 * A note or folder name: mostly one of `AWKWARD_NAMES` or `extra` (names a test needs, such as
 * case twins), sometimes a short random letters-digits-spaces name.
 */
export function awkwardName(extra: readonly string[] = []): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...AWKWARD_NAMES, ...extra) },
		{ weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ]{0,5}$/) },
	);
}
