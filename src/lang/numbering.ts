/**
 * Numbering as LegCo papers print it: paragraph markers (`1.`, `１．`),
 * item labels (`(a)`, `（ii）`, `b)`, `ⅲ`, bullets), heading numbering
 * (`II.`, `一、`, `(一)`, `第一部`), numerals outside digits (roman, Chinese,
 * letters), ordinals and label styles. One home for the tokeniser, the
 * builder, the furniture marks, the checks, align and the Markdown writer.
 */
import {toHalfWidth} from './chars.js'
import type {ItemStyle} from '../tree.js'

// ---------------------------------------------------------------------------
// Numerals

/** Chinese digits, with 〇/零 for years written digit by digit and 十 for ten. */
export const HAN_DIGITS: Record<string, number> = {〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10}

/** A Chinese numeral up to ten as a character class (labels, months, days): `[一二三四五六七八九十]`. */
export const HAN_NUMERAL = '[一二三四五六七八九十]'

/** A Chinese digit of a year written digit by digit (`一九九七`, `二〇二四`). */
export const HAN_YEAR_DIGIT = '[〇零一二三四五六七八九]'

/** A year written digit by digit (`一九九七`), or a number up to ninety-nine (`十`, `十二`, `二十三`); NaN otherwise. */
export function hanNumber(value: string): number {
  const chars = [...value]
  if (chars.length === 4) return Number(chars.map((c) => HAN_DIGITS[c] ?? NaN).join(''))
  if (chars.length === 1) return HAN_DIGITS[chars[0]!] ?? NaN
  if (chars[0] === '十') return 10 + (HAN_DIGITS[chars[1]!] ?? NaN)
  if (chars[1] === '十') return (HAN_DIGITS[chars[0]!] ?? NaN) * 10 + (chars[2] ? (HAN_DIGITS[chars[2]] ?? NaN) : 0)
  return NaN
}

/**
 * A label written in Chinese numerals one to ten (`二`, `十二`, `二十三`),
 * read leniently (tens from the first character, units from the last):
 * NaN when a character is no such numeral (〇 and 零 included).
 */
export function hanLabelValue(label: string): number {
  const han = [...label].map((c) => (c === '〇' || c === '零' ? undefined : HAN_DIGITS[c]))
  if (han.length === 0 || !han.every((v) => v !== undefined)) return NaN
  return han.length === 1 ? han[0]! : han[0] === 10 ? 10 + han[1]! : han[0]! * 10 + (han[2] ?? 0)
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i']
]

const ROMAN_DIGITS: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}

export function toRoman(value: number): string {
  let out = ''
  for (const [size, letters] of ROMAN) {
    while (value >= size) {
      out += letters
      value -= size
    }
  }
  return out
}

/** A roman numeral summed as written, any case, without checking its form (`iiii` is 4; other letters count 0). */
export function romanSum(label: string): number {
  const lower = label.toLowerCase()
  let total = 0
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN_DIGITS[lower[i]!] ?? 0
    const next = ROMAN_DIGITS[lower[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** The value of a roman numeral, or NaN when it is not written the standard way (`iiii`, `vx`). */
export function romanValue(label: string): number {
  const lower = label.toLowerCase()
  if (!/^[ivxlcdm]+$/.test(lower)) return NaN
  const total = romanSum(lower)
  return toRoman(total) === lower ? total : NaN
}

/** The place of a single letter in the alphabet (`c` is 3), NaN for anything else. */
export function alphaValue(label: string): number {
  const lower = label.toLowerCase()
  return /^[a-z]$/.test(lower) ? lower.charCodeAt(0) - 96 : NaN
}

/** Letters read as a number in base 26, any case, unchecked (`c` is 3, `aa` is 27). */
export function lettersValue(label: string): number {
  let value = 0
  for (const char of label.toLowerCase()) value = value * 26 + (char.charCodeAt(0) - 96)
  return value
}

// ---------------------------------------------------------------------------
// Label styles and ordinals

/** Roman numerals in their standard form up to 39 (`i` … `xxxix`), lower case. */
const ROMAN_FORM = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/

/** The styles a label (ASCII, no brackets) can be read as, most likely first (`i` is a letter or a roman numeral). */
export function labelStyles(label: string): ItemStyle[] {
  if (/^\d+$/.test(label)) return ['decimal']
  if (/^[a-z]$/.test(label)) return ROMAN_FORM.test(label) ? ['lower-alpha', 'lower-roman'] : ['lower-alpha']
  if (/^[A-Z]$/.test(label)) return ROMAN_FORM.test(label.toLowerCase()) ? ['upper-alpha', 'upper-roman'] : ['upper-alpha']
  if (/^[ivxlc]+$/.test(label) && ROMAN_FORM.test(label)) return ['lower-roman']
  if (/^[IVXLC]+$/.test(label) && ROMAN_FORM.test(label.toLowerCase())) return ['upper-roman']
  return []
}

/** Is the label both a letter and a roman numeral (`i`, `v`, `x`, in either case)? */
export function readsAsLetterOrRoman(label: string): boolean {
  return labelStyles(label).length > 1
}

/** Roman numerals in Unicode (ⅰ, Ⅲ) as letters; any other label as it is. */
export function romanLetters(label: string): string {
  const code = label.charCodeAt(0)
  if (code >= 0x2170 && code <= 0x217f) return ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'l', 'c', 'd', 'm'][code - 0x2170]!
  if (code >= 0x2160 && code <= 0x216f) return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'L', 'C', 'D', 'M'][code - 0x2160]!
  return label
}

/** The place of a label in a list of the given style (NaN when it does not read in that style). */
export function ordinal(label: string, style: ItemStyle): number {
  const half = toHalfWidth(label)
  switch (style) {
    case 'lower-alpha':
    case 'upper-alpha':
      return alphaValue(half)
    case 'lower-roman':
    case 'upper-roman':
      return romanValue(half)
    case 'decimal':
      return /^\d+$/.test(half) ? Number(half) : NaN
    default:
      return NaN
  }
}

/** The label at a place in a list of the given style: 3 is `c`, `C`, `iii`, `III` or `3`. */
export function labelAt(value: number, style: ItemStyle): string {
  switch (style) {
    case 'lower-alpha':
      return String.fromCharCode(96 + value)
    case 'upper-alpha':
      return String.fromCharCode(64 + value)
    case 'lower-roman':
      return toRoman(value)
    case 'upper-roman':
      return toRoman(value).toUpperCase()
    default:
      return String(value)
  }
}

/** A label in a comparable form, whatever numerals print it: `II`, `二`, `2` -> `#2`; `A` -> `A`. */
export function labelKey(label: string): string {
  const half = toHalfWidth(label).trim().toUpperCase()
  if (/^\d+$/.test(half)) return `#${Number(half)}`
  const han = hanLabelValue(half)
  if (!Number.isNaN(han)) return `#${han}`
  // A single I, V or X is a roman numeral here: appendices are rarely lettered that far.
  const roman = romanValue(half)
  if (!Number.isNaN(roman) && (half.length > 1 || /^[IVX]$/.test(half))) return `#${roman}`
  return half
}

// ---------------------------------------------------------------------------
// Sequences of numbers of any kind (agenda items, numbered headings)

/** How a number is written: in figures, roman numerals, Chinese numerals or a letter (the case kept for writing more). */
export type NumeralKind = 'decimal' | 'upper-roman' | 'lower-roman' | 'han' | 'upper-alpha' | 'lower-alpha'

const HAN_TENS = ['', '十', '二十', '三十', '四十', '五十', '六十', '七十', '八十', '九十']
const HAN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** A number up to ninety-nine in Chinese numerals, as labels print it: 3 is `三`, 12 `十二`, 20 `二十`. */
export function toHan(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value)
  return HAN_TENS[Math.floor(value / 10)]! + HAN_UNITS[value % 10]!
}

/**
 * A section's printed number read as a place in a sequence, whatever
 * numerals print it: `3` (full-width too), `III`/`iii`, `三`/`十二`, or a
 * single letter not also a roman numeral (`B`); null for anything else
 * (`IA`, an item put in, is in no sequence). `I`, `V`, `X` alone are roman:
 * agenda items and numbered headings run I, II… far more than A, B….
 */
export function numeralOf(number: string): {kind: NumeralKind; value: number} | null {
  const half = toHalfWidth(number).trim()
  if (/^\d{1,4}$/.test(half)) return {kind: 'decimal', value: Number(half)}
  const roman = romanValue(half)
  if (!Number.isNaN(roman) && /^(?:[IVXLC]+|[ivxlc]+)$/.test(half)) return {kind: half === half.toUpperCase() ? 'upper-roman' : 'lower-roman', value: roman}
  const han = hanNumber(half)
  if (!Number.isNaN(han) && [...half].length <= 3 && han > 0 && toHan(han) === half) return {kind: 'han', value: han}
  if (/^[A-Z]$/.test(half)) return {kind: 'upper-alpha', value: alphaValue(half)}
  if (/^[a-z]$/.test(half)) return {kind: 'lower-alpha', value: alphaValue(half)}
  return null
}

/** The number at a place of a sequence of that kind: 3 is `3`, `III`, `iii`, `三`, `C` or `c`. */
export function numeralAt(value: number, kind: NumeralKind): string {
  return kind === 'han' ? toHan(value) : labelAt(value, kind)
}

// ---------------------------------------------------------------------------
// Markers as printed

/** A paragraph number and its full stop, half- or full-width: `1.`, `12 .`, `１２．`. */
const PARAGRAPH_NUMBER = String.raw`[0-9０-９]{1,3}\s*[.．]`
/** What follows a paragraph number's stop: no digit (`1.5` is a decimal), unless it starts a year (`３．1999年…`, the space lost). */
const NOT_A_DIGIT = String.raw`(?![0-9０-９](?![0-9０-９]{3}年))`

/**
 * A numbered paragraph's marker at the start of a line, and the space after
 * it; group 1 is the number. `1.5` is no marker. A star may come first: a
 * Council agenda marks the questions for a written reply so (`*7.`). `2\.` is our Markdown's
 * (the escape keeps renderers from making it a list; it is markup, not in the marker).
 */
export const PARAGRAPH_MARKER = new RegExp(String.raw`^(?:\\?\*)?([0-9０-９]{1,3})\\?\s*[.．]${NOT_A_DIGIT}[ \t\u3000]*`)

/** A line that starts with a paragraph number (a decimal, `1.5`, included). */
export const PARAGRAPH_NUMBER_START = new RegExp(`^${PARAGRAPH_NUMBER}`)

/** A paragraph number alone on its line. */
export const PARAGRAPH_NUMBER_ONLY = new RegExp(`^${PARAGRAPH_NUMBER}$`)

/** A paragraph number that a bold run starts with, then a space or the run's end (`<strong>1.</strong>`, `<b>1. 林健鋒議員</b>`, `<strong>*7.</strong>`): group 1. */
export const BOLD_LEAD_NUMBER = new RegExp(String.raw`^\s*(\*?${PARAGRAPH_NUMBER})(?=\s|$)`)

/** A row whose first cell is only a paragraph number (`1. | 《條例》`). */
export const PARAGRAPH_NUMBER_CELL = new RegExp(String.raw`^${PARAGRAPH_NUMBER}\s*\|`)

/** Up to sixteen characters glued to a paragraph marker after them (`背景2. 青山灣…`); group 1 is the words. */
export const GLUED_BEFORE_PARAGRAPH_MARKER = new RegExp(String.raw`^(\S{1,16}?)(?=${PARAGRAPH_NUMBER}${NOT_A_DIGIT})`)

/** A bracketed item label and the space after it: `(a)`, `（ii）`, `(3)`, `(ⅳ)`; group 1 is the label. */
export const BRACKET_LABEL = /^[(（]\s*([0-9０-９]{1,2}|[a-zA-Zａ-ｚＡ-Ｚ]|[ivxlcIVXLC]{1,7}|[ⅰ-ⅿⅠ-Ⅿ])\s*[)）][ \t\u3000]*/

/** An item label closed by a bracket only, and the space after it: `a)`, `ii)`, `3)`, and `1\)` as our Markdown escapes it. */
export const PAREN_LABEL = /^([a-z]|[ivx]{1,6}|\d{1,2})\\?\)[ \t\u3000]+/

/** Bullets that start an unlabelled item; with the private-use code points Word's Symbol and Wingdings fonts print bullets as (U+F0B7 ·, U+F0A7 ▪, U+F0D8 ➢, U+F076 ❖). */
export const BULLETS = '-*+•●○◦▪■□◆◇⬧⬥❖►▶➢➤‧・–\uF0B7\uF0A7\uF0D8\uF076'

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\-^]/g, '\\$&')
}

/** Bullets that are Markdown's list marks before a label (`- (a)`, as our Markdown writes items): markup, which the tree need not keep. Any other bullet before a label (`● (a)`, `+ i)`) is printed and kept as the item's `bullet`. */
export const MARKUP_BULLETS = '-*'

/** A bullet at the start of a line, then space, or a bracketed label right after it (`•(a)`). */
export const BULLET_START = new RegExp(`^[${escapeClass(BULLETS)}](?:[ \\t\\u3000]+|(?=[(（]))`)

/** A line shaped like numbered, labelled or tabulated content: such a line may repeat and still not be page furniture. */
export const NUMBERED_SHAPE = new RegExp(String.raw`^(?:${PARAGRAPH_NUMBER}|[(（][a-zA-Z0-9ivx]{1,5}[)）]|[-*•●]\s)|\t|\|`)

/** Numbering printed before a heading's words: `I.`, `II.`, `A.`, `一、`, `(一)`, `1.`, `第一部`. */
export const HEADING_NUMBERING = new RegExp(
  String.raw`^(?:[IVX]{1,5}\s*[.．、]|[A-H]\s*[.．、]|${HAN_NUMERAL}{1,3}\s*[、．.]|[(（]${HAN_NUMERAL}{1,3}[)）]|第${HAN_NUMERAL}{1,3}[部章節])\s*`,
  'i'
)

/** The shape of a marker, width aside: `(x)`, `x)`, `x.`, `[x]`, ... */
export function markerShape(marker: string): string {
  const half = toHalfWidth(marker).replace(/\s+/g, '')
  return half.replace(/[A-Za-z0-9]+/, 'x')
}

/** Does the marker end with a full stop (`3.`, `３．`)? */
export function markerEndsWithStop(marker: string): boolean {
  return /[.．]$/.test(marker)
}

/** Does the marker open with a bracket (`(a)`, `（b）`)? */
export function markerOpensBracket(marker: string): boolean {
  return /^[(（]/.test(marker)
}

/** A footnote marker glued to the word before it (`technology (IT)1.`): one or two digits after a letter or a closing bracket, before punctuation or a space. */
export const FOOTNOTE_MARKER = /(?<=[A-Za-z)\]])(\d{1,2})(?=[.,;:)]?(?:\s|$))/g

/**
 * A footnote marker in brackets, as the Chinese Hansard prints it (`宣讀立法會誓言 (1 )`): one or two
 * digits in brackets after a word (not after a digit or a letter: `第 14(5)條`, `section 2(1)`), at the
 * line's end or before punctuation — an enumeration `(1)` inside a sentence is followed by words.
 */
export const FOOTNOTE_MARKER_BRACKETED = /(?<=[^\s\dA-Za-z(（]\s?)[(（]\s?([0-9０-９]{1,2})\s?[)）](?=\s*$|[。，、；：,.;:])/g

/**
 * The start of a footnote's first line: its number in brackets (`( 1 ) `, group 1), in square brackets
 * (`[4] https://…`, an endnote of a submission, group 2) or bare (`1 `, group 3); the digits are half-width here.
 */
export const FOOTNOTE_START = /^(?:[(（]\s?(\d{1,2})\s?[)）](?:\s+(?=\S)|$)|\[(\d{1,3})\]\s*(?=\S)|(\d{1,2})(?:\s+(?=\S)|$))/

/**
 * FOOTNOTE_START of the line made half-width, tried only when its first character can start one
 * (`(`, `[`, a digit, or their full-width forms): the half-width copy of a long line is not made for
 * every line of a paper that has a note.
 */
export function footnoteStart(text: string): RegExpExecArray | null {
  const first = text.charCodeAt(0)
  const half = first >= 0xff00 ? first - 0xfee0 : first
  if (half !== 0x28 && half !== 0x5b && !(half >= 0x30 && half <= 0x39)) return null
  // FOOTNOTE_START reads at most 6 characters and then a run of spaces: on the first 16, when the 16th is
  // no space, it reads what it reads on the whole line (a paragraph's `2. …` is not made half-width whole).
  if (text.length > FOOTNOTE_PREFIX && !SPACE_CHARACTER.test(text[FOOTNOTE_PREFIX - 1]!))
    return FOOTNOTE_START.exec(toHalfWidth(text.slice(0, FOOTNOTE_PREFIX)))
  return FOOTNOTE_START.exec(toHalfWidth(text))
}

const FOOTNOTE_PREFIX = 16
const SPACE_CHARACTER = /\s/

/** A line that could start a note, by its first characters (the full test is FOOTNOTE_START, after toHalfWidth). */
export const FOOTNOTE_MAY_START = /^[(（[]?\s?[0-9０-９]/

/** An endnote's reference as Word writes it in the text, a number in square brackets after a word (`規管[1][2]，`): group 1. */
export const FOOTNOTE_MARKER_SQUARE = /(?<=\S)\[(\d{1,3})\]/g

/** The brackets a bracketed footnote marker opens with (`(1 )`, `（1）`), for a scanner's set of characters to stop at. */
export const MARKER_OPENING_BRACKETS = '(（'

/** A footnote's number at the start of its first line, full-width digits too, with the spaces after it. */
export const FOOTNOTE_NUMBER_LEAD = /^(?:[(（]\s?[0-9０-９]{1,2}\s?[)）]|\[[0-9]{1,3}\]|[0-9０-９]{1,2})\s*/

// ---------------------------------------------------------------------------
// Lists

/**
 * A line ending in a word that takes a number (`paragraph`, `No.`, `Cap.`, `section`, `第`): a number at
 * the next line's start is that word's, which the wrap carried over (`see paragraph` / `12. above`).
 */
export const NUMBER_TAKING_END =
  /(?:\b(?:[Pp]aragraphs?|[Pp]aras?\.?|No\.|Nos\.|Cap\.|[Ss]ections?|[Ii]tems?|[Rr]ules?|[Aa]rticles?|[Cc]lauses?|[Rr]egulations?|[Aa]nnex|[Aa]ppendix|L\.\s?N\.)|第)\s*$/

/**
 * Is a marker at a line's start the end of a phrase the line above began: a
 * closing-only label (`2)`) that closes a bracket the line above left open
 * (`Adaptation of Laws (No.`), or a number after a word that takes one
 * (`paragraph`, `No.`, `Cap.`, `第`)?
 */
export function wrappedNumber(above: string, marker: string): boolean {
  const text = above.trimEnd()
  if (/^[0-9０-９A-Za-z]{1,4}[)）]$/.test(marker.trim())) {
    let open = 0
    for (const char of text) {
      if (char === '(' || char === '（') open++
      else if ((char === ')' || char === '）') && open > 0) open--
    }
    if (open > 0 && /[(（][^()（）]*$/.test(text)) return true
  }
  return NUMBER_TAKING_END.test(text)
}

/** A word that joins list items, when wrapping leaves it alone on a line. */
export const LIST_CONJUNCTION = /^(?:及|和|或|以及|並|and|or)$/

/** The end of a text that introduces a list: a colon, a dash, `如下`, `下列`, `包括`. */
export const INTRODUCES_LIST = /(?:[:：]|\s[-–—]|⎯+|如下|下列|包括)$/

/**
 * Items run inline after their lead-in (a web mirror's flattened text:
 * `該等修訂命令是⎯⎯(i) 《…》;(ii) 《…》;及(iii) 《…》。`): the lead-in ends
 * in a dash or a colon right before the first label, and each item after
 * the first stands after a `；`/`;`, with the `及`/`和`/`或`/`and`/`or` that
 * goes with the item before it. Labels in brackets, scanned for (group 1).
 */
export const INLINE_LIST_LEAD = /(?:[:：]|[⎯─—–]+)[ \t\u3000]*$/
export const INLINE_ITEM_SEPARATOR = /[;；][ \t\u3000]*(?:及|和|或|以及|and|or)?[ \t\u3000]*$/
export const BRACKET_LABELS = /[(（][ \t]*([0-9０-９]{1,2}|[a-zA-Zａ-ｚＡ-Ｚ]|[ivxlcIVXLC]{1,7}|[ⅰ-ⅿⅠ-Ⅿ])[ \t]*[)）]/g

/**
 * A numbered heading's number, in every common form: `一、`, `（一）`,
 * `一)`, `(1)`, `1.`, `1、`, `A.`, `I.`, `第一部分`, `Part 2` (full-width
 * digits and brackets too, read half-width). The rest must be a title: at
 * least two characters, not opening with punctuation or a conjunction (`(二)及(三)` is a reference, not a heading).
 */
const HEADING_NUMBER = new RegExp(
  String.raw`^(?:(${HAN_NUMERAL}{1,3})\s*[、．.]|[(（](${HAN_NUMERAL}{1,3}|\d{1,2}|[A-Za-z]|[ivxIVX]{1,5})[)）]\s*[、.．]?|(${HAN_NUMERAL}{1,3}|\d{1,2})[)）]|(\d{1,2})\s*(?:[、．]|\.(?!\d))|([A-H]|[IVX]{1,5})\s*[.．、](?![A-Za-z]\.)|第(${HAN_NUMERAL}{1,3}|\d{1,2})(?:部分|部|章|節|节|篇|項|项)[\s:：、]*|(?:Part|Chapter|Section)\s+(\d{1,2}|[IVX]{1,5})[\s:.]+)\s*`
)

/** Words that join one reference to the next (`(二)及(三)`, `(a) and (b)`): what follows a number that is not a heading's. */
const JOINS_REFERENCE = /^(?:[、，,;；:：.．)）]|及|和|與|与|或|至|and\b|or\b|to\b|[(（][^)）]{1,4}[)）]\s*(?:及|和|與|与|或|至|、|,|and\b|or\b))/

export function headingNumber(title: string): {number: string; marker: string; rest: string} | null {
  const half = toHalfWidth(title)
  const found = HEADING_NUMBER.exec(half)
  if (!found) return null
  const rest = title.slice(found[0].length).trim()
  if (rest.length < 2 || JOINS_REFERENCE.test(toHalfWidth(rest))) return null
  const number = found.slice(1).find((group) => group !== undefined)!
  return {number, marker: title.slice(0, found[0].length).trim(), rest}
}

/** A number, label or bullet alone, as a cell before a gap of spaces (`(a)`, `2.`, `iv)`, `一、`, `•`): an item's label, no table cell. */
export const LONE_LABEL = /^(?:[(（]?(?:[0-9０-９]{1,3}|[a-zA-Z]|[ivxIVX]{1,5}|[一二三四五六七八九十]{1,3})[)）.．、]?|[-*•●▪◆■]|\(?[0-9]{1,3}\))$/
