#!/usr/bin/env node
// Launcher of the Framework Notes CLI: runs the bundle dist/cli.cjs, which `npm run build` (or
// `npm run build:cli`) makes and the package ships.
import { existsSync } from "node:fs";
import process from "node:process";

const built = new URL("../dist/cli.cjs", import.meta.url);
if (!existsSync(built)) {
	process.stderr.write("framework-notes: the CLI is not built yet; run `npm run build:cli` (or `npm start`) first\n");
	process.exit(2);
}
await import("../dist/cli.cjs");
