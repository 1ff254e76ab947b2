/**
 * `legco align --format html`: one page, the two versions side by side,
 * row by row (the first version's column on the left): the title, the
 * header fields, then for each section a heading row and a row for each
 * paragraph and each item. An unpaired entry leaves its other cell empty.
 * Each cell has the language of its version (`lang`), and rows carry the
 * anchors of the single-paper page (see src/emit/html.ts): `p12` (the
 * first version's number; `_2` for a repeat, `para-N` for an unnumbered
 * one), `p12-a` for items, `s-KEY` for sections, so `#p12` lands on the
 * pair of paragraph 12.
 */
import type {Element, ElementContent} from 'hast'
import {el, Ids, page, txt} from '../../emit/html.js'
import type {Alignment, ItemPair, ParagraphPair, Side} from '../index.js'

const COLUMN: Record<Side, string> = {zh: '中文', en: 'English'}

const CSS = `
body{max-width:72rem}
table.aligned{table-layout:fixed}
table.aligned td,table.aligned th[scope=row]{width:50%}
tr.heading td{background:#eef2f7;text-align:start;font-size:1.05rem}
tr.item td{padding-left:2rem}tr.item.depth-2 td{padding-left:3.5rem}tr.item.depth-3 td{padding-left:5rem}
td:empty::after{content:"—";color:#999}
@media print{body{max-width:none}tr{break-inside:avoid}}
`

export function toHtml(alignment: Alignment): string {
  const order: [Side, Side] = alignment.first === 'zh' ? ['zh', 'en'] : ['en', 'zh']
  const ids = new Ids()
  const lang = (side: Side) => alignment[side].lang
  const cell = (side: Side, content: ElementContent[]) => el('td', {lang: lang(side)}, content)
  const titles = order.map((side) => alignment[side].title ?? alignment[side].paperNo ?? COLUMN[side])
  const rows: Element[] = []
  let unnumbered = 0

  for (const field of alignment.header) {
    if (!field.zh && !field.en) continue
    rows.push(
      el(
        'tr',
        {className: ['field', `field-${field.name}`]},
        order.map((side) => cell(side, field[side] ? [txt(field[side]!)] : []))
      )
    )
  }
  const itemRows = (list: ItemPair[], id: string, depth: number) => {
    let bullets = 0
    for (const pair of list) {
      const main = pair[order[0]] ?? pair[order[1]]!
      const itemId = ids.take(`${id}-${main.label ?? `b${++bullets}`}`)
      rows.push(
        el(
          'tr',
          {id: itemId, className: ['item', `depth-${depth}`]},
          order.map((side) => {
            const item = pair[side]
            return cell(side, item ? [el('span', {className: ['label']}, [txt(item.marker)]), txt(item.text)] : [])
          })
        )
      )
      itemRows(pair.items, itemId, depth + 1)
    }
  }
  const paragraphRows = (pair: ParagraphPair) => {
    const main = pair[order[0]] ?? pair[order[1]]!
    const numbered = main.number !== null && !main.inferred
    const id = numbered ? ids.take(`p${main.number}`) : ids.take(`para-${++unnumbered}`)
    rows.push(
      el(
        'tr',
        {id, className: ['paragraph']},
        order.map((side) => {
          const paragraph = pair[side]
          if (!paragraph) return cell(side, [])
          const printed = paragraph.number !== null && !paragraph.inferred
          return cell(
            side,
            printed ? [el('span', {className: ['num']}, [txt(paragraph.marker ?? `${paragraph.number}.`)]), txt(paragraph.text)] : [txt(paragraph.text)]
          )
        })
      )
    )
    itemRows(pair.items, id, 1)
  }
  let nextSection = 0
  const headingsTo = (index: number) => {
    for (; nextSection <= index && nextSection < alignment.sections.length; nextSection++) {
      const pair = alignment.sections[nextSection]!
      const main = pair[order[0]] ?? pair[order[1]]!
      const base = main.kind === 'appendix' ? (main.key ?? 'appendix') : `s-${main.key ?? main.title}`
      rows.push(
        el(
          'tr',
          {id: ids.take(base), className: ['heading']},
          order.map((side) => el('td', {lang: lang(side)}, pair[side] ? [el('strong', {}, [txt(pair[side]!.title)])] : []))
        )
      )
    }
  }
  for (const pair of alignment.paragraphs) {
    if (pair.section !== null) headingsTo(pair.section)
    paragraphRows(pair)
  }
  headingsTo(alignment.sections.length - 1)
  const signature = alignment.signature
  if (signature && (signature.zh || signature.en)) {
    rows.push(
      el(
        'tr',
        {id: 'signature', className: ['signature']},
        order.map((side) =>
          cell(
            side,
            (signature[side] ?? []).flatMap((line, i) => (i ? [el('br', {}), txt(line)] : [txt(line)]))
          )
        )
      )
    )
  }

  const table = el('table', {className: ['aligned']}, [
    el('caption', {}, [txt(titles.join(' / '))]),
    el('thead', {}, [
      el(
        'tr',
        {},
        order.map((side) => el('th', {scope: 'col', lang: lang(side)}, [txt(COLUMN[side])]))
      )
    ]),
    el('tbody', {}, rows)
  ])
  const body: ElementContent[] = [
    el('header', {}, [
      el(
        'h1',
        {},
        order.map((side, i) => el('span', {lang: lang(side)}, [txt((i ? ' / ' : '') + titles[i])]))
      )
    ]),
    el('main', {}, [table])
  ]
  return page(lang(order[0]), titles.join(' / '), body, CSS)
}
