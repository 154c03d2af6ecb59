/**
 * Names and messages as the CLI prints them: a note called "\u001b]0;owned\u0007.md" must not
 * be able to drive the terminal. Control characters (C0 except tab and line feed, DEL, C1)
 * are shown as visible escapes such as `\x1b`, so the name stays recognisable and unambiguous.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escape(char: string): string {
	return `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/** `text` with every control character but tab and line feed written as `\xNN`. */
export function printable(text: string): string {
	return text.replace(CONTROL_CHARACTERS, escape);
}

/** A name on one line: tabs and line feeds escaped too. */
export function printableName(name: string): string {
	return printable(name).replace(/[\t\n]/g, escape);
}
