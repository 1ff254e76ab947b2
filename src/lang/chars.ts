/**
 * Character classes shared by every stage: what counts as CJK, what joins
 * wrapped lines, what ends a sentence. One place for these rules.
 */

/** Han ideographs: the unified blocks and their extensions, compatibility ideographs, and 〇. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x323af) ||
    code === 0x3007
  )
}

/**
 * Characters set in a CJK line: Han, kana, hangul, CJK punctuation,
 * full-width forms, CJK quotes and dashes. Lines that meet at such a
 * character are joined with no space.
 */
export function isWide(code: number): boolean {
  return (
    isHan(code) ||
    (code >= 0x2e80 && code <= 0x2fdf) || // radicals
    (code >= 0x3000 && code <= 0x30ff) || // CJK punctuation, kana
    (code >= 0x3100 && code <= 0x31ff) ||
    (code >= 0xac00 && code <= 0xd7af) || // hangul
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    code === 0x201c || // “
    code === 0x201d || // ”
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x2014 || // —
    code === 0x2015 ||
    code === 0x2026 || // …
    code === 0x23af || // ⎯ (used as a dash in papers)
    code === 0x25cf || // ●
    code === 0x00b7
  )
}

/** Display width in terminal cells: 2 for wide characters, 1 otherwise. Counting stops once past `limit`. */
export function displayWidth(value: string, limit = Infinity): number {
  // Every character takes at least one cell.
  if (value.length > limit) return value.length
  let width = 0
  for (let i = 0; i < value.length && width <= limit; i++) {
    const code = value.charCodeAt(i)
    // The common cases first: ASCII and Latin-1 below the middle dot (narrow), the main Han block (wide).
    if (code < 0xb7) width++
    else if (code >= 0x4e00 && code <= 0x9fff) width += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      width += 2
      i++
    } else width += isWide(code) ? 2 : 1
  }
  return width
}

/** Full-width ASCII variants (U+FF01–FF5E) and the ideographic space to ASCII. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/

const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g')

export function toHalfWidth(value: string): string {
  if (!FULL_WIDTH.test(value)) return value
  // One native replace: adding a character at a time built a rope of one node per character (hundreds of MB for a long paragraph).
  return value.replace(FULL_WIDTH_ALL, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

/**
 * The zero-width space, U+200B, which `isWhitespaceCode` counts as space:
 * invisible, yet a character of the input (U+FEFF is the byte-order mark,
 * whitespace as in JavaScript's `\s`).
 */
export function isZeroWidthCode(code: number): boolean {
  return code === 0x200b
}

export function isWhitespaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c ||
    code === 0x0b ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x200b ||
    code === 0xfeff
  )
}

/**
 * The separator put between two pieces of one sentence that layout broke
 * apart: nothing where either side is CJK, or where the break cut a run of
 * Latin letters or digits that CJK holds on both sides (`第II` + `I項`,
 * `於20` + `23年`: Chinese text wraps between any two characters); else one
 * space.
 */
export function joiner(before: string, after: string): string {
  if (before.length === 0 || after.length === 0) return ''
  const last = before.charCodeAt(before.length - 1)
  const first = after.charCodeAt(0)
  if (isWide(last) || isWide(first)) return ''
  if (isLowSurrogate(last) || isHighSurrogate(first)) return ''
  if (cutInsideCjk(before, after)) return ''
  return ' '
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** A run of ASCII letters or digits ends `before` and starts `after`, with a CJK character just before it and just after it. */
function cutInsideCjk(before: string, after: string): boolean {
  let i = before.length - 1
  while (i >= 0 && isAsciiAlnum(before.charCodeAt(i))) i--
  if (i === before.length - 1 || i < 0 || !isWide(before.charCodeAt(i))) return false
  let j = 0
  while (j < after.length && isAsciiAlnum(after.charCodeAt(j))) j++
  return j > 0 && j < after.length && isWide(after.charCodeAt(j))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Characters that end a sentence or announce what follows (a list). */
const TERMINATORS = new Set([...'。！？；：.!?;:⎯—－'])
/** Closing quotes and brackets that may follow the terminator. */
const CLOSERS = new Set([...'”’」』》〉）)]"\''])

/**
 * Does this text end a sentence? Trailing closing quotes are skipped, and a
 * trailing bracketed remark counts as ended when the text before it is
 * (`…。(有關進展見上文第 6 段)`).
 */
export function endsSentence(value: string): boolean {
  return sentenceEnd(value, false) as boolean
}

/**
 * `endsSentence` of a text known only by its end (`suffix`, the last words of a longer text):
 * the answer, or null when it needs what comes before (a bracket opened earlier, a suffix of spaces
 * or closers). A paragraph that a page break continues again and again is so judged by the words
 * it added, not by reading all its words on every line (issue 10).
 */
export function endsSentenceBySuffix(suffix: string): boolean | null {
  return sentenceEnd(suffix, true)
}

function sentenceEnd(value: string, partial: boolean): boolean | null {
  let end = value.length
  while (end > 0 && isWhitespaceCode(value.charCodeAt(end - 1))) end--
  if (end === 0) return partial ? null : false
  let i = end - 1
  const lastChar = value[i]
  if (lastChar === ')' || lastChar === '）') {
    const open = Math.max(value.lastIndexOf('(', i), value.lastIndexOf('（', i))
    if (partial && open <= 0) return null
    if (open > 0) {
      let j = open - 1
      while (j >= 0 && isWhitespaceCode(value.charCodeAt(j))) j--
      if (partial && j < 0) return null
      if (j >= 0 && TERMINATORS.has(value[j]!)) return true
    }
  }
  while (i >= 0 && CLOSERS.has(value[i]!)) i--
  if (i < 0) return partial ? null : false
  if (TERMINATORS.has(value[i]!)) return true
  // "…; and" / "…；及": an item that announces the next; " -" announces a list.
  return announcesMore(value, end, partial)
}

const SPACE = /\s/
const LIST_PUNCTUATION = new Set([...';；,，'])

/**
 * Does `value` up to `end` stop on `; and`, `, or`, `；及`, `；或` or ` -`?
 * A scan back from the end: the regex it replaces (`…$`) was tried from
 * every character, all the text for each line that a page break continues
 * (issue 10).
 */
function announcesMore(value: string, end: number, partial = false): boolean | null {
  // (Of a suffix: too short to tell.)
  if (partial && end < 4) return null
  const last = value[end - 1]
  if (last === '-' || last === '–') return end > 1 && SPACE.test(value[end - 2]!)
  if (last === '及' || last === '或') return value[end - 2] === '；'
  for (const word of ['and', 'or']) {
    if (!value.endsWith(word, end)) continue
    let j = end - word.length
    while (j > 0 && SPACE.test(value[j - 1]!)) j--
    if (partial && j === 0) return null
    return j > 0 && LIST_PUNCTUATION.has(value[j - 1]!)
  }
  return false
}

/** Does the text start like the rest of a sentence (lower-case letter, closing punctuation)? */
export function startsContinuation(value: string): boolean {
  const first = value.charCodeAt(0)
  if (first >= 0x61 && first <= 0x7a) return true
  return /^[，、。；：！？）」』》〉,;:.)]/.test(value)
}

const HAN_SPACE_HAN = /(?<=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])[ \t\u3000]+(?=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])/g

/**
 * Letter-spaced CJK, as some extractions leave justified or spaced-out
 * lines (`臨 立 會 142/96-97 號 文 件`, `會 議過 程正 式紀 錄`): most Han
 * characters of the line have a space after them.
 */
export function isLetterSpaced(value: string): boolean {
  let han = 0
  let spaced = 0
  for (let i = 0; i < value.length; i++) {
    if (!isHan(value.charCodeAt(i))) continue
    han++
    if (value[i + 1] === ' ' || value[i + 1] === '\u3000') spaced++
  }
  return han >= 2 && spaced * 5 >= han * 2
}

/** The words of a letter-spaced line read as words: no spaces between CJK characters (spaces next to digits stay). */
export function squeeze(value: string): string {
  return MAYBE_SPACED.test(value) && isLetterSpaced(value) ? value.replace(HAN_SPACE_HAN, '') : value
}

/** Quick test: could the line be letter-spaced at all (a CJK character, a space, a CJK character)? */
export const MAYBE_SPACED = /[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]/

/** Sentence-ending punctuation at the end of a text, closing quotes and brackets aside (a cruder test than `endsSentence`, for raw PDF lines). */
export const SENTENCE_PUNCTUATION_END = /[。！？；.!?;:：][」』”’)）]*\s*$/

/**
 * A line that ends a paragraph when it stops short of the text measure (PDF
 * layout): a Chinese full stop, colon, exclamation or question mark, or a
 * closing corner bracket; an English `.` `:` `!` `?` after a lower-case word
 * or a number (so that `J.P.` or `S.C.` ending a list line is not one); closing quotes and
 * brackets may follow. Not a semicolon: an item of a list ends on one.
 */
export const PARAGRAPH_END = /(?:[。：！？」]|(?<=[a-z0-9]{2}[)"'”’]?)[.:!?])[」』”’)）"']*$/

/**
 * The start of a line that a line-breaker keeps together: opening brackets
 * and quotes, then one word of Latin letters or digits (with the dots,
 * commas, hyphens and percent signs inside it) or one other character, then
 * the punctuation that may not begin a line (closing brackets, commas, full
 * stops). Had the line before room for it, the line break was not forced by
 * the measure.
 */
const LINE_START_UNIT = /^[（「『【〈《“‘(["']*(?:[A-Za-z0-9][A-Za-z0-9.,%'’-]*|[\s\S])[，。、；：！？）」』】〉》”’%,.;:!?)\]]*/u

/** The part of `value` that must stand on the same line as its first character (see {@link LINE_START_UNIT}). */
export function lineStartUnit(value: string): string {
  return LINE_START_UNIT.exec(value)?.[0] ?? ''
}

/**
 * Chinese clause punctuation (comma, full stop, semicolon): a line holding one is running text, not a heading.
 * The ASCII comma and semicolon count after a Chinese character (`附議下,單仲偕…`: pages of the 1990s type them).
 */
export const CLAUSE_PUNCTUATION = /[，。；]|[\u3400-\u9fff][,;]/

/**
 * Words a line cannot end on unless its phrase goes on: `…的`, `…及`, `… of`, `… the`. Not after a list's
 * punctuation: `…；及` / `…; and` end an item, and the next item starts a line of its own.
 */
// Not the words that end on one of them: 目的 (a heading), 普及, 參與, 行為, 作為, 反對, 溫和, 緩和, 調和.
const MID_PHRASE_END_ZH = /(?<![；;，,、])(?:(?<!目)的|之|(?<!普)及|(?<!參)與|(?<![溫緩調])和|或|並|而|於|(?<!反)對|把|被|將|(?<![行作])為|以)[ \t\u3000]*$/
const MID_PHRASE_END_EN = /(?<![;,:])\s(?:the|a|an|of|and|or|to|for|in|on|at|by|with|from|that|which)\s*$/

/** Does the line stop inside a phrase (a connective or an article last), so that a wrap, not the author, broke it? */
export function endsMidPhrase(value: string): boolean {
  return MID_PHRASE_END_ZH.test(value) || MID_PHRASE_END_EN.test(value)
}

/** A text that stops on a comma or a semicolon: its sentence goes on. */
export const CLAUSE_ENDING = /[，、,；;][\s\u3000]*$/

/** A colon, half- or full-width, at the end of a text. */
export const TRAILING_COLON = /[:：]$/

/** A full stop at the end, a closing quote allowed after it (`…。」`, `….”`). */
export const TRAILING_FULL_STOP = /[.。]["”」]?$/

/** A text that opens with a bracket, round or square, half- or full-width: a remark or a paper's number under what came before. */
export const OPENS_BRACKET = /^[(（[]/

/** A whole text in round brackets, half- or full-width (brackets inside allowed). */
export const IN_BRACKETS = /^[(（].*[)）]$/

/** A whole text that is one remark in round brackets, with no closing bracket inside (`(下午4時30分至6時30分)`). */
export const ONE_BRACKETED_REMARK = /^[(（][^)）]*[)）]$/

/**
 * A sentence ends inside the line, or the line stops at a comma: running text, not a header line.
 * The letters are taken from the start of their run only (the lookbehind): tried from every letter,
 * a line of 60,000 letters cost minutes (issue 10).
 */
export const SENTENCE_INSIDE = /[。！？](?!$)|[，、,]$|(?<![a-z])[a-z]{3,}[.!?]\s+[A-Z]/

/**
 * The marks that end sentences, for counting them: `。！？`, and `.`/`!`/`?`
 * after a word, before a capital or the end (`…the Bill. The…`; not the
 * `2.` of a paragraph number, not `No. 5`).
 */
// (The mark first, the look behind it after: a lookbehind first was tried at every character of the text.)
export const SENTENCE_ENDS = /[。！？]|[.!?](?<=[a-z]{2}[)"'”’]?[.!?])(?=[)"'”’]*(?:\s+[("'“‘]?[A-Z]|\s*$))/g

/** A short token (a label, a number) right after a start or a separator: `a)`, `，3)` — what an unopened `)` closes in a list. */
export const SHORT_LABEL_BEFORE = /(?:^|[\s,;:，；：、。])[0-9a-zA-Z]{1,4}$/

/** Runs of half-width or of full-width digits, for scanning. */
export const DIGIT_RUNS = /[0-9]+|[０-９]+/g

/** Does the text hold a full-width digit? */
export function hasFullWidthDigit(value: string): boolean {
  return FULL_WIDTH_DIGIT.test(value)
}
const FULL_WIDTH_DIGIT = /[０-９]/

// ---------------------------------------------------------------------------
// Brackets and quotes

/** Pairs that must balance within one block of text. Half- and full-width round brackets pair with each other. */
export const BRACKET_PAIRS: {open: string; close: string; name: string}[] = [
  {open: '(（', close: ')）', name: 'round bracket'},
  {open: '[［', close: ']］', name: 'square bracket'},
  {open: '【', close: '】', name: 'lenticular bracket'},
  {open: '“', close: '”', name: 'double quote'},
  {open: '「', close: '」', name: 'corner bracket'},
  {open: '『', close: '』', name: 'double corner bracket'},
  {open: '《', close: '》', name: 'title bracket'},
  {open: '〈', close: '〉', name: 'angle title bracket'}
]

/** Quotation marks that open and close (straight quotes do both, and so tell nothing). */
const QUOTES = BRACKET_PAIRS.filter((pair) => /[“「『]/.test(pair.open))

/** Does the text leave a quotation open (`… substitute with “; the measures include:`)? What follows is quoted words. */
export function opensQuotation(value: string): boolean {
  return QUOTES.some((pair) => {
    let depth = 0
    for (const char of value) {
      if (pair.open.includes(char)) depth++
      else if (pair.close.includes(char) && depth > 0) depth--
    }
    return depth > 0
  })
}

/**
 * Compatibility ideographs to the ideographs they stand for, as NFKC maps
 * them: the Kangxi radicals (U+2F00–U+2FD5, `⼀` for `一`) and the two CJK
 * radicals supplement forms that have a mapping (U+2E9F `⺟`, U+2EF3 `⻳`).
 * PDF fonts often map their glyphs to these code points; a reader sees the
 * plain character. Each maps to one BMP character, so lengths and offsets
 * are kept. Nothing else is touched (NFKC on the whole text would also fold
 * full-width forms, which the parser reads as they are).
 */
export function foldCompatibilityIdeographs(value: string): string {
  return COMPATIBILITY_IDEOGRAPHS.test(value) ? value.replace(COMPATIBILITY_IDEOGRAPHS_ALL, (ch) => ch.normalize('NFKC')) : value
}

const COMPATIBILITY_IDEOGRAPHS = /[\u2F00-\u2FD5\u2E9F\u2EF3]/
const COMPATIBILITY_IDEOGRAPHS_ALL = /[\u2F00-\u2FD5\u2E9F\u2EF3]/g
