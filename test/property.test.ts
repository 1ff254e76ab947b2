// Arbitrary and mangled input never throws, and every position indexes into the input.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../src/emit/markdown.js'
import {seed} from './helpers/tree.js'
import {parseSound} from './helpers/sound.js'

/** Pieces that the parser treats specially, to make random input hit its rules. */
const TOKENS = [
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  ' ',
  '　',
  '2. ',
  '２．',
  '(a) ',
  '（ｉ）',
  '- ',
  '* ',
  '**',
  '|',
  '---|',
  '# ',
  '目的',
  '背景',
  '立法會秘書處',
  '附件A',
  '- 2 -',
  '\f',
  '\\',
  '。',
  '：',
  '2024 年 3 月 28 日',
  'Purpose',
  'Annex A',
  '1.',
  '(ii)',
  '“',
  '》',
  // A bullet before a label, zero-width characters (issue 10): kept, and counted.
  '● ',
  '• (i) ',
  '+ ',
  '▪',
  '\u200b'
]

const mangled = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TOKENS),
      fc.string({maxLength: 8}),
      fc.string({unit: 'grapheme', maxLength: 6}),
      fc.integer({min: 0, max: seed.length - 40}).map((start) => seed.slice(start, start + 40))
    ),
    {maxLength: 60}
  )
  .map((parts) => parts.join(''))

function sound(input: string) {
  const tree = parseSound(input)
  expect(() => toMarkdown(tree)).not.toThrow()
}

describe('any input', () => {
  it('arbitrary strings parse to a sound tree', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 300}), sound), {numRuns: 300})
  })

  it('strings built from the pieces the rules look for parse to a sound tree', () => {
    fc.assert(fc.property(mangled, sound), {numRuns: 400})
  })

  it('the seed with random lines deleted, duplicated or swapped parses to a sound tree', () => {
    const lines = seed.split('\n')
    const edits = fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap'), fc.nat(lines.length - 1), fc.nat(lines.length - 1)), {maxLength: 12})
    fc.assert(
      fc.property(edits, (list) => {
        const copy = lines.slice()
        for (const [edit, a, b] of list) {
          if (edit === 'delete') copy.splice(a % copy.length, 1)
          else if (edit === 'duplicate') copy.splice(a % copy.length, 0, copy[b % copy.length]!)
          else [copy[a % copy.length], copy[b % copy.length]] = [copy[b % copy.length]!, copy[a % copy.length]!]
        }
        sound(copy.join('\n'))
      }),
      {numRuns: 60}
    )
  })
})
