#!/usr/bin/env node
/**
 * Two builds of legco side by side, in one run: this checkout's and another's
 * (a git worktree of an earlier commit, built with `npm ci`). For a change
 * that must not cost speed (a refactor): warm parse and cold start of the
 * other build against this one's, as ratios, the rounds interleaved so that
 * the machine's load falls on both alike.
 *
 *   node bench/compare.mjs --base DIR [--rounds N]
 *
 * Warm parse: each build parses the seed and a 1 MB paper (the seed's text
 * repeated) in a child process of its own, after warm-up; the figure is the
 * median time per parse (of the 1 MB paper also the fastest parse: see warm()). Cold start: `legco parse seed` as a whole process,
 * median of N rounds (default 21). Ratios are this build / the base: below
 * 1.00 is faster.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const baseArg = option('--base')
if (!baseArg) {
  console.error('usage: node bench/compare.mjs --base DIR [--rounds N]')
  process.exit(2)
}
const base = resolve(baseArg)
const rounds = Number(option('--rounds') ?? 21)
for (const dir of [root, base]) {
  if (!existsSync(join(dir, 'dist/index.js'))) {
    console.error(`compare: ${dir}/dist is missing: build it first (npm ci)`)
    process.exit(2)
  }
}

const seedPath = join(root, 'seeds/000_457f1a1b5f7781dd.txt')
const seed = readFileSync(seedPath, 'utf8')
const out = join(root, 'bench/out')
mkdirSync(out, {recursive: true})
const bigPath = join(out, 'compare-1mb.txt')
writeFileSync(bigPath, seed.repeat(Math.ceil(1e6 / Buffer.byteLength(seed))))

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Milliseconds per parse of `file` by the build in `dir`, warm, in a fresh
 * process: the median and the fastest of `repeat` parses. A 1 MB parse
 * allocates enough that where a collection falls moves the median by 10-20%
 * from one process to the next; the fastest parse shows the code's own cost.
 */
function warm(dir, file, repeat) {
  const script = `
    const {parse} = await import(${JSON.stringify(pathToFileURL(join(dir, 'dist/index.js')).href)})
    const {readFileSync} = await import('node:fs')
    const bytes = readFileSync(${JSON.stringify(file)})
    for (let i = 0; i < 5; i++) parse(bytes)
    const times = []
    for (let i = 0; i < ${repeat}; i++) { const t = performance.now(); parse(bytes); times.push(performance.now() - t) }
    times.sort((a, b) => a - b)
    console.log(times[Math.floor(times.length / 2)] + ' ' + times[0])`
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
  if (run.status !== 0) throw new Error(`compare: warm run failed in ${dir}: ${run.stderr}`)
  const [middle, fastest] = run.stdout.trim().split(' ').map(Number)
  return {middle, fastest}
}

function cold(dir) {
  const t = performance.now()
  const run = spawnSync(process.execPath, [join(dir, 'bin/legco.cjs'), 'parse', seedPath], {stdio: 'ignore'})
  if (run.status !== 0) throw new Error(`compare: cold run failed in ${dir}`)
  return performance.now() - t
}

const samples = {warmSeed: [[], []], warmBig: [[], []], warmBigFastest: [[], []], cold: [[], []]}
const builds = [root, base]
const warmRounds = Math.max(3, Math.round(rounds / 4))
for (let r = 0; r < warmRounds; r++) {
  const order = r % 2 ? [1, 0] : [0, 1]
  for (const i of order) {
    samples.warmSeed[i].push(warm(builds[i], seedPath, 200).middle)
    const big = warm(builds[i], bigPath, 30)
    samples.warmBig[i].push(big.middle)
    samples.warmBigFastest[i].push(big.fastest)
  }
}
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [1, 0] : [0, 1]
  for (const i of order) samples.cold[i].push(cold(builds[i]))
}

const row = (name, [mine, theirs], unit) => {
  const a = median(mine)
  const b = median(theirs)
  console.log(`${name.padEnd(28)} ${a.toFixed(2).padStart(9)} ${b.toFixed(2).padStart(9)} ${unit}   ratio ${(a / b).toFixed(3)}`)
  return a / b
}
console.log(`this build: ${root}\nbase build: ${base}\n${''.padEnd(28)} ${'this'.padStart(9)} ${'base'.padStart(9)}`)
const ratios = {
  warmSeed: row('warm parse, seed (14 KB)', samples.warmSeed, 'ms'),
  warmBig: row('warm parse, 1 MB', samples.warmBig, 'ms'),
  warmBigFastest: row('warm parse, 1 MB, fastest', samples.warmBigFastest, 'ms'),
  cold: row('cold `legco parse seed`', samples.cold, 'ms')
}
writeFileSync(join(out, 'compare.json'), JSON.stringify({date: new Date().toISOString(), root, base, rounds, samples, ratios}, null, 1))
