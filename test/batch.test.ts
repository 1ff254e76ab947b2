// `legco parse` over many papers, end to end: a real process on folders and files made here.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {expandInputs, globToRegExp} from '../src/cli/inputs.js'
import {ProgressBar, wantsProgress} from '../src/cli/progress.js'
import type {Paper} from '../src/tree.js'
import {root, schemaErrors, seed} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')

function legco(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd ?? root, input: options.input, timeout: 120_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

/** The seed under its own paper number, so each tree says which paper it is. */
function paper(n: number): string {
  return seed.replace('CB(1)369/2024(05)', `CB(1)${n}/2024(05)`)
}
const paperNo = (n: number) => `CB(1)${n}/2024(05)`

/**
 * A folder of papers: a/p01.txt … a/p06.txt, a/deep/p07.md, b/p08.txt,
 * b/notes.docx (not a paper), b/.hidden.txt (hidden), c/ (empty).
 */
function archive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'legco-batch-'))
  mkdirSync(join(dir, 'a/deep'), {recursive: true})
  mkdirSync(join(dir, 'b'))
  mkdirSync(join(dir, 'c'))
  for (let n = 1; n <= 6; n++) writeFileSync(join(dir, `a/p0${n}.txt`), paper(n))
  writeFileSync(join(dir, 'a/deep/p07.md'), paper(7))
  writeFileSync(join(dir, 'b/p08.txt'), paper(8))
  writeFileSync(join(dir, 'b/notes.docx'), 'not a paper')
  writeFileSync(join(dir, 'b/.hidden.txt'), paper(99))
  return dir
}

const lines = (stdout: string) => stdout.split('\n').filter(Boolean)
const numbers = (trees: Paper[]) => trees.map((tree) => tree.meta.paperNo)

describe('inputs: files, folders, globs', () => {
  it('walks folders recursively for .txt, .md and .pdf, in name order, skipping hidden files', async () => {
    const dir = archive()
    const found = (await expandInputs([dir])).map((path) => relative(dir, path))
    expect(found).toEqual(['a/deep/p07.md', 'a/p01.txt', 'a/p02.txt', 'a/p03.txt', 'a/p04.txt', 'a/p05.txt', 'a/p06.txt', 'b/p08.txt'])
  })

  it('matches globs (*, ?, **, [..], {a,b}) and keeps each file once, at its first place', async () => {
    const dir = archive()
    const rel = async (args: string[]) => (await expandInputs(args)).map((path) => relative(dir, path))
    expect(await rel([join(dir, 'a/p0?.txt')])).toEqual(['a/p01.txt', 'a/p02.txt', 'a/p03.txt', 'a/p04.txt', 'a/p05.txt', 'a/p06.txt'])
    expect(await rel([join(dir, '**/*.md')])).toEqual(['a/deep/p07.md'])
    expect(await rel([join(dir, '*/p0[18].txt')])).toEqual(['a/p01.txt', 'b/p08.txt'])
    expect(await rel([join(dir, 'a/p0{2,4}.txt')])).toEqual(['a/p02.txt', 'a/p04.txt'])
    expect(await rel([join(dir, 'b/p08.txt'), join(dir, 'b')])).toEqual(['b/p08.txt'])
    expect(globToRegExp('**/*.txt').test('x/y/z.txt')).toBe(true)
    expect(globToRegExp('**/*.txt').test('z.txt')).toBe(true)
    expect(globToRegExp('*.txt').test('.z.txt')).toBe(false)
    expect(globToRegExp('*.txt').test('a/z.txt')).toBe(false)
  })
})

describe('legco parse on many papers', () => {
  it('streams NDJSON: one valid tree a line, in input order, from files, a folder and a glob', () => {
    const dir = archive()
    const {code, stdout, stderr} = legco(['parse', join(dir, 'b/p08.txt'), join(dir, 'a'), join(dir, 'a/deep/*.md'), '-f', 'ndjson'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const trees = lines(stdout).map((line) => JSON.parse(line) as Paper)
    // b/p08 first (given first); then the folder a/ in name order (deep/p07.md first); the glob's p07 is already in.
    expect(numbers(trees)).toEqual([8, 7, 1, 2, 3, 4, 5, 6].map(paperNo))
    for (const tree of trees) expect(schemaErrors(tree)).toEqual([])
  })

  it('prints one JSON array for --format json with several inputs (globs expanded by legco, relative to the working directory)', () => {
    const dir = archive()
    const {code, stdout} = legco(['parse', 'a/*.txt', '--pretty'], {cwd: dir})
    expect(code).toBe(0)
    const trees = JSON.parse(stdout) as Paper[]
    expect(numbers(trees)).toEqual([1, 2, 3, 4, 5, 6].map(paperNo))
    expect(stdout.startsWith('[\n  {\n    "type": "paper"')).toBe(true)
  })

  it('writes one output per input into -o DIR/, folders mirrored, nothing temporary left behind', () => {
    const dir = archive()
    const out = join(dir, 'out')
    const {code, stderr} = legco(['parse', join(dir, 'a'), join(dir, 'b'), '-o', out + '/'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const written = readdirSync(out, {recursive: true}).map(String).sort()
    expect(written).toEqual(['deep', 'deep/p07.json', 'p01.json', 'p02.json', 'p03.json', 'p04.json', 'p05.json', 'p06.json', 'p08.json'])
    expect((JSON.parse(readFileSync(join(out, 'deep/p07.json'), 'utf8')) as Paper).meta.paperNo).toBe(paperNo(7))
    const md = legco(['parse', join(dir, 'a/p01.txt'), join(dir, 'a/p02.txt'), '-f', 'md', '-o', join(dir, 'md') + '/'])
    expect(md.code).toBe(0)
    expect(readdirSync(join(dir, 'md')).sort()).toEqual(['p01.md', 'p02.md'])
    expect(readFileSync(join(dir, 'md/p02.md'), 'utf8')).toContain(`paperNo: "${paperNo(2)}"`)
  })

  it('reports a bad file (binary, missing) on stderr with its reason, goes on with the others, exits 1', () => {
    const dir = archive()
    writeFileSync(join(dir, 'a/p03.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    const missing = join(dir, 'nope.txt')
    const {code, stdout, stderr} = legco(['parse', join(dir, 'a'), missing, join(dir, 'b'), '-f', 'ndjson'])
    expect(code).toBe(1)
    expect(numbers(lines(stdout).map((line) => JSON.parse(line) as Paper))).toEqual([7, 1, 2, 4, 5, 6, 8].map(paperNo))
    const reported = stderr.trim().split('\n')
    expect(reported).toHaveLength(2)
    expect(reported[0]).toMatch(/^legco: .*p03\.txt: .*binary/)
    expect(reported[1]).toMatch(/^legco: cannot read .*nope\.txt: no such file/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('stops at the first failure with --fail-fast, the trees before it printed', () => {
    const dir = archive()
    writeFileSync(join(dir, 'a/p03.txt'), '')
    const {code, stdout, stderr} = legco(['parse', join(dir, 'a'), '--fail-fast', '-f', 'ndjson', '-j', '1'])
    expect(code).toBe(1)
    expect(numbers(lines(stdout).map((line) => JSON.parse(line) as Paper))).toEqual([7, 1, 2].map(paperNo))
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/p03\.txt: .*empty/)
  })

  it('stops with --fail-fast in parallel too: what came out is a prefix of the input order, before the failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-batch-ff-'))
    for (let n = 1; n <= 40; n++) writeFileSync(join(dir, `p${String(n).padStart(2, '0')}.txt`), n === 10 ? Buffer.from([0, 1, 2, 3, 0, 0]) : paper(n))
    const {code, stdout, stderr} = legco(['parse', dir, '--fail-fast', '-f', 'ndjson', '-j', '2'])
    expect(code).toBe(1)
    const got = numbers(lines(stdout).map((line) => JSON.parse(line) as Paper))
    expect(got).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(paperNo))
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/p10\.txt: .*binary/)
  })

  it('gives the same output with -j 1 and the default, and the same set with --unordered', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-batch-many-'))
    // Enough files that the default uses worker threads.
    for (let n = 1; n <= 24; n++) writeFileSync(join(dir, `p${String(n).padStart(2, '0')}.txt`), paper(n))
    const serial = legco(['parse', dir, '-f', 'ndjson', '-j', '1'])
    const parallel = legco(['parse', dir, '-f', 'ndjson'])
    const four = legco(['parse', dir, '-f', 'ndjson', '-j', '4'])
    expect(serial.code).toBe(0)
    expect(parallel.code).toBe(0)
    expect(parallel.stdout).toBe(serial.stdout)
    expect(four.stdout).toBe(serial.stdout)
    const unordered = legco(['parse', dir, '-f', 'ndjson', '-j', '3', '--unordered'])
    expect(unordered.code).toBe(0)
    expect(lines(unordered.stdout).sort()).toEqual(lines(serial.stdout).sort())
  })

  it('keeps single-file behaviour: one tree, exit 2 for the only input unreadable, usage errors', () => {
    const dir = archive()
    const one = legco(['parse', join(dir, 'b')]) // a folder with one paper: one tree, not an array
    expect(one.code).toBe(0)
    expect((JSON.parse(one.stdout) as Paper).meta.paperNo).toBe(paperNo(8))
    const empty = legco(['parse', join(dir, 'c')])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/no paper files/)
    const nomatch = legco(['parse', join(dir, '*.nothing')])
    expect(nomatch.code).toBe(2)
    expect(nomatch.stderr).toMatch(/no files match/)
    expect(legco(['parse', join(dir, 'a'), '-f', 'md']).code).toBe(2) // Markdown of many papers needs -o DIR/
    expect(legco(['parse', join(dir, 'a'), '-j', 'zero']).code).toBe(2)
  })

  it('writes -o FILE for several inputs whole: a JSON array, or NDJSON lines', () => {
    const dir = archive()
    expect(legco(['parse', join(dir, 'b'), join(dir, 'a/p01.txt'), '-o', join(dir, 'all.json')]).code).toBe(0)
    expect(numbers(JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as Paper[])).toEqual([8, 1].map(paperNo))
    expect(legco(['parse', join(dir, 'a'), '-f', 'ndjson', '-o', join(dir, 'all.ndjson')]).code).toBe(0)
    expect(lines(readFileSync(join(dir, 'all.ndjson'), 'utf8'))).toHaveLength(7)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('gives one tree per paper of a bundle with --split', () => {
    const dir = archive()
    writeFileSync(join(dir, 'bundle.txt'), paper(51) + '\n\n' + paper(52) + '\n\n' + paper(53))
    const lines3 = legco(['parse', join(dir, 'bundle.txt'), '--split', '-f', 'ndjson', '-q'])
    expect(lines3.code).toBe(0)
    expect(numbers(lines(lines3.stdout).map((line) => JSON.parse(line) as Paper))).toEqual([51, 52, 53].map(paperNo))
    const array = legco(['parse', join(dir, 'bundle.txt'), join(dir, 'b/p08.txt'), '--split', '-q'])
    expect(numbers(JSON.parse(array.stdout) as Paper[])).toEqual([51, 52, 53, 8].map(paperNo))
    const out = join(dir, 'split') + '/'
    expect(legco(['parse', join(dir, 'bundle.txt'), join(dir, 'b/p08.txt'), '--split', '-q', '-o', out]).code).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['bundle.1.json', 'bundle.2.json', 'bundle.3.json', 'p08.json'])
    expect((JSON.parse(readFileSync(join(out, 'bundle.2.json'), 'utf8')) as Paper).meta.paperNo).toBe(paperNo(52))
    expect(legco(['parse', join(dir, 'bundle.txt'), '--split', '-f', 'md']).code).toBe(2)
  })

  it('reads standard input among other files', () => {
    const dir = archive()
    const {code, stdout} = legco(['parse', join(dir, 'a/p01.txt'), '-', '-f', 'ndjson'], {input: paper(42)})
    expect(code).toBe(0)
    expect(numbers(lines(stdout).map((line) => JSON.parse(line) as Paper))).toEqual([1, 42].map(paperNo))
  })
})

describe('stopping and progress', () => {
  it('stops on Ctrl-C (SIGINT) leaving whole files only, no temporary file, exit 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-batch-int-'))
    const big = paper(1).repeat(20)
    for (let n = 0; n < 300; n++) writeFileSync(join(dir, `p${String(n).padStart(3, '0')}.txt`), big)
    const out = join(dir, 'out')
    const child = spawn(process.execPath, [bin, 'parse', dir, '-o', out + '/', '-q'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (data) => (stderr += data))
    // Interrupt once some outputs are there.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).some((name) => name.endsWith('.json'))) {
          clearInterval(poll)
          resolve()
        }
      }, 10)
    })
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(130)
    expect(stderr).toMatch(/interrupted after \d+ of 300 files/)
    const names = readdirSync(out)
    expect(names.length).toBeGreaterThan(0)
    expect(names.length).toBeLessThan(300)
    expect(names.filter((name) => !/^p\d{3}\.json$/.test(name))).toEqual([])
    for (const name of names) expect((JSON.parse(readFileSync(join(out, name), 'utf8')) as Paper).type).toBe('paper')
  })

  it('answers Ctrl-C at once while the main thread parses the small files itself (-j 1: no worker)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-batch-int-main-'))
    for (let n = 0; n < 2000; n++) writeFileSync(join(dir, `p${String(n).padStart(4, '0')}.txt`), paper(n))
    const out = join(dir, 'out')
    const child = spawn(process.execPath, [bin, 'parse', dir, '-o', out + '/', '-q', '-j', '1'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (data) => (stderr += data))
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).filter((name) => name.endsWith('.json')).length >= 5) {
          clearInterval(poll)
          resolve()
        }
      }, 10)
    })
    const sent = Date.now()
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(130)
    expect(Date.now() - sent).toBeLessThan(2000)
    expect(stderr).toMatch(/interrupted after \d+ of 2000 files/)
    const names = readdirSync(out)
    expect(names.length).toBeLessThan(2000)
    expect(names.filter((name) => !/^p\d{4}\.json$/.test(name))).toEqual([])
  }, 120_000)

  it('shows a bar only on a terminal, with more than a handful of files, unless quiet', () => {
    const tty = {isTTY: true, columns: 100, write: () => true} as unknown as NodeJS.WriteStream
    const pipe = {isTTY: false, write: () => true} as unknown as NodeJS.WriteStream
    expect(wantsProgress(100, false, tty)).toBe(true)
    expect(wantsProgress(100, true, tty)).toBe(false)
    expect(wantsProgress(3, false, tty)).toBe(false)
    expect(wantsProgress(100, false, pipe)).toBe(false)
  })

  it('draws counts, percentage, rate and ETA, and prints messages above the bar', () => {
    let written = ''
    const stream = {isTTY: true, columns: 100, write: (text: string) => ((written += text), true)} as unknown as NodeJS.WriteStream
    const bar = new ProgressBar(10, stream)
    for (let i = 0; i < 4; i++) bar.tick(i === 2)
    bar.log('legco: x.txt: input looks binary')
    const last = written.split('\r\x1b[K').pop()!
    expect(last).toMatch(/\[#+-+\] 4\/10 +40% {2}[\d.]+ files\/s {2}ETA [\d.:s-]+ {2}1 failed$/)
    expect(written).toContain('\r\x1b[Klegco: x.txt: input looks binary\n')
    bar.done(true)
    expect(written).toMatch(/legco: 4 files in [\d.]+s \([\d.]+ files\/s\), 1 failed\n$/)
    expect(last.length).toBeLessThan(100)
  })
})
