/**
 * Date forms of LegCo papers: `2024 年 4 月 8 日`, `2024年4月8日`,
 * `一九九七年一月三日`, `8 April 2024`, `April 8, 2024`.
 */
import {toHalfWidth} from './chars.js'
import {hanNumber} from './numerals.js'

export interface DateMatch {
  /** ISO date, or null when the printed date does not exist (2024年2月30日). */
  iso: string | null
  /** Offsets of the match in the searched string. */
  start: number
  end: number
  year: number
  month: number
  day: number
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12
}


/** English month names and their short forms, as an alternation for patterns (match case-insensitively, or see `MONTH_WORDS`). */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'

/** Month names as printed in running text: capitalised or in capitals (so that `may` the verb is no month). */
export const MONTH_WORDS = `${MONTH_NAMES}|${MONTH_NAMES.toUpperCase()}`

/** 1-12 for an English month name or short form (`Sept.`, `DECEMBER`), NaN otherwise. */
export function monthNumber(name: string): number {
  return MONTHS[name.replace(/\.$/, '').toLowerCase()] ?? NaN
}

// Built once: the date patterns, with global flags for scanning.
const ZH_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g
const ZH_HAN_DATE = /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g
const EN_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'gi')
const EN_MDY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gi')

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1800 && year <= 2200)) return null
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Every date printed in `value`, in order. Full-width digits are read as digits. */
const DIGIT = /[0-9０-９]/
const LATIN = /[A-Za-z]/

export function findDates(value: string): DateMatch[] {
  const found: DateMatch[] = []
  const digits = DIGIT.test(value)
  // Every date has digits, or is written in Chinese numerals with 年.
  if (!digits && !value.includes('年')) return found
  // toHalfWidth keeps string length (one UTF-16 unit for one), so offsets hold.
  const text = toHalfWidth(value)
  const add = (start: number, end: number, year: number, month: number, day: number) =>
    found.push({iso: isoDate(year, month, day), start, end, year, month, day})
  // Each form is tried only where it could be: a first use compiles the pattern, which a cold start pays for.
  const han = text.includes('年')
  const latin = digits && LATIN.test(text)
  if (digits && han) for (const m of text.matchAll(ZH_DATE)) add(m.index, m.index + m[0].length, +m[1]!, +m[2]!, +m[3]!)
  if (han) for (const m of text.matchAll(ZH_HAN_DATE))
    add(m.index, m.index + m[0].length, hanNumber(m[1]!), hanNumber(m[2]!), hanNumber(m[3]!))
  if (latin) for (const m of text.matchAll(EN_DMY))
    add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!)
  if (latin) for (const m of text.matchAll(EN_MDY))
    add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!)
  return found.sort((a, b) => a.start - b.start)
}

/** The first valid date in `value`, as ISO. */
export function firstDate(value: string): string | null {
  for (const match of findDates(value)) if (match.iso) return match.iso
  return null
}

const MONTH_YEAR = new RegExp(`^(?:(?:${MONTH_NAMES})\\.?,?\\s+\\d{4}|\\d{4}\\s*年\\s*\\d{1,2}\\s*月)$`, 'i')

/** A month and year alone (`June 2024`, `2024年6月`), as Administration papers date their signature. */
export function isMonthYearLine(value: string): boolean {
  return value.length <= 24 && MONTH_YEAR.test(toHalfWidth(value).trim())
}

/** Is the whole line a date (allowing a weekday in brackets)? */
export function isDateLine(value: string): boolean {
  if (value.length > 60) return false
  const dates = findDates(value)
  if (dates.length !== 1) return false
  const rest = (toHalfWidth(value).slice(0, dates[0]!.start) + toHalfWidth(value).slice(dates[0]!.end))
    .replace(/[(（][^)）]*[)）]/g, '')
    .trim()
  return rest.length === 0
}
