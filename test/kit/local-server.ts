/**
 * A local HTTP server for tests of network code: listens on 127.0.0.1 only (a free port), records
 * every request, and answers through a handler the test gives. Tests never touch the internet.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
	readonly method: string;
	/** Path and query, as sent. */
	readonly url: string;
	readonly headers: http.IncomingHttpHeaders;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
	/** `http://127.0.0.1:<port>` */
	readonly base: string;
	readonly requests: SeenRequest[];
	/** Replace the handler (answers from now on). */
	handle(handler: Handler): void;
	close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<LocalServer> {
	let current = handler;
	const requests: SeenRequest[] = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
		current(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		requests,
		handle(next) {
			current = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** A base URL where nothing listens: a port that was free a moment ago. */
export async function closedBase(): Promise<string> {
	const server = await startServer(() => undefined);
	await server.close();
	return server.base;
}

/** Answer JSON (or any text) with a status and extra headers. */
export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = typeof body === "string" ? body : JSON.stringify(body);
	res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
	res.end(text);
}
