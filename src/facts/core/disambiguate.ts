/**
 * A guessed name found on several registries (`django` is on PyPI and on npm): the note's own
 * words can tell which package it is about. The note's summary and category are compared with
 * each package's description; one package is chosen only when its description shares clearly
 * more words with the note than any other (at least `MIN_SHARED` words, and at least twice as
 * many as the runner-up). Otherwise the guess stays ambiguous and nothing is written.
 */

/** Words too common to tell packages apart. */
const STOP_WORDS: ReadonlySet<string> = new Set([
	"about",
	"also",
	"based",
	"been",
	"built",
	"comes",
	"from",
	"great",
	"have",
	"into",
	"just",
	"like",
	"more",
	"most",
	"only",
	"other",
	"over",
	"some",
	"such",
	"than",
	"that",
	"their",
	"them",
	"they",
	"this",
	"used",
	"uses",
	"very",
	"what",
	"when",
	"where",
	"which",
	"while",
	"will",
	"with",
	"your",
]);

/** At least this many shared words before a description counts as a match. */
export const MIN_SHARED = 3;

/** The distinct words of `text` worth comparing: lower case, letters and digits, four or more characters. */
export function contentWords(text: string): Set<string> {
	const out = new Set<string>();
	for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
		if (word.length >= 4 && !STOP_WORDS.has(word)) out.add(word);
	}
	return out;
}

/**
 * The index of the description that clearly matches `noteText` best, or null when none does
 * (no note text, no description, too few shared words, or a close runner-up).
 */
export function clearBestMatch(noteText: string, descriptions: readonly (string | null)[]): number | null {
	const note = contentWords(noteText);
	if (note.size === 0) return null;
	const scores = descriptions.map((d) => {
		if (d === null) return 0;
		let shared = 0;
		for (const word of contentWords(d)) if (note.has(word)) shared++;
		return shared;
	});
	let best = -1;
	for (let i = 0; i < scores.length; i++) if (best < 0 || (scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
	const top = scores[best] ?? 0;
	const runnerUp = Math.max(0, ...scores.filter((_, i) => i !== best));
	return top >= MIN_SHARED && top >= 2 * runnerUp ? best : null;
}
