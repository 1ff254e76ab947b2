/**
 * The paper tree: a unist tree (https://github.com/syntax-tree/unist).
 * Every node has a `type` and a `position` into the input as given.
 * The contract is documented in docs/tree.md and schema/paper.schema.json;
 * bump SCHEMA_VERSION on any change a script could notice.
 */

export const SCHEMA_VERSION = '1.1.0'
export const SCHEMA_ID = 'https://legco.dev/schema/paper/1.json'

/** A place in the input. `offset` counts UTF-16 code units of the decoded text (BOM excluded). */
export interface Point {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  /** 0-based offset into the decoded text. */
  offset: number
  /** 1-based page, for PDF input only. */
  page?: number
}

export interface Position {
  start: Point
  end: Point
}

export interface Node {
  type: string
  position: Position
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
}

export type PaperKind =
  | 'background-brief'
  | 'administration-paper'
  | 'lsd-report'
  | 'minutes'
  | 'submission'
  | 'report'
  | 'paper'

export interface Paper extends Node {
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

export type TopContent = Header | Section | BlockContent | Signature | Appendix

export type BlockContent = Paragraph | Table | Footnote

export type FieldName =
  | 'council'
  | 'paperNo'
  | 'fileRef'
  | 'committee'
  | 'meeting'
  | 'title'
  | 'kind'
  | 'note'

/** One line (or run of lines) of the header block. */
export interface Field extends Node {
  type: 'field'
  name: FieldName
  /** The words as printed. */
  value: string
}

export interface Header extends Node {
  type: 'header'
  children: Field[]
}

export interface Section extends Node {
  type: 'section'
  title: string
  /** 1 = top. */
  depth: number
  /** Language-independent key of a standard heading (`purpose`, `background`, ...), else null. */
  key: string | null
  children: (Section | BlockContent)[]
}

export interface Paragraph extends Node {
  type: 'paragraph'
  /** The number in ASCII digits (`4` for `4.` or `４．`), or null when none was printed and none is certain. */
  number: string | null
  /** The marker exactly as printed (`4.`, `４．`), or null. */
  marker: string | null
  /** True when the number was not printed but is certain from position. */
  inferred?: true
  children: (Phrasing | Item)[]
}

export type ItemStyle = 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman' | 'decimal' | 'bullet'

export interface Item extends Node {
  type: 'item'
  /** Label without brackets: `a`, `ii`, `1`; null for a bullet. */
  label: string | null
  /** The marker as printed: `(a)`, `（b）`, `1.`, `●`. */
  marker: string
  style: ItemStyle
  children: (Phrasing | Item)[]
}

export type Phrasing = Text | Strong | Emphasis | FootnoteReference

export interface Text extends Node {
  type: 'text'
  value: string
}

export interface Strong extends Node {
  type: 'strong'
  children: Text[]
}

export interface Emphasis extends Node {
  type: 'emphasis'
  children: Text[]
}

export interface FootnoteReference extends Node {
  type: 'footnoteReference'
  identifier: string
}

export interface Footnote extends Node {
  type: 'footnote'
  identifier: string
  /** The note's mark as printed: `1`, `*`, `[^1]:`. */
  marker: string
  children: Phrasing[]
}

export interface Table extends Node {
  type: 'table'
  children: Row[]
}

export interface Row extends Node {
  type: 'row'
  children: Cell[]
}

export interface Cell extends Node {
  type: 'cell'
  children: Phrasing[]
}

export interface Signature extends Node {
  type: 'signature'
  /** One text node per printed line. */
  children: Text[]
}

export interface Appendix extends Node {
  type: 'appendix'
  /** `A`, `I`, or null when the appendix is not lettered. */
  label: string | null
  /** The heading word as printed (`附錄`, `Annex`), or null. */
  marker: string | null
  title: string | null
  children: (Section | BlockContent)[]
}

export type FurnitureKind =
  | 'page-number'
  | 'running-header'
  | 'web-footer'
  | 'front-matter'
  | 'comment'
  | 'site-header'
  | 'markup'

export interface Furniture extends Node {
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
