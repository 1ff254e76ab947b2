/**
 * Content anchors: the parts of a text that survive translation between
 * Chinese and English unchanged in meaning and nearly so in form — figures,
 * dates, paper numbers, ordinance chapters, Latin-script names. A text's
 * anchors are a multiset of language-neutral tokens:
 *
 *   date:2024-04-08   `2024 年 4 月 8 日`, `8 April 2024`, `一九九七年一月三日`
 *   month:1997-01     `一九九七年一月`, `2023 年 12 月`, `January 1997`
 *   day:03-20         a day printed without its year (`3 月 20 日`, `20 March`)
 *   num:2020          `2020`, `２０２０`, `10,000` (num:10000), `2.0`, `six` (num:6)
 *   pct:45            `45%`, `45 per cent`
 *   paper:CB(1)369/2024(05)
 *   cap:486           `第 486 章`, `Cap. 486`, `Chapter 486`
 *   name:OGCIO        Latin-script words with two capitals or a digit (`W3C`,
 *                     `5G`), and capitalised words (`Google`)
 *
 * A day whose year is printed once for a list (`2023 年 2 月 13 日、3 月 20 日`,
 * `13 February, 20 March and 12 December 2023`) gets the list's year.
 * Each part of the text gives one token: a date's year is not also a number.
 */
import {toHalfWidth} from '../lang/chars.js'
import {
  DATE_LIST_JOINER,
  EN_DAY_MONTH,
  EN_MONTH_DAY,
  EN_MONTH_YEAR,
  findDates,
  isChineseDate,
  isoDate,
  monthNumber,
  ZH_HAN_YEAR,
  ZH_HAN_YEAR_MONTH,
  ZH_MONTH_DAY,
  ZH_YEAR_MONTH
} from '../lang/dates.js'
import {hanNumber} from '../lang/numbering.js'
import {NUMBER, NUMBER_WORDS, PERCENT, WORD_NUMBER} from '../lang/figures.js'
import {normalisePaperNumber, PAPER_NUMBER} from '../lang/papers.js'
import {CHAPTER} from '../lang/references.js'
import {matchAll} from '../matches.js'

export type AnchorKind = 'date' | 'month' | 'day' | 'num' | 'pct' | 'paper' | 'cap' | 'name'

// Built once, with global flags for scanning.
const PAPER = new RegExp(String.raw`(?<![A-Za-z])` + PAPER_NUMBER.source, 'g')
// Partial dates (months, days) and month names as printed (so that `may` the verb is no month): lang/dates.
const ZH_MONTH = ZH_YEAR_MONTH
const ZH_HAN_MONTH = ZH_HAN_YEAR_MONTH
const ZH_DAY = ZH_MONTH_DAY
const EN_MONTH = EN_MONTH_YEAR
const LATIN_WORD = /[A-Za-z0-9]+(?:[-.&'][A-Za-z0-9]+)*/g

interface Found {
  token: string
  start: number
  end: number
  /** Read from words (`six`, a capitalised name) rather than printed as a figure, date or reference. */
  soft?: true
}

/** A date printed with or without its year, before lists are resolved. */
interface DatePart {
  start: number
  end: number
  year: number | null
  month: number
  day: number
  /** Language of the form: a Chinese date takes its year from the one before it, an English one from the one after. */
  zh: boolean
}

/** The anchors of a text, in the order they are printed. */
export function anchorsOf(value: string): string[] {
  return scan(value).map((found) => found.token)
}

/**
 * The anchors printed as figures, dates, chapters or paper numbers — not
 * those read from words (`six`, names). Two translations of one paragraph
 * that each print some of these and share none are suspect.
 */
export function figuresOf(value: string): string[] {
  return scan(value)
    .filter((found) => !found.soft)
    .map((found) => found.token)
}

function scan(value: string): Found[] {
  let text = toHalfWidth(value) // same length as value, so offsets hold
  const found: Found[] = []
  // Blank out what has been read, so that later patterns do not read it again (one pass per pattern: long texts stay linear).
  const mask = (ranges: {start: number; end: number}[]) => {
    if (ranges.length === 0) return
    const parts: string[] = []
    let at = 0
    for (const {start, end} of [...ranges].sort((x, y) => x.start - y.start)) {
      if (start < at) continue
      parts.push(text.slice(at, start), ' '.repeat(end - start))
      at = end
    }
    parts.push(text.slice(at))
    text = parts.join('')
  }
  const take = (pattern: RegExp, token: (m: RegExpExecArray) => string | null, soft = false) => {
    const taken: Found[] = []
    for (const m of matchAll(pattern, text) as IterableIterator<RegExpExecArray>) {
      const value = token(m)
      if (value === null) continue
      taken.push(soft ? {token: value, start: m.index, end: m.index + m[0].length, soft} : {token: value, start: m.index, end: m.index + m[0].length})
    }
    for (const anchor of taken) found.push(anchor)
    mask(taken)
  }

  take(PAPER, (m) => `paper:${normalisePaperNumber(m[0])}`)
  take(CHAPTER, (m) => `cap:${m[1] ?? m[2]}`)

  // Dates: whole ones first (findDates), then months of a year, then days whose year a list gives.
  const parts: DatePart[] = []
  for (const date of findDates(text)) {
    if (!date.iso) continue
    parts.push({start: date.start, end: date.end, year: date.year, month: date.month, day: date.day, zh: isChineseDate(text.slice(date.start, date.end))})
  }
  mask(parts)
  take(ZH_MONTH, (m) => month(+m[1]!, +m[2]!))
  take(ZH_HAN_MONTH, (m) => month(hanNumber(m[1]!), hanNumber(m[2]!)))
  take(EN_MONTH, (m) => month(+m[2]!, monthNumber(m[1]!)))
  const days: DatePart[] = []
  for (const m of matchAll(ZH_DAY, text)) days.push({start: m.index, end: m.index + m[0].length, year: null, month: +m[1]!, day: +m[2]!, zh: true})
  for (const m of matchAll(EN_DAY_MONTH, text))
    days.push({start: m.index, end: m.index + m[0].length, year: null, month: monthNumber(m[2]!), day: +m[1]!, zh: false})
  for (const m of matchAll(EN_MONTH_DAY, text))
    days.push({start: m.index, end: m.index + m[0].length, year: null, month: monthNumber(m[1]!), day: +m[2]!, zh: false})
  const valid = days.filter((day) => isoDate(2000, day.month, day.day) !== null)
  mask(valid)
  for (const part of valid) parts.push(part)
  parts.sort((a, b) => a.start - b.start)
  resolveYears(parts, value)
  for (const part of parts) {
    const iso = part.year === null ? null : isoDate(part.year, part.month, part.day)
    const token = iso ? `date:${iso}` : `day:${pad(part.month)}-${pad(part.day)}`
    found.push({token, start: part.start, end: part.end})
  }
  take(ZH_HAN_YEAR, (m) => {
    const year = hanNumber(m[1]!)
    return Number.isFinite(year) ? `num:${year}` : null
  })

  take(PERCENT, (m) => `pct:${number(m[1] ?? m[2]!, '')}`)
  take(NUMBER, (m) => `num:${number(m[1]!, m[2] ?? '')}`)
  take(WORD_NUMBER, (m) => `num:${NUMBER_WORDS[m[1]!.toLowerCase()]}`, true)
  take(LATIN_WORD, (m) => (isName(m[0]) ? `name:${m[0]}` : null), true)
  return found.sort((a, b) => a.start - b.start)
}

/** A list of days with one year: the year goes to the days joined to a dated one by list words only. */
function resolveYears(parts: DatePart[], value: string): void {
  const text = toHalfWidth(value)
  const joined = (a: DatePart, b: DatePart) => DATE_LIST_JOINER.test(text.slice(a.end, b.start))
  // Chinese: `2023 年 2 月 13 日、3 月 20 日`: the year comes first.
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!
    const before = parts[i - 1]!
    if (part.year === null && part.zh && before.zh && before.year !== null && joined(before, part)) part.year = before.year
  }
  // English: `13 February, 20 March and 12 December 2023`: the year comes last.
  for (let i = parts.length - 2; i >= 0; i--) {
    const part = parts[i]!
    const after = parts[i + 1]!
    if (part.year === null && !part.zh && !after.zh && after.year !== null && joined(part, after)) part.year = after.year
  }
}

function month(year: number, monthNumber: number): string | null {
  if (!(year >= 1800 && year <= 2200 && monthNumber >= 1 && monthNumber <= 12)) return null
  return `month:${year}-${pad(monthNumber)}`
}

function number(integer: string, fraction: string): string {
  const whole = integer.replace(/,/g, '').replace(/^0+(?=\d)/, '')
  return whole + fraction
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * A Latin-script word worth matching across languages: an acronym or a
 * name with two capitals (`OGCIO`, `iAM`), letters with digits (`W3C`,
 * `5G`), or a capitalised word (`Google`). Ordinary capitalised English
 * words also qualify here; `align` keeps only the names that both versions
 * print somewhere, which drops them.
 */
function isName(word: string): boolean {
  if (!/[A-Za-z]/.test(word)) return false
  const capitals = word.replace(/[^A-Z]/g, '').length
  if (capitals >= 2) return true
  if (/\d/.test(word)) return true
  return /^[A-Z][a-z]{2,}/.test(word)
}

/** The kind of an anchor token. */
export function anchorKind(token: string): AnchorKind {
  return token.slice(0, token.indexOf(':')) as AnchorKind
}

/** Tokens both multisets hold, as many times as both hold them, in the order of `a`. */
export function sharedAnchors(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const token of b) counts.set(token, (counts.get(token) ?? 0) + 1)
  const shared: string[] = []
  for (const token of a) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      shared.push(token)
      counts.set(token, left - 1)
    }
  }
  return shared
}

/** Dice coefficient of two multisets: 2|A∩B| / (|A| + |B|); 0 when both are empty. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0
  return (2 * sharedAnchors(a, b).length) / (a.length + b.length)
}

/** An anchor as a reader would print it: `Cap. 486`, `45%`, `2024-04-08`, `OGCIO`. */
export function anchorLabel(token: string): string {
  const value = token.slice(token.indexOf(':') + 1)
  switch (anchorKind(token)) {
    case 'cap':
      return `Cap. ${value}`
    case 'pct':
      return `${value}%`
    default:
      return value
  }
}

/**
 * How much an anchor tells two paragraphs apart: a date, a paper number or
 * a chapter is near-certain (1); a month or a percentage nearly so (0.8); a
 * name or a figure of three digits or more, often a year, less (0.6); a
 * day without its year (0.5); a small figure, which many paragraphs print,
 * least (0.3).
 */
export function anchorWeight(token: string): number {
  switch (anchorKind(token)) {
    case 'date':
    case 'paper':
    case 'cap':
      return 1
    case 'month':
    case 'pct':
      return 0.8
    case 'day':
      return 0.5
    case 'name':
      return 0.6
    case 'num':
      return token.replace(/\D/g, '').length >= 3 ? 0.6 : 0.3
  }
}
