/**
 * Date forms of LegCo papers: `2024 年 4 月 8 日`, `2024年4月8日`,
 * `一九九七年一月三日`, `8 April 2024`, `April 8, 2024`; partial dates (a
 * month of a year, a day of a month); month names; which dates exist.
 */
import {toHalfWidth} from './chars.js'
import {HAN_NUMERAL, HAN_YEAR_DIGIT, hanNumber} from './numbering.js'
import {matchAll} from '../matches.js'

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
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12
}

/** English month names and their short forms, as an alternation for patterns (match case-insensitively, or see `MONTH_WORDS`). */
export const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'

/** Month names as printed in running text: capitalised or in capitals (so that `may` the verb is no month). */
export const MONTH_WORDS = `${MONTH_NAMES}|${MONTH_NAMES.toUpperCase()}`

/** 1-12 for an English month name or short form (`Sept.`, `DECEMBER`), NaN otherwise. */
export function monthNumber(name: string): number {
  return MONTHS[name.replace(/\.$/, '').toLowerCase()] ?? NaN
}

// Built once: the date patterns, with global flags for scanning.
const ZH_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g
const ZH_HAN_DATE = new RegExp(String.raw`(${HAN_YEAR_DIGIT}{4})\s*年\s*(${HAN_NUMERAL}{1,3})\s*月\s*(${HAN_NUMERAL}{1,3})\s*日`, 'g')
const EN_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'gi')
const EN_MDY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gi')

/** The days of a month of a year (February of a leap year has 29). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The most days a month can have, whatever the year (February 29). */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Does the day exist in the month in some year (`2 月 29 日` does, `4 月 31 日` does not)? */
export function isDayOfMonth(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= LONGEST_MONTH[month - 1]!
}

/** The most days the month can have (29 for February); undefined for no month. */
export function longestMonth(month: number): number | undefined {
  return LONGEST_MONTH[month - 1]
}

const MONTH_NAME_LIST = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The English name of month 1-12, or the number itself for no month. */
export function monthName(month: number): string {
  return MONTH_NAME_LIST[month - 1] ?? String(month)
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1800 && year <= 2200)) return null
  const days = daysInMonth(year, month)
  if (day > days) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Every date printed in `value`, in order. Full-width digits are read as digits. */
const DIGIT = /[0-9０-９]/
const LATIN = /[A-Za-z]/

export function findDates(value: string, halfWidth?: string): DateMatch[] {
  const found: DateMatch[] = []
  const digits = DIGIT.test(value)
  // Every date has digits, or is written in Chinese numerals with 年.
  if (!digits && !value.includes('年')) return found
  // toHalfWidth keeps string length (one UTF-16 unit for one), so offsets hold; a caller that has it already passes it.
  const text = halfWidth ?? toHalfWidth(value)
  const add = (start: number, end: number, year: number, month: number, day: number) =>
    found.push({iso: isoDate(year, month, day), start, end, year, month, day})
  // Each form is tried only where it could be: a first use compiles the pattern, which a cold start pays for.
  const han = text.includes('年')
  const latin = digits && LATIN.test(text)
  if (digits && han) for (const m of matchAll(ZH_DATE, text)) add(m.index, m.index + m[0].length, +m[1]!, +m[2]!, +m[3]!)
  if (han) for (const m of matchAll(ZH_HAN_DATE, text)) add(m.index, m.index + m[0].length, hanNumber(m[1]!), hanNumber(m[2]!), hanNumber(m[3]!))
  if (latin) for (const m of matchAll(EN_DMY, text)) add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!)
  if (latin) for (const m of matchAll(EN_MDY, text)) add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!)
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
  const rest = (toHalfWidth(value).slice(0, dates[0]!.start) + toHalfWidth(value).slice(dates[0]!.end)).replace(/[(（][^)）]*[)）]/g, '').trim()
  return rest.length === 0
}

/** Is this printed date in Chinese form (with 年)? */
export function isChineseDate(printed: string): boolean {
  return printed.includes('年')
}

// ---------------------------------------------------------------------------
// Partial dates: a month of a year, a day of a month, a year alone. Global, for matchAll.

/** `2024 年 4 月` not followed by a day (`2024 年 4 月 8 日` is a whole date); groups year, month. */
export const ZH_YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/g
/** `2024 年 4 月` not followed by any digit (stricter about what comes after); groups year, month. */
export const ZH_YEAR_MONTH_NO_DIGIT = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g
/** `一九九七年一月` not followed by a day; groups year, month (Chinese numerals). */
export const ZH_HAN_YEAR_MONTH = new RegExp(String.raw`(${HAN_YEAR_DIGIT}{4})\s*年\s*(${HAN_NUMERAL}{1,3})\s*月(?!\s*${HAN_NUMERAL}{1,3}\s*日)`, 'g')
/** `一九九七年` alone; group year (Chinese numerals). */
export const ZH_HAN_YEAR = new RegExp(String.raw`(${HAN_YEAR_DIGIT}{4})\s*年`, 'g')
/** `3 月 20 日` (a day without its year); groups month, day. */
export const ZH_MONTH_DAY = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/g
/** A character every ZH_MONTH_DAY match holds: a text without it need not be searched. */
export const ZH_MONTH_DAY_MARK = '月'

/** `3 月` (a month alone). */
export const ZH_MONTH = /(\d{1,2})\s*月/g

/** What may stand between two dates of one list (`13 日、3 月 20 日`, `13 February and 20 March`): list punctuation and one list word. */
export const DATE_LIST_JOINER = /^[\s、,，;；]*(?:及|和|與|与|或|至|and|or|to|-|–)?[\s、,，]*$/

/** A month name as printed in running text, capitalised or in capitals, with an optional full stop (`Sept.`). */
const MONTH_WORD = String.raw`(?:${MONTH_WORDS})\.?`
/** `January 1997`, `Jan., 1997`; groups month name, year. */
export const EN_MONTH_YEAR = new RegExp(String.raw`\b(${MONTH_WORD})\s*,?\s+(\d{4})\b`, 'g')
/** `20 March`, `20th March` (a day without its year); groups day, month name. */
export const EN_DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})(?![A-Za-z])`, 'g')
/** `March 20`, `March 20th`; groups month name, day. */
export const EN_MONTH_DAY = new RegExp(String.raw`\b(${MONTH_WORD})\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'g')

/** The same three, month names in any case and no ordinal suffixes (`june 2024`, `20 june`, `june 20`). */
export const EN_MONTH_YEAR_ANY_CASE = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'gi')
export const EN_DAY_MONTH_ANY_CASE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\b`, 'gi')
export const EN_MONTH_DAY_ANY_CASE = new RegExp(`\\b(${MONTH_NAMES})\\s+(\\d{1,2})\\b`, 'gi')
