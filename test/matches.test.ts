// src/matches.ts: matchAll without String.prototype.matchAll's copy of the pattern, the same matches.
import {describe, expect, it} from 'vitest'
import {matchAll} from '../src/matches.js'

const all = (pattern: RegExp, text: string) => [...matchAll(pattern, text)].map((m) => [m.index, ...m])

describe('matchAll', () => {
  it('gives what String.prototype.matchAll gives, groups and places', () => {
    const pattern = /(\d+)([a-z]?)/g
    const text = '12a 7 x 300b'
    expect(all(pattern, text)).toEqual([...text.matchAll(pattern)].map((m) => [m.index, ...m]))
    expect(all(pattern, text)).toEqual([
      [0, '12a', '12', 'a'],
      [4, '7', '7', ''],
      [8, '300b', '300', 'b']
    ])
  })

  it('moves past empty matches, by a code point where the pattern reads them', () => {
    expect(all(/x*/g, 'ab').map((m) => m[0])).toEqual([0, 1, 2])
    expect(all(/(?:)/gu, '😀a').map((m) => m[0])).toEqual([0, 2, 3])
    expect(all(/(?:)/gu, '😀a')).toEqual([...'😀a'.matchAll(/(?:)/gu)].map((m) => [m.index, ...m]))
  })

  it('starts at 0 and leaves lastIndex at 0, even when a loop body uses the pattern or breaks off', () => {
    const pattern = /\d/g
    pattern.lastIndex = 3
    const seen: number[] = []
    for (const m of matchAll(pattern, '1a2b3')) {
      seen.push(m.index)
      // The same pattern inside the loop: the iterator keeps its own place.
      pattern.lastIndex = 0
      expect(pattern.exec('99')?.index).toBe(0)
    }
    expect(seen).toEqual([0, 2, 4])
    expect(pattern.lastIndex).toBe(0)
    for (const _ of matchAll(pattern, '123')) break
    expect(pattern.lastIndex).toBe(0)
  })

  it('refuses a pattern neither global nor sticky, as matchAll does', () => {
    expect(() => [...matchAll(/a/, 'a')]).toThrow(TypeError)
    expect(all(/a/y, 'aab').map((m) => m[0])).toEqual([0, 1])
  })

  it('makes no copy of the pattern: a match is the pattern exec itself gives', () => {
    const pattern = /b/g
    const exec = pattern.exec
    let calls = 0
    pattern.exec = function (this: RegExp, text: string) {
      calls++
      return exec.call(this, text)
    }
    expect([...matchAll(pattern, 'abcb')].length).toBe(2)
    expect(calls).toBe(3)
  })
})
