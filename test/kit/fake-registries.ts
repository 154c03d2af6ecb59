/**
 * A local server that answers as PyPI (`/pypi/<name>/json`, `/simple/<name>/`), npm (`/<name>`),
 * crates.io (`/api/v1/crates/<name>`) and GitHub (`/repos/<owner>/<repo>`) do, for the ten
 * frameworks of the seed outline and for any generated package, so the CLI's facts can be tested
 * end to end without the internet. Values are like the real ones; the shapes follow the APIs'
 * documentation. Each source sits under its own path prefix, so one server is every source:
 * `--pypi-url <base>/pypi-host --github-url <base>/github-host ...`.
 */
import type * as http from "node:http";
import { send, startServer, type LocalServer } from "./local-server";

export interface FakeProject {
	/** The PyPI project name, as PyPI writes it. */
	readonly name: string;
	readonly version: string;
	readonly summary: string;
	/** `license_expression` (PEP 639) when set; else the licence is only in the classifiers. */
	readonly licenseExpression: string | null;
	readonly licenseClassifier: string;
	/** The licence GitHub detects in the repository (`NOASSERTION` when it cannot tell). */
	readonly githubLicense: string;
	/** ISO times of the uploads, one release each, oldest first. */
	readonly uploads: readonly string[];
	readonly homepage: string;
	/** `owner/repo` on GitHub. */
	readonly repo: string;
	readonly stars: number;
}

function project(
	name: string,
	version: string,
	license: string | null,
	classifier: string,
	githubLicense: string,
	firstYear: number,
	homepage: string,
	repo: string,
	stars: number,
): FakeProject {
	return {
		name,
		version,
		summary: `${name} for the web`,
		licenseExpression: license,
		licenseClassifier: classifier,
		githubLicense,
		uploads: [`${firstYear}-03-14T09:26:53.589793Z`, "2024-11-20T16:02:11.120000Z"],
		homepage,
		repo,
		stars,
	};
}

const BSD = "License :: OSI Approved :: BSD License";
const MIT = "License :: OSI Approved :: MIT License";
const APACHE = "License :: OSI Approved :: Apache Software License";

/** The ten frameworks of the seed outline, by PyPI name (lower case). */
export const SEED_PROJECTS: ReadonlyMap<string, FakeProject> = new Map(
	[
		project("Django", "5.1.4", "BSD-3-Clause", BSD, "BSD-3-Clause", 2008, "https://www.djangoproject.com/", "django/django", 81000),
		project("Flask", "3.1.0", null, BSD, "BSD-3-Clause", 2010, "https://flask.palletsprojects.com/", "pallets/flask", 68000),
		project("fastapi", "0.115.6", "MIT", MIT, "MIT", 2018, "https://fastapi.tiangolo.com/", "fastapi/fastapi", 78000),
		project("aiohttp", "3.11.10", "Apache-2.0", APACHE, "NOASSERTION", 2013, "https://docs.aiohttp.org/", "aio-libs/aiohttp", 15000),
		project("bottle", "0.13.2", null, MIT, "MIT", 2009, "https://bottlepy.org/", "bottlepy/bottle", 8400),
		project("CherryPy", "18.10.0", null, BSD, "BSD-3-Clause", 2006, "https://www.cherrypy.dev/", "cherrypy/cherrypy", 1900),
		project(
			"web2py",
			"2.27.1",
			"LGPL-3.0-only",
			"License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
			"LGPL-3.0",
			2011,
			"https://www.web2py.com/",
			"web2py/web2py",
			2100,
		),
		project("tornado", "6.4.2", "Apache-2.0", APACHE, "Apache-2.0", 2009, "https://www.tornadoweb.org/", "tornadoweb/tornado", 21700),
		project("zappa", "0.59.0", "MIT", MIT, "MIT", 2016, "https://zappa.ws/", "zappa/Zappa", 3300),
		project("chalice", "1.31.3", "Apache-2.0", APACHE, "Apache-2.0", 2017, "https://aws.github.io/chalice/", "aws/chalice", 10700),
	].map((p) => [p.name.toLowerCase(), p]),
);

/** PyPI's JSON API document for a project. */
export function pypiDocument(p: FakeProject): unknown {
	const releases: Record<string, unknown[]> = {};
	p.uploads.forEach((time, i) => {
		const version = i === p.uploads.length - 1 ? p.version : `0.${i + 1}`;
		releases[version] = [{ filename: `${p.name}-${version}.tar.gz`, packagetype: "sdist", upload_time_iso_8601: time, yanked: false }];
	});
	return {
		info: {
			name: p.name,
			version: p.version,
			summary: p.summary,
			license: "",
			license_expression: p.licenseExpression,
			classifiers: ["Development Status :: 5 - Production/Stable", p.licenseClassifier, "Programming Language :: Python :: 3"],
			home_page: null,
			project_urls: { Homepage: p.homepage, Source: `https://github.com/${p.repo}` },
			requires_python: ">=3.9",
		},
		releases,
		urls: releases[p.version] ?? [],
	};
}

/** GitHub's repository document. */
export function githubDocument(p: FakeProject): unknown {
	const [owner] = p.repo.split("/");
	return {
		full_name: p.repo,
		html_url: `https://github.com/${p.repo}`,
		owner: { login: owner },
		homepage: p.homepage,
		stargazers_count: p.stars,
		archived: false,
		pushed_at: "2024-12-01T10:00:00Z",
		license: { key: p.githubLicense.toLowerCase(), spdx_id: p.githubLicense },
	};
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface FakeRegistries {
	readonly server: LocalServer;
	/** CLI options pointing every source at the server. */
	readonly urlOptions: readonly string[];
	/** Answer these before the registry does (return true when answered). */
	override(route: Route | null): void;
	/** Milliseconds to wait before each answer. */
	latency: number;
	/** Requests whose path starts with `prefix` (`/pypi-host/`, `/github-host/`, ...). */
	seen(prefix: string): string[];
}

/**
 * Start the fake registries over `projects` (PyPI names in lower case → project). npm and
 * crates.io know none of them (404), as for the seed's Python frameworks.
 */
export async function startRegistries(projects: ReadonlyMap<string, FakeProject> = SEED_PROJECTS): Promise<FakeRegistries> {
	let override: Route | null = null;
	const byRepo = new Map([...projects.values()].map((p) => [p.repo.toLowerCase(), p]));
	const state = { latency: 0 };
	const answer = (req: http.IncomingMessage, res: http.ServerResponse): void => {
		if (override?.(req, res) === true) return;
		const url = new URL(req.url ?? "/", "http://x");
		const pypi = /^\/pypi-host\/pypi\/([^/]+)\/json$/.exec(url.pathname);
		const repo = /^\/github-host\/repos\/([^/]+\/[^/]+)$/.exec(url.pathname);
		const project = pypi
			? projects.get(
					decodeURIComponent(pypi[1] ?? "")
						.toLowerCase()
						.replace(/[-_.]+/g, "-"),
				)
			: undefined;
		if (project !== undefined) send(res, 200, pypiDocument(project));
		else if (repo && byRepo.has((repo[1] ?? "").toLowerCase()))
			send(res, 200, githubDocument(byRepo.get((repo[1] ?? "").toLowerCase()) as FakeProject));
		else send(res, 404, { message: "Not Found" });
	};
	const server = await startServer((req, res) => {
		if (state.latency > 0) setTimeout(() => answer(req, res), state.latency);
		else answer(req, res);
	});
	const base = server.base;
	return {
		server,
		urlOptions: [
			"--pypi-url",
			`${base}/pypi-host`,
			"--npm-url",
			`${base}/npm-host`,
			"--crates-url",
			`${base}/crates-host`,
			"--github-url",
			`${base}/github-host`,
		],
		override(route) {
			override = route;
		},
		get latency() {
			return state.latency;
		},
		set latency(ms: number) {
			state.latency = ms;
		},
		seen(prefix) {
			return server.requests.map((r) => r.url).filter((u) => u.startsWith(prefix));
		},
	};
}

/** `count` made-up projects (`project-1` …), each with its GitHub repository, for benchmarks. */
export function generatedProjects(count: number): Map<string, FakeProject> {
	const out = new Map<string, FakeProject>();
	for (let i = 1; i <= count; i++) {
		const name = `project-${i}`;
		out.set(
			name,
			project(name, `1.${i}.0`, "MIT", MIT, "MIT", 2000 + (i % 25), `https://example.org/${name}`, `example/${name}`, i * 10),
		);
	}
	return out;
}
