/**
 * Licences as SPDX ids. A registry's licence field holds an SPDX expression, a common name
 * ("MIT License", "Apache 2.0"), a whole licence text, or nothing; PyPI may say it only in a trove
 * classifier. Only what names exactly one licence becomes a value:
 *
 * - An expression whose ids are all known keeps its form with each id in SPDX's spelling
 *   (`mit OR apache-2.0` → `MIT OR Apache-2.0`). An unknown id is kept when it is shaped like
 *   one (letters and digits with a `-`, `.` or digit, or `LicenseRef-…`).
 * - A common name that means one licence maps to it ("Apache License 2.0" → `Apache-2.0`).
 * - Names that fit several licences ("BSD", "BSD License", "GPL", "Apache Software License")
 *   are skipped with that reason: guessing `BSD-3-Clause` for "BSD" could be wrong, and another
 *   source (GitHub's `license.spdx_id`) may know the exact id.
 * - Whole licence texts (line breaks, or longer than 100 characters) are skipped.
 */
import { checkText, quote, type Checked } from "./values";

const KNOWN_IDS = [
	"0BSD",
	"AFL-3.0",
	"AGPL-3.0-only",
	"AGPL-3.0-or-later",
	"Apache-1.1",
	"Apache-2.0",
	"Artistic-2.0",
	"BlueOak-1.0.0",
	"BSD-1-Clause",
	"BSD-2-Clause",
	"BSD-3-Clause",
	"BSD-3-Clause-Clear",
	"BSD-4-Clause",
	"BSL-1.0",
	"CC-BY-4.0",
	"CC-BY-SA-4.0",
	"CC0-1.0",
	"CDDL-1.0",
	"curl",
	"EPL-1.0",
	"EPL-2.0",
	"EUPL-1.2",
	"GPL-2.0-only",
	"GPL-2.0-or-later",
	"GPL-3.0-only",
	"GPL-3.0-or-later",
	"HPND",
	"ISC",
	"LGPL-2.0-only",
	"LGPL-2.0-or-later",
	"LGPL-2.1-only",
	"LGPL-2.1-or-later",
	"LGPL-3.0-only",
	"LGPL-3.0-or-later",
	"LLVM-exception",
	"MIT",
	"MIT-0",
	"MPL-2.0",
	"MS-PL",
	"NCSA",
	"OFL-1.1",
	"OpenSSL",
	"PostgreSQL",
	"PSF-2.0",
	"Python-2.0",
	"Ruby",
	"Unicode-3.0",
	"Unicode-DFS-2016",
	"Unlicense",
	"UPL-1.0",
	"Vim",
	"W3C",
	"WTFPL",
	"X11",
	"Zlib",
	"ZPL-2.1",
	// Deprecated ids registries still carry; kept as written.
	"GPL-2.0",
	"GPL-3.0",
	"LGPL-2.1",
	"LGPL-3.0",
	"AGPL-3.0",
	"GPL-2.0+",
	"GPL-3.0+",
];
const CANONICAL = new Map(KNOWN_IDS.map((id) => [id.toLowerCase(), id]));

/** Common names that mean exactly one licence (compared lower-cased, spaces collapsed). */
const ALIASES = new Map<string, string>([
	["mit license", "MIT"],
	["the mit license", "MIT"],
	["mit licence", "MIT"],
	["expat", "MIT"],
	["apache 2", "Apache-2.0"],
	["apache 2.0", "Apache-2.0"],
	["apache-2", "Apache-2.0"],
	["apache2", "Apache-2.0"],
	["apache license 2.0", "Apache-2.0"],
	["apache license, version 2.0", "Apache-2.0"],
	["apache license version 2.0", "Apache-2.0"],
	["apache software license 2.0", "Apache-2.0"],
	["asl 2.0", "Apache-2.0"],
	["isc license", "ISC"],
	["new bsd", "BSD-3-Clause"],
	["new bsd license", "BSD-3-Clause"],
	["modified bsd", "BSD-3-Clause"],
	["3-clause bsd", "BSD-3-Clause"],
	["bsd 3-clause", "BSD-3-Clause"],
	["bsd-3", "BSD-3-Clause"],
	["simplified bsd", "BSD-2-Clause"],
	["2-clause bsd", "BSD-2-Clause"],
	["bsd 2-clause", "BSD-2-Clause"],
	["mpl 2.0", "MPL-2.0"],
	["mozilla public license 2.0", "MPL-2.0"],
	["the unlicense", "Unlicense"],
	["public domain (unlicense)", "Unlicense"],
	["zlib license", "Zlib"],
	["boost software license 1.0", "BSL-1.0"],
	["gplv3+", "GPL-3.0-or-later"],
	["gplv2+", "GPL-2.0-or-later"],
	["lgplv3+", "LGPL-3.0-or-later"],
	["agplv3+", "AGPL-3.0-or-later"],
]);

/** Names that fit several licences. */
const AMBIGUOUS = new Set([
	"bsd",
	"bsd license",
	"bsd licence",
	"bsd-like",
	"gpl",
	"gnu gpl",
	"lgpl",
	"gnu lgpl",
	"gplv2",
	"gplv3",
	"lgplv3",
	"agpl",
	"apache",
	"apache license",
	"apache software license",
	"mpl",
	"dual license",
	"other",
	"other/proprietary license",
	"osi approved",
	"free",
	"open source",
]);

/** Trove classifiers that name exactly one licence. */
const CLASSIFIERS = new Map<string, string>([
	["License :: OSI Approved :: MIT License", "MIT"],
	["License :: OSI Approved :: MIT No Attribution License (MIT-0)", "MIT-0"],
	["License :: OSI Approved :: ISC License (ISCL)", "ISC"],
	["License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"],
	["License :: OSI Approved :: The Unlicense (Unlicense)", "Unlicense"],
	["License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"],
	["License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"],
	["License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)", "EUPL-1.2"],
	["License :: OSI Approved :: Universal Permissive License (UPL)", "UPL-1.0"],
	["License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)", "GPL-2.0-or-later"],
	["License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"],
	["License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)", "LGPL-3.0-or-later"],
	["License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)", "AGPL-3.0-or-later"],
	["License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"],
]);

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;
const MAX_EXPRESSION_LENGTH = 100;

function idOf(token: string): string | null {
	const known = CANONICAL.get(token.toLowerCase());
	if (known !== undefined) return known;
	if (/^LicenseRef-[A-Za-z0-9.-]+$/.test(token)) return token;
	// An unknown token counts as an id only when shaped like most ids: a digit or an inner `-`/`.`.
	return ID_SHAPE.test(token) && /[0-9.-]/.test(token.slice(1)) ? token : null;
}

/** An SPDX expression in SPDX's spelling, or null when it is not one. */
function expression(text: string): string | null {
	const tokens = text.replace(/[()]/g, " $& ").trim().split(/\s+/);
	const out: string[] = [];
	let expectId = true;
	let depth = 0;
	for (const token of tokens) {
		const upper = token.toUpperCase();
		if (token === "(") {
			if (!expectId) return null;
			depth++;
			out.push(token);
		} else if (token === ")") {
			if (expectId || depth === 0) return null;
			depth--;
			out.push(token);
		} else if (upper === "AND" || upper === "OR" || upper === "WITH") {
			if (expectId) return null;
			expectId = true;
			out.push(upper);
		} else {
			if (!expectId) return null;
			const id = idOf(token);
			if (id === null) return null;
			out.push(id);
			expectId = false;
		}
	}
	if (expectId || depth !== 0) return null;
	return out.join(" ").replace(/\( /g, "(").replace(/ \)/g, ")");
}

function no(reason: string): Checked<string> {
	return { ok: false, reason };
}

/** A licence field (`license`, `license_expression`, npm's `license`) as one SPDX expression. */
export function checkLicense(raw: unknown): Checked<string> {
	if (typeof raw === "string" && (raw.includes("\n") || raw.trim().length > MAX_EXPRESSION_LENGTH)) {
		return no("a whole licence text, not an SPDX id");
	}
	const text = checkText(raw);
	if (!text.ok) return text;
	const key = text.value.toLowerCase().replace(/\s+/g, " ");
	const alias = ALIASES.get(key);
	if (alias !== undefined) return { ok: true, value: alias };
	if (AMBIGUOUS.has(key)) return no(`${quote(text.value)} fits several licences, not one SPDX id`);
	if (key === "unlicensed" || key.startsWith("see license in")) return no(`${quote(text.value)} is not an open licence id`);
	const expr = expression(text.value);
	return expr === null ? no(`${quote(text.value)} is not an SPDX id`) : { ok: true, value: expr };
}

/**
 * The licence named by trove classifiers: the one SPDX id when the licence classifiers map to
 * exactly one; a reason when they name none, an ambiguous one ("BSD License") or several.
 */
export function licenseFromClassifiers(classifiers: readonly string[]): Checked<string> | null {
	const licence = classifiers.filter((c) => c.startsWith("License ::"));
	if (licence.length === 0) return null;
	const ids = new Set<string>();
	for (const classifier of licence) {
		const id = CLASSIFIERS.get(classifier.trim());
		if (id === undefined) return no(`${quote(classifier, 120)} fits several licences, not one SPDX id`);
		ids.add(id);
	}
	if (ids.size > 1) return no(`several licence classifiers (${[...ids].join(", ")})`);
	const [only] = ids;
	return only === undefined ? null : { ok: true, value: only };
}
