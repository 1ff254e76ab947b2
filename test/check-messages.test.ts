// check()'s messages: one per rule, place and reason, kept in the order compareMessages gives (src/check/check.ts).
import {describe, expect, it} from 'vitest'
import {check, compareMessages} from '../src/check/index.js'
import {dedupe} from '../src/check/check.js'
import type {Message} from '../src/message.js'
import {parseText} from '../src/parse.js'

const at = (offset: number) => ({start: {line: 1, column: offset + 1, offset}, end: {line: 1, column: offset + 2, offset: offset + 1}})
const message = (ruleId: string, reason: string, offset: number | null, note?: string): Message => ({
  reason,
  ruleId,
  source: 'legco',
  severity: 'warning',
  place: offset === null ? null : at(offset),
  ...(note ? {note} : {})
})

describe('check messages: deduplicated after one sort', () => {
  it('keeps the first of each rule, place and reason, wherever the repeats were raised', () => {
    const raised = [
      message('b-rule', 'same', 5, 'first'),
      message('a-rule', 'other', 5),
      message('b-rule', 'same', 9),
      message('b-rule', 'same', 5, 'second'),
      message('b-rule', 'different', 5),
      message('a-rule', 'none', null),
      message('a-rule', 'none', null, 'again')
    ]
    const kept = dedupe(raised.slice().sort(compareMessages))
    expect(kept.map((m) => [m.ruleId, m.reason, m.place?.start.offset ?? null, m.note ?? null])).toEqual([
      ['a-rule', 'none', null, null],
      ['a-rule', 'other', 5, null],
      ['b-rule', 'different', 5, null],
      ['b-rule', 'same', 5, 'first'],
      ['b-rule', 'same', 9, null]
    ])
  })

  it('a flood of messages (one an unclosed bracket) comes back whole, one each, in place order', () => {
    const text = `1. ${'（'.repeat(20_000)}\n`
    const {tree} = parseText(text)
    const messages = check(tree, text).filter((m) => m.ruleId === 'brackets-balanced')
    expect(messages.length).toBe(20_000)
    const offsets = messages.map((m) => m.place!.start.offset)
    expect(offsets[0]).toBe(3)
    expect(offsets.every((offset, i) => i === 0 || offset === offsets[i - 1]! + 1)).toBe(true)
  })
})
