/**
 * Minimal types for the opencc-js (1.4.x) entry points that src/script.ts loads.
 *
 * opencc-js ships types for `.`, `./core` and `./preset*` only; the per-dictionary
 * modules (`opencc-js/dict/NAME`, matched by the package's `./*` export) have none.
 * `opencc-js/core` is typed by the package itself (types/core.d.ts): of it we use
 * only `Trie` (`loadDictGroup`, `segment`, `convert`).
 */

/** One dictionary: `"src dst|src dst|..."` (what every dist/esm-lib/dict module exports). */
declare module 'opencc-js/dict/*' {
  const dict: string
  export default dict
}
