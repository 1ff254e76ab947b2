/**
 * The paper tree: a unist tree (https://github.com/syntax-tree/unist), typed
 * on `@types/unist`. Every node has a `type` and a `position` into the input
 * as given (required here, optional in unist), and every point an `offset`.
 * The contract is documented in docs/tree.md and schema/paper.schema.json;
 * bump SCHEMA_VERSION on any change a script could notice.
 */
import type * as Unist from 'unist'

export const SCHEMA_VERSION = '1.5.0'

/** A place in the input. `offset` counts UTF-16 code units of the decoded text (BOM excluded). */
export interface Point extends Unist.Point {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  /** 0-based offset into the decoded text. */
  offset: number
  /** 1-based page, for PDF input only. */
  page?: number
  /** 1-based line within that page (the line a reader counts on the printed page), for PDF input only. */
  pageLine?: number
}

export interface Position extends Unist.Position {
  start: Point
  end: Point
}

export interface Node extends Unist.Node {
  position: Position
}

/** A node with children: paper, header, section, paragraph, item, strong, emphasis, footnote, table, row, cell, signature, appendix. */
export interface Parent extends Unist.Parent {
  position: Position
  children: Node[]
}

/** A node with a string value: field, text, furniture. */
export interface Literal extends Unist.Literal {
  position: Position
  value: string
}

export type Lang = 'zh-Hant' | 'zh-Hans' | 'en'

export interface Meta {
  /** Paper number as printed without the wording around it, e.g. `CB(1)369/2024(05)`. */
  paperNo: string | null
  /** File reference, e.g. `CB1/PL/ITB`. */
  fileRef: string | null
  committee: string | null
  /** ISO date (YYYY-MM-DD) of the meeting the paper is for. */
  meetingDate: string | null
  title: string | null
  /** Lines of the signature block other than its date. */
  issuedBy: string[]
  /** ISO date of the signature block. */
  issueDate: string | null
  /** What kind of paper this is, when the header says so. */
  kind: PaperKind | null
  /** Meeting records only: the meeting's start time, ISO `HH:MM`. */
  meetingTime?: string | null
  /** Meeting records only: where the meeting was held, as printed. */
  venue?: string | null
  /** Minutes only: true when the header prints that the Administration has seen them (`(These minutes have been seen by the Administration)`, `(此份會議紀要業經政府當局審閱)`); the note stays a `note` field of the header. */
  seenByAdministration?: boolean
  /** Agendas only: true when the agenda says it revises an earlier one (`Revised agenda`, `修訂議程`). */
  revised?: boolean
  /** Letters and submissions only: the addressee block, one entry per printed line (`Chairman of the House Committee`, `致：…小組委員會`). */
  addressee?: string[]
}

export type PaperKind =
  | 'background-brief'
  | 'administration-paper'
  | 'lsd-report'
  | 'minutes'
  | 'agenda'
  | 'hansard'
  | 'submission'
  | 'letter'
  | 'report'
  | 'paper'

export interface Paper extends Parent {
  type: 'paper'
  /** Version of this tree format (semver). */
  schemaVersion: string
  lang: Lang
  meta: Meta
  children: TopContent[]
  /** Page furniture and markup removed from the text (page numbers, running headers, front matter). */
  furniture: Furniture[]
  /** The file the paper was read from, as named on the command line (set by the CLI; absent for standard input and for the library's parse). */
  file?: string
}

export type TopContent = Header | Attendance | Section | BlockContent | Signature | Appendix

export type BlockContent = Paragraph | Table | Footnote | Note | Speech | Event | Salutation | Closing

export type FieldName = 'council' | 'paperNo' | 'fileRef' | 'committee' | 'meeting' | 'title' | 'kind' | 'note' | 'date' | 'addressee'

/** One line (or run of lines) of the header block. */
export interface Field extends Literal {
  type: 'field'
  name: FieldName
  /** The words as printed. */
  value: string
}

export interface Header extends Parent {
  type: 'header'
  children: Field[]
}

export interface Section extends Parent {
  type: 'section'
  title: string
  /** 1 = top. */
  depth: number
  /** Language-independent key of a standard heading (`purpose`, `background`, ...), else null. */
  key: string | null
  /** A numbered heading's number without its punctuation (`I` for `I.`, `III` for `IIIInformation`, `一` for `（一）`, `1` for `１．`); absent when the heading has none. */
  number?: string
  /** The number as printed (`I.`, `II`, `一、`, `（一）`, `第一部分`); the title is the words after it. */
  marker?: string
  /** An agenda item's time slot as printed without its brackets (`8:30 am - 8:35 am`); its line is inside the section's position, not a paragraph. */
  time?: string
  /** Agendas: the note mark printed before the item's number (`*` of `*VI`, part of `marker`); the footnote with this identifier explains it. */
  mark?: string
  /** Since 1.5 also `item`s: a list right under the heading, with no paragraph words of its own. */
  children: (Section | BlockContent | Attendance | Item)[]
}

export interface Paragraph extends Parent {
  type: 'paragraph'
  /** The number in ASCII digits (`4` for `4.` or `４．`), or null when none was printed and none is certain. */
  number: string | null
  /** The marker exactly as printed (`4.`, `４．`), or null. */
  marker: string | null
  /** True when the number was not printed but is certain from position. */
  inferred?: true
  /** English minutes: the Action column's words beside the paragraph, who is to act (`Admin`, `Clerk`), as printed (several lines joined by a space). */
  action?: string
  children: (Phrasing | Item)[]
}

export type ItemStyle = 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman' | 'decimal' | 'bullet'

export interface Item extends Parent {
  type: 'item'
  /** Label without brackets: `a`, `ii`, `1`; null for a bullet. */
  label: string | null
  /** The marker as printed: `(a)`, `（b）`, `1.`, `●`. */
  marker: string
  /** A bullet printed before the label (`●` of `● (a)`, `+` of `+ i)`); absent when there is none, or only a Markdown list's `-` or `*` (markup). Since 1.3. */
  bullet?: string
  style: ItemStyle
  children: (Phrasing | Item)[]
}

export type Phrasing = Text | Strong | Emphasis | FootnoteReference

export interface Text extends Literal {
  type: 'text'
  value: string
}

export interface Strong extends Parent {
  type: 'strong'
  children: Text[]
}

export interface Emphasis extends Parent {
  type: 'emphasis'
  children: Text[]
}

export interface FootnoteReference extends Node {
  type: 'footnoteReference'
  identifier: string
  /** The reference as printed when it is more than its identifier (`(1 )`, the Chinese Hansard's bracketed marker). */
  marker?: string
}

export interface Footnote extends Parent {
  type: 'footnote'
  identifier: string
  /** The note's mark as printed: `1`, `*`, `[^1]:`. */
  marker: string
  children: Phrasing[]
}

export interface Table extends Parent {
  type: 'table'
  children: Row[]
}

export interface Row extends Parent {
  type: 'row'
  children: Cell[]
}

export interface Cell extends Parent {
  type: 'cell'
  /** The separator printed before the cell's words, as in an agenda's paper rows (`- Minutes of meeting`), or absent. */
  marker?: string
  children: Phrasing[]
}

export interface Signature extends Parent {
  type: 'signature'
  /** One text node per printed line. */
  children: Text[]
}

/** A letter's salutation (`各位委員：`, `Dear Members,`): neither a heading nor a paragraph. */
export interface Salutation extends Parent {
  type: 'salutation'
  children: Phrasing[]
}

/** A letter's closing formula (`此致` with the addressee line after it, `Yours sincerely,`); the signature follows it. */
export interface Closing extends Parent {
  type: 'closing'
  /** One text node per printed line. */
  children: Text[]
}

export interface Appendix extends Parent {
  type: 'appendix'
  /** `A`, `I`, or null when the appendix is not lettered. */
  label: string | null
  /** The heading word as printed (`附錄`, `Annex`), or null. */
  marker: string | null
  title: string | null
  /** Since 1.5 also `item`s, as a section's. */
  children: (Section | BlockContent | Item)[]
}

/** Who attended a meeting (minutes, the Hansard): one group per label. */
export interface Attendance extends Parent {
  type: 'attendance'
  children: Group[]
}

export type AttendanceRole = 'present' | 'absent' | 'attending' | 'officers' | 'clerks' | 'staff' | 'other'

export interface Group extends Parent {
  type: 'group'
  /** The label as printed without its colon: `Members present`, `出席議員`. */
  label: string
  /** The colon after the label as printed, or null. */
  separator: string | null
  role: AttendanceRole
  children: (Person | Caption)[]
}

/** One person of an attendance group; `text` children hold the words as printed, one per printed piece. */
export interface Person extends Parent {
  type: 'person'
  name: string | null
  honours: string | null
  post: string | null
  note: string | null
  children: Text[]
}

/** A sub-label inside a group: `Agenda item IV`, `議程第III項`, a bureau's name over its officers. */
export interface Caption extends Parent {
  type: 'caption'
  children: Text[]
}

/** A note inside a record: `(Post-meeting note: …)`, `(會後備註 : …)`. */
export interface Note extends Parent {
  type: 'note'
  kind: 'post-meeting'
  children: Paragraph[]
}

/** One speaker's turn in the Hansard. */
export interface Speech extends Parent {
  type: 'speech'
  /** The speaker as printed, without the colon: `林健鋒議員`, `THE PRESIDENT`. */
  speaker: string
  /** The colon after the speaker as printed. */
  separator: string
  /** `(in Cantonese)` and the like, as printed, or null. */
  language: string | null
  /** The question's number as printed when the turn opens a numbered question (`1.`), else null. */
  question: string | null
  /** PDF input: the name of the file's destination (`SP_LC_…`) that points at the turn, when the file has them. */
  ref?: string
  /** Its paragraphs, and the stage directions among them. */
  children: (Paragraph | Event)[]
}

/** A stage direction in the Hansard: `(在傳召鐘響後，多位議員進入會議廳)`. */
export interface Event extends Parent {
  type: 'event'
  children: Text[]
}

export type FurnitureKind = 'page-number' | 'running-header' | 'web-footer' | 'front-matter' | 'comment' | 'site-header' | 'markup'

export interface Furniture extends Literal {
  type: 'furniture'
  kind: FurnitureKind
  value: string
}

export type AnyNode =
  | Paper
  | Header
  | Field
  | Section
  | Paragraph
  | Item
  | Text
  | Strong
  | Emphasis
  | FootnoteReference
  | Footnote
  | Table
  | Row
  | Cell
  | Signature
  | Appendix
  | Furniture
  | Attendance
  | Group
  | Person
  | Caption
  | Note
  | Speech
  | Event
  | Salutation
  | Closing

/** The nodes that have children. */
export type ParentNode = Extract<AnyNode, {children: unknown}>
