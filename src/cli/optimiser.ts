/**
 * V8's optimising compiler for the CLI, on when the work is long enough to pay for it.
 *
 * `bin/legco.cjs` starts the CLI with TurboFan off (`--no-opt`, set before the bundle is compiled, so
 * that the bundle's code cache, written under the same flags, is accepted): a small run (`legco parse`
 * of a 14 KB paper, `--help`) is over before optimised code pays back its compiling, and at exit Node
 * waits for the compile jobs still running on V8's threads (~half of what a run of the seed spent after
 * its output was written, measured 2026-12-03). The commands turn it on once the inputs read in this
 * process pass OPTIMISE_FROM bytes (a long paper, a PDF, the hundredth small file of a check), and
 * before a batch starts its workers (V8's flags are the process's, every thread's). Run any other way
 * (the library, dist/cli/ without the bin) it was never off, and turning it on changes nothing.
 */
import {setFlagsFromString} from 'node:v8'

/** Input bytes after which the optimising compiler is on (a parse of this much takes tens of ms). */
export const OPTIMISE_FROM = 64 * 1024

let on = false
let read = 0

/** Turn the optimising compiler on (for the rest of the process). */
export function optimise(): void {
  if (on) return
  on = true
  setFlagsFromString('--opt')
}

/** Count input bytes read; past OPTIMISE_FROM in all, the optimising compiler is on. */
export function countInput(bytes: number): void {
  read += bytes
  if (read >= OPTIMISE_FROM) optimise()
}
