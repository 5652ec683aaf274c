// The client entry (browsers and bundlers): `PartnerCenterClient` and `PartnerCenterError`,
// without the rules, in a wasm of its own. Call `await init()` (the default export) once first;
// it fetches `pc_wasm_bg.wasm` next to this file (or pass a URL, Response or
// WebAssembly.Module).
export * from "./pc_wasm.js";
export { default } from "./pc_wasm.js";
export { PartnerCenterError } from "./support.js";
