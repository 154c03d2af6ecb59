import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, describeProblem, migrate, PRESERVED_KEY, SETTINGS_VERSION, toStoredData, upgrade } from "./settings";

/** What the plugin would write back after reading `raw`, as JSON would store it. */
function storedAfter(raw: unknown): unknown {
	const result = migrate(raw);
	return JSON.parse(JSON.stringify(toStoredData(result.settings, result.preserved))) as unknown;
}

describe("migration steps", () => {
	it("version 0 → 1: a flat Waypoint data.json moves into the index section; other keys stay", () => {
		const out = upgrade(
			new Map<string, unknown>([
				["useWikiLinks", true],
				["numSpaces", 3],
				["debugLogging", true],
			]),
			0,
		);
		expect(out.get("version")).toBe(1);
		expect(out.get("index")).toEqual({ linkStyle: "wiki", numSpaces: 3 });
		expect(out.get("debugLogging")).toBe(true);
		expect(out.has("numSpaces")).toBe(false);
	});

	it("version 0 → 1: sectioned data without a version is kept as it is", () => {
		const out = upgrade(
			new Map<string, unknown>([
				["index", { numSpaces: 4 }],
				["numSpaces", 3],
			]),
			0,
		);
		expect(out.get("index")).toEqual({ numSpaces: 4 });
		expect(out.get("numSpaces")).toBe(3);
	});

	it("the current version needs no step", () => {
		const data = new Map<string, unknown>([["version", SETTINGS_VERSION]]);
		expect(upgrade(data, SETTINGS_VERSION)).toBe(data);
	});
});

describe("validation problems", () => {
	it("names each invalid value and what is used instead", () => {
		const { settings, problems } = migrate({ version: 1, index: { numSpaces: "four", sortBy: "size" }, compare: 3 });
		expect(settings.index.numSpaces).toBe(2);
		expect(problems.map((p) => p.key)).toEqual(["index.numSpaces", "index.sortBy", "compare"]);
		expect(problems.map(describeProblem)).toEqual([
			'index.numSpaces: "four" must be a whole number between 1 and 16; using 2',
			'index.sortBy: "size" must be one of name, mtime, ctime, order; using "name"',
			"compare: 3 must be an object; using the defaults",
		]);
	});

	it("names data that is not an object at all", () => {
		expect(migrate([1]).problems.map(describeProblem)).toEqual(["settings: [1] must be an object; using the defaults"]);
	});

	it("reports nothing for valid data or missing keys", () => {
		expect(migrate(DEFAULT_SETTINGS).problems).toEqual([]);
		expect(migrate({ version: 1, index: {} }).problems).toEqual([]);
		expect(migrate(null).problems).toEqual([]);
	});
});

describe("unknown keys", () => {
	it("are kept under preserved, by their path, and written back", () => {
		const result = migrate({ version: 1, junk: 1, index: { numSpaces: 4, later: "x" } });
		expect(result.settings).not.toHaveProperty("junk");
		expect([...result.preserved]).toEqual([
			["junk", 1],
			["index.later", "x"],
		]);
		expect(result.changed).toBe(true);
		const stored = storedAfter({ version: 1, junk: 1, index: { numSpaces: 4, later: "x" } });
		expect(stored).toMatchObject({ [PRESERVED_KEY]: { junk: 1, "index.later": "x" }, index: { numSpaces: 4 } });
		expect(migrate(stored).changed).toBe(false);
		expect([...migrate(stored).preserved]).toEqual([...result.preserved]);
	});

	it("never reach a prototype: __proto__ keys stay data", () => {
		const text =
			'{"version":1,"__proto__":{"polluted":1},"index":{"__proto__":{"polluted":2},"numSpaces":4},"preserved":{"old":{"__proto__":{"polluted":3}}}}';
		const result = migrate(JSON.parse(text));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((result.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
		expect((result.settings.index as unknown as Record<string, unknown>).polluted).toBeUndefined();
		expect(result.settings.index.numSpaces).toBe(4);
		expect(result.preserved.get("__proto__")).toEqual({ polluted: 1 });
		expect(result.preserved.get("old")).toEqual(JSON.parse('{"__proto__":{"polluted":3}}'));
		expect(result.preserved.get("index.__proto__")).toEqual({ polluted: 2 });
		const stored = JSON.stringify(toStoredData(result.settings, result.preserved));
		expect(stored).toContain('"index.__proto__":{"polluted":2}');
		expect(stored).toContain('"__proto__":{"polluted":1}');
		expect(Object.getPrototypeOf(JSON.parse(stored))).toBe(Object.prototype);
	});
});

describe("the facts section", () => {
	// A data.json saved before the plugin had facts settings: the section is new, so the stored
	// shape (and the version) stays; the section reads as its defaults and nothing else changes.
	const before = {
		version: 1,
		index: { numSpaces: 4, ignorePaths: ["Archive/"] },
		compare: { groupBy: "language" },
		templates: { newNoteFolder: "Frameworks" },
	};

	it("is filled with its defaults in data saved before it existed; every other value is kept, nothing is reported", () => {
		const result = migrate(before);
		expect(result.problems).toEqual([]);
		expect(result.readOnly).toBe(false);
		expect(result.preserved.size).toBe(0);
		expect(result.settings.version).toBe(1);
		expect(result.settings.index).toEqual({ ...DEFAULT_SETTINGS.index, numSpaces: 4, ignorePaths: ["Archive/"] });
		expect(result.settings.compare).toEqual({ ...DEFAULT_SETTINGS.compare, groupBy: "language" });
		expect(result.settings.templates).toEqual({ ...DEFAULT_SETTINGS.templates, newNoteFolder: "Frameworks" });
		expect(result.settings.facts).toEqual({
			pypiUrl: "https://pypi.org",
			npmUrl: "https://registry.npmjs.org",
			cratesUrl: "https://crates.io",
			githubUrl: "https://api.github.com",
			githubTokenSecret: "",
			networkConsent: false,
		});
		expect(migrate(storedAfter(before)).settings).toEqual(result.settings);
	});

	it("keeps a mirror's URL and consent, and refuses a URL that is not http or https, a secret name of the wrong shape", () => {
		const result = migrate({
			...before,
			facts: {
				pypiUrl: "https://pypi.example.org/mirror",
				npmUrl: "ftp://registry.example.org",
				cratesUrl: "https://user:secret@crates.example.org",
				githubUrl: "javascript:alert(1)",
				githubTokenSecret: "My Token",
				networkConsent: true,
			},
		});
		expect(result.settings.facts.pypiUrl).toBe("https://pypi.example.org/mirror");
		expect(result.settings.facts.networkConsent).toBe(true);
		expect(result.settings.facts.npmUrl).toBe("https://registry.npmjs.org");
		expect(result.problems.map(describeProblem)).toEqual([
			'facts.npmUrl: "ftp://registry.example.org" must be an http or https URL, such as https://pypi.org; using "https://registry.npmjs.org"',
			'facts.cratesUrl: "https://user:secret@crates.example.org" must not contain a user name or password; using "https://crates.io"',
			'facts.githubUrl: "javascript:alert(1)" must be an http or https URL, such as https://pypi.org; using "https://api.github.com"',
			'facts.githubTokenSecret: "My Token" must be lower-case letters, digits and dashes; using ""',
		]);
	});
});

describe("data of a newer version", () => {
	it("is read as well as this version can, marked read-only and never asks to be saved", () => {
		const raw = { version: SETTINGS_VERSION + 1, index: { numSpaces: 4, newThing: true }, compare: { openIn: "window" } };
		const result = migrate(raw);
		expect(result.readOnly).toBe(true);
		expect(result.storedVersion).toBe(SETTINGS_VERSION + 1);
		expect(result.changed).toBe(false);
		expect(result.settings.index.numSpaces).toBe(4);
		expect(result.settings.compare.openIn).toBe("tab");
		expect(result.problems.map((p) => p.key)).toEqual(["compare.openIn"]);
	});

	it("older and current data is not read-only", () => {
		expect(migrate({ version: 0 }).readOnly).toBe(false);
		expect(migrate({ version: SETTINGS_VERSION }).readOnly).toBe(false);
		expect(migrate({ version: "7" }).readOnly).toBe(false);
	});
});

describe("migrate properties", () => {
	const settingsLike = fc.record(
		{
			version: fc.oneof(fc.integer({ min: -1, max: SETTINGS_VERSION + 2 }), fc.jsonValue()),
			index: fc.dictionary(
				fc.constantFrom("numSpaces", "sortBy", "ignorePaths", "maxDepth", "useSpaces", "zz", "__proto__"),
				fc.jsonValue(),
			),
			compare: fc.oneof(fc.jsonValue(), fc.record({ openIn: fc.constantFrom("tab", "sidebar", "x") })),
			preserved: fc.jsonValue(),
			junk: fc.jsonValue(),
		},
		{ requiredKeys: [] },
	);

	it("never throws on any JSON, and migrate(stored(migrate(x))) equals migrate(x)", () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), settingsLike), (value) => {
				expect(() => migrate(value)).not.toThrow();
				// data.json is JSON text: read it as Obsidian would.
				const raw = JSON.parse(JSON.stringify(value) ?? "null") as unknown;
				const once = migrate(raw);
				const again = migrate(storedAfter(raw));
				expect(again.settings).toEqual(once.settings);
				expect([...again.preserved]).toEqual([...once.preserved]);
				expect(again.changed).toBe(false);
				expect(again.problems).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
