/**
 * What the check rules require, as data: the sections and header fields
 * each kind of paper needs, how to name them in a message. The wording they
 * look for (cross-references, brackets, figures) is language knowledge and
 * lives in src/lang/.
 */
import type {PaperKind} from '../tree.js'

/** Every kind of paper (`meta.kind`), as a configuration's `kinds` may name them. */
const KINDS: Record<PaperKind, true> = {
  'background-brief': true,
  'administration-paper': true,
  'lsd-report': true,
  minutes: true,
  agenda: true,
  hansard: true,
  submission: true,
  letter: true,
  report: true,
  paper: true
}
export const PAPER_KINDS = Object.keys(KINDS) as PaperKind[]

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

/** Standard headings that may rightly appear more than once at the top level (minutes list several attendance blocks). */
export const REPEATABLE_SECTION_KEYS = new Set(['attendance'])

// ---------------------------------------------------------------------------
// Header fields each kind of paper needs

export type HeaderNeed = 'paperNo' | 'fileRef' | 'committee' | 'meetingDate'

/** What a kind's header needs (its own list, else `all`): an agenda prints no paper number of its own, but names the committee and the meeting's date. */
export const HEADER_NEEDS: {all: HeaderNeed[]} & Partial<Record<PaperKind, HeaderNeed[]>> = {
  all: ['paperNo'],
  agenda: ['committee', 'meetingDate'],
  'background-brief': ['paperNo', 'fileRef', 'committee', 'meetingDate'],
  'lsd-report': ['paperNo', 'meetingDate'],
  minutes: ['paperNo', 'fileRef'],
  hansard: ['meetingDate']
}

/** Kinds whose appendices are not read as appendix nodes, so a reference to one is not checked: the Hansard's `附件` belong to each written answer. */
export const APPENDICES_UNREAD = new Set<PaperKind>(['hansard'])

export const HEADER_NEED_NAMES: Record<HeaderNeed, {zh: string; en: string; example: string}> = {
  paperNo: {zh: '文件編號', en: 'paper number', example: '立法會 CB(1)369/2024(05)號文件 / LC Paper No. CB(1)369/2024(05)'},
  fileRef: {zh: '檔號', en: 'file reference', example: '檔號：CB1/PL/ITB / Ref : CB1/PL/ITB'},
  committee: {zh: '委員會', en: 'committee', example: '資訊科技及廣播事務委員會 / Panel on Information Technology and Broadcasting'},
  meetingDate: {zh: '會議日期', en: 'meeting date', example: '2024 年 4 月 8 日舉行的會議 / Meeting on 8 April 2024'}
}

/** Kinds whose issue date rightly comes after the meeting (minutes are written after it). */
export const ISSUED_AFTER_MEETING = new Set<PaperKind>(['minutes'])

// ---------------------------------------------------------------------------
// Bilingual pairs

/** Figures smaller than this are often spelled out in English (`six areas`): they are not compared. */
export const SMALLEST_COMPARED_FIGURE = 10
