/**
 * The boundary of the facts feature: what the pure core offers the CLI and the plugin, and what
 * they give it (an HTTP GET, a clock, a sleep). Nothing here imports `obsidian` or Node.
 *
 * Flow: notes (path, name, frontmatter) → `gatherFacts` (which fetches through an injected
 * `HttpGet`, one request per package per run, at most 4 at once per host, retries) →
 * a `NoteFacts` per note with proposals (current value, new value, where it comes from, ticked
 * or not) → the caller writes the ticked keys (`processFrontMatter` in the app, an atomic write
 * in the CLI).
 */

/** The registries and the repository host that facts come from. */
export type SourceId = "pypi" | "npm" | "crates" | "github";
/** The registries a `package` property may name (`pypi:django`). */
export type RegistryId = "pypi" | "npm" | "crates";

/** A package as the `package` property names it: `pypi:django`, `npm:express`, `crates:actix-web`. */
export interface PackageRef {
	readonly registry: RegistryId;
	readonly name: string;
}

/** The facts, in the order the built-in template lists them (after its earlier keys). */
export const FACT_KEYS = [
	"language",
	"license",
	"first_release",
	"latest_version",
	"latest_release",
	"website",
	"repository",
	"stars",
	"archived",
	"last_commit",
	"summary",
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** A checked value: text (≤ 300 characters, no control characters), a finite number or a boolean. Dates are `YYYY-MM-DD` text. */
export type FactValue = string | number | boolean;

/** One fact from one source, with where it comes from in words ("first upload to PyPI: 2010"). */
export interface Fact {
	readonly key: FactKey;
	readonly value: FactValue;
	readonly source: SourceId;
	readonly provenance: string;
}

/** A value in a response that was not used, and why ("license: longer than 300 characters"). */
export interface SkippedValue {
	readonly source: SourceId;
	readonly field: string;
	readonly reason: string;
}

/** Base URLs of the sources (settings; a company mirror works). No trailing slash needed. */
export interface SourceBases {
	readonly pypi: string;
	readonly npm: string;
	readonly crates: string;
	readonly github: string;
}

export const DEFAULT_SOURCE_BASES: SourceBases = Object.freeze({
	pypi: "https://pypi.org",
	npm: "https://registry.npmjs.org",
	crates: "https://crates.io",
	github: "https://api.github.com",
});

/** A GET request: the URL and headers (names lower-case). */
export interface HttpRequest {
	readonly url: string;
	readonly headers: ReadonlyMap<string, string>;
}

/** A response: status, headers (names lower-case) and the body as text. */
export interface HttpResponse {
	readonly status: number;
	readonly headers: ReadonlyMap<string, string>;
	readonly text: string;
}

/**
 * Why a request got no response. Adapters reject with this: `offline` (no connection, DNS
 * failure, refused), `timeout` (10 s), `too-large` (body over 20 MB, refused unread).
 */
export class HttpFailure extends Error {
	constructor(
		readonly reason: "offline" | "timeout" | "too-large" | "other",
		message: string,
	) {
		super(message);
		this.name = "HttpFailure";
	}
}

/** The one thing the core needs of the network. The CLI gives Node's http(s); the app gives `requestUrl`. */
export type HttpGet = (request: HttpRequest) => Promise<HttpResponse>;

/** A note as the facts feature sees it. `frontmatter` keys are user-controlled: a Map, never an object. */
export interface FactsNote {
	/** Vault path, `Web/Django.md`. */
	readonly path: string;
	/** File name without extension (`AWS Chalice`): what a package is guessed from. */
	readonly name: string;
	readonly frontmatter: ReadonlyMap<string, unknown>;
}

export interface GatherOptions {
	readonly bases: SourceBases;
	/** Optional GitHub token (CLI: `GITHUB_TOKEN`; app: secret storage). Sent only to the GitHub base URL. */
	readonly githubToken?: string | null;
	/** Sent as `User-Agent` (crates.io requires one). */
	readonly userAgent: string;
	/** Waits `ms` (retries, `Retry-After`); tests pass a fake. */
	readonly sleep: (ms: number) => Promise<void>;
	/** The current time (rate-limit reset messages). */
	readonly now: () => Date;
	/** Called as requests finish: `done` of `total` notes handled. */
	readonly onProgress?: (done: number, total: number) => void;
	/** Responses already fetched in this session (the app keeps one per session); keyed by URL. */
	readonly cache?: Map<string, Promise<HttpResponse>>;
}

/** What a proposal would do to its property. */
export type ProposalKind =
	/** The note has no value (absent, null, "" or []): ticked by default. */
	| "fill"
	/** The note has a different value: unticked by default; the CLI replaces it only with `--update`. */
	| "replace";

/** One property of one note that facts would set. Values equal to the note's are not proposed. */
export interface Proposal {
	readonly key: string;
	/** The note's value now (undefined when absent). */
	readonly current: unknown;
	readonly value: FactValue;
	readonly provenance: string;
	readonly kind: ProposalKind;
	/** The preview's checkbox starts ticked (`kind === "fill"`, and `package` when guessed uniquely). */
	readonly ticked: boolean;
}

/** The outcome for one note. */
export interface NoteFacts {
	readonly path: string;
	/** The package facts came from, or null when none was named or found. */
	readonly packageRef: PackageRef | null;
	/** True when the package was guessed from the note's name (then `package` is among the proposals). */
	readonly guessed: boolean;
	readonly proposals: readonly Proposal[];
	readonly skipped: readonly SkippedValue[];
	/**
	 * Why this note failed (package not found, a bad `package` entry, an HTTP error, an ambiguous
	 * guess), or null. The proposals from the sources that did answer are still listed.
	 */
	readonly error: string | null;
}

export interface GatherResult {
	readonly notes: readonly NoteFacts[];
	/**
	 * Messages about the whole run, each said once: offline ("No connection to pypi.org: …"),
	 * GitHub's rate limit with its reset time.
	 */
	readonly messages: readonly string[];
}
