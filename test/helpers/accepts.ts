/** For the tests of src/lang/: a pattern or predicate, and the lines it takes and does not take. */
import {expect} from 'vitest'

/** Expects `test` (a pattern, or a predicate on a line) to accept every line of `accepted` and none of `refused`; a failure names the line. */
export function expectAccepts(test: RegExp | ((line: string) => boolean), accepted: string[], refused: string[] = []): void {
  const accepts = (line: string) => (test instanceof RegExp ? test.test(line) : test(line))
  for (const line of accepted) expect(accepts(line), line).toBe(true)
  for (const line of refused) expect(accepts(line), line).toBe(false)
}

/** Expects `test` to accept none of the lines. */
export function expectRefuses(test: RegExp | ((line: string) => boolean), refused: string[]): void {
  expectAccepts(test, [], refused)
}

/**
 * Expects `read` to give, for each line that is a key of `table`, the value beside it (by `toEqual`, so NaN
 * matches NaN and null only null); a failure names the line. A table of line: result, for the lookups of src/lang/.
 */
export function expectReads(read: (line: string) => unknown, table: Record<string, unknown>): void {
  for (const [line, expected] of Object.entries(table)) expect(read(line), line).toEqual(expected)
}
