#!/usr/bin/env node
"use strict";
// Launcher for the Framework Notes CLI. The CLI itself is built by `npm run build:cli`.
const path = require("node:path");
const fs = require("node:fs");
const built = path.join(__dirname, "..", "dist", "cli.cjs");
if (!fs.existsSync(built)) {
	process.stderr.write("framework-notes: the CLI is not built yet; run `npm run build:cli` (or `npm start`) first\n");
	process.exit(2);
}
require(built);
