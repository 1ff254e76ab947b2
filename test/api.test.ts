// The library API: `import {parse} from 'legco'` on a string and on bytes.
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {InputError, parse, parseDocument, SCHEMA_VERSION, toMarkdown, type Paper} from '../src/index.js'
import {paragraphs, schemaErrors, seed} from './helpers/tree.js'

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
