// Markdown input (issue 14, item 1, second half): .md and --from md are read by remark-parse with GFM and mapped
// into the tree text input gives; .txt stays on the line path. Each fixture in fixtures/md/ shows one behaviour.
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/index.js'
import {parseMarkdownText} from '../src/parse-markdown.js'
import {parseText} from '../src/parse.js'
import {BIG_TABLE, markdownText} from '../src/read/markdown.js'
import type {Footnote, FootnoteReference, Item, Node, Paper, Paragraph, Section, Table} from '../src/tree.js'
import {all, items, ownText, paragraphs, positionErrors, root, schemaErrors, sections, seedPath, shape, unaccounted} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')
const md = (name: string) => readFileSync(join(root, 'fixtures/md', name), 'utf8')
const tree = (name: string) => parseMarkdownText(md(name)).tree
const numbered = (paper: Paper) => paragraphs(paper).map((p) => [p.number, p.marker, ownText(p)])
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], {cwd: root, encoding: 'utf8', input})

/** The source text a node's position covers. */
const at = (source: string, node: Node) => source.slice(node.position.start.offset, node.position.end.offset)

const FIXTURES = [
  'short-lines.md',
  'escaped-number.md',
  'gfm-table.md',
  'footnote.md',
  'nested-list.md',
  'line-splits.md',
  'setext-heading.md',
  'standard-word.md',
  'unmarked-headings.md'
]

describe('headings in Markdown', () => {
  it('a plain short line is a paragraph, not a heading (the line path makes it a heading)', () => {
    const paper = tree('short-lines.md')
    expect(sections(paper).map((s) => s.title)).toEqual(['Background'])
    // (a paragraph, numbered 1 by inference before paragraph 2, as text input numbers it)
    expect(paragraphs(paper)[0]!.inferred).toBe(true)
    expect(numbered(paper)).toEqual([
      ['1', null, 'Members asked about it'],
      ['2', '2.', 'Members asked about the plan for the new depot.'],
      ['3', '3.', 'The plan was set out in the paper.']
    ])
    // The same file on the line path: the short line is read as a sub-heading.
    expect(sections(parseText(md('short-lines.md')).tree).map((s) => s.title)).toEqual(['Background', 'Members asked about it'])
  })

  it('a standard heading word on a line of its own is still a heading; another short line is not', () => {
    const paper = tree('standard-word.md')
    expect(sections(paper).map((s) => [s.title, s.key])).toEqual([
      ['Timetable of the works', null],
      ['Purpose', 'purpose']
    ])
    // The short line is more of paragraph 1 (an unnumbered block after a numbered paragraph is, in text too).
    expect(numbered(paper).map(([number, , text]) => [number, text])).toEqual([
      ['1', 'This note describes the timetable.A short plain line'],
      ['2', 'The work will start next year.']
    ])
  })

  it("Markdown that marks no heading at all (a converter's text of a PDF) has its short lines read as headings, as text has", () => {
    const paper = tree('unmarked-headings.md')
    expect(sections(paper).map((s) => s.title)).toEqual(['車輛配額的影響', '分配機制'])
    // Each heading stands apart from the paragraph under it (before, the two were one paragraph).
    expect(paragraphs(paper).map(ownText)).toEqual([
      '本會就條例草案提交意見書，供委員參考。本會一直支持政府的政策方向。',
      '政府建議首階段將車輛許可證數目上限訂為一萬個，該水平顯著低於實際需求。',
      '我們建議許可證應優先分配予現有司機。'
    ])
    // One `#` heading anywhere and the Markdown is taken at its word: the short lines are paragraphs again.
    const marked = parseMarkdownText(`# 意見書\n\n${md('unmarked-headings.md')}`).tree
    expect(sections(marked).map((s) => s.title)).toEqual(['意見書'])
  })

  it('setext headings are headings of their depth', () => {
    const source = md('setext-heading.md')
    const paper = parseMarkdownText(source).tree
    expect(sections(paper).map((s) => [s.title, s.depth, s.key])).toEqual([
      ['Purpose', 1, 'purpose'],
      ['Plan of work', 2, null]
    ])
    // the underline is markup: the section starts at its title; the underlines are furniture
    expect(at(source, sections(paper)[1]!).startsWith('Plan of work')).toBe(true)
    expect(paper.furniture.map((node) => [node.kind, node.value])).toEqual([
      ['markup', '======='],
      ['markup', '------------']
    ])
  })
})

describe('paragraphs, items, tables and notes', () => {
  it('an escaped number (2\\.) is the printed paragraph number, its position over the escape in the .md', () => {
    const source = md('escaped-number.md')
    const paper = parseMarkdownText(source).tree
    expect(numbered(paper)).toEqual([
      ['1', '1.', '本文件旨在說明擬議的安排。'],
      ['2', '2.', '委員會曾於會上討論。']
    ])
    expect(at(source, paragraphs(paper)[0]!)).toBe('1\\. 本文件旨在說明擬議的安排。')
    // the tree text input gives for the same printed text
    expect(shape(paper)).toEqual(shape(parseText('# 目的\n\n1. 本文件旨在說明擬議的安排。\n\n2. 委員會曾於會上討論。\n').tree))
  })

  it('within one remark paragraph, a paragraph marker or item label starting a line still starts a paragraph or item', () => {
    const paper = tree('line-splits.md')
    expect(numbered(paper)).toEqual([
      ['2', '2.', 'The Panel discussed the matter.'],
      ['3', '3.', 'Members noted the reply:']
    ])
    expect(items(paper).map((item: Item) => [item.label, ownText(item)])).toEqual([
      ['a', 'the first point; and'],
      ['b', 'the second point.']
    ])
  })

  it('a nested list gives items with their printed labels, the inner ones inside the outer', () => {
    const paper = tree('nested-list.md')
    const paragraph = paragraphs(paper)[0]!
    const outer = paragraph.children.filter((child): child is Item => child.type === 'item')
    expect(outer.map((item) => [item.label, item.marker])).toEqual([
      ['a', '(a)'],
      ['b', '(b)']
    ])
    expect(
      items(outer[0]!)
        .slice(1)
        .map((item) => [item.label, item.style, ownText(item)])
    ).toEqual([
      ['i', 'lower-roman', '第一階段；'],
      ['ii', 'lower-roman', '第二階段；及']
    ])
  })

  it('a GFM table is a table node: its rows and cells, an escaped | inside a cell, the delimiter row as markup', () => {
    const source = md('gfm-table.md')
    const paper = parseMarkdownText(source).tree
    const [table] = all<Table>(paper, 'table')
    expect(table!.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')))).toEqual([
      ['Year', 'Cases'],
      ['2022', '12'],
      ['2023', '15 | est.']
    ])
    expect(paper.furniture.map((node) => [node.kind, node.value])).toEqual([['markup', '| :--- | ----: |']])
    expect(at(source, table!.children[2]!)).toBe('| 2023 | 15 \\| est. |')
  })

  it('a GFM footnote is a footnote, its reference a footnoteReference', () => {
    const source = md('footnote.md')
    const paper = parseMarkdownText(source).tree
    const [note] = all<Footnote>(paper, 'footnote')
    expect([note!.identifier, ownText(note as unknown as Paragraph)]).toEqual(['1', 'Set up in July 2004.'])
    const [reference] = all<FootnoteReference>(paper, 'footnoteReference')
    expect(reference!.identifier).toBe('1')
    expect(at(source, reference!)).toBe('[^1]')
  })
})

describe('every fixture: nothing lost, valid, positions into the .md as given', () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const source = md(name)
      const paper = parseMarkdownText(source).tree
      expect(unaccounted(source, paper)).toEqual([])
      expect(schemaErrors(paper)).toEqual([])
      expect(positionErrors(source, paper)).toEqual([])
      expect(paper.position.end.offset).toBe(source.length)
    })
  }

  it("front matter (our own Markdown's meta) is furniture, and CRLF line ends map back too", () => {
    const source = '---\r\nlang: en\r\n---\r\n\r\n# Purpose\r\n\r\n1\\. The plan.\r\n'
    const paper = parseMarkdownText(source).tree
    expect(paper.furniture.map((node) => node.kind)).toEqual(['front-matter', 'front-matter', 'front-matter'])
    expect(numbered(paper)).toEqual([['1', '1.', 'The plan.']])
    expect(positionErrors(source, paper)).toEqual([])
    expect(at(source, paragraphs(paper)[0]!)).toBe('1\\. The plan.')
  })
})

describe('very large tables', () => {
  it(`a table past ${BIG_TABLE} rows is read from its lines, every row a row, positions into the .md`, () => {
    const rows = Array.from({length: 600}, (_, k) => `| ${k} | 項目 ${k} |`)
    const source = `# Background\n\n1\\. The list:\n\n| No. | Item |\n| --- | --- |\n${rows.join('\n')}\n\n2\\. After the table.\n`
    const {text} = markdownText(source)
    // the table's lines are copied as they stand (remark never saw them)
    expect(text).toContain(`| --- | --- |\n${rows.join('\n')}\n`)
    const paper = parseMarkdownText(source).tree
    const [table] = all<Table>(paper, 'table')
    expect(table!.children.length).toBe(601)
    expect(at(source, table!.children[600]!)).toBe('| 599 | 項目 599 |')
    expect(numbered(paper).map(([number]) => number)).toEqual(['1', '2'])
    expect(positionErrors(source, paper)).toEqual([])
    expect(unaccounted(source, paper)).toEqual([])
  })
})

describe('the library and the CLI', () => {
  it('parseMarkdown (from legco) takes a string or the bytes of a text file', async () => {
    const source = md('short-lines.md')
    const fromString = await parseMarkdown(source)
    const fromBytes = await parseMarkdown(new TextEncoder().encode(source))
    expect(shape(fromBytes.tree)).toEqual(shape(fromString.tree))
    expect(sections(fromString.tree).length).toBe(1)
  })

  it('legco parse x.md takes the Markdown path; --from text the line path; --from md reads stdin as Markdown', () => {
    const titles = (json: string) => sections(JSON.parse(json) as Paper).map((s: Section) => s.title)
    const file = 'fixtures/md/short-lines.md'
    expect(titles(cli(['parse', file, '-q']).stdout)).toEqual(['Background'])
    expect(titles(cli(['parse', file, '-q', '--from', 'text']).stdout)).toEqual(['Background', 'Members asked about it'])
    expect(titles(cli(['parse', '-', '-q', '--from', 'md'], md('short-lines.md')).stdout)).toEqual(['Background'])
    expect(titles(cli(['parse', '-', '-q'], md('short-lines.md')).stdout)).toEqual(['Background', 'Members asked about it'])
    const bad = cli(['parse', file, '--from', 'rst'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--from/)
  })

  it('legco parse --help explains --from', () => {
    const help = cli(['parse', '--help']).stdout.replace(/\s+/g, ' ')
    expect(help).toMatch(/--from <reader>/)
    expect(help).toMatch(/\.md and \.markdown are md/)
  })

  it('a cold legco parse of a .txt loads no Markdown module; of a .md it does', () => {
    const hook = `export async function resolve(specifier, context, next) { if (/remark|micromark|mdast-util-from|read\\/markdown/.test(specifier)) process._rawDebug('LOADED ' + specifier); return next(specifier, context) }`
    const preload = `import {register} from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}))`
    const loads = (path: string) =>
      spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, bin, 'parse', path, '-q'], {
        encoding: 'utf8'
      }).stderr.match(/LOADED \S+/g) ?? []
    expect(loads(seedPath)).toEqual([])
    expect(loads(join(root, 'fixtures/md/short-lines.md')).length).toBeGreaterThan(0)
  })
})

describe('legco check --fix on a .md file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'legco-md-fix-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('writes the fixed Markdown: a full-width paragraph number becomes 1\\. (escaped, so no renderer renumbers it)', () => {
    const file = join(dir, 'paper.md')
    writeFileSync(file, '# 背景\n\n１. 第一段。\n\n２. 第二段。\n')
    const result = cli(['check', file, '--fix', '--rule', 'header-fields=off'])
    expect(result.status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('# 背景\n\n1\\. 第一段。\n\n2\\. 第二段。\n')
    // and the fixed file parses to the paragraphs 1 and 2
    expect(numbered(parseMarkdownText(readFileSync(file, 'utf8')).tree).map(([number]) => number)).toEqual(['1', '2'])
  })

  it('--fix-dry-run shows the Markdown diff and writes nothing', () => {
    const file = join(dir, 'dry.md')
    copyFileSync(join(root, 'fixtures/md/escaped-number.md'), file)
    writeFileSync(file, readFileSync(file, 'utf8').replace('1\\.', '１.'))
    const before = readFileSync(file, 'utf8')
    const result = cli(['check', file, '--fix-dry-run', '--rule', 'header-fields=off'])
    expect(result.stdout).toContain('-１. 本文件旨在說明擬議的安排。')
    expect(result.stdout).toContain('+1\\. 本文件旨在說明擬議的安排。')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})
