// The streamed JSON writer gives exactly JSON.stringify's text.
import {describe, expect, it} from 'vitest'
import {jsonChunks} from '../src/emit/json.js'
import {parseText} from '../src/parse.js'
import {fixture, fixtureNames, seed} from './helpers/tree.js'

describe('jsonChunks', () => {
  it('joins to JSON.stringify of the seed and of every fixture', () => {
    for (const input of [seed, ...fixtureNames().map(fixture)]) {
      const {tree} = parseText(input)
      const chunks = [...jsonChunks(tree)]
      expect(chunks.join('')).toBe(JSON.stringify(tree))
    }
  })

  it('writes a big paper in many pieces', () => {
    const big = Array.from({length: 40}, () => seed).join('\n\n')
    const {tree} = parseText(big)
    const chunks = [...jsonChunks(tree)]
    expect(chunks.length).toBeGreaterThan(100)
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(JSON.stringify(tree).length / 10)
    expect(chunks.join('')).toBe(JSON.stringify(tree))
  })

  it('writes leaves in one piece and arrays entry by entry', () => {
    expect([...jsonChunks({type: 'text', value: 'x', position: {start: 1}})]).toEqual(['{"type":"text","value":"x","position":{"start":1}}'])
    const pieces = [...jsonChunks({type: 'x', children: [1, {a: 2}]})]
    expect(pieces.join('')).toBe('{"type":"x","children":[1,{"a":2}]}')
    expect(pieces).toContain('1')
    expect(pieces).toContain('{"a":2}')
    expect([...jsonChunks({children: [1]})]).toEqual(['{"children":[1]}'])
    expect([...jsonChunks(null)]).toEqual(['null'])
  })
})
