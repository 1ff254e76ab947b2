// `legco align` end to end: a real process on the built CLI (npm run build first), real files, exit codes,
// data on stdout or in -o FILE, warnings on stderr.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {SaxesParser} from 'saxes'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Alignment} from '../src/align/index.js'
import {corpus, hasCorpus, root} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')
const seedZh = join(root, 'fixtures/align/seed-zh.txt')
const seedEn = join(root, 'fixtures/align/seed-en.txt')
const shiftZh = join(root, 'fixtures/align/mismatch-zh.txt')
const shiftEn = join(root, 'fixtures/align/mismatch-en.txt')

function legco(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {input, cwd: root, timeout: 60_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

const temp = () => mkdtempSync(join(tmpdir(), 'legco-align-'))

function wellFormed(xml: string): number {
  let elements = 0
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', () => elements++)
  parser.write(xml).close()
  return elements
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/align/index.js'))) throw new Error('the CLI is not built: run `npm run build` (tsc -p tsconfig.json) first')
})

describe('legco align', () => {
  it('prints the pairs as JSON, with nothing on stderr when the versions agree', () => {
    const {code, stdout, stderr} = legco(['align', seedZh, seedEn])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const alignment = JSON.parse(stdout) as Alignment
    expect(alignment.first).toBe('zh')
    expect(alignment.zh.file).toBe(seedZh)
    expect(alignment.en.file).toBe(seedEn)
    expect(alignment.paragraphs).toHaveLength(9)
    for (const pair of alignment.paragraphs) {
      expect(pair.zh!.number).toBe(pair.en!.number)
      expect(pair.zh!.position.start.line).toBeGreaterThan(0)
      expect(pair.en!.position.start.line).toBeGreaterThan(0)
    }
    expect(alignment.messages).toEqual([])
  })

  it('takes the versions in either order', () => {
    const {code, stdout} = legco(['align', seedEn, seedZh])
    expect(code).toBe(0)
    const alignment = JSON.parse(stdout) as Alignment
    expect(alignment.first).toBe('en')
    expect(alignment.zh.file).toBe(seedZh)
    expect(alignment.paragraphs.map((pair) => pair.en!.number)).toEqual(['1', '2', '3', '4', '5', '6', '22', '23', '24'])
  })

  it('warns on stderr, file:line:col, for each mismatch and each unpaired paragraph, and still exits 0', () => {
    const {code, stdout, stderr} = legco(['align', shiftZh, shiftEn])
    expect(code).toBe(0)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(8)
    expect(lines.filter((line) => line.endsWith('  align/number-mismatch'))).toHaveLength(6)
    expect(lines).toContain(
      `${shiftZh}:17:1  warning  paragraph 3 pairs with paragraph 1 of ${shiftEn}:17:1 by shared Cap. 106, 2021; the numbers differ  align/number-mismatch`
    )
    expect(lines).toContain(`${shiftZh}:27:1  warning  paragraph 7 has no counterpart in the English version  align/unpaired`)
    expect(lines).toContain(`${shiftEn}:21:1  warning  paragraph 3 has no counterpart in the Chinese version  align/unpaired`)
    expect((JSON.parse(stdout) as Alignment).messages).toHaveLength(8)
  })

  it('-q keeps stderr quiet', () => {
    const {code, stderr} = legco(['align', shiftZh, shiftEn, '-q'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })

  it('writes TMX 1.4 that parses as XML, to -o FILE', () => {
    const dir = temp()
    const out = join(dir, 'seed.tmx')
    const {code, stdout} = legco(['align', seedZh, seedEn, '--format', 'tmx', '-o', out])
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const xml = readFileSync(out, 'utf8')
    expect(wellFormed(xml)).toBeGreaterThan(16 * 5)
    expect(xml).toContain('<header creationtool="legco"')
    expect(xml).toContain('srclang="zh-Hant"')
    expect(xml.match(/<prop type="x-legco-unit">paragraph/g)).toHaveLength(16)
    expect(readdirSync(dir)).toEqual(['seed.tmx'])
  })

  it('prints one Markdown table per section with -f md', () => {
    const {code, stdout} = legco(['align', shiftZh, shiftEn, '-f', 'md'])
    expect(code).toBe(0)
    expect(stdout.startsWith('# 公共 Wi-Fi 服務的發展 / Development of public Wi-Fi services\n')).toBe(true)
    expect(stdout.match(/^\| 中文 \| English \|$/gm)).toHaveLength(3)
    expect(stdout).toContain('\n## 引言 / Introduction\n')
    expect(stdout).toContain('| 3. 根據《電訊條例》(第 106 章)，營辦商須於 2021 年前提升網絡保安。 | 1. Under the Telecommunications Ordinance (Cap. 106)')
    expect(stdout).toContain('\n| | 3. Operators raised their concerns in a joint letter to the Panel. |')
  })

  it('reads one version from standard input', () => {
    const {code, stdout} = legco(['align', '-', seedEn], readFileSync(seedZh, 'utf8'))
    expect(code).toBe(0)
    const alignment = JSON.parse(stdout) as Alignment
    expect(alignment.zh.file).toBe('<stdin>')
    expect(alignment.paragraphs).toHaveLength(9)
  })

  it('exits 2 on input it cannot read, writing nothing', () => {
    const dir = temp()
    const out = join(dir, 'x.json')
    const missing = legco(['align', join(dir, 'missing.txt'), seedEn, '-o', out])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^legco: .*missing\.txt/)
    expect(existsSync(out)).toBe(false)

    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    expect(legco(['align', seedZh, empty]).code).toBe(2)

    const binary = join(dir, 'binary.txt')
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]))
    expect(legco(['align', binary, seedEn]).code).toBe(2)

    expect(legco(['align', '-', '-'], 'x').code).toBe(2)
    expect(legco(['align', seedZh]).code).toBe(2)
    expect(legco(['align', seedZh, seedEn, '-f', 'xml']).code).toBe(2)
  })

  it.skipIf(!hasCorpus)('aligns the corpus pair numbered differently, reporting what it cannot confirm', () => {
    const zh = join(corpus, 'text/zh_plc-ip2609-2-1997_admin.txt')
    const en = join(corpus, 'text/en_plc-ip2609-2-1997_admin.txt')
    if (!existsSync(zh) || !existsSync(en)) return
    const {code, stdout, stderr} = legco(['align', en, zh, '-f', 'tmx'])
    expect(code).toBe(0)
    expect(wellFormed(stdout)).toBeGreaterThan(0)
    expect(stdout.match(/<prop type="x-legco-unit">paragraph/g)).toHaveLength(3)
    expect(stdout).toContain('srclang="en"')
    expect(stderr.trim().split('\n')).toHaveLength(5)
    expect(stderr).toContain(
      `${en}:14:1  warning  paragraph 1 pairs with paragraph 3 of ${zh}:28:1 by position only: nothing else confirms it; the numbers differ  align/number-mismatch`
    )
  })
})
