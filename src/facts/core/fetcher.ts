/**
 * Network hygiene over the injected `HttpGet`, pure (the clock and the sleep are injected too):
 *
 * - One request per URL per run: a result (parsed JSON, "not found" or a failure) is shared by
 *   every note that asks; with `options.cache`, answers (2xx, 404, 410) are kept for the session.
 * - At most 4 requests at once per host; the others wait their turn in order.
 * - 429 and 5xx are retried twice, after `Retry-After` (seconds or an HTTP date) or 1 s, then 2 s.
 *   A server that asks for more than 60 s is not retried: the note fails and says so.
 * - GitHub's rate limit (403 or 429 with `x-ratelimit-remaining: 0`): one message for the run with
 *   the reset time from `x-ratelimit-reset`; later GitHub requests in the run are not made.
 * - No connection (`HttpFailure` "offline"): one message for the run naming the hosts; later
 *   requests to that host are not made and their notes fail with a short error.
 * - Bodies are parsed with `JSON.parse` in a try/catch; one over 20 MB is refused.
 * - Every request sends `User-Agent`; the GitHub token goes only to the GitHub base URL.
 */
import { HttpFailure, type GatherOptions, type HttpGet, type HttpResponse } from "./types";
import { trimBase, type Source } from "./sources/source";

export type FetchResult =
	| { readonly kind: "ok"; readonly json: unknown }
	| { readonly kind: "not-found" }
	| { readonly kind: "failed"; readonly message: string };

export const MAX_PER_HOST = 4;
export const MAX_RETRIES = 2;
export const MAX_RETRY_WAIT_MS = 60_000;
export const MAX_BODY_CHARS = 20 * 1024 * 1024;

/** The host of a URL, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** At most `limit` tasks at once per key, the rest in arrival order. */
class HostLimiter {
	private readonly active = new Map<string, number>();
	private readonly waiting = new Map<string, Array<() => void>>();

	constructor(private readonly limit: number) {}

	async run<T>(host: string, task: () => Promise<T>): Promise<T> {
		await this.acquire(host);
		try {
			return await task();
		} finally {
			this.release(host);
		}
	}

	private acquire(host: string): Promise<void> {
		const active = this.active.get(host) ?? 0;
		if (active < this.limit) {
			this.active.set(host, active + 1);
			return Promise.resolve();
		}
		return new Promise((resolve) => {
			const queue = this.waiting.get(host) ?? [];
			queue.push(resolve);
			this.waiting.set(host, queue);
		});
	}

	private release(host: string): void {
		const next = this.waiting.get(host)?.shift();
		if (next)
			next(); // the slot passes straight to the next task
		else this.active.set(host, (this.active.get(host) ?? 1) - 1);
	}
}

/** How long `Retry-After` asks to wait, in ms (null when absent or unreadable). */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
	if (value === undefined) return null;
	const text = value.trim();
	if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** GitHub's primary rate limit: 403 or 429 with no requests remaining. */
function isRateLimited(response: HttpResponse): boolean {
	return (response.status === 403 || response.status === 429) && response.headers.get("x-ratelimit-remaining") === "0";
}

function utcTime(date: Date): string {
	return `${date.toISOString().slice(11, 16)} UTC`;
}

/** A request not made: its host is offline or GitHub's rate limit is used up (found while it waited its turn). */
class NotMade extends Error {}

export class Fetcher {
	private readonly results = new Map<string, Promise<FetchResult>>();
	private readonly limiter = new HostLimiter(MAX_PER_HOST);
	private readonly offline = new Map<string, string>();
	private rateLimitMessage: string | null = null;

	constructor(
		private readonly http: HttpGet,
		private readonly options: GatherOptions,
	) {}

	/** The messages about the whole run, each once. */
	messages(): string[] {
		const out: string[] = [];
		if (this.offline.size > 0) {
			const [first] = this.offline.values();
			out.push(`No connection to ${[...this.offline.keys()].join(", ")} (${first ?? ""}); the notes that need it were not filled.`);
		}
		if (this.rateLimitMessage !== null) out.push(this.rateLimitMessage);
		return out;
	}

	/** The JSON answer for `name` from `source`, fetched at most once per run. */
	get(source: Source, name: string): Promise<FetchResult> {
		const url = source.url(this.base(source), name);
		const key = `${source.accept} ${url}`;
		let result = this.results.get(key);
		if (!result) {
			result = this.fetch(source, url).catch(
				(e: unknown) => ({ kind: "failed", message: e instanceof Error ? e.message : String(e) }) as const,
			);
			this.results.set(key, result);
		}
		return result;
	}

	private base(source: Source): string {
		return source.id === "github" ? this.options.bases.github : this.options.bases[source.id];
	}

	private headers(source: Source, url: string): Map<string, string> {
		const headers = new Map<string, string>([
			["user-agent", this.options.userAgent],
			["accept", source.accept],
		]);
		const token = this.options.githubToken?.trim();
		if (source.id === "github") {
			headers.set("x-github-api-version", "2022-11-28");
			if (token && url.startsWith(`${trimBase(this.options.bases.github)}/`)) headers.set("authorization", `Bearer ${token}`);
		}
		return headers;
	}

	/** One response, through the session cache when there is one (only answers that will not change are kept). */
	private async response(source: Source, url: string): Promise<HttpResponse> {
		const cache = this.options.cache;
		const cacheKey = `${source.accept} ${url}`;
		const cached = cache?.get(cacheKey);
		if (cached) return cached;
		const host = hostOf(url);
		const pending = this.limiter.run(host, () => {
			const stop = this.stopReason(source, host);
			if (stop !== null) return Promise.reject(new NotMade(stop));
			// Mark the host offline before its slot passes on, so requests waiting for it are not made.
			return this.http({ url, headers: this.headers(source, url) }).then(
				(response) => {
					if (source.id === "github" && isRateLimited(response)) this.noteRateLimit(response.headers.get("x-ratelimit-reset"));
					return response;
				},
				(e: unknown) => {
					if (e instanceof HttpFailure && e.reason === "offline" && !this.offline.has(host)) this.offline.set(host, e.message);
					throw e;
				},
			);
		});
		if (!cache) return pending;
		cache.set(cacheKey, pending);
		try {
			const response = await pending;
			if (!(response.status >= 200 && response.status < 300) && response.status !== 404 && response.status !== 410)
				cache.delete(cacheKey);
			return response;
		} catch (e) {
			cache.delete(cacheKey);
			throw e;
		}
	}

	private async fetch(source: Source, url: string): Promise<FetchResult> {
		const host = hostOf(url);
		for (let attempt = 0; ; attempt++) {
			if (this.offline.has(host)) return { kind: "failed", message: `no connection to ${host}` };
			if (source.id === "github" && this.rateLimitMessage !== null)
				return { kind: "failed", message: "GitHub's rate limit is used up" };
			let response: HttpResponse;
			try {
				response = await this.response(source, url);
			} catch (e) {
				return this.failure(host, e);
			}
			const status = response.status;
			if (status >= 200 && status < 300) return this.json(source, host, response);
			if (status === 404 || status === 410) return { kind: "not-found" };
			const retryAfter = retryAfterMs(response.headers.get("retry-after"), this.options.now());
			if (source.id === "github" && isRateLimited(response)) {
				this.noteRateLimit(response.headers.get("x-ratelimit-reset"));
				return { kind: "failed", message: "GitHub's rate limit is used up" };
			}
			const retryable = status === 429 || status >= 500 || (status === 403 && source.id === "github" && retryAfter !== null);
			if (!retryable) return { kind: "failed", message: `${host} answered ${status}` };
			if (attempt >= MAX_RETRIES) return { kind: "failed", message: `${host} answered ${status}, also after ${MAX_RETRIES} retries` };
			const wait = retryAfter ?? 1000 * (attempt + 1);
			if (wait > MAX_RETRY_WAIT_MS) {
				return {
					kind: "failed",
					message: `${host} answered ${status} and asked to wait ${Math.ceil(wait / 1000)} s; not retried (the limit is 60 s)`,
				};
			}
			await this.options.sleep(wait);
		}
	}

	/** Why no more requests go to `host` in this run, or null. */
	private stopReason(source: Source, host: string): string | null {
		if (this.offline.has(host)) return `no connection to ${host}`;
		if (source.id === "github" && this.rateLimitMessage !== null) return "GitHub's rate limit is used up";
		return null;
	}

	private json(source: Source, host: string, response: HttpResponse): FetchResult {
		if (response.text.length > MAX_BODY_CHARS) return { kind: "failed", message: `${host} sent more than 20 MB; refused` };
		try {
			return { kind: "ok", json: JSON.parse(response.text) as unknown };
		} catch {
			return { kind: "failed", message: `${source.label} (${host}) answered with invalid JSON` };
		}
	}

	private failure(host: string, e: unknown): FetchResult {
		if (e instanceof NotMade) return { kind: "failed", message: e.message };
		if (e instanceof HttpFailure) {
			switch (e.reason) {
				case "offline":
					if (!this.offline.has(host)) this.offline.set(host, e.message);
					return { kind: "failed", message: `no connection to ${host}` };
				case "timeout":
					return { kind: "failed", message: `${host} did not answer in time` };
				case "too-large":
					return { kind: "failed", message: `${host} sent more than 20 MB; refused` };
				default:
					return { kind: "failed", message: `${host}: ${e.message}` };
			}
		}
		return { kind: "failed", message: `${host}: ${e instanceof Error ? e.message : String(e)}` };
	}

	private noteRateLimit(reset: string | undefined): void {
		if (this.rateLimitMessage !== null) return;
		const token = Boolean(this.options.githubToken?.trim());
		const advice = token ? "" : " Without a token GitHub allows 60 requests an hour; with one, 5,000.";
		const seconds = reset !== undefined && /^\d{1,12}$/.test(reset.trim()) ? Number(reset.trim()) : null;
		if (seconds === null) {
			this.rateLimitMessage = `GitHub's rate limit is used up; stars, archived and last commit were not fetched.${advice}`;
			return;
		}
		const at = new Date(seconds * 1000);
		const minutes = Math.max(1, Math.ceil((at.getTime() - this.options.now().getTime()) / 60_000));
		this.rateLimitMessage = `GitHub's rate limit is used up until ${utcTime(at)} (in ${minutes} min); stars, archived and last commit were not fetched.${advice}`;
	}
}
