// Browsers and bundlers: call `await init()` (the default export) once before anything else; it
// fetches `pc_wasm_bg.wasm` next to this file (or pass a URL, Response or WebAssembly.Module).
export * from "./pc_wasm.js";
export { default } from "./pc_wasm.js";
export { PartnerCenterError } from "./support.js";
