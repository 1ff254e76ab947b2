/**
 * Emit, HTML: one self-contained, accessible HTML5 page for a paper, built
 * as a hast tree (https://github.com/syntax-tree/hast) and serialised with
 * hast-util-to-html. No script, no external resource: the stylesheet (with
 * a print part) is in the page. Loaded only for `--format html`.
 *
 *   <html lang="zh-Hant">               the paper's language
 *   <header>                            the title (h1), the header lines as printed, meta as a <dl>
 *   <main>
 *     <section id="s-background">       a section: h2 for depth 1, h3 for depth 2, …
 *       <div class="paragraph" id="p2"> a paragraph, its printed number in <span class="num">
 *         <p>…</p>
 *         <ol class="items">            items with their printed labels in <span class="label">
 *           <li id="p2-a">…<ol class="items"><li id="p2-a-i">…
 *     <aside class="footnote" id="fn-1" role="doc-footnote">   linked both ways with <a id="fnref-1">
 *     <div class="signature">
 *     <section class="appendix" id="appendix-A">
 *
 * Ids are stable, so that `paper.html#p12` lands on paragraph 12:
 *   - `p12`: the paragraph numbered 12; a second paragraph 12 (numbering
 *     that starts again) is `p12_2`, a third `p12_3`;
 *   - `para-N`: an unnumbered paragraph, N counting paragraphs without a
 *     printed number from 1 in reading order;
 *   - `p12-a`, `p12-a-ii`: items, the paragraph's id then each label
 *     (`p12-1` for `1.`); a bullet is counted (`p12-b3`: third bullet);
 *   - `s-KEY` for a standard heading (`s-background`, `s-purpose`), else
 *     `s-` and the title with spaces as `-` (`s-政府的建議`); again `_2`, `_3`
 *     for repeats;
 *   - `appendix-A` (`appendix` when it has no label, `_2` for repeats);
 *   - `fn-ID` for a note, `fnref-ID` for its first reference (`fnref-ID_2` …).
 */
import {toHtml as hastToHtml} from 'hast-util-to-html'
import type {Element, ElementContent, Root as HastRoot, Properties} from 'hast'
import {TRAILING_COLON} from '../lang/chars.js'
import type {Appendix, Attendance, Footnote, Item, Meta, Paper, Paragraph, Phrasing, Section, Signature, Speech, Table, TopContent} from '../tree.js'
import {SKIP, visit} from '../walk.js'
import type {HtmlOptions} from './options.js'

export type {HtmlOptions} from './options.js'

/** The page of one paper. */
export function toHtml(tree: Paper, options: HtmlOptions = {}): string {
  const ids = new Ids()
  const state: State = {ids, refs: new Map(), paragraphs: 0, notes: new Set(collectNotes(tree))}
  const title = pageTitle(tree, options.fallbackTitle)
  const body: ElementContent[] = [el('header', {className: ['paper-header']}, headerContent(tree, title))]
  const main: ElementContent[] = []
  for (const node of tree.children) if (node.type !== 'header') for (const out of top(node, state)) main.push(out)
  body.push(el('main', {}, main))
  return page(tree.lang, title, body)
}

/** A whole page: doctype, head with the stylesheet, the given body. Shared with `legco align -f html`. */
export function page(lang: string, title: string, body: ElementContent[], css = ''): string {
  const root: HastRoot = {
    type: 'root',
    children: [
      {type: 'doctype'},
      el('html', {lang}, [
        el('head', {}, [
          el('meta', {charSet: 'utf-8'}),
          el('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          el('meta', {name: 'generator', content: 'legco'}),
          el('title', {}, [txt(title)]),
          el('style', {}, [txt(STYLE + css)])
        ]),
        el('body', {}, body)
      ])
    ]
  }
  return hastToHtml(root) + '\n'
}

export const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--rule:#ccc;--link:#0b5394}
body{margin:0 auto;max-width:46rem;padding:1.5rem 1rem 3rem;font:1.05rem/1.7 system-ui,"Noto Sans CJK TC","WenQuanYi Micro Hei","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--ink);background:#fff}
a{color:var(--link)}
h1{font-size:1.5rem;line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}h4,h5,h6{font-size:1rem;margin:1.25rem 0 .5rem}
.paper-header{border-bottom:1px solid var(--rule);padding-bottom:1rem;margin-bottom:1rem}
.field{margin:0;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:1rem 0 0;font-size:.95rem}
dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.paragraph{margin:0 0 1rem}.paragraph>p{margin:0 0 .5rem}.paragraph>p.action{text-align:end;font-weight:600;color:var(--muted)}
.num,.label{font-weight:600;margin-right:.35em;font-variant-numeric:tabular-nums}
ol.items,ul.items{list-style:none;margin:.25rem 0 .5rem;padding-left:2rem}
ol.items>li,ul.items>li{margin:.25rem 0}
ul.items>li::before{content:"•";display:inline-block;width:1em;margin-left:-1em}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid var(--rule);padding:.3rem .5rem;vertical-align:top;text-align:start}th{background:#f3f3f3}
.footnote{font-size:.9rem;color:var(--muted);border-top:1px solid var(--rule);margin-top:1rem;padding-top:.5rem}
.signature{margin:2rem 0;text-align:end}.signature p{margin:0}
.appendix{border-top:2px solid var(--rule);margin-top:2.5rem}
:target{background:#fff3bf;outline:2px solid #f0c000;outline-offset:2px}
@media print{
body{max-width:none;padding:0;font-size:11pt;line-height:1.5;color:#000}
a{color:inherit;text-decoration:none}
h1,h2,h3,h4,h5,h6{break-after:avoid}
.paragraph,li,tr{break-inside:avoid}
.appendix{break-before:page;border:0}
.footnote-back{display:none}
:target{background:none;outline:0}
}
`

// ------------------------------------------------------------------ state

interface State {
  ids: Ids
  /** How many references to each note were written so far. */
  refs: Map<string, number>
  /** Unnumbered paragraphs so far. */
  paragraphs: number
  /** Identifiers of the notes the paper has (a reference to another is not linked). */
  notes: Set<string>
}

/** Ids given out so far: a repeat gets `_2`, `_3`. The side-by-side page of `legco align` uses it too. */
export class Ids {
  private seen = new Map<string, number>()
  take(base: string): string {
    const id = base.replace(/\s+/g, '-')
    const count = (this.seen.get(id) ?? 0) + 1
    this.seen.set(id, count)
    return count === 1 ? id : `${id}_${count}`
  }
}

function collectNotes(tree: Paper): string[] {
  const out: string[] = []
  visit(tree, (node) => {
    if (node.type === 'footnote') out.push(node.identifier)
    else if (node.type === 'paper' || node.type === 'section' || node.type === 'appendix') return
    return SKIP
  })
  return out
}

// ------------------------------------------------------------------ header

const LABELS: Record<'zh' | 'en', Record<keyof Meta, string>> = {
  zh: {
    paperNo: '文件編號',
    fileRef: '檔號',
    committee: '委員會',
    meetingDate: '會議日期',
    title: '標題',
    issuedBy: '發出',
    issueDate: '發出日期',
    kind: '類別',
    meetingTime: '會議時間',
    venue: '地點',
    seenByAdministration: '業經政府當局審閱',
    revised: '修訂',
    addressee: '致'
  },
  en: {
    paperNo: 'Paper No.',
    fileRef: 'File Ref.',
    committee: 'Committee',
    meetingDate: 'Meeting date',
    title: 'Title',
    issuedBy: 'Issued by',
    issueDate: 'Date of issue',
    kind: 'Kind',
    meetingTime: 'Meeting time',
    venue: 'Venue',
    seenByAdministration: 'Seen by the Administration',
    revised: 'Revised',
    addressee: 'To'
  }
}

function pageTitle(tree: Paper, fallback: string | undefined): string {
  const title = tree.meta.title ?? tree.meta.paperNo ?? fallback ?? (tree.lang === 'en' ? 'Legislative Council paper' : '立法會文件')
  return title
}

function headerContent(tree: Paper, title: string): ElementContent[] {
  const out: ElementContent[] = [el('h1', {}, [txt(title)])]
  const header = tree.children.find((node) => node.type === 'header')
  if (header) for (const field of header.children) out.push(el('p', {className: ['field', `field-${field.name}`]}, [txt(field.value)]))
  const labels = LABELS[tree.lang === 'en' ? 'en' : 'zh']
  const rows: ElementContent[] = []
  for (const key of ['paperNo', 'fileRef', 'committee', 'meetingDate', 'issuedBy', 'issueDate', 'kind'] as const) {
    const value = tree.meta[key]
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    const shown = Array.isArray(value) ? value.join(' ') : value
    const content = key === 'meetingDate' || key === 'issueDate' ? [el('time', {dateTime: shown}, [txt(shown)])] : [txt(shown)]
    rows.push(el('dt', {}, [txt(labels[key])]), el('dd', {}, content))
  }
  if (rows.length) out.push(el('dl', {className: ['meta']}, rows))
  return out
}

// ------------------------------------------------------------------ body

function top(node: TopContent | Exclude<Section['children'][number], Item>, state: State): ElementContent[] {
  switch (node.type) {
    case 'header':
      return []
    case 'section':
      return [section(node, state)]
    case 'paragraph':
      return [paragraph(node, state)]
    case 'table':
      return [table(node, state)]
    case 'footnote':
      return [footnote(node, state)]
    case 'signature':
      return [signature(node)]
    case 'appendix':
      return [appendix(node, state)]
    case 'attendance':
      return [attendance(node)]
    case 'note':
      return [
        el(
          'aside',
          {className: ['note']},
          node.children.map((child) => paragraph(child, state))
        )
      ]
    case 'speech':
      return [speech(node, state)]
    case 'event':
      return [el('p', {className: ['event']}, [txt(node.children.map((child) => child.value).join(''))])]
    case 'salutation':
      return [el('p', {className: ['salutation']}, phrasing(node.children, state))]
    case 'closing':
      return [
        el(
          'div',
          {className: ['closing']},
          node.children.map((line) => el('p', {}, [txt(line.value)]))
        )
      ]
  }
}

function attendance(node: Attendance): Element {
  const children: ElementContent[] = []
  for (const group of node.children) {
    children.push(el('h3', {}, [txt(group.label)]))
    children.push(
      el(
        'ul',
        {className: ['group', `group-${group.role}`]},
        group.children.map((person) => el('li', {className: [person.type]}, [txt(person.children.map((child) => child.value).join(' '))]))
      )
    )
  }
  return el('section', {className: ['attendance']}, children)
}

function speech(node: Speech, state: State): Element {
  const children: ElementContent[] = [el('p', {className: ['speaker']}, [el('strong', {}, [txt(node.speaker + node.separator)])])]
  for (const child of node.children)
    children.push(child.type === 'event' ? el('p', {className: ['event']}, [txt(child.children.map((text) => text.value).join(''))]) : paragraph(child, state))
  return el('section', {className: ['speech']}, children)
}

function heading(depth: number, content: ElementContent[], id?: string): Element {
  const level = Math.min(6, Math.max(2, depth + 1))
  return el(`h${level}`, id ? {id} : {}, content)
}

function section(node: Section, state: State): Element {
  const id = state.ids.take(`s-${node.key ?? node.title}`)
  const children: ElementContent[] = [heading(node.depth, [txt(node.title)], `${id}-h`)]
  for (const out of blocks(node.children, id, state)) children.push(out)
  return el('section', {id, ariaLabelledBy: [`${id}-h`]}, children)
}

/** A section's or an appendix's children; items right under its heading (no paragraph of their own) are one list. */
function blocks(children: (Section['children'][number] | Appendix['children'][number])[], id: string, state: State): ElementContent[] {
  const out: ElementContent[] = []
  let run: Item[] = []
  const flushRun = () => {
    if (run.length > 0) for (const node of flow(run, null, id, state)) out.push(node)
    run = []
  }
  for (const child of children) {
    if (child.type === 'item') run.push(child)
    else {
      flushRun()
      for (const node of top(child, state)) out.push(node)
    }
  }
  flushRun()
  return out
}

function appendix(node: Appendix, state: State): Element {
  const id = state.ids.take(node.label ? `appendix-${node.label}` : 'appendix')
  // (A letter's attachment marker holds its colon, `附件：`: the heading is the word and the label.)
  const word = node.marker?.replace(TRAILING_COLON, '').trimEnd() || null
  const name = [word, node.label].filter(Boolean).join(word && /[\u3000-\u9fff]$/.test(word) ? '' : ' ')
  const words: string = [name, node.title].filter(Boolean).join(' — ')
  const children: ElementContent[] = [el('h2', {id: `${id}-h`}, [txt(words || (node.label ?? 'Appendix'))])]
  for (const out of blocks(node.children, id, state)) children.push(out)
  return el('section', {id, className: ['appendix'], ariaLabelledBy: [`${id}-h`]}, children)
}

function paragraph(node: Paragraph, state: State): Element {
  const printed = node.number !== null && !node.inferred
  const id = printed ? state.ids.take(`p${node.number}`) : state.ids.take(`para-${++state.paragraphs}`)
  const lead = printed ? el('span', {className: ['num']}, [txt(node.marker ?? `${node.number}.`)]) : null
  const children = flow(node.children, lead, id, state)
  // The minutes' Action column: who is to act, beside the paragraph.
  if (node.action) children.push(el('p', {className: ['action']}, [txt(node.action)]))
  return el('div', {className: ['paragraph'], id, dataNumber: node.number ?? undefined}, children)
}

/** Words in <p>s (a new one for words on a later line), items in lists; `lead` starts the first <p>. */
function flow(children: (Phrasing | Item)[], lead: Element | null, id: string, state: State): ElementContent[] {
  const out: ElementContent[] = []
  let words: ElementContent[] = []
  let list: Element | null = null
  let lastLine = -1
  let first = lead
  let bullets = 0
  const flush = () => {
    if (words.length || first) out.push(el('p', {}, first ? [first, ...words] : words))
    first = null
    words = []
  }
  for (const child of children) {
    if (child.type === 'item') {
      flush()
      const bullet = child.label === null
      if (!list || (list.tagName === 'ul') !== bullet) out.push((list = el(bullet ? 'ul' : 'ol', {className: ['items']}, [])))
      const itemId = state.ids.take(`${id}-${child.label ?? `b${++bullets}`}`)
      list.children.push(item(child, itemId, state))
    } else {
      list = null
      if (words.length && child.position.start.line > lastLine) flush()
      words.push(...phrasing([child], state))
      lastLine = child.position.end.line
    }
  }
  flush()
  return out
}

function item(node: Item, id: string, state: State): Element {
  const lead = node.label === null ? null : el('span', {className: ['label']}, [txt(node.marker)])
  const content = flow(node.children, lead, id, state)
  // One <p> alone in an item needs no <p>.
  const only = content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'p' ? content[0]!.children : content
  return el('li', {id}, only)
}

function table(node: Table, state: State): Element {
  const width = node.children.reduce((most, row) => Math.max(most, row.children.length), -Infinity)
  const cells = (row: Table['children'][number], tag: 'th' | 'td') => {
    const out = row.children.map((cell) => el(tag, tag === 'th' ? {scope: 'col'} : {}, phrasing(cell.children, state)))
    while (out.length < width) out.push(el(tag, tag === 'th' ? {scope: 'col'} : {}, []))
    return out
  }
  const [head, ...rest] = node.children
  const children: ElementContent[] = []
  if (head && rest.length > 0) children.push(el('thead', {}, [el('tr', {}, cells(head, 'th'))]))
  children.push(
    el(
      'tbody',
      {},
      (rest.length > 0 ? rest : node.children).map((row) => el('tr', {}, cells(row, 'td')))
    )
  )
  return el('table', {}, children)
}

function footnote(node: Footnote, state: State): Element {
  const id = state.ids.take(`fn-${node.identifier}`)
  const children: ElementContent[] = [el('span', {className: ['num']}, [txt(node.identifier)]), ...phrasing(node.children, state)]
  if (state.refs.has(node.identifier)) {
    children.push(txt(' '), el('a', {href: `#fnref-${node.identifier}`, className: ['footnote-back'], ariaLabel: `↩ ${node.identifier}`}, [txt('↩')]))
  }
  return el('aside', {className: ['footnote'], id, role: 'doc-footnote'}, children)
}

function signature(node: Signature): Element {
  return el(
    'div',
    {className: ['signature']},
    node.children.map((line) => el('p', {}, [txt(line.value)]))
  )
}

function phrasing(nodes: Phrasing[], state: State): ElementContent[] {
  return nodes.map((node): ElementContent => {
    switch (node.type) {
      case 'text':
        return txt(node.value)
      case 'strong':
        return el(
          'strong',
          {},
          node.children.map((child) => txt(child.value))
        )
      case 'emphasis':
        return el(
          'em',
          {},
          node.children.map((child) => txt(child.value))
        )
      case 'footnoteReference': {
        const count = (state.refs.get(node.identifier) ?? 0) + 1
        state.refs.set(node.identifier, count)
        if (!state.notes.has(node.identifier)) return el('sup', {}, [txt(node.identifier)])
        const id = count === 1 ? `fnref-${node.identifier}` : `fnref-${node.identifier}_${count}`
        return el('sup', {}, [el('a', {href: `#fn-${node.identifier}`, id, role: 'doc-noteref'}, [txt(node.identifier)])])
      }
    }
  })
}

// ------------------------------------------------------------------ hast

export function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}

export function txt(value: string): ElementContent {
  return {type: 'text', value}
}
