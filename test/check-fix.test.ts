// `legco check --fix` and `--fix-dry-run` end to end: files written in place (encoding and line ends kept), a second run
// changing nothing, the diff, and PDFs never written.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {exampleText} from './helpers/examples.js'
import {root} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')

function legco(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], {cwd, timeout: 60_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

const temp = () => mkdtempSync(join(tmpdir(), 'legco-fix-'))
// Three width problems (an item marker, a paragraph marker, a bracket) and a file reference with dashes.
const broken = exampleText('width-consistent/flag.txt').replace('檔號：CB1/PL/ITB', '檔號：CB1-PL-ITB')
const fixedText = broken
  .replace('（b） 擴大', '(b) 擴大')
  .replace('３．議員', '3. 議員')
  .replace('(第 528 章）', '(第 528 章)')
  .replace('檔號：CB1-PL-ITB', '檔號：CB1/PL/ITB')

describe('legco check --fix', () => {
  it('fixes a text file in place, reports what is left, and a second run changes nothing', () => {
    const dir = temp()
    const path = join(dir, 'paper.txt')
    writeFileSync(path, broken)
    const first = legco(['--fix', 'paper.txt'], dir)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toBe('no problems in 1 file\n')
    expect(readFileSync(path, 'utf8')).toBe(fixedText)
    const written = statSync(path).mtimeMs
    const second = legco(['--fix', 'paper.txt'], dir)
    expect(second.code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(fixedText)
    expect(statSync(path).mtimeMs, 'not written again').toBe(written)
  })

  it('leaves what it cannot fix to the report (and the exit code)', () => {
    const dir = temp()
    writeFileSync(join(dir, 'gap.txt'), exampleText('paragraph-numbering/flag-gap.txt').replace('檔號：CB1/PL/ITB', '檔號：CB1-PL-ITB'))
    const {code, stdout} = legco(['--fix', 'gap.txt'], dir)
    expect(code).toBe(1)
    expect(stdout).toContain('paragraph 4 follows 2: 3 is missing')
    expect(stdout).not.toContain('header-file-reference')
    expect(readFileSync(join(dir, 'gap.txt'), 'utf8')).toContain('檔號：CB1/PL/ITB')
  })

  it('keeps CRLF line ends', () => {
    const dir = temp()
    writeFileSync(join(dir, 'crlf.txt'), broken.replace(/\n/g, '\r\n'))
    legco(['--fix', 'crlf.txt'], dir)
    expect(readFileSync(join(dir, 'crlf.txt'), 'utf8')).toBe(fixedText.replace(/\n/g, '\r\n'))
  })

  it('keeps a Big5 file Big5', () => {
    const dir = temp()
    writeFileSync(join(dir, 'big5.txt'), iconv.encode(broken, 'big5'))
    const {stderr} = legco(['--fix', 'big5.txt'], dir)
    expect(stderr).toBe('')
    const bytes = readFileSync(join(dir, 'big5.txt'))
    expect(bytes.equals(iconv.encode(fixedText, 'big5'))).toBe(true)
  })

  it('keeps a UTF-8 byte order mark', () => {
    const dir = temp()
    writeFileSync(join(dir, 'bom.txt'), `\ufeff${broken}`)
    legco(['--fix', 'bom.txt'], dir)
    expect(readFileSync(join(dir, 'bom.txt'), 'utf8')).toBe(`\ufeff${fixedText}`)
  })

  it('never writes a PDF: it says what would change', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const page = doc.addPage([595, 842])
    const lines = [
      'LC Paper No. CB(1)100/2024(01)',
      'Ref : CB1-PL-ITB',
      'Panel on Information Technology and Broadcasting',
      'Purpose',
      '1. This paper gives the background.',
      '2. Members are invited to note it.'
    ]
    lines.forEach((line, i) => page.drawText(line, {x: 72, y: 770 - 28 * i, size: 11, font}))
    const bytes = await doc.save()
    const dir = temp()
    writeFileSync(join(dir, 'paper.pdf'), bytes)
    const {stdout, stderr} = legco(['--fix', 'paper.pdf'], dir)
    expect(readFileSync(join(dir, 'paper.pdf')).equals(Buffer.from(bytes))).toBe(true)
    expect(stderr).toContain('paper.pdf: not fixed: a PDF is never written; fixes it would make:')
    expect(stderr).toContain('CB1-PL-ITB -> CB1/PL/ITB  header-file-reference')
    expect(stdout).toContain('header-file-reference')
  })

  it('--fix-dry-run prints the unified diff and writes nothing', () => {
    const dir = temp()
    writeFileSync(join(dir, 'paper.txt'), broken)
    const {code, stdout, stderr} = legco(['--fix-dry-run', 'paper.txt'], dir)
    expect(code).toBe(0)
    expect(readFileSync(join(dir, 'paper.txt'), 'utf8')).toBe(broken)
    expect(stdout).toBe(
      [
        '--- a/paper.txt',
        '+++ b/paper.txt',
        '@@ -1,6 +1,6 @@',
        ' 立法會 CB(1)100/2024(01)號文件',
        ' ',
        '-檔號：CB1-PL-ITB',
        '+檔號：CB1/PL/ITB',
        ' ',
        ' 資訊科技及廣播事務委員會',
        ' ',
        '@@ -17,12 +17,12 @@',
        ' 2. 政府提出多項措施，包括：',
        ' ',
        ' (a) 推動數字政府服務；',
        '-（b） 擴大“智方便”的應用；及',
        '+(b) 擴大“智方便”的應用；及',
        ' (c) 促進數據互通。',
        ' ',
        '-３．議員的意見載於下文第 4 段。',
        '+3. 議員的意見載於下文第 4 段。',
        ' ',
        '-4. 議員支持上文第 2(b) 段的措施，包括修訂《版權條例》(第 528 章）。',
        '+4. 議員支持上文第 2(b) 段的措施，包括修訂《版權條例》(第 528 章)。',
        ' ',
        ' 立法會秘書處',
        ' 2024 年 3 月 28 日',
        ''
      ].join('\n')
    )
    // The report of what would be left goes to stderr, so that stdout is the diff alone.
    expect(stderr).toBe('no problems in 1 file\n')
  })

  it('--fix and --fix-dry-run together are a usage error', () => {
    const {code, stderr} = legco(['--fix', '--fix-dry-run', 'x.txt'], temp())
    expect(code).toBe(2)
    expect(stderr).toContain('--fix and --fix-dry-run: give one of them')
  })
})
