import type { TextComponent, TextAreaComponent } from "obsidian";
import { fieldProblem, limitText, type Field } from "./core/settings-schema";

/** Keep a text input within the schema's length limit for its setting. */
export function limitLength<T extends TextComponent | TextAreaComponent>(component: T, field: Field): T {
	if (field.kind === "text") component.inputEl.maxLength = field.maxLength;
	return component;
}

/**
 * Read a whole number typed into a text input: the number, or the problem to show, phrased from
 * the schema's limits ("Enter a whole number between 0 and 1000.").
 */
export function readInteger(value: string, field: Field): { readonly value: number; readonly problem: string | null } {
	const trimmed = value.trim();
	const number = trimmed === "" ? Number.NaN : Number(trimmed);
	const problem = fieldProblem(field, number) === null ? null : `Enter a whole number ${limitText(field)}.`;
	return { value: number, problem };
}
