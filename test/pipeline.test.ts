// The stages of parse.ts one by one: what each hands to the next, and that assembly only reads what it is given.
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {MINUTES, PAPER, assemble} from '../src/assemble/index.js'
import {toBlocks} from '../src/assemble/blocks.js'
import {Builder, type Handlers} from '../src/assemble/builder.js'
import {normalise} from '../src/normalise/index.js'
import {splitLines} from '../src/normalise/lines.js'
import {Source} from '../src/source.js'
import {tokenise} from '../src/tokenise/index.js'
import type {TopContent} from '../src/tree.js'
import {parseText} from '../src/parse.js'
import {sections, seed} from './helpers/tree.js'

const fixtures = readdirSync('fixtures').filter((name) => name.endsWith('.txt'))

function stages(text: string) {
  const lines = splitLines(text)
  const normal = normalise(lines)
  const tokens = tokenise(lines, normal.footnotes)
  return {lines, normal, tokens}
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

describe('normalise', () => {
  it('marks Markdown table rules and thematic breaks as markup furniture, before any later stage runs', () => {
    const {lines} = stages('| a | b |\n|---|---|\n| 1 | 2 |\n\n***\n\n1. Text')
    expect(lines.filter((line) => line.furniture === 'markup').map((line) => line.text)).toEqual(['|---|---|', '***'])
  })

  it('leaves a tabbed line and a footnote line alone', () => {
    const {lines} = stages('a\t---\n')
    expect(lines.every((line) => line.furniture === null)).toBe(true)
  })
})

describe('tokenise', () => {
  it('returns a token for each line that says something', () => {
    const {tokens} = stages('# Title\n\n1. First\n(a) item\n| a | b |\n|---|---|\nwords\n[^1]: a note')
    expect(tokens.map((token) => token.kind)).toEqual(['heading', 'blank', 'para', 'item', 'row', 'rule', 'text', 'definition'])
  })

  it('cuts a heading glued to the paragraph number after it into two tokens', () => {
    const {tokens} = stages('背景2. 青山灣的工程已完成。')
    expect(tokens.map((token) => token.kind)).toEqual(['text', 'para'])
  })
})

describe('assemble', () => {
  for (const name of ['seed', ...fixtures]) {
    it(`reads its blocks without changing them (${name})`, () => {
      const text = name === 'seed' ? seed : readFileSync(`fixtures/${name}`, 'utf8')
      const {normal, tokens} = stages(text)
      const blocks = toBlocks(tokens, normal.width)
      const before = JSON.stringify(blocks)
      const source = new Source(text)
      source.footnotes = normal.notes
      new Builder(source, normal.width, deepFreeze(blocks), PAPER, 'header').run()
      expect(JSON.stringify(blocks)).toBe(before)
    })
  }

  it('takes a table with a mode of its own: a genre adds handlers without touching the paper’s', () => {
    // A toy genre: after a line `Present:`, text blocks are the attendance list.
    const attending: string[] = []
    const bodyText = PAPER.body.text
    const present: Handlers['text'] = (b, block, i) => {
      if (block.lines[0]!.text !== 'Present:') return bodyText(b, block, i)
      b.mode = 'attendance'
      return i
    }
    const attendance: Handlers = {
      ...PAPER.body,
      text: (b, block, i) => {
        attending.push(block.lines[0]!.text)
        b.prose(block)
        return i
      }
    }
    const text = 'Minutes of the meeting\n\n1. Opening words.\n\nPresent:\n\nMr A\n\nMs B\n'
    const {normal, tokens} = stages(text)
    assemble(tokens, normal.width, new Source(text), text, {modes: {...PAPER, body: {...PAPER.body, text: present}, attendance}})
    expect(attending).toEqual(['Mr A', 'Ms B'])
    expect(PAPER.body.text).toBe(bodyText)
  })

  it('reads the header as a mode: its lines are fields, the block it ends in is cut and the rest is body', () => {
    // No blank line between the header and the first paragraph: one block, cut where the header ends.
    const text = 'LC Paper No. CB(2)100/24-25\nPanel on Welfare Services\n1. The Panel met.\n'
    const {normal, tokens} = stages(text)
    const b = new Builder(new Source(text), normal.width, toBlocks(tokens, normal.width), PAPER, 'header')
    const out = b.run()
    expect(b.headerBlocks.flatMap((block) => block.lines.map((line) => line.text))).toEqual(['LC Paper No. CB(2)100/24-25', 'Panel on Welfare Services'])
    expect(b.mode).toBe('body')
    expect(out.map((node) => node.type)).toEqual(['paragraph'])
  })

  it('places a part read apart (attendance lists) after the header and before the body, in the attendance mode', () => {
    const text = 'Minutes of meeting held on Friday, 9 May 1997, at 2:15 pm\n\nI. Election of Chairman\n\n1. Mr A was elected.\n'
    const {normal, tokens} = stages(text)
    const lists = {type: 'attendance', children: [], position: new Source(text).position(0, 0)} as unknown as TopContent
    const [top, rest] = [tokens.slice(0, 2), tokens.slice(2)]
    const {children} = assemble(top, normal.width, new Source(text), text, {modes: MINUTES, apart: {node: lists, rest}})
    expect(children.map((node) => node.type)).toEqual(['header', 'attendance', 'section'])
  })
})

describe('assemble: section depth', () => {
  it('nests sections six deep at most: a run of 2,000 heading-like lines is no cascade 2,000 deep (the walks recurse by depth)', () => {
    const {tree} = parseText('A Short Heading\n\n'.repeat(2000))
    const depths = sections(tree).map((section) => section.depth)
    expect(Math.max(...depths)).toBe(6)
    expect(depths.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 6])
  })
})
