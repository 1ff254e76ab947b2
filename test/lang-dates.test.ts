// src/lang/dates: whole and partial dates, month names, which dates exist.
import {describe, expect, it} from 'vitest'
import {expectAccepts} from './helpers/accepts.js'
import {
  DATE_LIST_JOINER,
  daysInMonth,
  EN_DAY_MONTH,
  EN_DAY_MONTH_ANY_CASE,
  EN_MONTH_DAY,
  EN_MONTH_YEAR,
  EN_MONTH_YEAR_ANY_CASE,
  findDates,
  firstDate,
  isChineseDate,
  isDateLine,
  isDayOfMonth,
  isMonthYearLine,
  isoDate,
  longestMonth,
  monthName,
  monthNumber,
  ZH_HAN_YEAR,
  ZH_HAN_YEAR_MONTH,
  ZH_MONTH,
  ZH_MONTH_DAY,
  ZH_YEAR_MONTH,
  ZH_YEAR_MONTH_NO_DIGIT
} from '../src/lang/dates.js'

const all = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m.slice(1))

describe('whole dates', () => {
  it('finds dates in Chinese, Chinese numerals and English, in order', () => {
    const text = '於2024 年 4 月 8 日及一九九七年七月一日，and on April 8, 2024 or 3 March 2023'
    expect(findDates(text).map((d) => d.iso)).toEqual(['2024-04-08', '1997-07-01', '2024-04-08', '2023-03-03'])
    expect(findDates('２０２４年２月３０日')[0]).toMatchObject({iso: null, year: 2024, month: 2, day: 30})
  })

  it('says which dates exist', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29')
    expect(isoDate(2023, 2, 29)).toBeNull()
    expect(isoDate(1700, 1, 1)).toBeNull()
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(2024, 4)).toBe(30)
    expect(isDayOfMonth(2, 29)).toBe(true)
    expect(isDayOfMonth(4, 31)).toBe(false)
    expect(isDayOfMonth(13, 1)).toBe(false)
    expect(longestMonth(2)).toBe(29)
    expect(longestMonth(13)).toBeUndefined()
  })

  it('reads lines that are dates and month names', () => {
    expect(firstDate('2024年2月30日或2024年3月1日')).toBe('2024-03-01')
    expectAccepts(isDateLine, ['2024年4月8日(星期一)'], ['2024年4月8日的會議'])
    expectAccepts(isMonthYearLine, ['June 2024', '２０２４年６月'])
    expect(monthNumber('Sept.')).toBe(9)
    expect(monthNumber('DECEMBER')).toBe(12)
    expect(monthNumber('Maybe')).toBeNaN()
    expect(monthName(9)).toBe('September')
    expect(monthName(0)).toBe('0')
    expectAccepts(isChineseDate, ['2024年4月8日'], ['8 April 2024'])
  })
})

describe('partial dates', () => {
  it('finds a month of a year, not the start of a whole date', () => {
    expect(all(ZH_YEAR_MONTH, '2024 年 4 月及 2024 年 5 月 3 日')).toEqual([['2024', '4']])
    // The stricter form also refuses a month followed by any digit.
    expect(all(ZH_YEAR_MONTH, '2024年4月 2000元')).toEqual([['2024', '4']])
    expect(all(ZH_YEAR_MONTH_NO_DIGIT, '2024年4月 2000元')).toEqual([])
    expect(all(ZH_HAN_YEAR_MONTH, '一九九七年七月及一九九八年一月一日')).toEqual([['一九九七', '七']])
    expect(all(ZH_HAN_YEAR, '一九九七年')).toEqual([['一九九七']])
  })

  it('finds a day of a month and a month alone', () => {
    expect(all(ZH_MONTH_DAY, '3 月 20 日、4月1日')).toEqual([
      ['3', '20'],
      ['4', '1']
    ])
    expect(all(ZH_MONTH, '12 月')).toEqual([['12']])
  })

  it('finds English months and days: as printed, or in any case', () => {
    expect(all(EN_MONTH_YEAR, 'in Jan., 1997 and may 2024')).toEqual([['Jan.', '1997']])
    expect(all(EN_MONTH_YEAR_ANY_CASE, 'in may 2024')).toEqual([['may', '2024']])
    expect(all(EN_DAY_MONTH, 'on 20th March')).toEqual([['20', 'March']])
    expect(all(EN_DAY_MONTH_ANY_CASE, 'on 20 march')).toEqual([['20', 'march']])
    expect(all(EN_MONTH_DAY, 'on March 20th')).toEqual([['March', '20']])
  })

  it('knows what joins the dates of one list', () => {
    expectAccepts(DATE_LIST_JOINER, ['、', ' 及 ', ', and '], [' 的會議及 '])
  })
})
