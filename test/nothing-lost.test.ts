// Nothing lost (issue 10, item 5): a bullet printed before a label, and zero-width characters that
// trimming takes off a line, are in the tree; the checker counts zero-width characters.
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../src/emit/markdown.js'
import {parseText} from '../src/parse.js'
import {parseMarkdownText} from '../src/parse-markdown.js'
import type {Item, Paper} from '../src/tree.js'
import {fixture, items, ownText, paragraphs, positionErrors, shape, unaccounted} from './helpers/tree.js'
import {expectMarkdownRoundTrip, parseSound} from './helpers/sound.js'

/** Nothing lost, valid, positions in range; and our Markdown parses back to the same tree and is written again the same. */
function sound(input: string): Paper {
  const tree = parseSound(input)
  const {markdown, again} = expectMarkdownRoundTrip(tree)
  expect(toMarkdown(again)).toBe(markdown)
  // and read as a .md file is (remark-parse with GFM): the same tree, nothing lost, positions into the Markdown
  const read = parseMarkdownText(markdown).tree
  expect(shape(read)).toEqual(shape(tree))
  expect(unaccounted(markdown, read)).toEqual([])
  expect(positionErrors(markdown, read)).toEqual([])
  return tree
}

const labelled = (tree: Paper) => items(tree).map((item: Item) => [item.bullet ?? null, item.label, item.marker, ownText(item)])

describe('a bullet printed before a label', () => {
  it('is the item’s bullet: ● (a) 項目', () => {
    const tree = sound('背景\n\n2. 措施包括：\n\n● (a) 項目甲；\n● (b) 項目乙。\n')
    expect(labelled(tree)).toEqual([
      ['●', 'a', '(a)', '項目甲；'],
      ['●', 'b', '(b)', '項目乙。']
    ])
  })

  it('fixtures/zh-pdf-bullets.txt: Word’s bullets as a PDF gives them (⬧, U+F0B7 of the Symbol font, ➢) are items, the glyph their marker', () => {
    const tree = sound(fixture('zh-pdf-bullets.txt'))
    expect(items(tree).map((item: Item) => [item.marker, item.style, ownText(item)])).toEqual([
      ['⬧', 'bullet', '推出新的電子服務；'],
      ['\uF0B7', 'bullet', '擴展數碼身份的用途；'],
      ['➢', 'bullet', '加強網絡安全。']
    ])
  })

  it('fixtures/zh-bullet-labels.txt: ● before letters, • before roman numerals', () => {
    expect(labelled(sound(fixture('zh-bullet-labels.txt')))).toEqual([
      ['●', 'a', '(a)', '推動數字政府服務；'],
      ['●', 'b', '(b)', '擴大電子身份的應用；及'],
      ['●', 'c', '(c)', '建立數據交換平台。'],
      ['•', 'i', '(i)', '網絡安全；'],
      ['•', 'ii', '(ii)', '個人資料私隱。']
    ])
  })

  it('• (i) x, + i) x and a bullet glued to its label, ▪(ii)', () => {
    expect(labelled(sound('Background\n\n2. It covers:\n\n• (i) x;\n• (ii) y.\n'))).toEqual([
      ['•', 'i', '(i)', 'x;'],
      ['•', 'ii', '(ii)', 'y.']
    ])
    expect(labelled(sound('Background\n\n2. It covers:\n\n+ i) x;\n+ ii) y.\n'))).toEqual([
      ['+', 'i', 'i)', 'x;'],
      ['+', 'ii', 'ii)', 'y.']
    ])
    expect(labelled(sound('Background\n\n2. It covers:\n\n▪(i) x;\n▪(ii) y.\n'))).toEqual([
      ['▪', 'i', '(i)', 'x;'],
      ['▪', 'ii', '(ii)', 'y.']
    ])
  })

  it('stays before the label in our Markdown', () => {
    const markdown = toMarkdown(parseText('背景\n\n2. 措施包括：\n\n● (a) 項目甲；\n+ (b) 項目乙。\n').tree)
    expect(markdown).toContain('- ● (a) 項目甲；\n')
    // remark escapes a `+` that would open a list; the escape is read back as the bullet.
    expect(markdown).toContain('- \\+ (b) 項目乙。\n')
  })

  it('is no bullet when it is a Markdown list’s - or * (markup)', () => {
    const tree = sound('背景\n\n2. 措施包括：\n\n- (a) 項目甲；\n* (b) 項目乙。\n')
    expect(labelled(tree)).toEqual([
      [null, 'a', '(a)', '項目甲；'],
      [null, 'b', '(b)', '項目乙。']
    ])
  })
})

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
