import { buildPage } from "./build-page";

/** Builds the test page once per run, before any spec opens it. */
export default async function setup(): Promise<void> {
	const { vaultFiles } = await buildPage();
	if (vaultFiles === 0) throw new Error("examples/vault has no files: the browser suite needs the example vault");
}
