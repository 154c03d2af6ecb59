/**
 * What `import ... from "obsidian"` resolves to inside the test page (esbuild alias): the
 * in-memory mocks of `obsidian-test-mocks`, patched to draw into the page (see patches.ts),
 * with `Notice` and `setIcon` replaced by versions a person can see, and `requestUrl` by the
 * page's fake network (network.ts).
 */
import "./patches";

export * from "obsidian-test-mocks/obsidian";
export { Notice, setIcon } from "./visible";
export { requestUrl } from "./network";
