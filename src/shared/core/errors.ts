/** The one way to turn anything thrown into a short, single-line message for a person. */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		if (code === "EACCES" || code === "EPERM") return "permission denied";
		if (code === "ENOENT") return "no such file or folder";
		if (code === "EISDIR") return "is a folder";
		return firstLine(error.message);
	}
	return firstLine(String(error));
}

function firstLine(message: string): string {
	return message.split("\n")[0] ?? message;
}
