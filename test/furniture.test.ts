// Page furniture never eats content (issue 10, item 5): a line is a running header only where there are
// pages, and at the same place on them; a sequence of headings in a text with no pages is content.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../src/emit/markdown.js'
import {parseText} from '../src/parse.js'
import {readPdf} from '../src/read/pdf.js'
import type {Paper, Paragraph, Section} from '../src/tree.js'
import {corpus, fixture, hasCorpus, paragraphs, sections, unaccounted} from './helpers/tree.js'

const headers = (tree: Paper) => tree.furniture.filter((node) => node.kind === 'running-header').map((node) => node.value)
const pageNumbers = (tree: Paper) => tree.furniture.filter((node) => node.kind === 'page-number').map((node) => node.value)
const titles = (tree: Paper) => sections(tree).map((section) => section.title)

/** The issue's reproducer: ten `Question N` headings, each over two numbered paragraphs, and no pages. */
const questions = `PURPOSE\n\n1. Questions.\n${Array.from({length: 10}, (_, n) => `\nQuestion ${n + 1}\n\n${2 * (n + 1)}. Asked ${n + 1}.\n\n${2 * (n + 1) + 1}. Replied.\n`).join('')}`

describe('a text with no pages', () => {
  it('keeps a sequence of headings that differ only in their numbers (Question 1, Question 2, …) as headings', () => {
    const {tree} = parseText(questions)
    expect(headers(tree)).toEqual([])
    expect(titles(tree)).toEqual(['PURPOSE', ...Array.from({length: 10}, (_, n) => `Question ${n + 1}`)])
    expect(unaccounted(questions, tree)).toEqual([])
  })

  it('writes all ten headings to Markdown (the reproducer of the issue)', () => {
    // (`grep -c Question` counts the paragraph `1\. Questions.` too: 11 lines, 10 of them the headings)
    const markdown = toMarkdown(parseText(questions).tree)
    expect(markdown.split('\n').filter((line) => line.startsWith('## Question'))).toHaveLength(10)
  })

  it('keeps the headings of fixtures/en-numbered-headings.txt (Question 1 to 5), each over its two paragraphs', () => {
    const {tree} = parseText(fixture('en-numbered-headings.txt'))
    expect(headers(tree)).toEqual([])
    const own = (section: Section) => section.children.filter((child) => child.type === 'paragraph').map((p) => (p as Paragraph).number)
    expect(sections(tree).map((section) => [section.depth, section.title, own(section)])).toEqual([
      [1, 'Purpose', ['1']],
      [2, 'Question 1', ['2', '3']],
      [2, 'Question 2', ['4', '5']],
      [2, 'Question 3', ['6', '7']],
      [2, 'Question 4', ['8', '9']],
      [2, 'Question 5', ['10', '11']]
    ])
  })

  it('keeps the parts of a Chinese paper (第1部分, 第2部分, …) as headings', () => {
    const text = `目的\n\n1. 本文件分為十五部分。\n${Array.from({length: 15}, (_, n) => `\n第${n + 1}部分\n\n${n + 2}. 這是第${n + 1}部分的內容。\n`).join('')}`
    const {tree} = parseText(text)
    expect(headers(tree)).toEqual([])
    expect(titles(tree)).toEqual(['目的', ...Array.from({length: 15}, (_, n) => `第${n + 1}部分`)])
  })
})

/** Words that make each page's lines differ in more than their digits. */
const TOPICS = ['housing', 'transport', 'education', 'health', 'welfare', 'security', 'planning', 'finance']

describe('a text whose pages are seen only through their numbers', () => {
  /** Eight pages of a paper: each ends with its number, the next starts with the running header. */
  const paged = (header: string) =>
    TOPICS.map(
      (topic, n) =>
        `${n ? `${header}\n\n` : 'Purpose\n\n'}${n + 1}. Members noted the progress of the ${topic} project.\n\nThe Administration said the ${topic} work went on.\n` +
        `Members asked when the ${topic} review would end.\nThe Administration said the ${topic} review would end soon.\n\n` +
        `Members asked for a paper on the ${topic} review.\nThe Administration agreed to send the ${topic} paper.\n\n- ${n + 1} -\n`
    ).join('\n')

  it('marks the line repeated beside every page number as a running header', () => {
    const text = paged('Panel on Housing')
    const {tree} = parseText(text)
    expect(pageNumbers(tree)).toEqual(['- 1 -', '- 2 -', '- 3 -', '- 4 -', '- 5 -', '- 6 -', '- 7 -', '- 8 -'])
    expect(headers(tree)).toEqual(Array.from({length: 7}, () => 'Panel on Housing'))
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    expect(unaccounted(text, tree)).toEqual([])
  })

  it('reads a header two lines from the page number (a header of two lines) as a running header too', () => {
    const text = paged('LEGISLATIVE COUNCIL\nPanel on Housing')
    expect(headers(parseText(text).tree)).toEqual(Array.from({length: 14}, (_, n) => (n % 2 ? 'Panel on Housing' : 'LEGISLATIVE COUNCIL')))
  })

  it('keeps headings that repeat away from the page numbers as content, even one that follows a page number', () => {
    const text = `${paged('Panel on Housing')}\n${questions.slice(questions.indexOf('\nQuestion 1'))}`
    const {tree} = parseText(text)
    expect(headers(tree)).toHaveLength(7)
    expect(titles(tree).filter((title) => title.startsWith('Question'))).toEqual(Array.from({length: 10}, (_, n) => `Question ${n + 1}`))
  })
})

describe('bare page numbers in a text with no blank lines and no running header', () => {
  /**
   * Twelve lines a page, each in words of its own (lines alike but for their
   * digits would be running headers); each page's last sentence runs on past
   * its number, `2`, `3`, … alone on a line.
   */
  const lines = (page: number) =>
    Array.from({length: 12}, (_, n) => {
      const k = page * 12 + n
      return `The committee studied the ${TOPICS[k % 8]} report of the ${TOPICS[Math.floor(k / 8) % 8]} team and the`
    })
  const paper = (pages: number, cut: (page: number) => string) =>
    `Purpose\n1. Members noted the report, and\n${Array.from({length: pages}, (_, page) => `${lines(page).join('\n')}\n${cut(page)}`).join('\n')}\nend of the report.\n`

  it('marks numbers that count up by one, a page apart, across running sentences, as page numbers', () => {
    const text = paper(4, (page) => String(page + 2))
    const {tree} = parseText(text)
    expect(pageNumbers(tree)).toEqual(['2', '3', '4', '5'])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1'])
    expect(unaccounted(text, tree)).toEqual([])
  })

  it('keeps numbers that stand after finished sentences, over headings, as content', () => {
    const text = `Purpose\n${[1, 2, 3, 4].map((n) => `${n}\nThe ${TOPICS[n]} review\n${lines(n).join('\n')} the end.`).join('\n')}\n`
    expect(pageNumbers(parseText(text).tree)).toEqual([])
  })

  it('keeps a run of numbers one line apart (a column of a table) as content', () => {
    const text = `Purpose\n1. The report and\n${[2, 3, 4, 5].map((n) => `${n}\nthe item of row ${n} and`).join('\n')}\nthe end.\n`
    expect(pageNumbers(parseText(text).tree)).toEqual([])
  })

  it('takes no page number that a word before it cites as a footnote', () => {
    const text = paper(4, (page) => String(page + 2)).replace('Members noted the report,', 'Members noted the report (IT)3,')
    expect(pageNumbers(parseText(text).tree)).not.toContain('3')
  })
})

describe('a paper-number line beside a page number', () => {
  const agenda = (listed: string) =>
    [
      '立法會CB(2)900/04-05號文件',
      '',
      '福利事務委員會',
      '',
      '會議議程',
      '',
      'I. 確認通過會議紀要',
      '',
      '立法會CB(2)832/04-05號文件',
      '',
      '- 1 -',
      '',
      listed,
      '(隨附於後)',
      '',
      'II. 其他事項',
      ''
    ].join('\n')

  it('is the running header when it repeats a number the paper prints elsewhere (its own, in the header)', () => {
    const {tree} = parseText(agenda('立法會CB(2)900/04-05號文件'))
    expect(headers(tree)).toEqual(['立法會CB(2)900/04-05號文件'])
  })

  it('is content when the number stands once: a paper an agenda lists at the top of a page', () => {
    const {tree} = parseText(agenda('立法會CB(2)833/04-05號文件'))
    expect(headers(tree)).toEqual([])
    expect(pageNumbers(tree)).toEqual(['- 1 -'])
    expect(toMarkdown(tree)).toContain('立法會CB(2)833/04-05號文件')
  })
})

describe('a text with page breaks (form feeds)', () => {
  /** Six pages of two paragraphs; `top` is printed at the top of the pages it is given for. */
  const page = (n: number) => `${2 * n + 1}. The first paragraph of page ${n + 1}.\n\nIt is about ${TOPICS[n]}.\n\n${2 * n + 2}. The second paragraph.\n`

  it('marks a line at the top of every page as a running header, with no page number to go by', () => {
    const {tree} = parseText(Array.from({length: 6}, (_, n) => `Subcommittee on Buildings\n\n${page(n)}`).join('\f'))
    // The first is the paper's own header line.
    expect(headers(tree)).toEqual(Array.from({length: 5}, () => 'Subcommittee on Buildings'))
  })

  it('keeps a line that is at the top of some pages and the foot of others as content: it is not at the same place', () => {
    // `Note N` heads pages 2 and 4 and ends pages 3 and 5: at either edge alone, on too few pages.
    const text = Array.from({length: 6}, (_, n) =>
      n === 1 || n === 3 ? `Note ${n + 1}\n\n${page(n)}` : n === 2 || n === 4 ? `${page(n)}\nNote ${n + 1}\n` : page(n)
    ).join('\f')
    const {tree} = parseText(text)
    expect(headers(tree)).toEqual([])
    expect(unaccounted(text, tree)).toEqual([])
  })
})

describe.skipIf(!hasCorpus)('a PDF of the corpus', () => {
  it('takes the line at the top of the pages of the 50-paper bundle for a running header, each time among the first two lines of its page', async () => {
    const {text, pages} = await readPdf(readFileSync(join(corpus, 'pdf', 'cb3-662-351-400-ec.zh.pdf')))
    const {tree} = parseText(text, {pages})
    const found = tree.furniture.filter((node) => node.kind === 'running-header')
    expect(found.length).toBeGreaterThanOrEqual(40)
    for (const node of found) {
      const page = pages.find((span) => span.start <= node.position.start.offset && node.position.start.offset < span.end)!
      const above = text
        .slice(page.start, node.position.start.offset)
        .split('\n')
        .filter((line) => line.trim())
      expect(above.length).toBeLessThan(2)
    }
    expect(unaccounted(text, tree)).toEqual([])
  }, 60_000)
})
