// Nothing lost (issue 10, item 5): zero-width characters that trimming takes off a line are in the
// tree; the checker counts zero-width characters.
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../src/emit/markdown.js'
import {parseText} from '../src/parse.js'
import type {Paper} from '../src/tree.js'
import {ownText, paragraphs, positionErrors, schemaErrors, shape, unaccounted} from './helpers/tree.js'

/** Nothing lost, valid, positions in range; and our Markdown parses back to the same tree and is written again the same. */
function sound(input: string): Paper {
  const {tree} = parseText(input)
  expect(unaccounted(input, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  expect(positionErrors(input, tree)).toEqual([])
  const markdown = toMarkdown(tree)
  const again = parseText(markdown).tree
  expect(shape(again)).toEqual(shape(tree))
  expect(unaccounted(markdown, again)).toEqual([])
  expect(toMarkdown(again)).toBe(markdown)
  return tree
}

describe('zero-width characters', () => {
  it('a line of U+200B alone is markup furniture, and still parts the paragraphs as a blank line', () => {
    const input = '目的\n\n1. 甲。\n\u200b\n2. 乙。\n'
    const tree = sound(input)
    expect(tree.furniture.map((node) => [node.kind, node.value, node.position.start.offset])).toEqual([['markup', '\u200b', input.indexOf('\u200b')]])
    expect(paragraphs(tree).map((p) => [p.number, ownText(p)])).toEqual([
      ['1', '甲。'],
      ['2', '乙。']
    ])
  })

  it('at the edges of a line of words, and among spaces, they are kept too', () => {
    const input = 'Purpose\n\n1. One \u200b\u200b\n\n\u200b2. Two.\n \u200b \n'
    const tree = sound(input)
    expect(tree.furniture.map((node) => [node.value, node.position.start.offset])).toEqual([
      ['\u200b\u200b', input.indexOf('\u200b')],
      ['\u200b', input.indexOf('\u200b2')],
      ['\u200b', input.lastIndexOf('\u200b')]
    ])
    expect(paragraphs(tree).map((p) => [p.number, ownText(p)])).toEqual([
      ['1', 'One'],
      ['2', 'Two.']
    ])
  })

  it('are counted by the nothing-lost check', () => {
    const input = '目的\n\n1. 甲。\n\u200b\n2. 乙。\n'
    const {tree} = parseText(input)
    expect(unaccounted(input, tree)).toEqual([])
    expect(unaccounted(input, {...tree, furniture: []})).toEqual([`${JSON.stringify('\u200b')} lost 1 time(s)`])
    expect(unaccounted(`${input}\u200c\u200d\u2060`, tree)).toHaveLength(3)
  })
})
