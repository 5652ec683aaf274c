// Node: the rules' wasm is read from the package and instantiated when this module is imported,
// so everything is usable at once. `init()` is kept for code shared with browsers.
import { readFileSync } from "node:fs";
import { initSync } from "./pc_wasm.js";

initSync({ module: readFileSync(new URL("./pc_wasm_bg.wasm", import.meta.url)) });

export * from "./pc_wasm.js";

/** Already initialized in Node: resolves at once. */
export default async function init() {}
