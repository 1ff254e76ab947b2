/**
 * Figures as papers print them: digits with thousands separators and
 * decimals, Chinese and English multipliers (`5,000 萬`, `50 million`),
 * percentages (`45%`, `45 per cent`, `百分之45`), small numbers spelled out
 * in English (`six`). Patterns are global, for scanning.
 */

/** Multipliers of Chinese and English number words after a figure (`5,000 萬`, `50 million`). */
export const FIGURE_UNITS: Record<string, number> = {
  萬: 1e4,
  万: 1e4,
  億: 1e8,
  亿: 1e8,
  million: 1e6,
  billion: 1e9,
  m: 1e6,
  bn: 1e9
}

/** A figure, with a unit word or 萬/億 after it: groups whole part, decimals, unit word, Chinese multiplier. */
export const FIGURE = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s*(${Object.keys(FIGURE_UNITS).join('|')})\\b|\\s*(萬|万|億|亿))?`, 'g')

/** A percentage: `45%`, `45 per cent`, `45 percent` (group 1), `百分之 45` (group 2). */
export const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)|百分之\s*(\d+(?:\.\d+)?)/g

/** A number on its own (not part of a word or of a longer decimal): groups whole part, decimals. */
export const NUMBER = /(?<![A-Za-z0-9_]|\d\.)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z0-9_])/g

/** English number words two to twenty, which papers spell out where the other version prints a figure. */
export const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20
}

/** One of the NUMBER_WORDS, any case; group 1 is the word. */
export const WORD_NUMBER =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/gi
