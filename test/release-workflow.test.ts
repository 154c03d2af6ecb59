/**
 * The release workflow: a tag runs every test (`npm test`) before anything is built, then the
 * plugin is built, its files are attested (build provenance) and only then released.
 */
import * as fs from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

interface Step {
	readonly uses?: string;
	readonly run?: string;
	readonly with?: Record<string, unknown>;
}
interface Job {
	readonly needs?: string | string[];
	readonly permissions?: Record<string, string>;
	readonly steps?: Step[];
}
interface Workflow {
	readonly on?: { push?: { tags?: unknown } };
	readonly permissions?: Record<string, string>;
	readonly jobs?: Record<string, Job>;
}

const PLUGIN_FILES = ["main.js", "manifest.json", "styles.css"];
const workflow = parse(fs.readFileSync(".github/workflows/release.yml", "utf8")) as Workflow;
const jobs = new Map(Object.entries(workflow.jobs ?? {}));

/** Index of the first step of `job` matching `test`, or -1. */
function stepIndex(job: Job, test: (step: Step) => boolean): number {
	return (job.steps ?? []).findIndex(test);
}

const runs = (command: RegExp) => (step: Step) => typeof step.run === "string" && command.test(step.run);

/** Every job `name` waits for, directly or not. */
function needsOf(name: string, seen = new Set<string>()): Set<string> {
	const needs = jobs.get(name)?.needs;
	for (const need of typeof needs === "string" ? [needs] : (needs ?? [])) {
		if (seen.has(need)) continue;
		seen.add(need);
		needsOf(need, seen);
	}
	return seen;
}

/** The job that builds the plugin, and the index of that step. */
function buildJob(): [string, Job, number] {
	for (const [name, job] of jobs) {
		const at = stepIndex(job, runs(/\bnpm run build\b/));
		if (at >= 0) return [name, job, at];
	}
	throw new Error("no job runs npm run build");
}

describe("the release workflow", () => {
	it("runs on a pushed tag", () => {
		expect(workflow.on?.push?.tags).toBeDefined();
	});

	it("runs npm test, after npm ci, before the plugin is built", () => {
		const [buildName, build, buildAt] = buildJob();
		const testedBefore = [...jobs].some(([name, job]) => {
			const testAt = stepIndex(job, runs(/\bnpm test\b/));
			if (testAt < 0) return false;
			const installAt = stepIndex(job, runs(/\bnpm ci\b/));
			const ordered = installAt >= 0 && installAt < testAt;
			return ordered && (name === buildName ? testAt < buildAt : needsOf(buildName).has(name));
		});
		expect(testedBefore).toBe(true);
		expect(stepIndex(build, runs(/\bnpm ci\b/))).toBeLessThan(buildAt);
	});

	it("attests main.js, manifest.json and styles.css after the build and before the release", () => {
		const [, build, buildAt] = buildJob();
		const attestAt = stepIndex(build, (step) => step.uses?.startsWith("actions/attest-build-provenance@") === true);
		const releaseAt = stepIndex(build, runs(/\bgh release create\b/));
		expect(buildAt).toBeLessThan(attestAt);
		expect(attestAt).toBeLessThan(releaseAt);

		const subjectPath = build.steps?.[attestAt]?.with?.["subject-path"];
		const subjects = (typeof subjectPath === "string" ? subjectPath : "").split(/[\n,]/).map((line) => line.trim());
		for (const file of PLUGIN_FILES) expect(subjects).toContain(file);
		const released = build.steps?.[releaseAt]?.run ?? "";
		for (const file of PLUGIN_FILES) expect(released.split(/\s+/)).toContain(file);

		// Signing needs an OIDC token; storing the attestation needs its own permission.
		const permissions = { ...workflow.permissions, ...build.permissions };
		expect(permissions).toMatchObject({ "id-token": "write", attestations: "write", contents: "write" });
	});
});
