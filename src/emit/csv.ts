/**
 * Emit, CSV (RFC 4180): a paper's meta as one row, for spreadsheets and
 * data frames; each table of a paper as a CSV of its own. Records end in
 * CRLF; a field holding a comma, a double quote, CR or LF is quoted, its
 * quotes doubled. UTF-8; a byte-order mark only when asked for (`BOM`,
 * for the spreadsheet programs that need one to read UTF-8).
 *
 *   file,paperNo,kind,lang,committee,meetingDate,title,issuedBy,issueDate,sections,paragraphs,items,tables
 *
 * `issuedBy` joins the signature's lines with ` / `; null meta is an empty
 * field; the counts include appendices.
 */
import type {Paper, Table} from '../tree.js'
import {SKIP, visit} from '../walk.js'

export const BOM = '\uFEFF'

export const CSV_COLUMNS = [
  'file',
  'paperNo',
  'kind',
  'lang',
  'committee',
  'meetingDate',
  'title',
  'issuedBy',
  'issueDate',
  'sections',
  'paragraphs',
  'items',
  'tables'
] as const

/** The header record, CRLF included. */
export function csvHeader(): string {
  return record([...CSV_COLUMNS])
}

/** One paper's record, CRLF included. */
export function toCsvRow(tree: Paper, file: string | undefined = tree.file): string {
  const counts = {section: 0, paragraph: 0, item: 0, table: 0}
  count(tree, counts)
  const meta = tree.meta
  return record([
    file ?? '',
    meta.paperNo,
    meta.kind,
    tree.lang,
    meta.committee,
    meta.meetingDate,
    meta.title,
    meta.issuedBy.join(' / '),
    meta.issueDate,
    String(counts.section),
    String(counts.paragraph),
    String(counts.item),
    String(counts.table)
  ])
}

/** The header and the records of these papers. */
export function toCsv(trees: Paper | Paper[], options: {bom?: boolean} = {}): string {
  const list = Array.isArray(trees) ? trees : [trees]
  return (options.bom ? BOM : '') + csvHeader() + list.map((tree) => toCsvRow(tree)).join('')
}

/** The tables of the paper, appendices included, in reading order. */
export function tablesOf(tree: Paper): Table[] {
  const out: Table[] = []
  visit(tree, (node) => {
    if (node.type === 'table') out.push(node)
    else if (node.type === 'section' || node.type === 'appendix' || node.type === 'paper') return
    return SKIP
  })
  return out
}

export function tableToCsv(table: Table, options: {bom?: boolean} = {}): string {
  const width = table.children.reduce((most, row) => Math.max(most, row.children.length), -Infinity)
  const rows = table.children.map((row) => {
    const cells = row.children.map((cell) =>
      cell.children
        .map((part) => ('value' in part ? part.value : part.type === 'footnoteReference' ? part.identifier : part.children.map((t) => t.value).join('')))
        .join('')
    )
    while (cells.length < width) cells.push('')
    return record(cells)
  })
  return (options.bom ? BOM : '') + rows.join('')
}

function count(tree: Paper, counts: Record<'section' | 'paragraph' | 'item' | 'table', number>): void {
  visit(tree, (node) => {
    if (node.type === 'section' || node.type === 'paragraph' || node.type === 'item' || node.type === 'table') counts[node.type]++
    if (node.type === 'table' || node.type === 'footnote' || node.type === 'signature' || node.type === 'header') return SKIP
  })
}

function record(fields: (string | null)[]): string {
  return fields.map(field).join(',') + '\r\n'
}

function field(value: string | null): string {
  if (value === null) return ''
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
