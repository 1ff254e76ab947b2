// Hostile input and interruption, end to end (issue 10, items 3, 4 and 7): bounded input, signals,
// temporary files, interrupted streams, and the smaller cases. Real processes on files made here.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {TEMPORARY_NAME, temporaryPath} from '../src/cli/output.js'
import {DEFAULT_MAX_SIZE, parseSize} from '../src/read/input.js'
import type {Paper} from '../src/tree.js'
import {corpus, hasCorpus, root, seed, seedPath} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')
const temp = () => mkdtempSync(join(tmpdir(), 'legco-rel-'))

function legco(args: string[], options: {input?: string | Buffer; cwd?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {input: options.input, cwd: options.cwd ?? root, timeout: 60_000})
  return {code: result.status, signal: result.signal, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

/** A process's end: its exit code, or 128 + the signal that ended it (what a shell reports). */
function shellCode(code: number | null, signal: NodeJS.Signals | null): number | null {
  if (signal === 'SIGINT') return 130
  if (signal === 'SIGTERM') return 143
  return code
}

/** A big, ordinary paper: the seed again and again (~4 MB): its parse and write take a noticeable time. */
function bigPaper(dir: string): string {
  const path = join(dir, 'big.txt')
  writeFileSync(path, (seed + '\n\n').repeat(Math.ceil((4 << 20) / Buffer.byteLength(seed))))
  return path
}

function start(args: string[], cwd = root) {
  const child = spawn(process.execPath, [bin, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (data) => (stdout += data))
  child.stderr.on('data', (data) => (stderr += data))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; at: number}>((resolve) =>
    child.on('close', (code, signal) => resolve({code, signal, at: Date.now()}))
  )
  return {child, done, out: () => stdout, err: () => stderr}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('bounded input (--max-size)', () => {
  it('refuses /dev/zero with exit 2, promptly, at the default limit of 256 MB', () => {
    expect(DEFAULT_MAX_SIZE).toBe(256 * 1024 * 1024)
    const began = Date.now()
    const {code, stderr} = legco(['parse', '/dev/zero'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/larger than the limit of 256 MB/)
    expect(Date.now() - began).toBeLessThan(15_000)
  })

  it('refuses an endless standard input (yes | legco parse -) with exit 2', async () => {
    const yes = spawn('sh', ['-c', `yes | "${process.execPath}" "${bin}" parse - --max-size 4M`], {stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    yes.stderr.on('data', (data) => (stderr += data))
    const code = await new Promise<number | null>((resolve) => yes.on('close', resolve))
    expect(stderr).toMatch(/<stdin>: larger than the limit of 4 MB/)
    expect(code).toBe(2)
  })

  it('refuses a file larger than --max-size from its size, before reading it, in every command and in a batch', () => {
    const dir = temp()
    const path = join(dir, 'p.txt')
    writeFileSync(path, seed)
    for (const args of [
      ['parse', path],
      ['check', path],
      ['align', path, seedPath],
      ['parse', path, seedPath, '-f', 'ndjson']
    ]) {
      const {code, stderr} = legco([...args, '--max-size', '1K'])
      expect(stderr).toMatch(/larger than the limit of 1 KB/)
      expect(code).toBe(args.length > 3 ? 1 : 2) // a batch: that file fails, the other is parsed
    }
    expect(legco(['parse', path, '--max-size', '1M']).code).toBe(0)
    expect(legco(['parse', path, '--max-size', 'lots']).code).toBe(2)
    expect([parseSize('256M'), parseSize('1G'), parseSize('10k'), parseSize('1000'), parseSize('0')]).toEqual([256 << 20, 1 << 30, 10 << 10, 1000, Infinity])
  })
})

describe('interruption', () => {
  it('Ctrl-C during a single-file parse with -o leaves no file, in 20 of 20 trials, each ending within 1 s', async () => {
    const dir = temp()
    const input = bigPaper(dir)
    const outDir = join(dir, 'out')
    mkdirSync(outDir)
    let interrupted = 0
    for (let trial = 0; trial < 20; trial++) {
      const out = join(outDir, 'paper.json')
      const run = start(['parse', input, '-o', out, '-q'])
      // Spread over the run: start-up, the parse, the serialisation and the write.
      await sleep(50 + ((trial * 37) % 400))
      const sent = Date.now()
      run.child.kill('SIGINT')
      const {code, signal, at} = await run.done
      const status = shellCode(code, signal)
      if (status === 130) {
        interrupted++
        expect(at - sent).toBeLessThan(1000)
        expect(readdirSync(outDir)).toEqual([])
      } else {
        // Finished before the signal: the whole file, nothing else.
        expect(status).toBe(0)
        expect(readdirSync(outDir)).toEqual(['paper.json'])
        expect((JSON.parse(readFileSync(out, 'utf8')) as Paper).type).toBe('paper')
      }
      for (const name of readdirSync(outDir)) if (name !== 'paper.json') throw new Error(`left behind: ${name}`)
      spawnSync('rm', ['-f', out])
    }
    expect(interrupted).toBeGreaterThan(0)
  }, 120_000)

  it('SIGTERM ends a run with 143, and a batch into one file leaves no temporary', async () => {
    const dir = temp()
    const input = bigPaper(dir)
    const one = start(['parse', input, '-o', join(dir, 'one.json')])
    await sleep(150)
    one.child.kill('SIGTERM')
    const ended = await one.done
    expect(shellCode(ended.code, ended.signal)).toBe(143)
    const files = Array.from({length: 6}, (_, i) => join(dir, `copy${i}.txt`))
    for (const file of files) writeFileSync(file, readFileSync(input))
    const batch = start(['parse', ...files, '-o', join(dir, 'all.json'), '-q', '-j', '1'])
    await sleep(600)
    batch.child.kill('SIGTERM')
    const result = await batch.done
    expect(shellCode(result.code, result.signal)).toBe(143)
    expect(readdirSync(dir).filter((name) => !name.endsWith('.txt'))).toEqual([])
  }, 60_000)

  it('ends an interrupted batch to stdout with an error record, never a complete-looking array', async () => {
    const dir = temp()
    const input = bigPaper(dir)
    const files = Array.from({length: 8}, (_, i) => join(dir, `copy${i}.txt`))
    for (const file of files) writeFileSync(file, readFileSync(input))
    for (const format of ['ndjson', 'json']) {
      const run = start(['parse', ...files, '-f', format, '-q', '-j', '1'])
      // Once the first tree is out.
      for (let waited = 0; run.out().length === 0 && waited < 30_000; waited += 20) await sleep(20)
      run.child.kill('SIGINT')
      const {code} = await run.done
      expect(code).toBe(130)
      const text = run.out()
      const last = text.trimEnd().split('\n').at(-1)!
      expect(JSON.parse(last)).toMatchObject({type: 'error', interrupted: true})
      if (format === 'json') expect(() => JSON.parse(text)).toThrow()
      expect(run.err()).toMatch(/interrupted after \d+ of 8 files/)
    }
  }, 120_000)
})

describe('temporary files', () => {
  it('have unpredictable names of a recognisable pattern beside the target', () => {
    const a = temporaryPath('/x/out.json')
    const b = temporaryPath('/x/out.json')
    expect(a).not.toBe(b)
    expect(a.startsWith('/x/.out.json.legco-')).toBe(true)
    expect(TEMPORARY_NAME.exec(a.slice(3))?.[1]).toBe(String(process.pid))
  })

  it('of a killed run are removed by the next run into that folder; a live process keeps its own', () => {
    const dir = temp()
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    const stale = `.out.json.legco-${dead}-0123456789abcdef.tmp`
    const live = `.out.json.legco-${process.pid}-0123456789abcdef.tmp`
    const other = '.out.json.12345.1700000000000.tmp' // not our pattern: not ours to remove
    for (const name of [stale, live, other]) {
      writeFileSync(join(dir, name), 'partial')
      utimesSync(join(dir, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    }
    expect(legco(['parse', seedPath, '-o', join(dir, 'out.json')]).code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([other, live, 'out.json'].sort())
  })

  it('never follow a link at the target: the link is replaced, the file it points to untouched', () => {
    const dir = temp()
    writeFileSync(join(dir, 'precious'), 'keep')
    symlinkSync(join(dir, 'precious'), join(dir, 'out.json'))
    expect(legco(['parse', seedPath, '-o', join(dir, 'out.json')]).code).toBe(0)
    expect(readFileSync(join(dir, 'precious'), 'utf8')).toBe('keep')
    expect((JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Paper).type).toBe('paper')
  })
})

describe('smaller cases', () => {
  it('-o into a folder that does not exist is exit 2 saying so, and makes no folder', () => {
    const dir = temp()
    for (const args of [
      ['parse', seedPath],
      ['align', seedPath, seedPath, '-q']
    ]) {
      const {code, stderr} = legco([...args, '-o', join(dir, 'missing/out.json')])
      expect(code).toBe(2)
      expect(stderr).toMatch(/the folder .*missing does not exist/)
    }
    expect(legco(['parse', seedPath, '-o', join(dir, 'a/b/')]).code).toBe(2)
    expect(existsSync(join(dir, 'missing')) || existsSync(join(dir, 'a'))).toBe(false)
    expect(legco(['parse', seedPath, '-o', join(dir, 'new/')]).code).toBe(0) // DIR/ itself is made, inside one that exists
    expect(readdirSync(join(dir, 'new'))).toEqual(['000_457f1a1b5f7781dd.json'])
  })

  it('takes a text file with %PDF- in its first kilobyte for text', () => {
    const dir = temp()
    writeFileSync(join(dir, 'note.txt'), 'Attachments are sent as %PDF-1.7 files.\n\n1. The first paragraph.\n')
    const {code, stdout} = legco(['parse', join(dir, 'note.txt'), '-f', 'md', '-q'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/%PDF-1\.7 files/)
  })

  it('check --config with a rule set to {"toString":1} or "constructor" is a usage error, exit 2', () => {
    const dir = temp()
    for (const value of [{toString: 1}, 'constructor', ['__proto__']]) {
      writeFileSync(join(dir, 'rc.json'), JSON.stringify({rules: {'paragraph-inferred': value}}))
      const {code, stderr} = legco(['check', seedPath, '--config', join(dir, 'rc.json')])
      expect(stderr).toMatch(/is not a severity/)
      expect(code).toBe(2)
    }
  })

  it.skipIf(process.getuid?.() === 0)('says an unreadable directory cannot be read (not "no paper files")', () => {
    const dir = temp()
    mkdirSync(join(dir, 'locked'))
    writeFileSync(join(dir, 'locked/a.txt'), seed)
    spawnSync('chmod', ['000', join(dir, 'locked')])
    const {code, stderr} = legco(['parse', join(dir, 'locked')])
    spawnSync('chmod', ['755', join(dir, 'locked')])
    expect(code).toBe(2)
    expect(stderr).toMatch(/cannot read the directory: permission denied/)
  })

  it.skipIf(!hasCorpus)('writes no -o file for a scanned PDF (exit 3); stdout still gets the stamp-only tree', () => {
    const dir = temp()
    const pdf = join(corpus, 'pdf/cb3-710-11-c.zh.pdf')
    const written = legco(['parse', pdf, '-o', join(dir, 'scan.json')])
    expect(written.code).toBe(3)
    expect(readdirSync(dir)).toEqual([])
    const printed = legco(['parse', pdf])
    expect(printed.code).toBe(3)
    expect((JSON.parse(printed.stdout) as Paper).type).toBe('paper')
  })
})
