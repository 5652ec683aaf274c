// Node: the client's wasm is read from the package and instantiated when this module is
// imported, so the client is usable at once. `init()` is kept for code shared with browsers.
import { webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import { initSync } from "./pc_wasm.js";

// The client draws MS-RequestId / MS-CorrelationId from Web Crypto; Node 18 (Debian 12's) has it
// only as node:crypto's `webcrypto`, not as the global.
if (globalThis.crypto === undefined) {
  globalThis.crypto = webcrypto;
}

initSync({ module: readFileSync(new URL("./pc_wasm_bg.wasm", import.meta.url)) });

export * from "./pc_wasm.js";
export { PartnerCenterError } from "./support.js";

/** Already initialized in Node: resolves at once. */
export default async function init() {}
