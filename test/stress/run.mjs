#!/usr/bin/env node
/**
 * The stress harness (`npm run stress`; `npm run stress -- --long` adds
 * 16x; `--only NAME,NAME`). For each shape of shapes.mjs: the CLI run on
 * its input at 1x and 4x (16x), its CPU time and wall time less those of a
 * run on a tiny input (start-up), peak RSS (a preload, rss.cjs). A shape
 * fails when
 *   - a run ends other than with its expected exit code (a crash is 70),
 *   - a run takes over 20 s of CPU time (start-up included), or is still
 *     running after KILL_MS of wall time (it is killed then: a hang),
 *   - 4x takes more than 6x the 1x CPU time (16x: more than 6x the 4x's);
 *     times under LIMITS.floorMs count as that, so that noise on a fast shape
 *     is not a ratio. CPU time, not wall time: on a machine shared with
 *     other work a run waits for a core for as long as the others keep it
 *     (wall-time ratios of one shape went from 2x to 7x between two runs
 *     under load), while the work a run does, what grows with its input,
 *     is its CPU time;
 *   - from 1 MB of input, peak RSS above the tiny run's exceeds 15x the
 *     input (reported below that size, not judged), unless the shape has a
 *     memory allowance (`memory` in shapes.mjs) that README.md beside this
 *     file documents: then it is reported as over, with the reason. An
 *     allowance README.md does not name fails the shape, and one the shape
 *     no longer needs is reported so, for its removal.
 * Prints one line per shape and run; exit 1 when a shape not marked
 * `known` fails (a known failure is listed with its reason; a known one
 * that passes is listed as such: remove its mark).
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {SHAPES} from './shapes.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/legco.cjs')
const preload = fileURLToPath(new URL('./rss.cjs', import.meta.url))

export const LIMITS = {maxRunMs: 20_000, killMs: 90_000, maxRatio: 6, floorMs: 250, maxRssRatio: 15, rssFromBytes: 1 << 20}

const readme = fileURLToPath(new URL('./README.md', import.meta.url))

/**
 * The shapes whose memory allowance README.md documents: the names in the
 * first column of the table under its `## Memory allowances` heading.
 */
export function documentedAllowances(text = existsSync(readme) ? readFileSync(readme, 'utf8') : '') {
  const names = new Set()
  const at = text.search(/^## Memory allowances\s*$/m)
  if (at < 0) return names
  const rest = text.slice(at + 1)
  const next = rest.search(/^## /m)
  const section = next < 0 ? rest : rest.slice(0, next)
  for (const line of section.split('\n')) {
    const cell = /^\|\s*`([a-z0-9-]+)`\s*\|/.exec(line)
    if (cell) names.add(cell[1])
  }
  return names
}

function args(shape, dir, files) {
  const names = Object.keys(files).map((name) => join(dir, name))
  if (shape.command === 'align') return ['align', ...names, '-q']
  if (shape.command === 'check') return ['check', ...names, '-q', '-f', 'json']
  return ['parse', ...names, '-q']
}

/** One CLI run: {ms (wall), cpuMs, rssKb, code, killed}. Killed after `capMs`. */
export function runOnce(argv, capMs = LIMITS.killMs) {
  return new Promise((resolve) => {
    const dir = mkdtempSync(join(tmpdir(), 'legco-rss-'))
    const rssFile = join(dir, 'rss')
    const began = performance.now()
    const child = spawn(process.execPath, ['-r', preload, bin, ...argv], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'ignore'],
      env: {...process.env, LEGCO_STRESS_RSS: rssFile}
    })
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, capMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - began
      let rssKb = NaN
      let cpuMs = NaN
      try {
        ;[rssKb, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number)
      } catch {}
      rmSync(dir, {recursive: true, force: true})
      resolve({ms, cpuMs, rssKb, code: signal ? null : code, signal, killed})
    })
  })
}

let baseline
/** Start-up: the fastest of three runs on a one-line paper. */
export async function measureBaseline() {
  if (baseline) return baseline
  const dir = mkdtempSync(join(tmpdir(), 'legco-stress-'))
  writeFileSync(join(dir, 'a.txt'), '1. One paragraph.\n')
  const runs = []
  for (let i = 0; i < 3; i++) runs.push(await runOnce(['parse', join(dir, 'a.txt'), '-q']))
  rmSync(dir, {recursive: true, force: true})
  baseline = {ms: Math.min(...runs.map((r) => r.ms)), cpuMs: Math.min(...runs.map((r) => r.cpuMs)), rssKb: Math.min(...runs.map((r) => r.rssKb))}
  return baseline
}

/**
 * A shape at each scale, in order; stops at the first failure. Returns
 * {name, known, runs: [{scale, bytes, ms, netMs, cpuMs, netCpuMs, rssKb, rssRatio, ratio}], failure?}
 * (`ratio`: of the net CPU times).
 */
export async function runShape(shape, scales = [1, 4]) {
  const base = await measureBaseline()
  const result = {name: shape.name, known: shape.known, runs: [], failure: undefined, overMemory: undefined}
  const allowed = shape.memory !== undefined && documentedAllowances().has(shape.name)
  if (shape.memory !== undefined && !allowed) {
    result.failure = `a memory allowance that test/stress/README.md does not document (## Memory allowances)`
    return result
  }
  const expected = shape.exit ?? [0]
  let previous
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'legco-stress-'))
    const files = shape.make(scale)
    let bytes = 0
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text)
      bytes += Buffer.byteLength(text)
    }
    // 20 s is a limit on CPU time: on a machine shared with other work a run that needs 10 s of CPU can wait as long
    // again for a core (a check of 36,000 items took 25 s of wall time so while other test suites ran). Wall time
    // only stops a hang, far past that.
    const cap = LIMITS.killMs
    const run = await runOnce(args(shape, dir, files), cap)
    rmSync(dir, {recursive: true, force: true})
    const netMs = Math.max(0, run.ms - base.ms)
    const netCpuMs = Math.max(0, run.cpuMs - base.cpuMs)
    const rssRatio = ((run.rssKb - base.rssKb) * 1024) / bytes
    const ratio = previous ? Math.max(netCpuMs, LIMITS.floorMs) / Math.max(previous.netCpuMs, LIMITS.floorMs) : undefined
    const entry = {scale, bytes, ms: run.ms, netMs, cpuMs: run.cpuMs, netCpuMs, rssKb: run.rssKb, rssRatio, ratio, code: run.code}
    result.runs.push(entry)
    if (run.killed) result.failure = `${scale}x: killed after ${(cap / 1000).toFixed(1)} s of wall time (a hang)`
    else if (!expected.includes(run.code)) result.failure = `${scale}x: exit ${run.code ?? run.signal} (expected ${expected.join(' or ')})`
    else if (run.cpuMs > LIMITS.maxRunMs) result.failure = `${scale}x: ${(run.cpuMs / 1000).toFixed(1)} s of CPU, over 20 s`
    else if (ratio !== undefined && ratio > LIMITS.maxRatio)
      result.failure = `${scale}x: ${ratio.toFixed(1)}x the CPU time of ${previous.scale}x (limit ${LIMITS.maxRatio}x)`
    else if (bytes >= LIMITS.rssFromBytes && rssRatio > LIMITS.maxRssRatio) {
      const over = `${scale}x: peak RSS ${rssRatio.toFixed(1)}x the input (limit ${LIMITS.maxRssRatio}x)`
      if (allowed) result.overMemory = over
      else result.failure = over
    }
    if (result.failure) break
    previous = entry
  }
  return result
}

/** Does the known mark cover this failure? (`from`: only failures at that scale or above.) */
export function knownCovers(shape, result) {
  if (!shape.known || !result.failure) return false
  const scale = result.runs.at(-1)?.scale ?? 1
  return scale >= (shape.known.from ?? 1)
}

function format(result) {
  return result.runs
    .map(
      (r) =>
        `${r.scale}x ${(r.bytes / 1024).toFixed(0)} KB cpu ${(r.netCpuMs / 1000).toFixed(2)} s${r.ratio ? ` (${r.ratio.toFixed(1)}x)` : ''} wall ${(r.netMs / 1000).toFixed(2)} s RSS ${(r.rssKb / 1024).toFixed(0)} MB${Number.isFinite(r.rssRatio) ? ` (+${r.rssRatio.toFixed(1)}x input)` : ''}`
    )
    .join('; ')
}

async function main() {
  const argv = process.argv.slice(2)
  const long = argv.includes('--long')
  const onlyAt = argv.indexOf('--only')
  const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1].split(',')) : undefined
  const scales = long ? [1, 4, 16] : [1, 4]
  const base = await measureBaseline()
  console.log(
    `stress: ${scales.join('x, ')}x; start-up ${(base.cpuMs / 1000).toFixed(2)} s CPU, ${(base.ms / 1000).toFixed(2)} s wall, ${(base.rssKb / 1024).toFixed(0)} MB (subtracted)`
  )
  let unexpected = 0
  const known = []
  const allowances = []
  for (const shape of SHAPES) {
    if (only && !only.has(shape.name)) continue
    const result = await runShape(shape, scales)
    const covered = knownCovers(shape, result)
    const verdict = !result.failure
      ? shape.known && scales.at(-1) >= (shape.known.from ?? 1)
        ? 'PASS (marked known: remove the mark)'
        : 'pass'
      : covered
        ? 'KNOWN'
        : 'FAIL'
    if (result.failure && !covered) unexpected++
    if (covered) known.push(`${shape.name}: ${shape.known.reason}`)
    if (result.overMemory) allowances.push(`${shape.name}: ${result.overMemory}; allowed: ${shape.memory.reason}`)
    const judged = result.runs.some((run) => run.bytes >= LIMITS.rssFromBytes)
    const memoryNote = result.overMemory
      ? `  — over the memory goal, allowed (test/stress/README.md): ${result.overMemory}`
      : shape.memory && judged && !result.failure
        ? '  — within the memory goal: remove its allowance'
        : ''
    console.log(`${verdict.padEnd(5)} ${shape.name.padEnd(24)} ${format(result)}${result.failure ? `  — ${result.failure}` : ''}${memoryNote}`)
  }
  if (known.length) console.log(`\nknown failures (not fixed yet):\n${known.map((line) => `  ${line}`).join('\n')}`)
  if (allowances.length) console.log(`\nover the memory goal, allowed where documented:\n${allowances.map((line) => `  ${line}`).join('\n')}`)
  console.log(`\nstress: ${unexpected} unexpected failure${unexpected === 1 ? '' : 's'}, ${known.length} known`)
  process.exitCode = unexpected ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
