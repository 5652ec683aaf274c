// The full build (browsers): everything of the package's main entry plus `mountPortal`, the whole
// purchase portal inside a host element. Call `await init()` (the default export) once first; it
// fetches `pc_wasm_bg.wasm` next to this file. A page uses either this entry or the main one.
export * from "./pc_wasm.js";
export { default } from "./pc_wasm.js";
export { PartnerCenterError } from "./support.js";
