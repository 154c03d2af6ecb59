/**
 * The facts core's public surface. The CLI (`src/facts/cli/`) and the plugin (`src/facts/`)
 * import from here only.
 *
 * Contract (implemented in this folder):
 * - `parsePackageRefs(value)`: the `package` property (one text or a list) → refs; bad entries named.
 * - `formatPackageRef(ref)`: `pypi:django`.
 * - `gatherFacts(notes, http, options)`: fetch and parse; never throws; one `NoteFacts` per note, in order.
 * - `ticked(noteFacts, { update, only })`: the key → value map the CLI writes (fill always; replace
 *   only with `update`; `first_release` never replaced; `summary` only when the note has none;
 *   `package` when guessed uniquely; `only` limits the keys).
 * - `hostsOf(bases)`: the host names a run may contact, for the consent prompt and the README;
 *   `baseUrlProblem(url)`: why a source URL setting cannot be used.
 */
export * from "./types";
export { formatPackageRef, guessNames, parsePackageRefs, registriesForLanguage, registriesForNote } from "./package-ref";
export type { PackageRefsResult } from "./package-ref";
export { checkDate, checkText, checkUrl, MAX_TEXT_LENGTH } from "./values";
export type { Checked } from "./values";
export { checkLicense } from "./spdx";
export { gatherFacts } from "./gather";
export { MAX_PER_HOST, MAX_RETRIES, MAX_RETRY_WAIT_MS } from "./fetcher";
export { FILL_ONLY, isEmptyValue, sameValue, ticked } from "./proposals";
export type { TickOptions } from "./proposals";
export { baseUrlProblem, hostsOf } from "./hosts";
export { githubRepoOf } from "./sources/github";
export { changeLines, factsSummary, failureLines, noteMessages, ONLY_KEYS, onlyOption, shown } from "./report";
export type { FailureLine, ReportOptions } from "./report";
