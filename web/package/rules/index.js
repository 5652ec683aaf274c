// The rules entry (browsers and bundlers): pc-core's purchase and lifecycle rules, the purchase
// context builder and `explainFinding`, without the client, in a wasm of their own. Call
// `await init()` (the default export) once first; it fetches `pc_wasm_bg.wasm` next to this file
// (or pass a URL, Response or WebAssembly.Module).
export * from "./pc_wasm.js";
export { default } from "./pc_wasm.js";
