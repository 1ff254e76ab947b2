// The corpus HTML (../shared/corpus/html: Council agendas and the Hansard of 2015-04-29): reader-level
// facts, then the structure a reader sees on the page (agenda items, questions, attendance, speeches),
// every figure counted on the page itself; skipped without the corpus.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {load} from '../src/read/input.js'
import type {Attendance, Paper, Paragraph, Section, Speech, Table} from '../src/tree.js'
import {lost} from './helpers/html.js'
import {all, attendanceGroups, corpus, positionErrors, schemaErrors} from './helpers/tree.js'

const dir = join(corpus, 'html')
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => /\.html?$/.test(name))
      .sort()
  : []

/**
 * Lines of text (as read on 2026-11-27), and table rows in the tree: every `<tr>` of a data table (not one
 * for layout: a table in a cell, or one cell a row) with words in a cell after its first, or with words and a
 * column a `rowspan` above covers (a row with words in its first cell only and nothing running down into it is
 * a line of its own), counted in the page with the standard parser and the HTML table model (`rowspan`
 * reaching down within its row group); and in the zh Hansard one row more, a line of the page: the paper
 * laid on the table `第91號 ― 語文基金` (number | title). The rows a rowspan reaches (2016-2017 to 2019-2020 under
 * `Not applicable`, twice in each Hansard; `2006` under a note in the 2014-07-09 agenda) were lines of their own
 * before rowspans were read.
 */
const FACTS: Record<string, {lines: number; rows: number}> = {
  'council-agenda-a12-13-26-2013-05-08.en.html': {lines: 356, rows: 51},
  'council-agenda-a13-14-24-2014-04-30.zh.html': {lines: 254, rows: 40},
  'council-agenda-a13-14-36-2014-07-09.en.html': {lines: 371, rows: 109},
  'council-hansard-2015-04-29.en.html': {lines: 1194, rows: 157},
  'council-hansard-2015-04-29.zh.html': {lines: 1187, rows: 162}
}

describe.skipIf(files.length === 0)('corpus HTML', () => {
  for (const name of files) {
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)))
      const loaded = await load(bytes, name)
      const {tree, messages} = await parseDocument(bytes, name)
      const source = loaded.origin!.source
      // No markup reaches the text: no tags, no CSS, no entities.
      expect(loaded.text).not.toMatch(/<\/?[a-z][\w:-]*[\s>]|&(?:nbsp|amp|lt|gt);|\{[^}]*:[^}]*\}/i)
      const lines = loaded.text.split('\n').filter((line) => line.trim())
      const facts = FACTS[name]
      if (facts) {
        expect(lines.length).toBe(facts.lines)
        expect(all<Table>(tree, 'table').reduce((n, table) => n + table.children.length, 0)).toBe(facts.rows)
      }
      // The head (styles) is furniture; nothing of the visible text is lost; positions index into the page.
      expect(tree.furniture.some((f) => f.kind === 'markup')).toBe(true)
      expect(lost(source, tree)).toEqual([])
      expect(positionErrors(source, tree)).toEqual([])
      expect(schemaErrors(tree)).toEqual([])
      expect(tree.position.end.offset).toBe(source.length)
      expect(messages.filter((m) => m.ruleId.startsWith('read/'))).toEqual([])
      expect(tree.lang).toBe(name.includes('.zh.') ? 'zh-Hant' : 'en')
    })
  }
})

const parsed = async (name: string): Promise<Paper> => {
  const path = join(dir, name)
  return (await parseDocument(new Uint8Array(readFileSync(path)), path)).tree
}
const items = (tree: Paper) => tree.children.filter((node): node is Section => node.type === 'section').map((section) => [section.marker, section.title])
const words = (paragraph: Paragraph) => paragraph.children.map((child) => ('value' in child ? child.value : '')).join('')

describe.skipIf(!files.includes('council-agenda-a12-13-26-2013-05-08.en.html'))('the Council agenda of 8 May 2013 (HTML)', () => {
  it('is an agenda of that day, with its items as printed (IA put in before I)', async () => {
    const tree = await parsed('council-agenda-a12-13-26-2013-05-08.en.html')
    expect(tree.meta).toMatchObject({kind: 'agenda', meetingDate: '2013-05-08'})
    expect(items(tree)).toEqual([
      ['IA.', 'Presentation of Petition'],
      ['I.', 'Tabling of Papers'],
      ['II.', 'Questions for Written Replies'],
      ['III.', 'Bills'],
      ['IV.', 'Motion'],
      ['V.', 'Members’ Motions on Subsidiary Legislation and Other Instruments'],
      ['VI.', 'Member’s Bill'],
      ['VII.', 'Members’ Motions']
    ])
  })
  it('lists its 8 subsidiary legislation papers, and 22 questions, each ending with the officer to reply', async () => {
    const tree = await parsed('council-agenda-a12-13-26-2013-05-08.en.html')
    const [tabling, questions] = tree.children.filter((node): node is Section => node.type === 'section').slice(1, 3)
    const [papers] = all<Table>(tabling!, 'table')
    expect(papers!.children.slice(1).map((row) => row.children[2] && all<{type: 'text'; value: string} & Paper>(row.children[2], 'text')[0]?.value)).toEqual([
      '62/2013',
      '63/2013',
      '64/2013',
      '65/2013',
      '66/2013',
      '67/2013',
      '68/2013',
      '69/2013'
    ])
    const asked = questions!.children.filter((node): node is Paragraph => node.type === 'paragraph' && node.number !== null)
    expect(asked.map((paragraph) => paragraph.number)).toEqual(Array.from({length: 22}, (_, k) => String(k + 1)))
    expect(words(asked[0]!).startsWith('Hon Starry LEE to ask: (Translation)')).toBe(true)
    // Each question ends with the officer who replies: after its items (a), (b)…, not inside the last one
    // (after the table, for the two questions that end with one).
    const officers = all<{type: 'text'; value: string} & Paper>(questions!, 'text').filter((text) => text.value.startsWith('Public Officer to reply'))
    expect(officers).toHaveLength(22)
    expect(officers[0]!.value).toBe('Public Officer to reply:Secretary for Education')
    expect(asked.filter((paragraph) => paragraph.children[paragraph.children.length - 1]?.type === 'text')).toHaveLength(20)
    expect(JSON.stringify(all(questions!, 'item'))).not.toContain('Public Officer')
  })
})

describe.skipIf(!files.includes('council-agenda-a13-14-24-2014-04-30.zh.html'))('the Council agenda of 30 April 2014 (HTML, zh)', () => {
  it('is an agenda of that day (its date line `…年…月…日星期三上午11時正`), with its four items', async () => {
    const tree = await parsed('council-agenda-a13-14-24-2014-04-30.zh.html')
    expect(tree.meta).toMatchObject({kind: 'agenda', meetingDate: '2014-04-30', meetingTime: '11:00'})
    expect(items(tree)).toEqual([
      ['I.', '提交文件'],
      ['II.', '以書面答覆的質詢'],
      ['III.', '法案'],
      ['IV.', '議員議案']
    ])
  })
  it('lists its 18 written questions, numbered 1 to 18 (number and asker printed in bold), each asked by a Member', async () => {
    const tree = await parsed('council-agenda-a13-14-24-2014-04-30.zh.html')
    const questions = tree.children.filter((node): node is Section => node.type === 'section')[1]!
    const asked = questions.children.filter((node): node is Paragraph => node.type === 'paragraph' && node.number !== null)
    expect(asked.map((paragraph) => paragraph.number)).toEqual(Array.from({length: 18}, (_, k) => String(k + 1)))
    expect(asked.every((paragraph) => /^\S+議員問$/.test(all<{type: 'text'; value: string} & Paper>(paragraph, 'text')[0]!.value))).toBe(true)
  })
})

const hansard = (lang: 'en' | 'zh') => `council-hansard-2015-04-29.${lang}.html`
function turns(tree: Paper): Speech[] {
  return all<Speech>(tree, 'speech')
}

describe.skipIf(!files.includes(hansard('en')))('the Hansard of 29 April 2015 (HTML, en)', () => {
  it('is a Hansard of that day, its title a line of its own', async () => {
    const tree = await parsed(hansard('en'))
    expect(tree.meta).toMatchObject({kind: 'hansard', meetingDate: '2015-04-29', title: 'OFFICIAL RECORD OF PROCEEDINGS'})
  })
  it('has its attendance groups (the President listed over his name), and its 139 turns', async () => {
    const tree = await parsed(hansard('en'))
    const attendance = tree.children.find((node): node is Attendance => node.type === 'attendance')!
    expect(attendance.children.map((group) => [group.label, group.children.length]).slice(1)).toEqual([
      ['MEMBERS ABSENT', 6],
      ['PUBLIC OFFICERS ATTENDING', 5],
      ['CLERKS IN ATTENDANCE', 4]
    ])
    expect(attendance.children[0]!.label).toBe('MEMBERS PRESENT')
    const all = turns(tree)
    expect(all).toHaveLength(139)
    expect(all.filter((turn) => turn.question !== null)).toHaveLength(19)
    expect(all.slice(0, 4).map((turn) => [turn.speaker, turn.question])).toEqual([
      ['PRESIDENT', null],
      ['MR JEFFREY LAM', '1.'],
      ['SECRETARY FOR COMMERCE AND ECONOMIC DEVELOPMENT', null],
      ['MR NG LEUNG-SING', '2.']
    ])
    expect(tree.children.filter((node): node is Section => node.type === 'section').map((section) => section.title)).toContain('WRITTEN ANSWERS TO QUESTIONS')
  })
})

describe.skipIf(!files.includes(hansard('zh')))('the Hansard of 29 April 2015 (HTML, zh)', () => {
  it('is a Hansard of that day with its four attendance groups and their people', async () => {
    const tree = await parsed(hansard('zh'))
    expect(tree.meta).toMatchObject({kind: 'hansard', meetingDate: '2015-04-29', title: '會議過程正式紀錄'})
    expect(attendanceGroups(tree)).toEqual([
      ['出席議員', 64],
      ['缺席議員', 6],
      ['出席政府官員', 5],
      ['列席秘書', 4]
    ])
    expect(turns(tree)[0]!.speaker).toBe('主席')
  })
  it('has its 139 turns, as the en page: the 19 written questions, their number and asker in bold, each a turn', async () => {
    // Counted on the page: 139 paragraphs that open with a speaker and a colon (`<strong>主席</strong>：`,
    // `<strong>1.</strong><strong> </strong><strong>林健鋒議員</strong>：`, the number even cut in two:
    // `<strong>8</strong><strong>.</strong>`), the same as the English record's turns.
    const tree = await parsed(hansard('zh'))
    const all = turns(tree)
    expect(all).toHaveLength(139)
    expect(all.slice(0, 4).map((turn) => [turn.speaker, turn.question])).toEqual([
      ['主席', null],
      ['林健鋒議員', '1.'],
      ['商務及經濟發展局局長', null],
      ['吳亮星議員', '2.']
    ])
    const asked = all.filter((turn) => turn.question !== null)
    expect(asked.map((turn) => turn.question)).toEqual(Array.from({length: 19}, (_, k) => `${k + 1}.`))
    // Each asker is a Member, answered by a bureau's head in the next turn; question 8 was asked in English (`(譯文)`).
    expect(asked.every((turn) => turn.speaker.endsWith('議員'))).toBe(true)
    expect(asked.every((turn) => all[all.indexOf(turn) + 1]!.speaker.endsWith('局長'))).toBe(true)
    expect(asked[7]).toMatchObject({speaker: '石禮謙議員', language: '(譯文)'})
    // The speaker and the number are the turn's, not its words.
    expect(JSON.stringify(asked[0]!.children[0]).includes('林健鋒')).toBe(false)
    expect(tree.children.filter((node): node is Section => node.type === 'section').map((section) => section.title)).toEqual([
      '提交文件',
      '其他文件',
      '議員質詢的書面答覆',
      '法案',
      '暫停會議'
    ])
  })
})
