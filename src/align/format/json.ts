/**
 * `legco align --format json`: the alignment as it is (see `Alignment` in
 * ../index.ts and docs/align.md): both versions' texts and positions for
 * every pair, null on the side of an unpaired entry, and the warnings.
 */
import type {Alignment} from '../index.js'

export function toJson(alignment: Alignment, pretty = true): string {
  return JSON.stringify(alignment, null, pretty ? 2 : undefined) + '\n'
}
