// The batch pool (src/cli/batch.ts): how many threads a run uses, which thread takes which file, and the order of results.
// Workers run built code: the test goes through dist/ (npm test builds first).
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Paper} from '../src/tree.js'
import {root, seed} from './helpers/tree.js'

type Batch = typeof import('../src/cli/batch.js')
type Result = import('../src/cli/worker.js').TaskResult
let runBatch: Batch['runBatch']
let MAIN_LIMIT: number

/** The seed under its own paper number, so each tree says which paper it is. */
const paper = (n: number) => seed.replace('CB(1)369/2024(05)', `CB(1)${n}/2024(05)`)
const paperNo = (result: Result) => {
  if (!result.ok) return `failed: ${result.reason}`
  const text = result.data ? result.data[0]! : new TextDecoder().decode(result.bytes![0])
  return (JSON.parse(text) as Paper).meta.paperNo
}

let dir: string
/** `n` small papers (the 14 KB seed), numbered from `from`. */
function small(n: number, from = 1): string[] {
  return Array.from({length: n}, (_, i) => {
    const path = join(dir, `small-${from + i}.txt`)
    writeFileSync(path, paper(from + i))
    return path
  })
}
/** A text paper above the main thread's limit (its paragraphs repeated). */
function large(n: number): string {
  const path = join(dir, `large-${n}.txt`)
  const body = paper(n)
  writeFileSync(path, body + body.slice(body.indexOf('\n\n')).repeat(Math.ceil((MAIN_LIMIT * 3) / body.length)))
  return path
}

const tasks = (paths: string[]) => paths.map((path, index) => ({index, path, name: path, format: 'ndjson' as const}))

async function run(paths: string[], jobs: number, ordered = true) {
  const emitted: Result[] = []
  const settled: number[] = []
  const outcome = await runBatch(tasks(paths), {
    jobs,
    ordered,
    failFast: false,
    emit: (result) => void emitted.push(result),
    settled: (result) => void settled.push(result.index)
  })
  return {outcome, emitted, settled}
}

beforeAll(async () => {
  const batch = (await import(resolve(root, 'dist/cli/batch.js'))) as Batch
  runBatch = batch.runBatch
  MAIN_LIMIT = batch.MAIN_LIMIT
  dir = mkdtempSync(join(tmpdir(), 'legco-pool-'))
})

describe('pool sizes', () => {
  it('parses one small text file on the main thread, starting no worker, whatever -j says', async () => {
    const {outcome, emitted} = await run(small(1), 8)
    expect(outcome).toMatchObject({emitted: 1, failed: 0, workers: 0, onMain: 1})
    expect(paperNo(emitted[0]!)).toBe('CB(1)1/2024(05)')
  })

  it('with -j 1 parses small files on the main thread alone, in input order', async () => {
    const {outcome, emitted, settled} = await run(small(6), 1)
    expect(outcome).toMatchObject({emitted: 6, workers: 0, onMain: 6})
    expect(settled).toEqual([0, 1, 2, 3, 4, 5])
    expect(emitted.map(paperNo)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `CB(1)${n}/2024(05)`))
  })

  it('counts the main thread as one of the -j threads: small files take at most N - 1 workers', async () => {
    const {outcome} = await run(small(30, 100), 3)
    expect(outcome.emitted).toBe(30)
    expect(outcome.workers).toBe(2)
    expect(outcome.onMain).toBeGreaterThan(0)
    expect((await run(small(30, 200), 2)).outcome.workers).toBe(1)
  })

  it('never starts more workers than the files given to them: two large files at -j 8 take two', async () => {
    const {outcome, emitted} = await run([large(1), large(2)], 8)
    expect(outcome).toMatchObject({emitted: 2, failed: 0, workers: 2, onMain: 0})
    expect(emitted.map(paperNo)).toEqual(['CB(1)1/2024(05)', 'CB(1)2/2024(05)'])
  })

  it('never parses a PDF on the main thread, however small', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([595, 842])
    page.drawText('LC Paper No. CB(1)77/2024(05)', {x: 72, y: 780, size: 12, font})
    for (let i = 0; i < 12; i++) page.drawText(`${i + 1}. The paragraph ${i + 1} of a one-page paper.`, {x: 72, y: 740 - 16 * i, size: 12, font})
    const path = join(dir, 'tiny.pdf')
    writeFileSync(path, await pdf.save())
    const {outcome, emitted} = await run([path, ...small(2, 300)], 2)
    expect(outcome).toMatchObject({emitted: 3, workers: 1, onMain: 2})
    expect(emitted.map((result) => result.ok)).toEqual([true, true, true])
    expect(emitted[0]!.ok && emitted[0]!.pages).toBe(1)
  })
})

describe('scheduling and the order of results', () => {
  it('does not keep small files waiting behind large ones: they finish first, and still come out in input order', async () => {
    const paths = [large(11), large(12), ...small(8, 400)]
    const ordered = await run(paths, 2)
    expect(ordered.emitted.map((result) => result.index)).toEqual(paths.map((_, index) => index))
    expect(ordered.emitted.slice(2).map(paperNo)).toEqual([400, 401, 402, 403, 404, 405, 406, 407].map((n) => `CB(1)${n}/2024(05)`))
    // Every small file settles before either large one: the main thread took them while a worker was in a large file.
    expect(ordered.settled.slice(0, 8).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
    expect(ordered.outcome.onMain).toBe(8)
    const unordered = await run(paths, 2, false)
    expect(
      unordered.emitted
        .slice(0, 8)
        .map((result) => result.index)
        .sort((a, b) => a - b)
    ).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('reports a file that cannot be read, on whichever thread, as a failed result in its place; the others go on', async () => {
    const paths = [...small(2, 500), join(dir, 'missing.txt'), ...small(2, 502)]
    for (const jobs of [1, 2]) {
      const {outcome, emitted} = await run(paths, jobs)
      expect(outcome).toMatchObject({emitted: 5, failed: 1})
      expect(emitted.map((result) => result.ok)).toEqual([true, true, false, true, true])
      expect(!emitted[2]!.ok && emitted[2]!.reason).toMatch(/missing\.txt/)
    }
  })
})
