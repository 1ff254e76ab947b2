// HTML pages as input (issue 13): the reader's facts on fixtures of our own, one behaviour each.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../src/index.js'
import {parse} from '../src/index.js'
import {toMarkdown} from '../src/emit/markdown.js'
import {readHtml} from '../src/read/html.js'
import {loadHtml} from '../src/read/html-load.js'
import {looksLikeHtml} from '../src/read/html-sniff.js'
import {load} from '../src/read/input.js'
import type {Paper, Table} from '../src/tree.js'
import {lost} from './helpers/html.js'
import {all, corpus, items, paragraphs, positionErrors, root, schemaErrors, sections} from './helpers/tree.js'

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(root, 'fixtures/html', name)))

async function page(name: string) {
  const bytes = bytesOf(name)
  const loaded = await load(bytes, name)
  const result = await parseDocument(bytes, name)
  return {...result, source: loaded.origin!.source, text: loaded.text}
}

function checkInvariants(source: string, tree: Paper): void {
  expect(positionErrors(source, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  expect(lost(source, tree)).toEqual([])
}

describe('HTML detection', () => {
  const ascii = (s: string) => new TextEncoder().encode(s)
  it('by content: doctype, <html>, a leading tag after a BOM or an XML declaration', () => {
    expect(looksLikeHtml(ascii('<!DOCTYPE html><p>x'))).toBe(true)
    expect(looksLikeHtml(ascii('\ufeff<html><body>x'))).toBe(true)
    expect(looksLikeHtml(ascii('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "x">'))).toBe(true)
    expect(looksLikeHtml(ascii('  <head><title>x</title></head>'))).toBe(true)
    expect(looksLikeHtml(ascii('1. <b>not</b> a page'))).toBe(false)
    expect(looksLikeHtml(ascii('<!-- a Markdown comment -->\n# Title'))).toBe(false)
  })
  it('by extension, whatever the content starts with', async () => {
    const loaded = await load(ascii('<p>1. A fragment of a page.</p>'), 'fragment.htm')
    expect(loaded.encoding).toBe('html (UTF-8)')
    expect(loaded.text).toBe('1. A fragment of a page.\n\n')
  })
  it('an .html that is binary is refused as before (exit 2)', async () => {
    await expect(load(new Uint8Array([0x3c, 0x68, 0, 1, 2, 3, 0, 0, 9, 0]), 'x.html')).rejects.toMatchObject({exitCode: 2})
  })
  it('parse() of HTML bytes points to parseDocument()', () => {
    expect(() => parse(bytesOf('table-colspan.html'))).toThrow(/parseDocument/)
  })
})

describe('a table with colspan', () => {
  it('rows are tab-separated lines, a colspan gives empty cells, empty rows are left out', async () => {
    const {tree, text, source} = await page('table-colspan.html')
    expect(text).toContain(
      'Date\tMeeting\tVenue\n3 May\tPanel meeting (venue to be announced)\tRoom 3\nJoint meeting\t\tRoom 1\n10 May\tSubcommittee\tRoom 2\n'
    )
    const [table] = all<Table>(tree, 'table')
    // A colspan's empty cell (the tab pair above) is a cell of the row: every row has the table's columns.
    expect(table!.children.map((row) => row.children.length)).toEqual([3, 3, 3, 3])
    expect(table!.children[2]!.children.map((cell) => cell.children.length)).toEqual([1, 0, 1])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
    checkInvariants(source, tree)
  })
  it('positions point into the HTML source', async () => {
    const {tree, source} = await page('table-colspan.html')
    const [table] = all<Table>(tree, 'table')
    const cell = table!.children[1]!.children[1]!
    expect(source.slice(cell.position.start.offset, cell.position.end.offset)).toBe('Panel meeting (venue to be announced)')
    const first = paragraphs(tree)[0]!
    expect(source.slice(first.position.start.offset, first.position.end.offset)).toBe('1. The table below lists the meetings.')
    expect(first.position.start.line).toBe(4)
    expect(first.position.start.column).toBe(4)
    expect(tree.furniture.map((f) => f.kind)).toEqual(['markup'])
  })
})

describe('a table with empty cells', () => {
  const texts = (table: Table) => table.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')))
  it('every row keeps its columns: empty cells first, between, last, under a colspan', async () => {
    const {tree, source} = await page('table-empty-cells.html')
    const [table] = all<Table>(tree, 'table')
    expect(texts(table!)).toEqual([
      ['Item', '2023', '2024', 'Note'],
      ['Licence', '$100', '$120', ''],
      ['', '$50', '', 'renewal only'],
      ['Permit', 'waived', '', '(a)'],
      ['', '', '$80', '']
    ])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
    // A cell's words point at their place in the page; an empty cell stands inside its row.
    const cell = table!.children[4]!.children[2]!
    expect(source.slice(cell.position.start.offset, cell.position.end.offset)).toBe('$80')
    checkInvariants(source, tree)
  })
})

describe('a table with rowspan', () => {
  const texts = (table: Table) => table.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')))
  it('a rowspan leaves an empty cell in each row it spans, so that the columns stay aligned', async () => {
    const {tree, text, source} = await page('table-rowspan.html')
    expect(text).toContain('June\tKai Tak\t5\n\tTung Chung\t4\nJuly\tSha Tin\t6\nAugust\tTai Po\t\nSeptember\tYuen Long\t\n')
    const [table] = all<Table>(tree, 'table')
    expect(texts(table!)).toEqual([
      ['Month', 'Place', 'Members'],
      ['June', 'Kai Tak', '5'],
      ['', 'Tung Chung', '4'],
      ['July', 'Sha Tin', '6'],
      ['August', 'Tai Po', ''],
      ['September', 'Yuen Long', '']
    ])
    // The empty cell under a rowspan stands inside its own row; the words after it point at their cell.
    const row = table!.children[2]!
    expect(row.children[0]!.position.start.offset).toBeGreaterThanOrEqual(row.position.start.offset)
    const cell = row.children[1]!
    expect(source.slice(cell.position.start.offset, cell.position.end.offset)).toBe('Tung Chung')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
    checkInvariants(source, tree)
  })
  const rows = (body: string) =>
    readHtml(`<html><head></head><body><table>${body}</table></body></html>`)
      .text.split('\n')
      .filter((line) => line.trim())
  it('with a colspan it covers every column of the cell; rowspan="0" the rest of its row group; a row group ends every span', () => {
    expect(rows('<tr><td rowspan="2" colspan="2">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr>')).toEqual([
      'a\t\tb',
      '\t\tc',
      'd\te\tf'
    ])
    expect(rows('<tr><td>a</td><td rowspan="0">b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr><tr><td>f</td><td>g</td></tr>')).toEqual([
      'a\tb\tc',
      'd\t\te',
      'f\t\tg'
    ])
    expect(rows('<thead><tr><td rowspan="3">a</td><td>b</td></tr></thead><tbody><tr><td>c</td><td>d</td></tr></tbody>')).toEqual(['a\tb', 'c\td'])
    // A row that writes the cell under the rowspan itself (AbiWord's export: an empty `<td>` there) gets none more.
    expect(rows('<tr><td rowspan="2">a</td><td>b</td><td>c</td></tr><tr><td></td><td>d</td><td>e</td></tr><tr><td>f</td><td>g</td><td>h</td></tr>')).toEqual([
      'a\tb\tc',
      '\td\te',
      'f\tg\th'
    ])
    // An empty or bad rowspan spans nothing (pydocx writes `rowspan=""` on every cell).
    expect(rows('<tr><td rowspan="">a</td><td rowspan="x">b</td></tr><tr><td>c</td><td>d</td></tr>')).toEqual(['a\tb', 'c\td'])
  })
})

describe("a Chinese Council agenda's date line", () => {
  // The line under `議程` gives the day and the hour, as `Wednesday 8 May 2013 at 11:00 am` does in English.
  const agenda = (dateLine: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>A 24/25-9</p><p><strong>立法會</strong></p><p><strong>議程</strong></p><p><strong>${dateLine}</strong></p><p><strong>I. 提交文件</strong></p><table><tr><td>1.</td><td>《某某規例》</td><td>1/2025</td></tr></table><p><strong>II. 議員議案</strong></p><p>某某議員動議的議案</p></body></html>`
  it('is the meeting line: the meeting date and time, with or without brackets round the weekday', async () => {
    for (const [line, time] of [
      ['2025年1月8日星期三上午11時正', '11:00'],
      ['2025年1月8日(星期三)下午2時30分', '14:30']
    ] as const) {
      const {tree} = await parseDocument(new TextEncoder().encode(agenda(line)), 'agenda.html')
      expect(tree.meta).toMatchObject({kind: 'agenda', title: '議程', meetingDate: '2025-01-08', meetingTime: time})
      expect(tree.children.find((node) => node.type === 'header')).toMatchObject({
        children: expect.arrayContaining([expect.objectContaining({name: 'meeting', value: line})])
      })
    }
  })
  it('a date with an hour but no half of the day is not taken for the meeting line', async () => {
    const {tree} = await parseDocument(new TextEncoder().encode(agenda('2025年1月8日11時')), 'agenda.html')
    expect(tree.meta.meetingDate).toBeNull()
  })
})

describe('a paragraph number in bold', () => {
  const text = (body: string) => readHtml(`<html><head></head><body>${body}</body></html>`).text
  it("is written before the bold, as the line's number: a turn's asker stays in bold after it", () => {
    expect(text('<p><strong>1.</strong><strong> </strong><strong>陳大文議員</strong>：主席，請問。</p>')).toBe('1. **陳大文議員**：主席，請問。\n\n')
    // The number cut in two runs; one run holding number and name.
    expect(text('<p><b>8</b><b>.</b><b> </b><b>陳大文議員</b>(譯文)：主席。</p>')).toBe('8. **陳大文議員**(譯文)：主席。\n\n')
    expect(text('<p><strong>12. MR CHAN</strong> (in Cantonese): President.</p>')).toBe('12. **MR CHAN** (in Cantonese): President.\n\n')
    // A Council agenda's question for a written reply: its star stays with the number.
    expect(text('<p><strong>*7.</strong> <strong>Hon CHAN Tai-man to ask:</strong> (Translation)</p>')).toBe(
      '*7. **Hon CHAN Tai-man to ask:** (Translation)\n\n'
    )
  })
  it('a starred number starts the paragraph of that number, marker as printed, and comes back from our Markdown', async () => {
    const html =
      '<html><body><p><strong>6.</strong> <strong>Hon A to ask:</strong> Will it?</p><p><strong>*7.</strong> <strong>Hon B to ask:</strong> Will it?</p></body></html>'
    const {tree} = await parseDocument(new TextEncoder().encode(html), 'agenda.html')
    expect(paragraphs(tree).map((p) => [p.number, p.marker])).toEqual([
      ['6', '6.'],
      ['7', '*7.']
    ])
    const again = parse(toMarkdown(tree))
    expect(paragraphs(again).map((p) => [p.number, p.marker])).toEqual([
      ['6', '6.'],
      ['7', '*7.']
    ])
  })
  it("not a decimal, nor a number after the line's first words, nor in a line all bold", () => {
    expect(text('<p><strong>1.5 million</strong> people</p>')).toBe('**1.5 million** people\n\n')
    expect(text('<p>See <strong>2. Background</strong> above</p>')).toBe('See **2. Background** above\n\n')
    expect(text('<p><strong>3. Background</strong></p>')).toBe('3. Background\n\n')
  })
})

describe('a Big5 page with a meta charset', () => {
  it('decodes Big5 with Hong Kong characters', async () => {
    const {tree, source, encoding} = await page('big5-meta.html').then(async (p) => ({...p, encoding: (await load(bytesOf('big5-meta.html'), 'x')).encoding}))
    expect(encoding).toBe('html (Big5)')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
    expect(JSON.stringify(tree)).toContain('佢哋嘅意見')
    expect(tree.lang).toBe('zh-Hant')
    checkInvariants(source, tree)
  })
  it('a wrong declared charset is a warning, the page read as what it is', async () => {
    const {tree, messages, source} = await page('wrong-charset.html')
    expect(messages.find((m) => m.ruleId === 'read/html-charset')?.reason).toMatch(/declares charset big5 but its bytes are UTF-8/)
    expect(JSON.stringify(tree)).toContain('café')
    expect(JSON.stringify(tree)).toContain('éjà vu')
    checkInvariants(source, tree)
  })
})

describe('an ol with start', () => {
  it('items get the labels a browser shows: start, type, value', async () => {
    const {tree, text, source} = await page('ol-start.html')
    expect(text).toContain('(c) review the fees;\n(d) consult the trade; and\n(e) report to the Panel.\n')
    expect(text).toContain('7. seventh point\n10. tenth point\n')
    const four = paragraphs(tree).find((p) => p.number === '4')!
    expect(items(four).map((item) => item.label)).toEqual(['c', 'd', 'e'])
    checkInvariants(source, tree)
  })
})

describe('a page with a menu and a footer', () => {
  it('head, script, style, comments, menus and site lines are furniture nodes, not text', async () => {
    const {tree, source} = await page('menu-footer.html')
    expect(tree.furniture.map((f) => [f.kind, f.value])).toEqual([
      ['markup', 'Panel paper body { font-family: serif } var tracking = "not text";'],
      ['site-header', 'Home | Papers | Contact'],
      ['site-header', 'English | 繁體 | 简体'],
      ['comment', '<!-- generated by the site -->'],
      ['site-header', 'Back to top'],
      ['web-footer', 'Last Updated on 12 June 2004']
    ])
    for (const f of tree.furniture) expect(source.slice(f.position.start.offset, f.position.end.offset)).toContain(f.value.slice(0, 4))
    expect(sections(tree).map((s) => s.key)).toEqual(['purpose', 'background'])
    checkInvariants(source, tree)
  })
  it('entities and &nbsp; are decoded, and positions still land on the source', async () => {
    const {tree, source} = await page('menu-footer.html')
    const first = paragraphs(tree)[0]!
    expect(JSON.stringify(first)).toContain('the plan & the budget for the project.')
    expect(source.slice(first.position.start.offset, first.position.end.offset)).toBe('1. This paper sets out the plan &amp; the budget for the&nbsp;project.')
  })
})

describe('a sup footnote', () => {
  it('a number in sup inside a line is a footnote reference', async () => {
    const {tree, text, source} = await page('sup-footnote.html')
    expect(text).toContain('in 2010[^1] and again')
    const [ref] = all<{type: 'footnoteReference'; identifier: string} & Paper>(tree, 'footnoteReference')
    expect(ref?.identifier).toBe('1')
    expect(source.slice(ref!.position.start.offset, ref!.position.end.offset)).toMatch(/^1/)
    checkInvariants(source, tree)
  })
})

describe('a truncated page', () => {
  it('still parses, with a warning saying what was recovered', async () => {
    const {tree, messages, source} = await page('truncated.html')
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
    const warning = messages.find((m) => m.ruleId === 'read/html-truncated')
    expect(warning?.reason).toMatch(/cut short.*2 lines of text were recovered/)
    checkInvariants(source, tree)
  })
  it('a menu page is a paper with no structure', async () => {
    const {origin, text} = readHtml(
      '<html><body><ul><li><a href="a">Council</a></li><li><a href="b">Committees</a></li></ul><p><a href="/">Home</a> | <a href="/s">Sitemap</a></p></body></html>'
    ) as never as {origin: unknown; text: string}
    void origin
    expect(text).toBe('• Council\n• Committees\n\n')
    const loaded = loadHtml(new TextEncoder().encode('<html><body><p><a href="/">Home</a> | <a href="/s">Sitemap</a></p><p>Page not found</p></body></html>'))
    expect('ok' in loaded).toBe(false === 'text' in loaded)
    const result = await parseDocument(
      new TextEncoder().encode('<html><body><p><a href="/">Home</a> | <a href="/s">Sitemap</a></p><p>Page not found</p></body></html>')
    )
    expect(result.messages.map((m) => m.ruleId)).toContain('parse/no-structure')
  })
})

describe('bad input, through the CLI', () => {
  const bin = join(root, 'bin/legco.cjs')
  const dir = mkdtempSync(join(tmpdir(), 'legco-html-'))
  const legco = (name: string, content: string | Buffer) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    const result = spawnSync(process.execPath, [bin, 'parse', path, '-f', 'md'], {timeout: 60_000})
    return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
  }
  const oneWarning = (stderr: string, rule: string) => {
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(new RegExp(`warning .* ${rule}\\n$`))
  }
  it('an error page (a title and a sentence) is no paper: the no-structure warning, as for its text', () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>\n<h1>Not Found</h1>\n<p>The requested URL /yr12-13/x.htm was not found on this server.</p>\n</body></html>\n'
    const {code, stdout, stderr} = legco('error.html', page)
    expect(code).toBe(0)
    expect(stdout).toContain('was not found on this server.')
    oneWarning(stderr, 'parse/no-structure')
    expect(legco('error.txt', 'Not Found\n\nThe requested URL /yr12-13/x.htm was not found on this server.\n').stderr).toMatch(/parse\/no-structure/)
  })
  it('a menu page is no paper either', () => {
    const page =
      '<html><body><ul><li><a href="a">Council</a></li><li><a href="b">Committees</a></li></ul><p><a href="/">Home</a> | <a href="/s">Sitemap</a></p></body></html>'
    const {code, stderr} = legco('menu.html', page)
    expect(code).toBe(0)
    oneWarning(stderr, 'parse/no-structure')
  })
  it('a page with headings of its own is a paper (no warning)', () => {
    const {code, stderr} = legco('paper.html', '<html><body><h2>Purpose</h2><p>This paper sets out the plan.</p></body></html>')
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
  it('an .html that is binary is refused with one line and exit 2', () => {
    const bytes = Buffer.from([0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])
    const {code, stdout, stderr} = legco('picture.html', bytes)
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    expect(stderr).toMatch(/^legco: .*picture\.html: input looks binary/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
  it('an .html that is a PDF is read as the PDF it is (content wins); a broken one is exit 2, one line', () => {
    const broken = legco('broken.html', '%PDF-1.4\nnot a PDF after all\n')
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/^legco: .*broken\.html: PDF cannot be read/)
    expect(broken.stderr.trim().split('\n')).toHaveLength(1)
    const pdf = join(corpus, 'pdf', 'cb3-710-13-c.zh.pdf')
    if (!existsSync(pdf)) return
    copyFileSync(pdf, join(dir, 'saved.html'))
    const result = spawnSync(process.execPath, [bin, 'parse', join(dir, 'saved.html')], {timeout: 60_000})
    expect(result.status).toBe(0)
    expect(result.stdout.toString()).toContain('"page":1')
  })
  it('a truncated page parses, and says what was recovered', () => {
    const {code, stdout, stderr} = legco('cut.html', readFileSync(join(root, 'fixtures/html/truncated.html')))
    expect(code).toBe(0)
    expect(stdout).toContain('2\\. The second paragraph is cut off in the mid')
    oneWarning(stderr, 'read/html-truncated')
    expect(stderr).toMatch(/cut short \(it has no closing <\/body> or <\/html>\): 2 lines of text were recovered/)
  })
  it('a page whose <title> is never closed says that the rest of the page went into it', () => {
    const {code, stderr} = legco('open-title.html', '<html><head><title>Panel paper</head><body><p>1. This is never seen.</p></body></html>')
    expect(code).toBe(0)
    expect(stderr).toMatch(/read\/html-malformed/)
    expect(stderr).toMatch(/the page's <title> is never closed: the \d+ characters after it are its content, not text/)
  })
  it('a misnested but complete page is read whole, with no warning', () => {
    const {code, stdout, stderr} = legco('misnested.html', '<html><body><p>1. The <b>plan <i>and</b> the</i> budget.<p>2. The dates.</div></body></html>')
    expect(code).toBe(0)
    expect(stdout).toMatch(/1\\\. The \*\*plan and\*\* the budget\./)
    expect(stdout).toContain('2\\. The dates.')
    expect(stderr).toBe('')
  })
})
