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
