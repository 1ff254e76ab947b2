/** Helpers shared by the tests: walking trees, accounting for input characters, schema validation. */
import {readFileSync, existsSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {join} from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import type {Attendance, Item, Node, Paper, Paragraph, Section, Text} from '../../src/tree.js'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const seedPath = join(root, 'seeds/000_457f1a1b5f7781dd.txt')
export const seed = readFileSync(seedPath, 'utf8')
export const corpus = join(root, '../shared/corpus')
export const hasCorpus = existsSync(corpus)

export function fixture(name: string): string {
  return readFileSync(join(root, 'fixtures', name), 'utf8')
}

export function fixtureNames(): string[] {
  return readdirSync(join(root, 'fixtures'))
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort()
}

export function corpusFiles(folder: 'text' | 'md' | 'pdf'): string[] {
  const dir = join(corpus, folder)
  return existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .map((name) => join(dir, name))
    : []
}

type AnyParent = Node & {children?: Node[]}

export function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent)
  for (const child of (node as AnyParent).children ?? []) walk(child, visit, node)
}

export function all<T extends Node>(tree: Node, type: T['type']): T[] {
  const found: T[] = []
  walk(tree, (node) => {
    if (node.type === type) found.push(node as T)
  })
  return found
}

export const paragraphs = (tree: Paper) => all<Paragraph>(tree, 'paragraph')
export const sections = (tree: Paper) => all<Section>(tree, 'section')
export const items = (node: Node) => all<Item>(node, 'item')

/** The attendance list's groups, each with how many people it names: `[['出席議員', 64], …]`. */
export function attendanceGroups(tree: Paper): [string, number][] {
  const attendance = tree.children.find((node): node is Attendance => node.type === 'attendance')
  return attendance?.children.map((group): [string, number] => [group.label, group.children.length]) ?? []
}

/** Each paragraph's number and whether it was inferred: `[['1', true], ['2', false]]`. */
export const numbering = (tree: Paper) => paragraphs(tree).map((p): [string | null, boolean] => [p.number, p.inferred ?? false])

/** `numbering` of paragraphs 1 to `last` whose first is printed without its number (inferred from its place). */
export const firstInferred = (last: number) => Array.from({length: last}, (_, i): [string, boolean] => [String(i + 1), i === 0])

/** The words of a paragraph or item, its own text nodes only (not its items'). */
export function ownText(node: Paragraph | Item): string {
  return node.children
    .filter((child) => child.type !== 'item')
    .map((child) => (child.type === 'text' ? child.value : 'children' in child ? (child.children as Text[]).map((c) => c.value).join('') : ''))
    .join('')
}

/** Characters a parser may drop: Markdown and table markup, Markdown's `-` and `*` bullets, escapes, footnote brackets. */
const MARKUP = new Set([...'*_#\\|-`>[]^'])

/** Invisible, but characters of the input: counted like any other, whatever a regular expression takes for space (U+FEFF, the byte-order mark, is whitespace). */
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060'])

function count(value: string, into: Map<string, number>, sign: 1 | -1): void {
  for (const char of value.normalize('NFKC')) {
    if (/\s/.test(char) && !ZERO_WIDTH.has(char)) continue
    into.set(char, (into.get(char) ?? 0) + sign)
  }
}

/** The fields of each node type that hold characters of the input (each counted where it is set). */
const PRINTED: Record<string, readonly string[]> = {
  text: ['value'],
  field: ['value'],
  furniture: ['value'],
  // An agenda item's `time` is read from its slot, which is a paragraph of the item too (counted there).
  section: ['title', 'marker'],
  cell: ['marker'],
  group: ['label', 'separator'],
  speech: ['speaker', 'separator', 'language', 'question'],
  // The minutes' Action column beside the paragraph.
  paragraph: ['marker', 'action'],
  item: ['marker', 'bullet'],
  appendix: ['marker', 'label', 'title'],
  footnote: ['marker']
}

/**
 * Every non-whitespace character of the input (zero-width ones included)
 * is in the tree: in a text value, a title, a marker, label or bullet, a
 * header field, a furniture node.
 * Markup characters may be dropped; nothing may be invented.
 * Returns the differences (empty when all is accounted for).
 */
export function unaccounted(input: string, tree: Paper): string[] {
  const balance = new Map<string, number>()
  count(input, balance, 1)
  walk(tree, (node) => {
    const n = node as Node & Record<string, unknown>
    if (node.type === 'footnoteReference') count((n.marker ?? n.identifier) as string, balance, -1)
    for (const field of PRINTED[node.type] ?? []) if (typeof n[field] === 'string') count(n[field], balance, -1)
  })
  for (const node of tree.furniture) count(node.value, balance, -1)
  const problems: string[] = []
  for (const [char, left] of balance) {
    if (left < 0) problems.push(`${JSON.stringify(char)} appears ${-left} more time(s) in the tree than in the input`)
    else if (left > 0 && !MARKUP.has(char)) problems.push(`${JSON.stringify(char)} lost ${left} time(s)`)
  }
  return problems
}

const ajv = new Ajv2020({allErrors: true, strict: true})
const schema = JSON.parse(readFileSync(join(root, 'schema/paper.schema.json'), 'utf8'))
const validator = ajv.compile(schema)

/** Schema errors for a tree, through JSON as scripts see it. */
export function schemaErrors(tree: Paper): string[] {
  const ok = validator(JSON.parse(JSON.stringify(tree)))
  return ok ? [] : (validator.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message}`)
}

/** Every position indexes into the input, start <= end, children inside parents. */
export function positionErrors(input: string, tree: Paper): string[] {
  const errors: string[] = []
  walk(tree, (node, parent) => {
    const {start, end} = node.position
    if (start.offset < 0 || end.offset > input.length || start.offset > end.offset) errors.push(`${node.type} ${start.offset}-${end.offset} out of range`)
    if (parent && (start.offset < parent.position.start.offset || end.offset > parent.position.end.offset)) {
      errors.push(`${node.type} ${start.offset}-${end.offset} outside its ${parent.type} ${parent.position.start.offset}-${parent.position.end.offset}`)
    }
    const lineStart = start.offset - (start.column - 1)
    if (lineStart < 0 || (lineStart > 0 && !/[\n\r]/.test(input[lineStart - 1]!)))
      errors.push(`${node.type} column ${start.column} does not match offset ${start.offset}`)
  })
  return errors
}

/** The tree without positions or printed markers, for comparing two parses. */
export function shape(tree: Paper): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' || key === 'marker' || key === 'furniture' ? undefined : value)))
}

/**
 * The outline of a tree: its structural nodes nested as in the tree — sections and appendices by
 * title, paragraphs by number, items by label, tables by their row and cell counts, and the other
 * blocks by type — without their words, positions or printed markers. Two readings with the same
 * outline have the same structure (the fuzz run's Markdown round trip).
 */
export function outline(node: Node): unknown[] {
  const out: unknown[] = []
  for (const child of (node as AnyParent).children ?? []) {
    const n = child as Node & Record<string, unknown>
    switch (child.type) {
      case 'text':
      case 'strong':
      case 'emphasis':
      case 'footnoteReference':
      case 'field':
        break
      case 'section':
      case 'appendix':
        out.push([child.type, n.title ?? n.label ?? null, n.depth ?? null, outline(child)])
        break
      case 'paragraph':
        out.push(['paragraph', n.number ?? null, outline(child)])
        break
      case 'item':
        out.push(['item', n.label ?? null, outline(child)])
        break
      case 'table':
        out.push(['table', ((n.children as AnyParent[]) ?? []).map((row) => row.children?.length ?? 0)])
        break
      default:
        out.push([child.type, outline(child)])
    }
  }
  return out
}
