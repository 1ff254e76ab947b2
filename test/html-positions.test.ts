// Positions of a tree read from an HTML page index into the page (issue 13): every node's words are found
// at source[start..end), once that stretch of the page is read as HTML (tags left out, entities decoded).
// On our fixtures and on every corpus page (skipped without the corpus).
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {load} from '../src/read/input.js'
import type {Node, Paper} from '../src/tree.js'
import {corpus, root, walk} from './helpers/tree.js'

function pages(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.html?$/.test(name))
        .sort()
        .map((name) => join(dir, name))
    : []
}

/** The visible words of a stretch of a page, read as an HTML fragment, with no white space (line ends and spaces are the reader's). */
function visible(html: string): string {
  const out: string[] = []
  const visit = (node: {type: string; tagName?: string; value?: string; children?: unknown[]}): void => {
    if (node.type === 'text') out.push(node.value!)
    if (node.type === 'element' && ['script', 'style', 'head', 'template'].includes(node.tagName!)) return
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  visit(fromHtml(html, {fragment: true}) as never)
  return squash(out.join(''))
}

const squash = (text: string): string => text.replace(/[\s\u200b-\u200d\ufeff]+/g, '')

type Named = Node & {value?: string; title?: string | null; speaker?: string; label?: string}

/**
 * What is wrong with the positions of a tree read from `source`: a node whose words are not at
 * source[start..end). Words are a text's or field's value (the whole stretch), a section's title, a
 * speaker, a group's label (found in the stretch: the heading's number, the speech's words come too).
 */
function misplaced(source: string, tree: Paper): string[] {
  const problems: string[] = []
  const slices = new Map<string, string>()
  const at = (node: Node): string => {
    const {start, end} = node.position
    const key = `${start.offset}:${end.offset}`
    let words = slices.get(key)
    if (words === undefined) slices.set(key, (words = visible(source.slice(start.offset, end.offset))))
    return words
  }
  walk(tree, (node) => {
    if (node.type === 'paper') return
    const n = node as Named
    const where = `${node.type} ${node.position.start.line}:${node.position.start.column}`
    if ((node.type === 'text' || node.type === 'field') && n.value !== undefined) {
      const want = squash(n.value)
      const have = at(node)
      if (want !== have) problems.push(`${where} ${JSON.stringify(n.value.slice(0, 60))} but the page there has ${JSON.stringify(have.slice(0, 60))}`)
      return
    }
    const words = node.type === 'section' ? n.title : node.type === 'speech' ? n.speaker : node.type === 'group' ? n.label : null
    if (words && !at(node).includes(squash(words)))
      problems.push(`${where} ${JSON.stringify(words.slice(0, 60))} is not in ${JSON.stringify(at(node).slice(0, 60))}`)
  })
  return problems
}

async function check(path: string): Promise<string[]> {
  const bytes = new Uint8Array(readFileSync(path))
  const loaded = await load(bytes, path)
  const {tree} = await parseDocument(bytes, path)
  return misplaced(loaded.origin!.source, tree)
}

describe('positions index into the HTML source', () => {
  for (const path of pages(join(root, 'fixtures/html'))) {
    it(`fixture ${path.slice(path.lastIndexOf('/') + 1)}`, async () => {
      expect(await check(path)).toEqual([])
    })
  }
  const corpusPages = pages(join(corpus, 'html'))
  describe.skipIf(corpusPages.length === 0)('corpus pages', () => {
    for (const path of corpusPages) {
      it(path.slice(path.lastIndexOf('/') + 1), async () => {
        expect(await check(path)).toEqual([])
      }, 60_000)
    }
  })
  it('the check finds a node that points elsewhere', () => {
    const source = '<p>one two</p><p>three</p>'
    const text = (value: string, start: number, end: number) => ({
      type: 'text',
      value,
      position: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}}
    })
    const tree = {type: 'paper', children: [text('one two', 3, 10), text('three', 3, 10)], position: text('', 0, source.length).position} as unknown as Paper
    expect(misplaced(source, tree)).toEqual(['text 1:4 "three" but the page there has "onetwo"'])
  })
})
