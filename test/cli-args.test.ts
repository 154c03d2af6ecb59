import { describe, expect, it } from "vitest";
import { helpText, parseArgs, UsageError } from "../src/cli/args";

describe("parseArgs", () => {
	it("reads a command, its positionals and options in any order", () => {
		const args = parseArgs(["compare", "--format", "csv", "vault", "--folder=Web/Notes"]);
		expect(args.command).toBe("compare");
		expect(args.positionals).toEqual({ vault: "vault" });
		expect(args.options).toEqual({ format: "csv", folder: "Web/Notes" });
		expect(args.configDir).toBe(".obsidian");
	});

	it("reads global options and import-outline's two arguments", () => {
		const args = parseArgs(["--config-dir", ".config", "import-outline", "-n", "v", "A/Note.md"]);
		expect(args.configDir).toBe(".config");
		expect(args.positionals).toEqual({ vault: "v", note: "A/Note.md" });
		expect(args.options["dry-run"]).toBe("true");
	});

	it("accepts refresh's --no-fsync", () => {
		expect(parseArgs(["refresh", "--no-fsync", "v"]).options).toEqual({ "no-fsync": "true" });
	});

	it("accepts arguments that look like options after --", () => {
		expect(parseArgs(["refresh", "--", "-odd vault"]).positionals).toEqual({ vault: "-odd vault" });
	});

	it("turns help and version into flags, with or without a command", () => {
		expect(parseArgs(["--help"])).toMatchObject({ help: true, command: null });
		expect(parseArgs(["check", "-h"])).toMatchObject({ help: true, command: "check" });
		expect(parseArgs(["-V"]).version).toBe(true);
	});

	it.each([
		[["frobnicate"], /unknown command/],
		[["refresh"], /missing argument <vault>/],
		[["refresh", "a", "b"], /unexpected argument "b"/],
		[["refresh", "--dry-run", "v"], /unknown option "--dry-run"/],
		[["compare", "v", "--format", "xml"], /unknown format "xml"/],
		[["compare", "v", "--format"], /needs a value/],
		[["compare", "v", "--width", "0"], /--width/],
		[["import-outline", "v"], /missing argument <note>/],
		[["check", "v", "--config-dir", "../elsewhere"], /--config-dir/],
		[["check", "v", "--quiet=yes"], /takes no value/],
		[["check", "--no-fsync", "v"], /unknown option "--no-fsync"/],
		[["refresh", ""], /<vault> must not be empty/],
		[["import-outline", "v", ""], /<note> must not be empty/],
		[["refresh", "--toString", "v"], /unknown option "--toString"/],
		[["refresh", "--constructor", "v"], /unknown option "--constructor"/],
		[["compare", "--__proto__", "v"], /unknown option "--__proto__"/],
		[["compare", "--hasOwnProperty=1", "v"], /unknown option "--hasOwnProperty"/],
	])("rejects %j", (argv, message) => {
		expect(() => parseArgs(argv)).toThrow(UsageError);
		expect(() => parseArgs(argv)).toThrow(message);
	});

	it("documents every command and the exit codes", () => {
		const global = helpText(null);
		for (const command of ["refresh", "check", "compare", "import-outline"]) expect(global).toContain(command);
		expect(global).toMatch(/Exit codes:[\s\S]*0[\s\S]*1[\s\S]*2/);
		expect(helpText("check")).toMatch(/exit|Exit codes/);
		expect(helpText("compare")).toContain("--format");
		expect(helpText("import-outline")).toContain("--dry-run");
	});
});
