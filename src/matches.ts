/**
 * The matches of a global (or sticky) pattern in a text, as
 * `String.prototype.matchAll` gives them, without its copy of the pattern:
 * `matchAll` makes a new RegExp (through the species constructor) on every
 * call, so a loop over the lines of a paper made one for each line and
 * pattern. Here the pattern itself runs: its `lastIndex` is set from the
 * iterator's own place before each match (so a loop body that uses the same
 * pattern does not move it) and left at 0 at the end.
 */
export function* matchAll(pattern: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  if (!pattern.global && !pattern.sticky) throw new TypeError(`matchAll: ${pattern} is neither global nor sticky`)
  const unicode = pattern.unicode || (pattern as {unicodeSets?: boolean}).unicodeSets === true
  let index = 0
  try {
    while (index <= text.length) {
      pattern.lastIndex = index
      const match = pattern.exec(text)
      if (match === null) return
      index = pattern.lastIndex
      // An empty match moves on by one character (a code point where the pattern reads them), as matchAll does.
      if (match[0].length === 0) index = unicode && isPairAt(text, index) ? index + 2 : index + 1
      yield match
    }
  } finally {
    pattern.lastIndex = 0
  }
}

/** Does a surrogate pair start at `index`? */
function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index)
  if (high < 0xd800 || high > 0xdbff || index + 1 >= text.length) return false
  const low = text.charCodeAt(index + 1)
  return low >= 0xdc00 && low <= 0xdfff
}
