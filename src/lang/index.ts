/**
 * Lookups over the language tables: is this line a standard heading, an
 * appendix heading? Tables live beside this file; this module only indexes them.
 */
import {APPENDIX_WORDS, HEADING_PATTERN_HINTS, HEADING_PATTERNS, HEADINGS} from './headings.js'
import {squeeze, toHalfWidth} from './chars.js'

/** Heading numbering printed before the words: `I.`, `II.`, `A.`, `一、`, `(一)`, `1.`. */
const HEADING_NUMBERING = /^(?:[IVX]{1,5}\s*[.．、]|[A-H]\s*[.．、]|[一二三四五六七八九十]{1,3}\s*[、．.]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章節])\s*/i

/** The form a heading is compared in: half-width, no spaces or trailing colon, lower case. */
export function headingForm(value: string): string {
  return toHalfWidth(value)
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '')
}

const HEADING_KEYS = new Map<string, string>()
for (const heading of HEADINGS) {
  for (const word of [...heading.hant, ...heading.hans, ...heading.en]) HEADING_KEYS.set(headingForm(word), heading.key)
}

/** No standard heading is longer than this (in UTF-16 units, numbering and spaces included). */
const LONGEST_HEADING = 64

/** Answers for lines already asked about: the same line is asked about by several stages. */
const KEY_CACHE = new Map<string, string | null>()

/** The key of a standard heading, or null. Numbering before the words is allowed. */
export function standardHeadingKey(line: string): string | null {
  if (line.length > LONGEST_HEADING) return null
  let key = KEY_CACHE.get(line)
  if (key !== undefined) return key
  const form = headingForm(line)
  const bare = form.replace(HEADING_NUMBERING, '')
  key = HEADING_KEYS.get(form) ?? HEADING_KEYS.get(bare) ?? null
  if (key === null && HEADING_PATTERN_HINTS.some((hint) => bare.includes(hint))) {
    key = HEADING_PATTERNS.find(([pattern]) => pattern.test(bare))?.[1] ?? null
  }
  if (KEY_CACHE.size > 50_000) KEY_CACHE.clear()
  KEY_CACHE.set(line, key)
  return key
}

const APPENDIX_LINE = new RegExp(
  String.raw`^(` +
    [...new Set([...APPENDIX_WORDS.hant, ...APPENDIX_WORDS.hans, ...APPENDIX_WORDS.en])].join('|') +
    String.raw`)\s*([A-Z]{1,2}\d*|[IVX]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3})?\s*$`,
  'i'
)

/** `附錄`, `附件A`, `Annex A`, `Appendix II` alone on a line: the word and the label. */
export function appendixHeading(line: string): {marker: string; label: string | null} | null {
  if (line.length > 40) return null
  const match = APPENDIX_LINE.exec(toHalfWidth(squeeze(line)).trim())
  if (!match) return null
  // "Schedule" and "Attachment" alone are ordinary words in a sentence; require a label for them.
  if (!match[2] && /^(?:schedule|attachment|enclosure)$/i.test(match[1]!)) return null
  return {marker: match[1]!, label: match[2] ?? null}
}
