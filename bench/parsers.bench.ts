/**
 * Parsers on hostile input: each must stay linear. The outline parser once took 10 s on 4,000
 * `[` characters and over two minutes on 40,000; the figures in BENCHMARKS.md show the time per
 * input size, so a return of super-linear work shows as a ratio far above the size ratio.
 */
import { bench, describe } from "vitest";
import { scanNote } from "../src/index-notes/core/markers";
import { DEFAULT_INDEX_SETTINGS } from "../src/shared/core/settings";
import { parseOutline } from "../src/templates/core/outline";
import { repeatsRepetition } from "../src/shared/core/patterns";

const sizes = [4_000, 40_000] as const;

describe("outline parser", () => {
	for (const n of sizes) {
		const brackets = `# H\n1. **${"[".repeat(n)}**: ${"](".repeat(n / 2)}\n`;
		bench(`${n} brackets in one item`, () => {
			parseOutline(brackets);
		});
		const heading = `# ${"a \t".repeat(n / 3)}x\n- **A**\n`;
		bench(`${n}-character heading of blanks`, () => {
			parseOutline(heading);
		});
	}
});

describe("index markers", () => {
	for (const n of sizes) {
		const backticks = `${"`%% Waypoint %% ".repeat(n / 16)}\n`;
		bench(`${n} characters of backticks and flags on one line`, () => {
			scanNote(backticks, DEFAULT_INDEX_SETTINGS);
		});
		const indented = `${"    %% Waypoint %%\n".repeat(n / 19)}`;
		bench(`${n} characters of indented code`, () => {
			scanNote(indented, DEFAULT_INDEX_SETTINGS);
		});
	}
});

describe("ignore-pattern check", () => {
	for (const n of sizes) {
		const nested = `${"(".repeat(n / 4)}a+${")+".repeat(n / 4)}`;
		bench(`${n}-character nested pattern`, () => {
			repeatsRepetition(nested);
		});
	}
});
