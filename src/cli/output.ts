/**
 * Long output (a compare export of 100k notes) written as it is made: pieces are gathered into
 * batches of about 64 KB, and after each batch the writer waits while stdout has a backlog (a
 * pipe whose reader is slower), so the output is never held in memory whole. Writing stops when
 * stdout was closed (`head` read what it wanted).
 */
import type { CliIO } from "./context";

const BATCH = 64 * 1024;

/** Write `pieces` to stdout in order, each batch passed through `transform` first. */
export async function writePieces(
	io: CliIO,
	pieces: Iterable<string>,
	transform: (text: string) => string = (text) => text,
): Promise<void> {
	let batch = "";
	for (const piece of pieces) {
		batch += piece;
		if (batch.length < BATCH) continue;
		io.stdout(transform(batch));
		batch = "";
		if (io.stdoutClosed?.() === true) return;
		const backlog = io.stdoutDrain?.();
		if (backlog) await backlog;
	}
	if (batch !== "" && io.stdoutClosed?.() !== true) io.stdout(transform(batch));
}
