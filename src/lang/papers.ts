/**
 * Paper numbers and file references: how a LegCo paper names itself
 * (`立法會 CB(1)369/2024(05)號文件`, `LC Paper No. CB(4)711/12-13(06)`,
 * `FCR(2024-25)12`, `LS37`), how a PDF stamps it on each page, and the
 * file reference (`檔號：CB1/PL/ITB`). Each pattern is built once.
 */

/**
 * A paper number without its wording: `CB(1)369/2024(05)`, `CB(2) 96`,
 * `CB(2)1218/09-10`, `LS37`, `LS 169/98-99`, `FCR(2024-25)12`, with
 * `(351)-(400)` ranges in bundles. No two `\s*` stand side by side (one
 * is folded into the optional part before it), here or in the patterns
 * built on it: a run of spaces would be split every way (`立法會 CB` and
 * 20,000 spaces took 134 s; issue 10).
 */
const PAPER_NUMBER_BODY = String.raw`(?:\d+\/\d{2}-\d{2}(?=\s*號文件)|(?:FCR|PWSCI?|ESC)\s*\(\s*\d{4}\s*-\s*\d{2}\s*\)\s*\d+|(?:CB|LS|FC|FCR|PWSC|ESC|HC|AS|CMI|PLC|ECI)\s*(?:\(\s*\d\s*\)\s*)?\d+(?:\s*\/\s*\d{2,4}(?:\s*-\s*\d{2})?)?(?:\s*\(\s*\d+\s*\)(?:\s*-\s*\(\s*\d+\s*\))?)?)`

export const PAPER_NUMBER = new RegExp(PAPER_NUMBER_BODY)

/** A line that states the paper number: `立法會 CB(1)369/2024(05)號文件`, `LC Paper No. CB(4)711/12-13(06)`. */
export const PAPER_NUMBER_LINE = new RegExp(
  String.raw`^(?:(?:(?:P?LC|LegCo)\s+Paper\s+No\.?\s*)|(?:臨時立法[會会]|立法[會会]|臨立會|临立会)\s*)(` +
    PAPER_NUMBER_BODY +
    String.raw`)\s*(?:(?:號文件|号文件)\s*)?$`,
  'i'
)

/**
 * A paper-number statement at the start of a longer line, read from
 * `lastIndex` (sticky): the wording, the number, `號文件` — where a web
 * mirror ran the header's lines together (`立法會CB(2)1218/09-10號文件檔號:…`).
 * Group 1 is the number.
 */
export const PAPER_NUMBER_LEAD = new RegExp(
  String.raw`(?:(?:(?:P?LC|LegCo)\s+Paper\s+No\.?\s*)|(?:臨時立法[會会]|立法[會会]|臨立會|临立会)\s*)(` +
    PAPER_NUMBER_BODY +
    String.raw`)(?:\s*(?:號文件|号文件))?`,
  'iy'
)

/** A paper-number line as a PDF stamp prints it at the top of each paper of a bundle. */
export const STAMP_LINE = new RegExp(String.raw`^(?:立法[會会]|LC\s+Paper\s+No\.?)\s*(` + PAPER_NUMBER_BODY + String.raw`)\s*(?:號文件|号文件)?`, 'i')

export function normalisePaperNumber(value: string): string {
  return value.replace(/\s+/g, '')
}

/** `檔號：CB1/PL/ITB`, `Ref : CB4/PL/ITB/1`, `File Ref: ...`. Group 1 is the reference. */
export const FILE_REF_LINE = /^(?:檔號|档号|檔案編號|File\s+Ref(?:erence)?\.?|Ref\.?|Our\s+Ref\.?)\s*[:：]\s*(.+)$/i

/**
 * A file reference at the start of a longer line, read from `lastIndex`
 * (sticky), as a web mirror runs it into the next header line
 * (`檔號:CB2/SS/2/09內務委員會文件…`, `Ref: CB2/T/1Paper for …`): the
 * reference ends before anything that cannot be part of it, or before a
 * capital that starts a word. Group 1 is the reference.
 */
export const FILE_REF_LEAD =
  /(?:檔號|档号|檔案編號|[Ff]ile\s+[Rr]ef(?:erence)?\.?|[Rr]ef\.?|[Oo]ur\s+[Rr]ef\.?)\s*[:：]\s*([A-Z]{1,4}\d{0,2}(?:\/[A-Z0-9](?:[A-Z0-9&.-]*[A-Z0-9])?)+)(?=[^A-Za-z0-9&./-]|[A-Z][a-z]|$)/y

/** The words of a stamp line that say it is a paper number (`…號文件`, `LC Paper No …`), as against a running header that only holds one. */
export const PAPER_STAMP_WORDS = /號文件|号文件|^LC\s+Paper\s+No/i

/** A header line that is meant to state the paper number, whether or not the number in it reads. */
export const PAPER_NUMBER_INTENT = /(?:號文件|号文件)\s*$|^(?:P?LC|LegCo)\s+Paper\s+No\b/i

/** The words before a paper number where it is printed near the top (`立法會`, `臨立會`, `LC Paper No.`), for scanning. */
export const PAPER_NUMBER_PREFIX = /(?:立法[會会]|臨立會|LC\s+Paper\s+No\.?)\s*/gi

/** A paper number alone, with no wording around it. */
export const BARE_PAPER_NUMBER = new RegExp(`^${PAPER_NUMBER.source}$`)

/** Paper number prefixes whose number carries a branch in brackets: `CB(1)`. */
export const BRANCHED_PREFIXES = new Set(['CB'])

/** A well-formed file reference: `CB1/PL/ITB`, `CB4/PL/ITB/1`, `CB2/T/1`, `LS/B/12/23`. */
export const FILE_REF_FORM = /^[A-Z]{1,4}\d{0,2}(?:\/[A-Z0-9][A-Z0-9&.-]*)+$/

// ---------------------------------------------------------------------------
// Stamps on PDF pages

/** A paper number as a PDF page stamp prints it: `CB(3)710/2026(11)`, `CB(4)1616/20-21(01)`, `LS253/98-99`. For scanning. */
const STAMPED_PAPER_NUMBER = /(?:[A-Z]{1,4}\s*\(\s*\d\s*\)|LS|ESC|FC|PWSC)\s*\d+\s*\/\s*\d{2,4}(?:\s*-\s*\d{2})?(?:\s*\(\s*\d+\s*\))?/gu
/** What a paper-number stamp says around the number. */
const STAMP_WORDS = /臨時立法會|立法會|立法会|臨立會|號文件|号文件|(?:P?L\.?C\.?\s*)?Paper\s*No\.?/giu

/** Is this line only a paper-number stamp, such as `立法會CB(3)710/2026(11)號文件` (a few other characters allowed)? */
export function isStampOnlyLine(line: string): boolean {
  const rest = line.replace(STAMPED_PAPER_NUMBER, '')
  if (rest.length === line.length) return false
  return rest.replace(STAMP_WORDS, '').replace(/[\s\p{P}]/gu, '').length <= 4
}

/**
 * A paper number's last enclosure printed with one digit, in either width:
 * `(5)`, `（５）`, `(5)-(7)`. Groups: the opener, the digit, the closer, and
 * a range's second enclosure (kept as printed).
 */
export const ONE_DIGIT_ENCLOSURE = /([(（]\s*)([0-9０-９])(\s*[)）])((?:\s*-\s*[(（]\s*[0-9０-９]+\s*[)）])?\s*)$/

/** The enclosure padded with a zero of the digit's width: `(5)` -> `(05)`, `（５）` -> `（０５）`. */
export function padEnclosure(printed: string): string {
  return printed.replace(
    ONE_DIGIT_ENCLOSURE,
    (_all, open: string, digit: string, close: string, rest: string) => `${open}${/[０-９]/.test(digit) ? '０' : '0'}${digit}${close}${rest}`
  )
}

/** Separators a file reference may be written with in place of slashes: `CB1-PL-ITB`, `CB1\PL\ITB`, `CB1／PL／ITB`. */
export const FILE_REF_SEPARATOR = /\s*[-\\／]\s*/g
