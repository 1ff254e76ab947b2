// Issue 16, past one machine: --files-from, --shard K/N, --errors FILE, and the GNU parallel recipe of docs/archive.md.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseShard, selectShard, shardOf} from '../src/cli/inputs.js'
import type {Paper} from '../src/tree.js'
import {root, seed} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')

function legco(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd ?? root, input: options.input, timeout: 120_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

const paperNo = (n: number) => `CB(1)${n}/2024(05)`

/** n papers p1.txt … pn.txt, a binary file and a list naming them all and a missing file. */
function archive(n = 12): {dir: string; list: string; papers: string[]; bad: string[]} {
  const dir = mkdtempSync(join(tmpdir(), 'legco-archive-'))
  const papers: string[] = []
  for (let i = 1; i <= n; i++) {
    const path = join(dir, `p${i}.txt`)
    writeFileSync(path, seed.replace('CB(1)369/2024(05)', paperNo(i)))
    papers.push(path)
  }
  const binary = join(dir, 'binary.txt')
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]))
  const bad = [binary, join(dir, 'missing.txt')]
  const list = join(dir, 'list.txt')
  writeFileSync(list, [...papers.slice(0, 5), bad[0], ...papers.slice(5), bad[1]].join('\n') + '\n')
  return {dir, list, papers, bad}
}

const lines = (text: string) => text.split('\n').filter(Boolean)
const numbersOf = (stdout: string) =>
  lines(stdout)
    .map((line) => (JSON.parse(line) as Paper).meta.paperNo)
    .sort()

describe('--shard K/N', () => {
  it('parses K/N and refuses what is not 1 <= K <= N', () => {
    expect(parseShard('2/3')).toEqual({k: 2, n: 3})
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', '1/2/3']) expect(parseShard(bad)).toBeUndefined()
  })

  it('puts every path in exactly one shard, by the path alone (not its place in the list)', () => {
    const paths = Array.from({length: 1000}, (_, i) => `archive/${i % 7}/paper-${i}.pdf`)
    const shards = [1, 2, 3, 4].map((k) =>
      selectShard(
        paths.map((path) => ({path})),
        {k, n: 4}
      ).map((entry) => entry.path)
    )
    expect(shards.flat().sort()).toEqual([...paths].sort())
    for (const shard of shards) expect(shard.length).toBeGreaterThan(180) // near 250 each
    const reversed = selectShard(
      [...paths].reverse().map((path) => ({path})),
      {k: 2, n: 4}
    ).map((entry) => entry.path)
    expect(reversed.sort()).toEqual([...shards[1]!].sort())
    // Fixed values: a change of the hash would move files between shards of runs already made.
    expect([shardOf('a.txt', 10), shardOf('papers/2024/cb1-369.pdf', 10), shardOf('文件.txt', 10)]).toEqual([3, 6, 4])
    expect(shardOf('a.txt', 1)).toBe(1)
  })

  it('N runs of the CLI together give every paper once; an empty shard is an empty batch, exit 0', () => {
    const {list, papers} = archive()
    const seen: string[] = []
    for (let k = 1; k <= 3; k++) {
      const run = legco(['parse', '--files-from', list, '--shard', `${k}/3`, '-f', 'ndjson', '-q'])
      seen.push(...numbersOf(run.stdout))
    }
    expect(seen.sort()).toEqual(papers.map((_, i) => paperNo(i + 1)).sort())
    const one = archive(1)
    const empty = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => legco(['parse', one.papers[0]!, '--shard', `${k}/8`, '-f', 'json', '-q']))
    expect(empty.filter((run) => run.stdout === '[]\n' && run.code === 0)).toHaveLength(7)
    const bad = legco(['parse', one.papers[0]!, '--shard', '3/2'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--shard wants K\/N/)
  })
})

describe('--files-from and --errors', () => {
  it('reads the list from a file or from standard input, one path a line (CRLF, blank lines)', () => {
    const {list, papers} = archive(4)
    const fromFile = legco(['parse', '--files-from', list, '-f', 'ndjson', '-q'])
    expect(numbersOf(fromFile.stdout)).toEqual(papers.map((_, i) => paperNo(i + 1)).sort())
    expect(fromFile.code).toBe(1) // the binary and the missing file
    const crlf = papers.join('\r\n') + '\r\n\r\n'
    const fromStdin = legco(['parse', '--files-from', '-', '-f', 'ndjson', '-q'], {input: crlf})
    expect(fromStdin.code).toBe(0)
    expect(numbersOf(fromStdin.stdout)).toEqual(numbersOf(fromFile.stdout))
    // A list of one is still a batch: a JSON array.
    const single = legco(['parse', '--files-from', '-', '-q'], {input: papers[0] + '\n'})
    expect(JSON.parse(single.stdout)).toHaveLength(1)
    const both = legco(['parse', '-', '--files-from', '-'], {input: ''})
    expect(both.code).toBe(2)
  })

  it('takes every non-empty line as a path: no comments, spaces kept', () => {
    const {dir, papers} = archive(2)
    writeFileSync(join(dir, '#3.txt'), seed.replace('CB(1)369/2024(05)', paperNo(3)))
    writeFileSync(join(dir, ' 4.txt'), seed.replace('CB(1)369/2024(05)', paperNo(4)))
    const errors = join(dir, 'errors.ndjson')
    const list = ['p1.txt', '#3.txt', '', ' 4.txt', '   ', 'p2.txt', ''].join('\n')
    const run = legco(['parse', '--files-from', '-', '-f', 'ndjson', '-q', '--errors', errors], {cwd: dir, input: list})
    // The line of spaces is a path too: a file that is not there.
    expect(run.code).toBe(1)
    expect(lines(run.stdout).map((line) => (JSON.parse(line) as Paper).meta.paperNo)).toEqual([1, 3, 4, 2].map(paperNo))
    expect(lines(readFileSync(errors, 'utf8')).map((line) => (JSON.parse(line) as {path: string}).path)).toEqual(['   '])
    expect(papers).toHaveLength(2)
  })

  it('writes one error record per failed input, whose paths re-run just those; exit 1, trees unchanged', () => {
    const {dir, list, bad} = archive(6)
    const errors = join(dir, 'errors.ndjson')
    const run = legco(['parse', '--files-from', list, '-f', 'ndjson', '--errors', errors, '-q'])
    expect(run.code).toBe(1)
    expect(lines(run.stdout)).toHaveLength(6)
    const records = lines(readFileSync(errors, 'utf8')).map((line) => JSON.parse(line) as {type: string; path: string; reason: string; exitCode: number})
    expect(records.map((record) => record.path)).toEqual(bad)
    for (const record of records) {
      expect(record.type).toBe('error')
      expect(record.exitCode).toBe(2)
      expect(record.reason).toContain(record.path)
    }
    // The re-run: the failed paths, as a list.
    const again = legco(['parse', '--files-from', '-', '-f', 'ndjson', '--errors', errors, '-q'], {input: records.map((record) => record.path).join('\n')})
    expect(again.code).toBe(1)
    expect(again.stdout).toBe('')
    expect(lines(readFileSync(errors, 'utf8'))).toHaveLength(2)
    // All good: the file is there, empty.
    const good = legco(['parse', join(dir, 'p1.txt'), join(dir, 'p2.txt'), '-f', 'ndjson', '--errors', errors, '-q'])
    expect(good.code).toBe(0)
    expect(readFileSync(errors, 'utf8')).toBe('')
    // One input: the same record.
    const alone = legco(['parse', bad[1]!, '--errors', errors])
    expect(alone.code).toBe(2)
    expect((JSON.parse(readFileSync(errors, 'utf8')) as {path: string}).path).toBe(bad[1])
  })
})

const hasParallel = spawnSync('parallel', ['--version'], {encoding: 'utf8'}).stdout?.includes('GNU parallel') ?? false

describe.skipIf(!hasParallel)('the GNU parallel recipe (docs/archive.md)', () => {
  const legcoCommand = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)}`

  it('shards over "hosts" (-S :, the local machine): every paper once, a failed input named by its shard', () => {
    const {dir, list, papers, bad} = archive()
    const script = `seq 1 4 | parallel --will-cite -S : -j 4 '${legcoCommand} parse --files-from ${list} --shard {}/4 -j 1 -q -f ndjson --errors ${dir}/errors-{}.ndjson > ${dir}/out-{}.ndjson'`
    const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', timeout: 120_000})
    // parallel's exit code: how many jobs failed (the shards holding the two bad inputs exit 1).
    expect(run.status).toBeGreaterThanOrEqual(1)
    expect(run.status).toBeLessThanOrEqual(2)
    const out = [1, 2, 3, 4].map((k) => readFileSync(join(dir, `out-${k}.ndjson`), 'utf8')).join('')
    expect(numbersOf(out)).toEqual(papers.map((_, i) => paperNo(i + 1)).sort())
    const failed = [1, 2, 3, 4].flatMap((k) =>
      lines(readFileSync(join(dir, `errors-${k}.ndjson`), 'utf8')).map((line) => (JSON.parse(line) as {path: string}).path)
    )
    expect(failed.sort()).toEqual([...bad].sort())
  })

  it('feeds blocks of the list to --files-from - (--pipe): one NDJSON stream of every tree, each job its own --errors file', () => {
    const {dir, list, papers, bad} = archive()
    const script = `mkdir ${dir}/failed && parallel --will-cite --pipe -N 3 -j 2 '${legcoCommand} parse --files-from - -j 1 -q -f ndjson --errors ${dir}/failed/{#}.ndjson' < ${list}`
    const run = spawnSync('bash', ['-c', script], {encoding: 'utf8', timeout: 120_000})
    // 14 lines in blocks of 3: the blocks holding the binary (line 6) and the missing file (line 14) exit 1.
    expect(run.status).toBe(2)
    expect(numbersOf(run.stdout)).toEqual(papers.map((_, i) => paperNo(i + 1)).sort())
    const failed = spawnSync('bash', ['-c', `cat ${dir}/failed/*.ndjson`], {encoding: 'utf8'}).stdout
    expect(
      lines(failed)
        .map((line) => (JSON.parse(line) as {path: string}).path)
        .sort()
    ).toEqual([...bad].sort())
    expect(spawnSync('bash', ['-c', `ls ${dir}/failed | wc -l`], {encoding: 'utf8'}).stdout.trim()).toBe('5') // one file a job, empty when none failed
  })
})
