import { describe, expect, it } from "vitest";
import { buildLinkNames } from "../../shared/core/link-names";
import { refreshLivingText } from "../../shared/core/living-blocks";
import { DEFAULT_COMPARE_SETTINGS } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { decisionBlockWatches, decisionKind } from "./decision-block";

function fm(lines: string[]): string {
	return `---\n${lines.join("\n")}\n---\n`;
}

const PICK = fm([
	"type: decision",
	"scope: Web",
	"must:",
	"  - language = Python",
	"  - license in [MIT, BSD-3-Clause]",
	"prefer:",
	"  - async = true * 3",
	"  - orm = true * 2",
	"  - stars high * 2",
]);

const SMALL: Record<string, string> = {
	"Web/Django.md": fm(["type: framework", "language: Python", "license: BSD-3-Clause", "async: true", "orm: true", "stars: 80000"]),
	"Web/FastAPI.md": fm(["type: framework", "language: Python", "license: MIT", "async: true", "orm: false", "stars: 75000"]),
	"Web/Flask.md": fm(["type: framework", "language: Python", "license: BSD-3-Clause", "async: false", "orm: false"]),
	"Web/Rails.md": fm(["type: framework", "language: Ruby", "license: MIT", "async: false", "orm: true"]),
	"Web/Mystery.md": fm(["type: framework", "language: Python", "license:"]),
	"Other/Gin.md": fm(["type: framework", "language: Go", "license: MIT"]),
	"Other/Flask.md": fm(["type: framework", "language: Python"]),
};

function refresh(note: string, files: Record<string, string> = SMALL): string {
	const snapshot = snapshotFromFiles({ ...files, "Pick.md": note });
	const kind = decisionKind({ snapshot, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null });
	const out = refreshLivingText(note, [kind], () => kind.render("Pick.md", () => buildLinkNames(snapshot.root)));
	if (out.status === "error") return `ERROR ${out.message}`;
	return out.status === "changed" ? out.text : note;
}

// docs/living-blocks.md, "The decision block"
describe("decision block", () => {
	it("the ranking, the notes set aside with their reasons, then the sentence", () => {
		expect(refresh(`${PICK}# Pick\n%% Decision %%\n`)).toBe(
			`${PICK}# Pick\n` +
				[
					"%% Begin Decision %%",
					"",
					"| Rank | Note | Score | Coverage | async = true * 3 | orm = true * 2 | stars high * 2 |",
					"| ---: | --- | ---: | ---: | :---: | :---: | :---: |",
					"| 1 | [[Django]] | 100.0 | 100% | ✓ | ✓ | 80000 |",
					"| 2 | [[FastAPI]] | 42.9 | 100% | ✓ | ✗ | 75000 |",
					"| 3 | [[Web/Flask\\|Flask]] | 0.0 | 71% | ✗ | ✗ | ? |",
					"",
					'- [[Rails]] — ruled out: fails "language = Python" (language: Ruby)',
					'- [[Mystery]] — missing data: no value of license for "license in [MIT, BSD-3-Clause]"',
					"",
					"No single weight change within 10× puts FastAPI level with Django.",
					"",
					"%% End Decision %%",
				].join("\n") +
				"\n",
		);
	});

	it("a decision note with a mistake: an error, nothing written", () => {
		expect(refresh(`${fm(["type: decision", "must:", "  - language ="])}%% Decision %%\n`)).toMatch(
			/^ERROR language =: .*the decision block was not updated\.$/,
		);
		expect(refresh("---\ntype: framework\n---\n%% Decision %%\n")).toMatch(
			/^ERROR a decision block needs the property "type: decision"/,
		);
	});

	it("watches the notes in the decision's scope and the decision note", () => {
		const snapshot = snapshotFromFiles({ ...SMALL, "Pick.md": PICK });
		expect(decisionBlockWatches("Pick.md", "Web/Flask.md", snapshot)).toBe(true);
		expect(decisionBlockWatches("Pick.md", "Pick.md", snapshot)).toBe(true);
		expect(decisionBlockWatches("Pick.md", "Other/Gin.md", snapshot)).toBe(false);
	});
});
