// `legco parse` end to end: a real process, real files, exit codes, stdout for data and stderr for messages.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import type {Paper} from '../src/tree.js'
import {corpus, hasCorpus, paragraphs, root, schemaErrors, seed, seedPath} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')

function legco(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [bin, ...args], {input, cwd: root, timeout: 60_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

const temp = () => mkdtempSync(join(tmpdir(), 'legco-cli-'))

describe('legco parse', () => {
  it('prints the seed as a JSON tree that validates, with nothing on stderr', () => {
    const {code, stdout, stderr} = legco(['parse', seedPath])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const tree = JSON.parse(stdout) as Paper
    expect(schemaErrors(tree)).toEqual([])
    expect(tree.meta.paperNo).toBe('CB(1)369/2024(05)')
    expect(paragraphs(tree)).toHaveLength(24)
    expect(tree.file).toBe(seedPath)
    expect(stdout.split('\n')).toHaveLength(2) // one line and the final newline: compact for pipes
  })

  it('indents with --pretty', () => {
    const {code, stdout} = legco(['parse', seedPath, '--pretty'])
    expect(code).toBe(0)
    expect(stdout.startsWith('{\n  "type": "paper"')).toBe(true)
  })

  it('prints clean Markdown with --format md', () => {
    const {code, stdout} = legco(['parse', seedPath, '--format', 'md'])
    expect(code).toBe(0)
    expect(stdout.startsWith('---\nschemaVersion: "1.5.0"\nlang: zh-Hant\npaperNo: "CB(1)369/2024(05)"\n')).toBe(true)
    expect(stdout).toContain('\n# 目的\n')
    expect(stdout).toContain('\n### 《香港促進數據流通及保障數據安全的政策宣言》\n')
    // Numbers escaped so that renderers show them as printed; items a list with their labels.
    expect(stdout).toContain('\n2\\. 政府當局在 2022 年底發表的《香港創新科技發展藍圖》')
    expect(stdout).toContain('\n- (a) 推動數字政府服務：')
    expect(stdout).toContain('推動部門及業界共享數據及數字科技應用，從而推出')
    expect(stdout).toContain('可透過載於**附錄**的超連結閱覽。')
    expect(stdout).toContain('| 委員會                     | 會議日期       | 文件 ')
    expect(stdout).toContain('\n立法會秘書處\\\n議會事務部 1 暨公共申訴辦事處\\\n2024 年 3 月 28 日\n')
  })

  it('reads standard input for -', () => {
    const {code, stdout} = legco(['parse', '-'], seed)
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as Paper).meta.title).toBe('有關成立“數字政策辦公室”的背景資料簡介')
    expect((JSON.parse(stdout) as Paper).file).toBeUndefined()
  })

  it('writes -o FILE whole, and leaves nothing behind when the parse fails', () => {
    const dir = temp()
    const out = join(dir, 'seed.json')
    expect(legco(['parse', seedPath, '-o', out]).code).toBe(0)
    expect((JSON.parse(readFileSync(out, 'utf8')) as Paper).type).toBe('paper')
    const missing = join(dir, 'missing.json')
    expect(legco(['parse', join(dir, 'nope.txt'), '-o', missing]).code).toBe(2)
    expect(existsSync(missing)).toBe(false)
    expect(readdirSync(dir)).toEqual(['seed.json'])
  })

  it('detects Big5, GB18030 and UTF-16 input', () => {
    const dir = temp()
    for (const [encoding, name] of [
      ['big5', 'b5.txt'],
      ['gb18030', 'gb.txt'],
      ['utf-16le', 'u16.txt']
    ] as const) {
      const bytes = encoding === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, encoding)]) : iconv.encode(seed, encoding)
      writeFileSync(join(dir, name), bytes)
      const {code, stdout, stderr} = legco(['parse', join(dir, name)])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(paragraphs(JSON.parse(stdout) as Paper).map((p) => p.number)).toEqual(Array.from({length: 24}, (_, i) => String(i + 1)))
    }
  })

  it('gives one line and exit 2 for input it cannot read, never a stack trace', () => {
    const dir = temp()
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'blank.txt'), ' \n\n\t\n')
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9union \xe9tait ouverte.\n', 'latin1'))
    const cases: [string, RegExp][] = [
      [join(dir, 'nope.txt'), /cannot read .*nope\.txt: no such file/],
      [join(dir, 'empty.txt'), /empty/],
      [join(dir, 'blank.txt'), /empty|only whitespace/],
      [join(dir, 'binary.bin'), /binary/],
      [join(dir, 'latin1.txt'), /encoding/]
    ]
    for (const [path, reason] of cases) {
      const {code, stdout, stderr} = legco(['parse', path])
      expect({path, code}).toEqual({path, code: 2})
      expect(stdout).toBe('')
      expect(stderr).toMatch(reason)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('gives a best-effort tree and a warning for a paper with no structure', () => {
    const {code, stdout, stderr} = legco(['parse', '-'], '本會希望提出意見。\n\n我們期望委員會考慮。\n')
    expect(code).toBe(0)
    expect(paragraphs(JSON.parse(stdout) as Paper)).toHaveLength(2)
    expect(stderr).toMatch(/^<stdin>:1:1 {2}warning {2}no numbered paragraphs .* {2}parse\/no-structure\n$/)
    expect(legco(['parse', '-', '--quiet'], '本會希望提出意見。\n').stderr).toBe('')
  })

  it('explains every option in --help, and treats usage errors as exit 2', () => {
    const help = legco(['parse', '--help'])
    expect(help.code).toBe(0)
    for (const option of ['--format', '--output', '--pretty', '--script', '--quiet', 'standard input']) expect(help.stdout).toContain(option)
    const top = legco(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/Exit codes:[\s\S]*3 {2}a PDF with no text layer/)
    expect(legco(['parse', seedPath, '--format', 'xml']).code).toBe(2)
    expect(legco(['parse']).code).toBe(2)
    expect(legco([]).code).toBe(2)
    expect(legco(['frobnicate']).code).toBe(2)
  })

  it('converts to Simplified Chinese with --script hans, positions unchanged', () => {
    const plain = JSON.parse(legco(['parse', seedPath]).stdout) as Paper
    const {code, stdout} = legco(['parse', seedPath, '--script', 'hans'])
    expect(code).toBe(0)
    const hans = JSON.parse(stdout) as Paper
    expect(hans.lang).toBe('zh-Hans')
    expect(hans.meta.committee).toBe('资讯科技及广播事务委员会')
    expect(paragraphs(hans).map((p) => p.position)).toEqual(paragraphs(plain).map((p) => p.position))
  })

  it.skipIf(!hasCorpus)('says a scanned PDF needs OCR, exit 3, and still gives the stamp in JSON', () => {
    const {code, stdout, stderr} = legco(['parse', join(corpus, 'pdf/cb3-710-11-c.zh.pdf')])
    expect(code).toBe(3)
    expect(stderr).toMatch(/no text layer.*OCR/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect((JSON.parse(stdout) as Paper).meta.paperNo).toBe('CB(3)710/2026(11)')
  })
})
