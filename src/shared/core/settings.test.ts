import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, migrate, sameData, SETTINGS_VERSION, withSection } from "./settings";

describe("migrate", () => {
	it("gives the defaults for nothing, null or garbage", () => {
		for (const raw of [undefined, null, 42, "x", [], {}]) {
			expect(migrate(raw).settings).toEqual(DEFAULT_SETTINGS);
		}
	});

	it("keeps valid values", () => {
		const raw = { version: 1, index: { useSpaces: true, numSpaces: 4, ignorePaths: ["tmp", "_x"] }, compare: { groupBy: "language" } };
		const { settings } = migrate(raw);
		expect(settings.index.useSpaces).toBe(true);
		expect(settings.index.numSpaces).toBe(4);
		expect(settings.index.ignorePaths).toEqual(["tmp", "_x"]);
		expect(settings.compare.groupBy).toBe("language");
	});

	it("drops unknown keys", () => {
		const { settings } = migrate({ version: 1, stray: true, index: { nope: 1 } });
		expect(settings).not.toHaveProperty("stray");
		expect(settings.index).not.toHaveProperty("nope");
	});

	it("replaces wrong types, out-of-range numbers and unknown enum values by defaults", () => {
		const { settings } = migrate({
			index: { numSpaces: "4", maxDepth: -1, folderNoteStyle: "sideways", ignorePaths: [1, 2], foldersOnTop: "yes", debounceMs: 0.5 },
		});
		expect(settings.index.numSpaces).toBe(DEFAULT_SETTINGS.index.numSpaces);
		expect(settings.index.maxDepth).toBe(DEFAULT_SETTINGS.index.maxDepth);
		expect(settings.index.folderNoteStyle).toBe("inside");
		expect(settings.index.ignorePaths).toEqual(["_attachments"]);
		expect(settings.index.foldersOnTop).toBe(true);
		expect(settings.index.debounceMs).toBe(DEFAULT_SETTINGS.index.debounceMs);
	});

	it("reads a Waypoint data.json into the index section", () => {
		const waypoint = {
			folderNoteType: "OUTSIDE_FOLDER",
			useWikiLinks: false,
			useSpaces: true,
			numSpaces: 3,
			ignorePaths: ["_attachments", "Templates"],
			waypointFlag: "%% Waypoint %%",
		};
		const { settings, changed } = migrate(waypoint);
		expect(settings.index.folderNoteStyle).toBe("outside");
		expect(settings.index.linkStyle).toBe("markdown");
		expect(settings.index.numSpaces).toBe(3);
		expect(settings.index.ignorePaths).toEqual(["_attachments", "Templates"]);
		expect(changed).toBe(true);
	});

	it("asks to save only when the stored data differs from the result", () => {
		expect(migrate(DEFAULT_SETTINGS).changed).toBe(false);
		const stored = JSON.parse(JSON.stringify(withSection(DEFAULT_SETTINGS, "index", { numSpaces: 4 }))) as unknown;
		expect(migrate(stored).changed).toBe(false);
		expect(migrate({ ...(stored as object), extra: 1 }).changed).toBe(true);
		expect(migrate({ version: 0 }).changed).toBe(true);
	});

	it("always stamps the current version", () => {
		expect(migrate({ version: 99 }).settings.version).toBe(SETTINGS_VERSION);
	});

	it("is idempotent and never throws on any JSON", () => {
		fc.assert(
			fc.property(fc.jsonValue(), (raw) => {
				const once = migrate(raw).settings;
				const twice = migrate(JSON.parse(JSON.stringify(once)) as unknown);
				expect(twice.changed).toBe(false);
				expect(twice.settings).toEqual(once);
			}),
		);
	});

	it("does not share arrays with the defaults or the input", () => {
		const raw = { index: { ignorePaths: ["a"] } };
		const { settings } = migrate(raw);
		raw.index.ignorePaths.push("b");
		expect(settings.index.ignorePaths).toEqual(["a"]);
		expect(Object.isFrozen(DEFAULT_SETTINGS.index.ignorePaths)).toBe(true);
	});
});

describe("sameData", () => {
	it("compares plain data structurally, ignoring key order", () => {
		expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
		expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameData([1, 2], [2, 1])).toBe(false);
		expect(sameData(null, {})).toBe(false);
	});
});
