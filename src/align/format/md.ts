/**
 * `legco align --format md`: one two-column GFM table per section (the
 * first version's column on the left: `| 中文 | English |`), a row per
 * paragraph and per item, under a heading that gives both titles. An
 * unpaired entry leaves its other cell empty. Paragraphs before the first
 * heading get a table of their own at the top. Serialised with
 * remark-stringify, which escapes `|` and Markdown syntax in the cells.
 */
import {stringifier, type Stringifier} from '../../emit/remark.js'
import type {RootContent, TableCell, TableRow} from 'mdast'
import type {Alignment, ItemPair, ItemSide, ParagraphPair, ParagraphSide, SectionSide, Side} from '../index.js'

let cached: Stringifier | undefined

function processor(): Stringifier {
  // No padding: cells hold whole paragraphs, and padding every row to the longest would bury them in spaces.
  cached ??= stringifier({tablePipeAlign: false}, {})
  return cached
}

const COLUMN: Record<Side, string> = {zh: '中文', en: 'English'}

export function toMarkdown(alignment: Alignment): string {
  const order: [Side, Side] = alignment.first === 'zh' ? ['zh', 'en'] : ['en', 'zh']
  const children: RootContent[] = []
  const titles = order.map((side) => alignment[side].title).filter((title): title is string => Boolean(title))
  if (titles.length > 0) children.push({type: 'heading', depth: 1, children: [{type: 'text', value: titles.join(' / ')}]})

  // Rows of each section, in order; paragraphs outside any section go first.
  const rows = new Map<number | null, TableRow[]>()
  for (const pair of alignment.paragraphs) {
    const list = rows.get(pair.section) ?? []
    for (const row of paragraphRows(pair, order)) list.push(row)
    rows.set(pair.section, list)
  }
  const table = (list: TableRow[]): RootContent => ({
    type: 'table',
    align: [null, null],
    children: [row(order.map((side) => COLUMN[side])), ...list]
  })
  const top = rows.get(null)
  if (top?.length) children.push(table(top))
  alignment.sections.forEach((pair, index) => {
    const depth = Math.min(6, 1 + Math.max(pair.zh?.depth ?? 1, pair.en?.depth ?? 1)) as 2 | 3 | 4 | 5 | 6
    const title = order.map((side) => heading(pair[side])).join(' / ')
    children.push({type: 'heading', depth, children: [{type: 'text', value: title}]})
    const list = rows.get(index)
    if (list?.length) children.push(table(list))
  })
  return processor().stringify({type: 'root', children})
}

function heading(side: SectionSide | null): string {
  return side ? side.title : '—'
}

function row(values: string[]): TableRow {
  return {type: 'tableRow', children: values.map((value): TableCell => ({type: 'tableCell', children: value ? [{type: 'text', value}] : []}))}
}

function paragraphRows(pair: ParagraphPair, order: [Side, Side]): TableRow[] {
  const out = [row(order.map((side) => paragraphCell(pair[side])))]
  for (const item of pair.items) for (const row of itemRows(item, order)) out.push(row)
  return out
}

function itemRows(pair: ItemPair, order: [Side, Side]): TableRow[] {
  const out = [row(order.map((side) => itemCell(pair[side])))]
  for (const item of pair.items) for (const row of itemRows(item, order)) out.push(row)
  return out
}

function paragraphCell(side: ParagraphSide | null): string {
  if (!side) return ''
  const marker = side.number !== null && !side.inferred ? `${side.number}. ` : ''
  return oneLine(marker + side.text)
}

function itemCell(side: ItemSide | null): string {
  if (!side) return ''
  return oneLine(`${side.marker} ${side.text}`)
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
