/**
 * Shared plumbing of the browser suite and the browser benchmark: a static server on 127.0.0.1
 * for the built page, and Debian's Chromium driven by playwright-core with a fresh profile.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { PAGE_DIR, ROOT } from "./build-page";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = join(ROOT, "test-results", "screenshots");

export const CHROMIUM_ARGS: readonly string[] = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--no-first-run",
	"--disable-quic",
	"--disable-sync",
	"--hide-scrollbars",
	"--font-render-hinting=none",
];

const TYPES: Readonly<Record<string, string>> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json",
	".png": "image/png",
};

export interface StaticServer {
	readonly url: string;
	close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port); nothing outside `dir` is reachable. */
export async function serveStatic(dir: string = PAGE_DIR): Promise<StaticServer> {
	const root = normalize(dir + sep);
	const server: Server = createServer((req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
		const file = normalize(join(root, pathname === "/" ? "index.html" : pathname));
		if (!file.startsWith(root)) {
			res.writeHead(403).end();
			return;
		}
		readFile(file).then(
			(body) => {
				res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
				res.end(body);
			},
			() => res.writeHead(404).end(),
		);
	});
	await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
	};
}

export interface BrowserSession {
	readonly context: BrowserContext;
	readonly server: StaticServer;
	/** Console errors and page errors seen so far. */
	readonly pageErrors: string[];
	/** JavaScript dialogs (alert/confirm/prompt) that opened; the suite dismisses them. */
	readonly dialogs: string[];
	/** A new tab on the test page, booted (`window.fn.ready`). */
	open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
	close(): Promise<void>;
}

export function chromiumMissing(): boolean {
	return !existsSync(CHROMIUM_PATH);
}

/** Chromium with a fresh temporary profile, plus a static server for the built page. */
export async function startBrowser(): Promise<BrowserSession> {
	if (chromiumMissing()) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (install: apt-get install -y chromium)`);
	const userDataDir = await mkdtemp(join(tmpdir(), "fn-chromium-"));
	const server = await serveStatic();
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS],
		headless: true,
		viewport: { width: 1280, height: 800 },
		deviceScaleFactor: 1,
		offline: false,
	});
	// Nothing but the local server: any other request is refused before it leaves the browser.
	await context.route(
		(url) => !url.href.startsWith(server.url) && !url.protocol.startsWith("data") && !url.protocol.startsWith("blob"),
		(route) => route.abort(),
	);
	const pageErrors: string[] = [];
	const dialogs: string[] = [];
	return {
		context,
		server,
		pageErrors,
		dialogs,
		async open(query = "", viewport) {
			const page = await context.newPage();
			if (viewport) await page.setViewportSize(viewport);
			page.on("pageerror", (err) => pageErrors.push(err.stack ?? err.message));
			page.on("console", (msg) => {
				if (msg.type() !== "error") return;
				const { url, lineNumber } = msg.location();
				pageErrors.push(`${msg.text()} (${url.split("/").pop() ?? ""}:${lineNumber})`);
			});
			page.on("dialog", (dialog) => {
				dialogs.push(`${dialog.type()}: ${dialog.message()}`);
				void dialog.dismiss();
			});
			await page.goto(server.url + (query ? `?${query}` : ""));
			await page.waitForFunction(() => window.fn?.ready === true);
			return page;
		},
		async close() {
			await context.close();
			await server.close();
			await rm(userDataDir, { recursive: true, force: true });
		},
	};
}
