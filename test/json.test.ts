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

  it('leaves small values and empty objects alone', () => {
    expect([...jsonChunks({type: 'x', children: [1, 2]})]).toEqual(['{"type":"x","children":[1,2]}'])
    expect([...jsonChunks(null)]).toEqual(['null'])
  })
})
