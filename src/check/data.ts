/**
 * Language knowledge the check rules use, as data: cross-reference
 * phrasings in Chinese and English, bracket pairs, the sections and header
 * fields each kind of paper needs. Rules read these tables; none of this
 * wording lives in the rules' code.
 */
import type {PaperKind} from '../tree.js'

// ---------------------------------------------------------------------------
// Cross-references to paragraphs

/**
 * Phrasings that point at paragraphs of the same paper. Group `side` is the
 * word saying where the target is (mapped through SIDE_WORDS), group `list`
 * the paragraph numbers (`6`, `3 至 5`, `3、4 及 5`, `6(b)`).
 */
export const PARAGRAPH_REFERENCES: RegExp[] = [
  // 上文第 6 段, 下文第 3 至 5 段, 上文第 6(b) 段, 下文第 12 及 13 段
  /(?<side>上文|下文|上述|前文|后文|後文)\s*第\s*(?<list>[0-9０-９]+(?:\s*[(（][a-zA-Zａ-ｚivx]+[)）])?(?:\s*(?:至|到|及|和|與|与|、|，|,|-|–)\s*(?:第\s*)?[0-9０-９]+(?:\s*[(（][a-zA-Zａ-ｚivx]+[)）])?)*)\s*段/g,
  // paragraph 6 above, paragraphs 3 to 5 below, para. 6(b) above, paragraphs 3, 4 and 5 above
  /\b(?:paragraphs?|paras?\.?)\s+(?<list>\d+(?:\s*\([a-z]+\))?(?:\s*(?:to|and|or|,|-|–)\s*\d+(?:\s*\([a-z]+\))?)*)\s+(?<side>above|below|hereof)\b/gi
]

/** Words that say where a target is. */
export const SIDE_WORDS: Record<string, 'above' | 'below' | null> = {
  上文: 'above',
  上述: 'above',
  前文: 'above',
  下文: 'below',
  後文: 'below',
  后文: 'below',
  above: 'above',
  below: 'below',
  hereof: null
}

/** Words inside a number list that make it a range (`3 至 5`, `3 to 5`). */
export const RANGE_WORDS = /^(?:至|到|to|-|–)$/i

// ---------------------------------------------------------------------------
// Cross-references to appendices

/**
 * A mention of an appendix of this paper: `附錄`, `附件 A`, `附錄二`,
 * `Appendix I`, `Annex A`, `Appendices I and II`. Group `word`, and
 * `labels` (one or more labels, or none).
 */
export const APPENDIX_REFERENCES: RegExp[] = [
  /(?<word>附錄|附录|附件)(?!所|內|内)\s*(?<labels>(?:[A-ZＡ-Ｚ]\d*|[IVX]{1,5}|[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?:\s*(?:至|及|和|、)\s*(?:[A-ZＡ-Ｚ]\d*|[IVX]{1,5}|[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}))*)?(?![A-Za-z0-9０-９])/g,
  /\b(?<word>Appendix|Appendices|Annex|Annexes)\b(?:\s+(?<labels>(?:[A-Z]\d*|[IVX]{1,5}|\d{1,2})\b(?:\s*(?:to|and|,|-|–)\s*(?:[A-Z]\d*|[IVX]{1,5}|\d{1,2})\b)*))?/g
]

/**
 * Text right before or after an appendix mention showing that it belongs to
 * another document (`…號文件附錄`, `Appendix I to LC Paper No. …`,
 * `the Administration's paper at Annex`): such a mention is not checked.
 */
export const OTHER_DOCUMENT_BEFORE = /(?:文件|報告|报告|條例|条例|草案|規例|规例|函件|文件的|號|号|paper|report|Bill|Ordinance|letter)\s*(?:的)?\s*$/i
export const OTHER_DOCUMENT_AFTER = /^\s*(?:to|of)\s+(?:the\s+)?(?:LC\s+Paper|Paper|paper|report|Report|Bill|Ordinance|letter|minutes|CB\(|LS)/

/** Chinese numerals used as appendix labels. */
export const HAN_NUMERALS: Record<string, number> = {一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10}

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

// ---------------------------------------------------------------------------
// Sections each kind of paper needs

/**
 * For each kind, the sections it must have: each entry is a list of keys
 * of which one must be present (`src/lang/headings.ts` gives the words).
 */
export const REQUIRED_SECTIONS: Partial<Record<PaperKind, string[][]>> = {
  'background-brief': [['purpose']],
  'administration-paper': [['purpose', 'introduction']],
  minutes: [['attendance']]
}

/** How to name a section key in a message, per language. */
export const SECTION_NAMES: Record<string, {zh: string; en: string}> = {
  purpose: {zh: '目的', en: 'Purpose'},
  introduction: {zh: '引言', en: 'Introduction'},
  attendance: {zh: '出席委員', en: 'Members present'},
  background: {zh: '背景', en: 'Background'}
}

/** Standard headings that may rightly appear more than once at the top level (minutes list several attendance blocks). */
export const REPEATABLE_SECTION_KEYS = new Set(['attendance'])

// ---------------------------------------------------------------------------
// Header fields each kind of paper needs

export type HeaderNeed = 'paperNo' | 'fileRef' | 'committee' | 'meetingDate'

/** Fields every paper needs, and more per kind. */
export const HEADER_NEEDS: {all: HeaderNeed[]} & Partial<Record<PaperKind, HeaderNeed[]>> = {
  all: ['paperNo'],
  'background-brief': ['paperNo', 'fileRef', 'committee', 'meetingDate'],
  'lsd-report': ['paperNo', 'meetingDate'],
  minutes: ['paperNo', 'fileRef']
}

export const HEADER_NEED_NAMES: Record<HeaderNeed, {zh: string; en: string; example: string}> = {
  paperNo: {zh: '文件編號', en: 'paper number', example: '立法會 CB(1)369/2024(05)號文件 / LC Paper No. CB(1)369/2024(05)'},
  fileRef: {zh: '檔號', en: 'file reference', example: '檔號：CB1/PL/ITB / Ref : CB1/PL/ITB'},
  committee: {zh: '委員會', en: 'committee', example: '資訊科技及廣播事務委員會 / Panel on Information Technology and Broadcasting'},
  meetingDate: {zh: '會議日期', en: 'meeting date', example: '2024 年 4 月 8 日舉行的會議 / Meeting on 8 April 2024'}
}

/** Kinds whose issue date rightly comes after the meeting (minutes are written after it). */
export const ISSUED_AFTER_MEETING = new Set<PaperKind>(['minutes'])

/** A header line that is meant to state the paper number, whether or not the number in it reads. */
export const PAPER_NUMBER_INTENT = /(?:號文件|号文件)\s*$|^(?:P?LC|LegCo)\s+Paper\s+No\b/i

/**
 * Paper numbers the shared PAPER_NUMBER_LINE does not read yet but which are
 * well formed: Finance Committee papers numbered by financial year,
 * `FCR(2024-25)12`, `ESC(2024-25)5`, `PWSC(2024-25)3`.
 */
export const FINANCIAL_YEAR_NUMBER_LINE =
  /^(?:(?:P?LC|LegCo)\s+Paper\s+No\.?\s*|(?:立法[會会])\s*)((?:FCR|ESC|PWSC)\s*\(\s*\d{4}\s*-\s*\d{2}\s*\)\s*\d+)\s*(?:號文件|号文件)?\s*$/i

/** Paper number prefixes whose number carries a branch in brackets: `CB(1)`. */
export const BRANCHED_PREFIXES = new Set(['CB'])

/** A well-formed file reference: `CB1/PL/ITB`, `CB4/PL/ITB/1`, `CB2/T/1`, `LS/B/12/23`. */
export const FILE_REF_FORM = /^[A-Z]{1,4}\d{0,2}(?:\/[A-Z0-9][A-Z0-9&.-]*)+$/

// ---------------------------------------------------------------------------
// Bilingual pairs

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

/** Figures smaller than this are often spelled out in English (`six areas`): they are not compared. */
export const SMALLEST_COMPARED_FIGURE = 10
