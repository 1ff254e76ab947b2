// The library API: `import {parse} from 'legco'` on a string and on bytes.
import iconv from 'iconv-lite'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import * as alignApi from '../src/api/align.js'
import * as checkApi from '../src/api/check.js'
import {
  align,
  check,
  convertScript,
  formatSarif,
  formatText,
  InputError,
  parse,
  parseDocument,
  parsePapers,
  parseText,
  SCHEMA_VERSION,
  toCsv,
  toHtml,
  toMarkdown,
  toTmx,
  type Paper
} from '../src/index.js'
import {fixture, paragraphs, root, schemaErrors, seed} from './helpers/tree.js'

/** A PDF of two short English papers, one page each, drawn with pdf-lib: a bundle. */
async function bundlePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const n of ['01', '02']) {
    const page = doc.addPage([595, 842])
    const lines = [
      `LC Paper No. CB(4)101/2025(${n})`,
      '',
      'Purpose',
      '',
      `1. This paper ${n} reports on the pilot scheme.`,
      '',
      '2. Members are invited to note it.'
    ]
    lines.forEach((line, i) => line && page.drawText(line, {x: 72, y: 780 - i * 16, size: 12, font}))
  }
  return doc.save()
}

describe('parse (library)', () => {
  it('returns the tree for a string', () => {
    const tree: Paper = parse(seed)
    expect(tree.type).toBe('paper')
    expect(tree.schemaVersion).toBe(SCHEMA_VERSION)
    expect(tree.meta.paperNo).toBe('CB(1)369/2024(05)')
    expect(paragraphs(tree)).toHaveLength(24)
    expect(schemaErrors(tree)).toEqual([])
  })

  it('returns the same tree for the Big5 bytes of the paper (a Buffer), decoding them', () => {
    const big5 = iconv.encode(seed, 'big5')
    expect(Buffer.isBuffer(big5)).toBe(true)
    const fromBytes = parse(big5)
    const fromText = parse(iconv.decode(big5, 'big5'))
    expect(fromBytes).toEqual(fromText)
    expect(fromBytes.meta.committee).toBe('資訊科技及廣播事務委員會')
    expect(paragraphs(fromBytes).map((p) => p.number)).toEqual(Array.from({length: 24}, (_, i) => String(i + 1)))
  })

  it('reads UTF-8 bytes (a Uint8Array) like the string', () => {
    expect(parse(new TextEncoder().encode(seed))).toEqual(parse(seed))
  })

  it('throws InputError for bytes that are not text, and for a PDF', () => {
    expect(() => parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(InputError)
    expect(() => parse(new TextEncoder().encode('%PDF-1.7\n'))).toThrow(/parseDocument/)
  })

  it('gives messages with parseDocument and Markdown with toMarkdown', async () => {
    const {tree, messages, scanned} = await parseDocument(iconv.encode(seed, 'big5'))
    expect(scanned).toBe(false)
    expect(Array.isArray(messages)).toBe(true)
    expect(await toMarkdown(tree)).toContain('\n# 目的\n')
  })
})

describe('parsePapers (library): a bundle given as text or as bytes', () => {
  it('splits the bytes of a PDF bundle into one result per paper, positions on their pages', async () => {
    const papers = await parsePapers(await bundlePdf(), 'bundle.pdf')
    expect(papers.map((p) => p.tree.meta.paperNo)).toEqual(['CB(4)101/2025(01)', 'CB(4)101/2025(02)'])
    expect(papers.map((p) => p.scanned)).toEqual([false, false])
    expect(papers.map((p) => p.tree.position.start.page)).toEqual([1, 2])
    for (const {tree} of papers) expect(schemaErrors(tree)).toEqual([])
  })

  it('takes the same bundle as text, and as the bytes of a text file', async () => {
    const text = ['LC Paper No. CB(4)101/2025(01)', '', 'Purpose', '', '1. One.', '', 'LC Paper No. CB(4)101/2025(02)', '', 'Purpose', '', '1. Two.', ''].join(
      '\n'
    )
    const fromText = await parsePapers(text)
    expect(fromText.map((p) => p.tree.meta.paperNo)).toEqual(['CB(4)101/2025(01)', 'CB(4)101/2025(02)'])
    expect(await parsePapers(iconv.encode('\uFEFF' + text, 'utf16le'))).toEqual(fromText)
    expect((await parsePapers(new TextEncoder().encode(text))).map((p) => p.tree)).toEqual(fromText.map((p) => p.tree))
  })

  it('gives one result for one paper, and refuses bytes that are neither text nor PDF', async () => {
    expect(await parsePapers(seed)).toHaveLength(1)
    await expect(parsePapers(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'x.png')).rejects.toThrow(/^x\.png: /)
  })
})

describe('the formats and the script as library calls', () => {
  it('toHtml is the page of -f html, toCsv the records of -f csv', async () => {
    const tree = parse(seed)
    const html = await toHtml(tree)
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('id="p12"')
    const csv = toCsv([tree, tree], {bom: true})
    expect(csv.startsWith('\uFEFFfile,paperNo,')).toBe(true)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3)
  })

  it('convertScript returns the tree in another script and leaves the one given as it was', async () => {
    const tree = parse(seed)
    const before = structuredClone(tree)
    const hans = await convertScript(tree, 'hans')
    expect(tree).toEqual(before)
    expect(hans.lang).toBe('zh-Hans')
    expect(hans.meta.committee).toBe('资讯科技及广播事务委员会')
    expect((await convertScript(hans, 'hk')).meta.committee).toBe('資訊科技及廣播事務委員會')
  })

  it('the check formatters take the messages of each file; SARIF names the package version unless given one', async () => {
    const {readFileSync} = await import('node:fs')
    const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string}).version
    const {tree, messages} = parseText(seed)
    const results = [{file: 'seed.txt', messages: [...messages, ...check(tree, seed)]}]
    const sarif = JSON.parse(formatSarif(results)) as {runs: {tool: {driver: {name: string; version: string}}}[]}
    expect(sarif.runs[0]!.tool.driver.version).toBe(version)
    expect(JSON.parse(checkApi.formatSarif(results, '9.9.9')).runs[0].tool.driver.version).toBe('9.9.9')
    expect(typeof formatText(results)).toBe('string')
    expect(checkApi.check).toBe(check)
  })

  it('legco/align pairs two versions and writes TMX, Markdown, HTML and JSON', async () => {
    const alignment = alignApi.align(parse(fixture('align/seed-zh.txt')), parse(fixture('align/seed-en.txt')))
    expect(alignApi.align).toBe(align)
    const tmx = toTmx(alignment, {zhTag: 'zh-HK', date: new Date(Date.UTC(2026, 0, 2))})
    expect(tmx).toContain('creationdate="20260102T000000Z"')
    expect(tmx).toContain('xml:lang="zh-HK"')
    expect(alignApi.toTmx).toBe(toTmx)
    expect(await alignApi.toMarkdown(alignment)).toContain('|')
    expect(await alignApi.toHtml(alignment)).toMatch(/^<!doctype html>/i)
    expect(JSON.parse(alignApi.toJson(alignment)).paragraphs.length).toBe(alignment.paragraphs.length)
  })
})

describe('the package as published', () => {
  it("resolves `import {parse} from 'legco'` to dist/ with its .d.ts (after npm run build)", async () => {
    const {existsSync, readFileSync} = await import('node:fs')
    const {join} = await import('node:path')
    const {root} = await import('./helpers/tree.js')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {exports: {'.': {types: string; default: string}}}
    const types = join(root, pkg.exports['.'].types)
    expect(existsSync(types)).toBe(true)
    expect(readFileSync(types, 'utf8')).toMatch(/export declare function parse\(input: string \| Uint8Array\): Paper;/)
    const published = (await import('legco')) as typeof import('../src/index.js')
    expect(published.parse(iconv.encode(seed, 'big5'))).toEqual(parse(seed))
  })
})
