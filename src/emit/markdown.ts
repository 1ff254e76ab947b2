/**
 * Emit, Markdown: the paper tree as mdast, serialised with
 * unified/remark-stringify (GFM tables padded by display width, so CJK
 * columns line up), after a YAML front matter block holding `meta`.
 *
 * Printed numbers stay: a paragraph reads `2. …`, an item `- (a) …`.
 * Markers are written in their ASCII form (`２．` becomes `2.`). Parsing this
 * output gives the same tree as the original parse, positions and markers aside.
 */
import {stringifier, type Stringifier} from './remark.js'
import type {Handle, Options as ToMarkdownOptions} from 'mdast-util-to-markdown'
import type {Nodes as MdastNodes, Parent as MdastParent, PhrasingContent, RootContent, Root, TableRow, TableCell} from 'mdast'
import {displayWidth, isWide} from '../lang/chars.js'
import type {Appendix, Footnote, Item, Meta, Paper, Paragraph, Phrasing, Section, Table, TopContent} from '../tree.js'

/** Nodes of our own inside the mdast tree, written by the handlers below. */
interface NumberedBlock extends MdastParent {
  type: 'legcoNumbered'
  /** The marker written before the first line (`2.`, `- (a)`), and the indent of the lines after it. */
  marker: string
  indent: number
  children: RootContent[]
}

interface ItemList extends MdastParent {
  type: 'legcoItems'
  children: NumberedBlock[]
}

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
    legcoNumbered: NumberedBlock
    legcoItems: ItemList
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
      handlers: {legcoNumbered: numbered, legcoItems: items, legcoRaw: raw, legcoReference: reference} as unknown as ToMarkdownOptions['handlers'],
      join: [(_left, _right, parent) => (parent.type === ('legcoItems' as string) ? 0 : undefined)]
    }
  )
  return cached
}

// Handlers -----------------------------------------------------------------

const numbered: Handle = (node: NumberedBlock, _parent, state, info) => {
  const indent = ' '.repeat(node.indent)
  const exit = state.enter('listItem')
  const value = state.indentLines(state.containerFlow(node, info), (line, index, blank) =>
    index === 0 ? (blank ? node.marker : `${node.marker} ${line}`) : blank ? '' : indent + line
  )
  exit()
  return value
}

const items: Handle = (node: ItemList, _parent, state, info) => state.containerFlow(node, info)

const raw: Handle = (node: RawLine, _parent, state, info) => node.prefix + state.containerPhrasing(node, info)

const reference: Handle = (node: RawReference) => `[^${node.identifier}]`

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
    case 'header':
      return node.children.map((field) => para([{type: 'text', value: field.value}]))
    case 'section':
      return section(node)
    case 'paragraph':
      return paragraph(node)
    case 'table':
      return [table(node)]
    case 'footnote':
      return [footnote(node)]
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
  }
}

function section(node: Section): RootContent[] {
  return [
    {type: 'heading', depth: Math.min(6, Math.max(1, node.depth)) as 1 | 2 | 3 | 4 | 5 | 6, children: [{type: 'text', value: node.title}]},
    ...node.children.flatMap((child) => top(child))
  ]
}

function appendix(node: Appendix): RootContent[] {
  const out: RootContent[] = [{type: 'thematicBreak'}]
  if (node.marker) {
    const marker = node.marker + (node.label ? (isWide(node.marker.charCodeAt(node.marker.length - 1)) ? '' : ' ') + node.label : '')
    out.push(para([{type: 'text', value: marker}]))
  }
  if (node.title) out.push(para([{type: 'text', value: node.title}]))
  for (const child of node.children) out.push(...top(child))
  return out
}

/** `[^1]: words` (GFM's footnote definition); a `*` note under the signature stays `* words`. */
function footnote(node: Footnote): RootContent {
  const prefix = /^\w+$/.test(node.identifier) ? `[^${node.identifier}]: ` : `${node.identifier} `
  return {type: 'legcoRaw', prefix, children: phrasing(node.children)}
}

/** A paragraph's (or item's) children as blocks: runs of words become mdast paragraphs, runs of items a list. */
function flow(children: (Phrasing | Item)[]): RootContent[] {
  const out: RootContent[] = []
  let words: Phrasing[] = []
  let list: ItemList | null = null
  let lastLine = -1
  const flushWords = () => {
    if (words.length) out.push(para(phrasing(words)))
    words = []
  }
  for (const child of children) {
    if (child.type === 'item') {
      flushWords()
      if (!list) out.push((list = {type: 'legcoItems', children: []}))
      list.children.push(item(child))
    } else {
      list = null
      // Words on a later line than the last ones are a block of their own.
      if (words.length && child.position.start.line > lastLine) flushWords()
      words.push(child)
      lastLine = child.position.end.line
    }
  }
  flushWords()
  return out
}

function paragraph(node: Paragraph): RootContent[] {
  const blocks = flow(node.children)
  if (node.number === null || node.inferred) return blocks
  const marker = `${node.number}.`
  return [{type: 'legcoNumbered', marker, indent: marker.length + 1, children: blocks}]
}

function item(node: Item): NumberedBlock {
  const marker = node.label === null ? '-' : `- ${asciiMarker(node)}`
  return {type: 'legcoNumbered', marker, indent: 2, children: flow(node.children)}
}

function asciiMarker(node: Item): string {
  if (node.style === 'decimal' && /[.．]$/.test(node.marker)) return `${node.label}.`
  if (/^[(（]/.test(node.marker)) return `(${node.label})`
  return `${node.label})`
}

function table(node: Table): RootContent {
  const width = Math.max(...node.children.map((row) => row.children.length))
  const rows: TableRow[] = node.children.map((row) => {
    const cells: TableCell[] = row.children.map((cell) => ({type: 'tableCell', children: phrasing(cell.children)}))
    while (cells.length < width) cells.push({type: 'tableCell', children: []})
    return {type: 'tableRow', children: cells}
  })
  return {type: 'table', align: Array.from({length: width}, () => null), children: rows}
}

function para(children: PhrasingContent[]): RootContent {
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
