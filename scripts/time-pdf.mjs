#!/usr/bin/env node
// Times `legco parse FILE` of two builds, interleaved, on a machine that may be loaded:
//   node scripts/time-pdf.mjs BEFORE/bin/legco.cjs AFTER/bin/legco.cjs FILE [ROUNDS]
// Each round runs before then after (the order swapped every other round), each in a fresh process,
// and records its CPU time (user + system, from /usr/bin/time) and its wall time. It prints the
// medians and the after/before ratios. CPU time is the figure to quote when others share the cores.
import {spawnSync} from 'node:child_process'

const [before, after, file, rounds = '5'] = process.argv.slice(2)
if (!before || !after || !file) {
  console.error('usage: node scripts/time-pdf.mjs BEFORE_CLI AFTER_CLI FILE [ROUNDS]')
  process.exit(2)
}

function run(cli) {
  const start = process.hrtime.bigint()
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, 'parse', file, '-o', '/dev/null'], {encoding: 'utf8'})
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  if (child.status !== 0) throw new Error(`${cli}: exit ${child.status}: ${child.stderr}`)
  const [user, sys] = child.stderr.trim().split('\n').pop().split(' ').map(Number)
  return {cpu: user + sys, wall}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const times = {before: [], after: []}
for (let i = 0; i < Number(rounds); i++) {
  const order = i % 2 === 0 ? ['before', 'after'] : ['after', 'before']
  for (const which of order) times[which].push(run(which === 'before' ? before : after))
  console.error(`round ${i + 1}: before ${times.before.at(-1).cpu.toFixed(2)}s cpu, after ${times.after.at(-1).cpu.toFixed(2)}s cpu`)
}
const cpu = {before: median(times.before.map((t) => t.cpu)), after: median(times.after.map((t) => t.cpu))}
const wall = {before: median(times.before.map((t) => t.wall)), after: median(times.after.map((t) => t.wall))}
console.log(`cpu  before ${cpu.before.toFixed(2)}s  after ${cpu.after.toFixed(2)}s  ratio ${(cpu.after / cpu.before).toFixed(2)}`)
console.log(`wall before ${wall.before.toFixed(2)}s  after ${wall.after.toFixed(2)}s  ratio ${(wall.after / wall.before).toFixed(2)}`)
