/**
 * Emit, Markdown: the paper tree as mdast, serialised with
 * unified/remark-stringify (GFM tables padded by display width, so CJK
 * columns line up), after a YAML front matter block holding `meta`.
 *
 * Printed numbers stay, and render as printed: a paragraph is a Markdown
 * paragraph that starts with its number, escaped (`2\. …`), so that no
 * CommonMark renderer renumbers it as a list; its later blocks follow it
 * (our parser reads an unnumbered block after a numbered paragraph as more
 * of it). Items are a list, nested items a nested list, each starting with
 * its printed label (`- (a) …`, `- 1\. …`, `- 1\) …`), after the bullet
 * printed before it if any (`- ● (a) …`). Notes are GFM
 * footnotes (`[^1]: …`, called by `[^1]`); a `*` note under the signature
 * is a paragraph starting `\*`. Markers are written in their ASCII form
 * (`２．` becomes `2.`). The minutes' Action column is a line `Action: Admin`
 * after the paragraph's first block. Parsing this output gives the same tree as the
 * original parse, positions and markers aside.
 */
import {stringifier, type Stringifier} from './remark.js'
import type {Handle, Options as ToMarkdownOptions} from 'mdast-util-to-markdown'
import type {
  BlockContent,
  List,
  Paragraph as MdastParagraph,
  ListItem,
  Nodes as MdastNodes,
  PhrasingContent,
  RootContent,
  Root,
  TableRow,
  TableCell
} from 'mdast'
import {displayWidth, isWide, TRAILING_COLON} from '../lang/chars.js'
import {markerEndsWithStop, markerOpensBracket} from '../lang/numbering.js'
import type {Appendix, Event, Footnote, Item, Meta, Paper, Paragraph, Phrasing, Section, Speech, Table, TopContent} from '../tree.js'

/** Nodes of our own inside the mdast tree, written by the handlers below. */
interface RawLine {
  type: 'legcoRaw'
  prefix: string
  children: PhrasingContent[]
}

interface RawReference {
  type: 'legcoReference'
  identifier: string
}

declare module 'mdast' {
  interface RootContentMap {
    legcoRaw: RawLine
  }
  interface PhrasingContentMap {
    legcoReference: RawReference
  }
}

export function toMarkdown(tree: Paper): string {
  const root: Root = {type: 'root', children: tree.children.flatMap((node) => top(node))}
  return frontMatter(tree) + processor().stringify(root)
}

let cached: Stringifier | undefined

function processor(): Stringifier {
  cached ??= stringifier(
    {stringLength: displayWidth},
    {
      listItemIndent: 'one',
      handlers: {legcoRaw: raw, legcoReference: reference} as unknown as ToMarkdownOptions['handlers']
    }
  )
  return cached
}

// Handlers -----------------------------------------------------------------

const raw: Handle = (node: RawLine, _parent, state, info) => node.prefix + state.containerPhrasing(node, info)

// A `*` note is no GFM footnote (see `footnote`): its reference is the mark as printed, escaped (`\*立法會…`).
const reference: Handle = (node: RawReference) => (/^\*+$/.test(node.identifier) ? `\\${node.identifier}` : `[^${node.identifier}]`)

// Tree to mdast ------------------------------------------------------------

function frontMatter(tree: Paper): string {
  const meta: Meta = tree.meta
  const lines = ['---', `schemaVersion: ${JSON.stringify(tree.schemaVersion)}`, `lang: ${tree.lang}`]
  for (const [key, value] of Object.entries(meta)) {
    if (Array.isArray(value)) {
      lines.push(value.length ? `${key}:` : `${key}: []`)
      for (const entry of value) lines.push(`  - ${JSON.stringify(entry)}`)
    } else lines.push(`${key}: ${value === null ? 'null' : JSON.stringify(value)}`)
  }
  lines.push('---', '', '')
  return lines.join('\n')
}

function top(node: TopContent): RootContent[] {
  switch (node.type) {
    case 'header': {
      // A letter's addressee block stays one block, a line each (as the signature), so that it reads back as one:
      // its addressee lines, and the lines printed right under them (the addressee's post and council, read as
      // `committee` and other fields).
      const out: RootContent[] = []
      let addressee = false
      node.children.forEach((field, index) => {
        const last = out[out.length - 1]
        const before = node.children[index - 1]
        const under = before !== undefined && field.position.start.line === before.position.end.line + 1
        const join = (field.name === 'addressee' && before?.name === 'addressee') || (addressee && under)
        addressee = field.name === 'addressee' || join
        if (join && last?.type === 'paragraph') {
          last.children.push({type: 'break'}, {type: 'text', value: field.value})
        } else out.push(para([{type: 'text', value: field.value}]))
      })
      return out
    }
    case 'section':
      return section(node)
    case 'paragraph':
      return paragraph(node)
    case 'table':
      return [table(node)]
    case 'footnote':
      return [footnote(node)]
    case 'salutation':
      return [para(phrasing(node.children))]
    case 'closing':
    case 'signature': {
      const children: PhrasingContent[] = []
      node.children.forEach((line, index) => {
        if (index > 0) children.push({type: 'break'})
        children.push({type: 'text', value: line.value})
      })
      return [para(children)]
    }
    case 'appendix':
      return appendix(node)
    case 'attendance':
      return node.children.flatMap((group): RootContent[] => [
        para([{type: 'text', value: group.label + (group.separator ?? '')}]),
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: group.children.map(
            (person): ListItem => ({
              type: 'listItem',
              spread: false,
              children: [para([{type: 'text', value: person.children.map((child) => child.value).join('\n')}])]
            })
          )
        }
      ])
    case 'note':
      return node.children.flatMap((child) => paragraph(child))
    case 'speech':
      return speech(node)
    case 'event':
      return [event(node)]
  }
}

function event(node: Event): MdastParagraph {
  return para([{type: 'text', value: node.children.map((child) => child.value).join('')}])
}

/**
 * A speaker's turn: its first paragraph starts with the speaker in bold
 * (`**林健鋒議員：** 據報…`, `1. **林健鋒議員：** …` for a question, `**MR
 * JAMES TO (in Cantonese):** …`), a space after the bold so that CommonMark
 * closes it after the colon.
 */
function speech(node: Speech): RootContent[] {
  const gap = node.language && !isWide(node.speaker.charCodeAt(node.speaker.length - 1)) ? ' ' : ''
  const label = node.speaker + (node.language ? gap + node.language : '') + node.separator
  const lead: PhrasingContent[] = []
  if (node.question) lead.push({type: 'text', value: `${node.question} `})
  lead.push({type: 'strong', children: [{type: 'text', value: label}]})
  const out: RootContent[] = node.children.flatMap((child): RootContent[] => (child.type === 'event' ? [event(child)] : paragraph(child)))
  const first = out[0]
  if (node.children[0]?.type === 'paragraph' && first?.type === 'paragraph') first.children.unshift(...lead, {type: 'text', value: ' '})
  else out.unshift(para(lead))
  return out
}

function section(node: Section): RootContent[] {
  const title = node.marker ? `${node.marker} ${node.title}` : node.title
  return [
    {type: 'heading', depth: Math.min(6, Math.max(1, node.depth)) as 1 | 2 | 3 | 4 | 5 | 6, children: [{type: 'text', value: title}]},
    // An agenda item's time slot is a paragraph of its own under the heading (its `time` the slot's words).
    ...blocks(node.children)
  ]
}

/** A section's or an appendix's children; items right under its heading (no paragraph of their own) are one list. */
function blocks(children: (Section['children'][number] | Appendix['children'][number])[]): RootContent[] {
  const out: RootContent[] = []
  let run: Item[] = []
  const flushRun = () => {
    if (run.length > 0) for (const node of flow(run, null)) out.push(node)
    run = []
  }
  for (const child of children) {
    if (child.type === 'item') run.push(child)
    else {
      flushRun()
      for (const node of top(child as TopContent)) out.push(node)
    }
  }
  flushRun()
  return out
}

/** `附件` + `A`, `Annex` + ` A`: a label after its word, spaced after a narrow character. */
function labelAfter(word: string, label: string): string {
  return word + (isWide(word.charCodeAt(word.length - 1)) ? '' : ' ') + label
}

function appendix(node: Appendix): RootContent[] {
  const out: RootContent[] = [{type: 'thematicBreak'}]
  if (node.marker && node.title && TRAILING_COLON.test(node.marker)) {
    // A letter's attachment line, `附件：居民問卷調查結果`, `附件A：…`: one line as printed, its label before the colon.
    const colon = TRAILING_COLON.exec(node.marker)![0]
    const word = node.label ? labelAfter(node.marker.slice(0, -colon.length), node.label) + colon : node.marker
    out.push(para([{type: 'text', value: word + node.title}]))
    for (const line of blocks(node.children)) out.push(line)
    return out
  }
  if (node.marker) out.push(para([{type: 'text', value: node.label ? labelAfter(node.marker, node.label) : node.marker}]))
  if (node.title) out.push(para([{type: 'text', value: node.title}]))
  for (const line of blocks(node.children)) out.push(line)
  return out
}

/**
 * `[^1]: words`, GFM's footnote definition (called by `[^1]` in the text);
 * a note marked otherwise (`*` under the signature, `註1：`) is a paragraph
 * that starts with its mark, a Markdown mark escaped (`\\* 已於…`: not a bullet).
 */
function footnote(node: Footnote): RootContent {
  const prefix = /^\w+$/.test(node.identifier) ? `[^${node.identifier}]: ` : `${node.identifier.replace(/^[*#+-]/, '\\$&')} `
  return {type: 'legcoRaw', prefix, children: phrasing(node.children)}
}

/**
 * A paragraph's (or item's) children as blocks: runs of words become mdast
 * paragraphs, runs of items a list. `lead` starts the first run of words
 * (the printed number or label), or stands alone before a list.
 */
function flow(children: (Phrasing | Item)[], lead: string | null): BlockContent[] {
  const out: BlockContent[] = []
  let words: Phrasing[] = []
  let list: List | null = null
  let lastLine = -1
  let first = lead
  const flushWords = () => {
    if (words.length || first !== null) {
      const content = phrasing(words)
      out.push(para(first === null ? content : [{type: 'text', value: first + (words.length ? ' ' : '')}, ...content]))
      first = null
    }
    words = []
  }
  for (const child of children) {
    if (child.type === 'item') {
      flushWords()
      if (!list) out.push((list = {type: 'list', ordered: false, spread: false, children: []}))
      list.children.push(item(child))
    } else {
      list = null
      // Words on a later line than the last ones are a block of their own; so is a text right after a text
      // (the assembler makes one text of a block's lines: a second is the next block, on a one-line HTML page too).
      if (words.length && (child.position.start.line > lastLine || (child.type === 'text' && words[words.length - 1]!.type === 'text'))) flushWords()
      words.push(child)
      lastLine = child.position.end.line
    }
  }
  flushWords()
  return out
}

/** `2. words` (written `2\\. words` by remark-stringify, which escapes a number that would start a list). */
function paragraph(node: Paragraph): RootContent[] {
  const out: RootContent[] = flow(node.children, node.number === null || node.inferred ? null : `${node.marker?.startsWith('*') ? '*' : ''}${node.number}.`)
  // The minutes' Action column: `Action: Admin`, a line of its own after the paragraph's first block (read back as its action).
  if (node.action) out.splice(1, 0, para([{type: 'text', value: `Action: ${node.action}`}]))
  return out
}

/** `- (a) …`; a bullet printed before the label stays before it (`- ● (a) …`). */
function item(node: Item): ListItem {
  const marker = node.label === null ? null : node.bullet ? `${node.bullet} ${asciiMarker(node)}` : asciiMarker(node)
  return {type: 'listItem', spread: false, children: flow(node.children, marker)}
}

function asciiMarker(node: Item): string {
  if (node.style === 'decimal' && markerEndsWithStop(node.marker)) return `${node.label}.`
  if (markerOpensBracket(node.marker)) return `(${node.label})`
  return `${node.label})`
}

function table(node: Table): RootContent {
  const width = node.children.reduce((most, row) => Math.max(most, row.children.length), -Infinity)
  const rows: TableRow[] = node.children.map((row) => {
    const cells: TableCell[] = row.children.map((cell) => ({type: 'tableCell', children: phrasing(cell.children)}))
    while (cells.length < width) cells.push({type: 'tableCell', children: []})
    return {type: 'tableRow', children: cells}
  })
  return {type: 'table', align: Array.from({length: width}, () => null), children: rows}
}

function para(children: PhrasingContent[]): MdastParagraph {
  return {type: 'paragraph', children}
}

function phrasing(nodes: Phrasing[]): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    switch (node.type) {
      case 'text':
        return {type: 'text', value: node.value}
      case 'strong':
        return {type: 'strong', children: node.children.map((child) => ({type: 'text', value: child.value}))}
      case 'emphasis':
        return {type: 'emphasis', children: node.children.map((child) => ({type: 'text', value: child.value}))}
      case 'footnoteReference':
        return {type: 'legcoReference', identifier: node.identifier}
    }
  })
}

export type {MdastNodes}
