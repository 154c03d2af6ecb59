/**
 * Checks on the settings that are patterns: index flags and ignore-list entries. Both are read
 * from `data.json` (possibly written by hand or by another tool), so they are checked wherever
 * settings are read, not only in the settings tab.
 */

/** Why `flag` cannot be an index flag, or null. A flag looks like `%% Word %%` and is not a block marker. */
export function flagShapeProblem(flag: string): string | null {
	const trimmed = flag.trim();
	const inner = /^%%(.*)%%$/.exec(trimmed)?.[1];
	if (inner === undefined || inner.trim() === "") return "must look like %% Word %%";
	if (/^%%\s*(Begin|End)\s+(Waypoint|Landmark|Comparison|Decision)\s*%%$/i.test(trimmed)) return "must not be a block marker";
	return null;
}

interface Group {
	repeats: boolean;
	alternates: boolean;
}

/** Length of the quantifier at `i` that may repeat without bound or many times (`*`, `+`, `{n,}`, `{n,m}` with m > 1), or 0. */
function repeatAt(pattern: string, i: number): number {
	const c = pattern[i];
	if (c === "*" || c === "+") return 1;
	if (c !== "{") return 0;
	const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
	if (m === null) return 0;
	const max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
	return max > 1 ? m[0].length : 0;
}

/**
 * Whether a regular expression repeats a group that itself repeats or alternates (`(a+)+`,
 * `(a|a)*`, `(\w*)+`): such patterns can take exponential time on a path that almost matches.
 * One pass over the pattern.
 */
export function repeatsRepetition(pattern: string): boolean {
	const stack: Group[] = [{ repeats: false, alternates: false }];
	let inClass = false;
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		const top = stack[stack.length - 1];
		if (c === "\\") {
			i++;
			continue;
		}
		if (inClass) {
			if (c === "]") inClass = false;
			continue;
		}
		if (c === "[") inClass = true;
		else if (c === "(") stack.push({ repeats: false, alternates: false });
		else if (c === "|") top.alternates = true;
		else if (c === ")" && stack.length > 1) {
			const group = stack.pop() as Group;
			const parent = stack[stack.length - 1];
			const after = repeatAt(pattern, i + 1);
			if (after > 0 && (group.repeats || group.alternates)) return true;
			parent.repeats ||= group.repeats || after > 0;
		} else if (c === "?" && i > 0 && !"*+?})".includes(pattern[i - 1] ?? "") && pattern[i - 1] !== "(") {
			top.repeats = true;
		} else if (repeatAt(pattern, i) > 0) {
			top.repeats = true;
		}
	}
	return false;
}

/** Why an ignore-list entry cannot be used, or null. */
export function ignorePatternProblem(entry: string): string | null {
	try {
		new RegExp(entry);
	} catch {
		return "is not a valid regular expression";
	}
	if (repeatsRepetition(entry)) return "repeats a group that itself repeats or alternates, which can take forever on some paths";
	return null;
}
