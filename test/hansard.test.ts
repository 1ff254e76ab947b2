/**
 * The Hansard (issue 11): agenda parts as sections, speaker turns as
 * `speech` nodes, stage directions as `event`s, attendance up to the first
 * turn, the Markdown of a turn and its round trip. Each text is a small one
 * of our own, one behaviour each; the corpus facts are in hansard-corpus.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../src/emit/markdown.js'
import {hansardPart, isEvent, speakerLead, startsSpeech} from '../src/lang/hansard.js'
import {parseText} from '../src/parse.js'
import type {AnyNode, Event, Group, Paper, Section, Speech} from '../src/tree.js'
import {all, schemaErrors, unaccounted} from './helpers/tree.js'

function parse(text: string): Paper {
  const {tree} = parseText(text, {kind: 'hansard'})
  expect(unaccounted(text, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  return tree
}

const words = (node: {children: AnyNode[]}): string =>
  node.children.map((child) => ('value' in child ? String(child.value) : 'children' in child ? words(child as {children: AnyNode[]}) : '')).join('')

const TOP = '會議過程正式紀錄\n\n2030年1月2日星期三\n\n出席議員：\n甲乙議員\n丙丁議員\n\n'

describe('lang/hansard', () => {
  it('reads a speaker with its colon, a language and bold marks', () => {
    expect(speakerLead('林大文議員：主席')).toMatchObject({speaker: '林大文議員', separator: '：', language: null})
    expect(speakerLead('MR JOHN DOE (in Cantonese): President')).toMatchObject({speaker: 'MR JOHN DOE', language: '(in Cantonese)', separator: ':'})
    expect(speakerLead('**代理主席：** 請')).toMatchObject({speaker: '代理主席'})
    expect(speakerLead('SECRETARY FOR TESTING: Yes')).toMatchObject({speaker: 'SECRETARY FOR TESTING'})
    // A PDF's compatibility ideograph (U+F92F for 勞) is read as the ideograph, and kept as printed.
    expect(speakerLead('\uf92f工局局長：主席')).toMatchObject({speaker: '\uf92f工局局長'})
  })
  it('takes no sentence or label for a speaker', () => {
    expect(speakerLead('就此，政府可否告知本會：')).toBeNull()
    expect(speakerLead('甲議員動議的議案如下：')).toBeNull()
    expect(speakerLead('出席議員：')).toBeNull()
    expect(startsSpeech('2. 甲議員：據報')).toBe(true)
  })
  it('tells a stage direction from a bracketed note or unit', () => {
    expect(isEvent('(甲議員站起來)')).toBe(true)
    expect(isEvent('(After the bell had been rung, Members entered the Chamber)')).toBe(true)
    expect(isEvent('(1 )')).toBe(false)
    expect(isEvent('(元)')).toBe(false)
    expect(isEvent('(一) 甲議員的提問')).toBe(false)
  })
  it('knows the agenda parts', () => {
    expect(hansardPart('議員質詢的口頭答覆')).toBe('oral-answers')
    expect(hansardPart("MEMBERS' MOTIONS")).toBe('members-motions')
    expect(hansardPart('下次會議')).toBe('next-meeting')
    expect(hansardPart('實施某項政策的影響')).toBeNull()
  })
})

describe('the Hansard', () => {
  it('makes each speaker turn a speech, its later paragraphs its children', () => {
    const tree = parse(`${TOP}甲乙議員：各位同事，現在開始。\n\n 第二段的說話。\n\n丙丁議員：多謝。\n`)
    const speeches = all<Speech>(tree, 'speech')
    expect(speeches.map((speech) => speech.speaker)).toEqual(['甲乙議員', '丙丁議員'])
    expect(speeches[0]!.children.map((child) => words(child))).toEqual(['各位同事，現在開始。', '第二段的說話。'])
    expect(speeches[0]!.separator).toBe('：')
  })
  it('gives a numbered question its number and title', () => {
    const tree = parse(`${TOP}議員質詢的口頭答覆\n\n某項政策的影響\n\n1. 甲乙議員：據報，政府可否告知本會：\n\n某某局局長：主席，答覆如下。\n`)
    const part = all<Section>(tree, 'section')[0]!
    expect(part).toMatchObject({title: '議員質詢的口頭答覆', depth: 1})
    expect(part.children[0]).toMatchObject({type: 'section', title: '某項政策的影響', depth: 2})
    const [asker, answer] = all<Speech>(tree, 'speech')
    expect(asker).toMatchObject({speaker: '甲乙議員', question: '1.'})
    expect(answer).toMatchObject({speaker: '某某局局長', question: null})
  })
  it('makes a stage direction an event, inside the turn it interrupts', () => {
    const tree = parse(`${TOP}主席：請坐下。\n\n(甲乙議員站起來)\n\n 甲議員，你可以坐下發言。\n`)
    const speech = all<Speech>(tree, 'speech')[0]!
    expect(speech.children.map((child) => child.type)).toEqual(['paragraph', 'event', 'paragraph'])
    expect(words(all<Event>(tree, 'event')[0]!)).toBe('(甲乙議員站起來)')
  })
  it('ends the attendance lists before the first heading and turn', () => {
    const tree = parse(`${TOP}列席秘書：\n秘書長甲先生\n\n作出誓言\n\n秘書：現在進行宣誓。\n`)
    const groups = all<Group>(tree, 'group')
    expect(groups.map((group) => group.children.length)).toEqual([2, 1])
    expect(all<Section>(tree, 'section')[0]!.title).toBe('作出誓言')
  })
  it('reads the English record: capitals, the language in brackets', () => {
    const tree = parse(
      'OFFICIAL RECORD OF PROCEEDINGS\n\nWednesday, 2 January 2030\n\nMEMBERS PRESENT:\nTHE HONOURABLE JOHN DOE\n\nORAL ANSWERS TO QUESTIONS\n\nTHE PRESIDENT (in Cantonese): First question.\n\nMR JOHN DOE: President, will the Government inform this Council?\n'
    )
    expect(all<Speech>(tree, 'speech').map((speech) => [speech.speaker, speech.language])).toEqual([
      ['THE PRESIDENT', '(in Cantonese)'],
      ['MR JOHN DOE', null]
    ])
    expect(tree.meta.meetingDate).toBe('2030-01-02')
  })
  it('writes a turn as a bold speaker before its words, and reads it back to the same speeches', () => {
    const text = `${TOP}議員質詢的口頭答覆\n\n某項政策\n\n1. 甲乙議員：據報如此。\n\n(丙丁議員站起來)\n\n主席：請坐下。\n`
    const tree = parse(text)
    const md = toMarkdown(tree)
    expect(md).toContain('1\\. **甲乙議員：** 據報如此。')
    expect(md).toContain('**主席：** 請坐下。')
    const back = parseText(md).tree
    const shape = (paper: Paper) =>
      all<Speech>(paper, 'speech').map((speech) => [speech.speaker, speech.question, speech.children.map((child) => [child.type, words(child)])])
    expect(shape(back)).toEqual(shape(tree))
  })
})
