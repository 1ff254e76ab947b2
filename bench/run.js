#!/usr/bin/env node
/**
 * `npm run bench`: how fast legco is, against its goals and against a
 * reference measured in the same run. Runs against dist/ (npm run build
 * first). Builds its inputs under bench/out/ (git-ignored) from the seed
 * paper, prints a table and writes bench/results.json.
 *
 *   1. warm parse throughput (MB/s) at 14 KB, 1 MB and 10 MB; linearity
 *   2. remark-parse (unified) over the same 1 MB, as the reference
 *   3. cold start of the whole process against `node -e 0`
 *   4. a folder of 2,000 papers: -j default against -j 1, wall and CPU time (every thread), load average before and after
 *   5. peak RSS of `legco parse` on the 10 MB paper
 *   6. PDF pages per second, next to pdftotext when installed
 *   7. Markdown input: the corpus md/ files and a 1 MB Markdown paper (our
 *      -f md of the 1 MB paper), whole parses by the line path (parseText,
 *      as a .txt is read) and by the .md path (parseMarkdownText: remark-parse
 *      + GFM, src/read/markdown.ts), interleaved, the ratio in the same run;
 *      and a cold `legco parse x.txt` loads no remark module
 *   8. other issues' features over the folder (csv, html, check), each against ndjson
 *   9. an HTML page against its text alone, rounds interleaved (goal <= 3x); a text parse loads no HTML parser
 *  10. legco check on the 10 MB paper with a cross-reference in every paragraph, against legco parse
 *      of it in the same run: time (goal <= 2x) and peak RSS (goal <= 1.5x)
 *  11. the meeting genres (minutes, agendas, the Hansard), warm, against the seed brief per byte (reported)
 *  12. the stress shapes of test/stress/ at 1x and 4x: CPU-time ratio (goal <= 6x), peak RSS against the input
 *  13. a folder of PDFs (the corpus pdf/), -j default against -j 1: wall and CPU time (goal 0.85 N)
 *
 * Options: --quick (fewer repetitions, smaller folder; for a smoke test),
 * --only=1,3 (some items only), --results=FILE (write the figures there, not to bench/results.json).
 * Env BENCH_COLD_RUNS overrides the cold runs.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, platform, release, totalmem} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'bench/out')
const bin = join(root, 'bin/legco.cjs')
const seedPath = join(root, 'seeds/000_457f1a1b5f7781dd.txt')
const pdfPath = join(root, '../shared/corpus/pdf/lc-hansard-cm20121121-translate.zh.pdf')
const htmlPath = join(root, '../shared/corpus/html/council-hansard-2015-04-29.en.html')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const onlyArg = args.find((arg) => arg.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice(7).split(',').map(Number)) : null
const want = (item) => !only || only.has(item)
const resultsArg = args.find((arg) => arg.startsWith('--results='))
const resultsPath = resultsArg ? resultsArg.slice(10) : join(root, 'bench/results.json')
const MB = 1e6

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('bench: dist/ is missing: run `npm run build` first')
  process.exit(2)
}

const rows = []
const results = {
  date: new Date().toISOString(),
  machine: machine(),
  quick,
  items: {}
}
const started = performance.now()
results.loadAverageAtStart = loadavg()[0]
if (loadavg()[0] > availableParallelism() / 2) {
  console.log(`warning: load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: something else is running, figures will be noisy`)
}

// ------------------------------------------------------------------ inputs

/**
 * The seed with its body repeated until the paper reaches `target` bytes,
 * paragraphs renumbered on (2., 3., … up to tens of thousands), header
 * first and signature and appendix last: one long, well-formed paper.
 */
function buildPaper(seed, target) {
  const lines = seed.split('\n')
  const bodyStart = lines.indexOf('背景')
  const bodyEnd = lines.indexOf('立法會秘書處')
  if (bodyStart < 0 || bodyEnd < bodyStart) throw new Error('bench: the seed no longer has the shape the input builder expects')
  const head = lines.slice(0, bodyStart)
  const body = lines.slice(bodyStart, bodyEnd)
  const tail = lines.slice(bodyEnd)
  const fixed = Buffer.byteLength(head.join('\n') + '\n' + tail.join('\n'))
  const bodyBytes = Buffer.byteLength(body.join('\n') + '\n')
  const repeats = Math.max(1, Math.round((target - fixed) / bodyBytes))
  const outLines = [...head]
  let number = 1
  for (let r = 0; r < repeats; r++) for (const line of body) outLines.push(line.replace(/^(\d+)\. /, () => `${++number}. `))
  outLines.push(...tail.map((line) => line.replace(/^(\d+)\. /, () => `${++number}. `)))
  return outLines.join('\n')
}

function buildInputs() {
  mkdirSync(out, {recursive: true})
  const seed = readFileSync(seedPath, 'utf8')
  const papers = {}
  for (const [name, target] of [
    ['14k', 14e3],
    ['1m', 1e6],
    ['10m', 10e6]
  ]) {
    const text = buildPaper(seed, target)
    const path = join(out, `paper-${name}.txt`)
    writeFileSync(path, text)
    papers[name] = {path, text, bytes: Buffer.byteLength(text)}
  }
  // 2,000 papers (each the seed under its own paper number), 20 folders of 100.
  const count = quick ? 400 : 2000
  const folder = join(out, `folder-${count}`)
  rmSync(folder, {recursive: true, force: true})
  for (let i = 0; i < count; i++) {
    const sub = join(folder, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`)
    if (i % 100 === 0) mkdirSync(sub, {recursive: true})
    const text = seed.replace('CB(1)369/2024(05)', `CB(1)${1000 + i}/2024(05)`)
    writeFileSync(join(sub, `paper-${String(i).padStart(4, '0')}.txt`), text)
  }
  return {papers, folder, count, seed}
}

// ----------------------------------------------------------------- helpers

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Two sides timed in interleaved rounds (`first` then `second` in each, after two warm-up rounds): the
 * median ms of each and the median of each round's first/second ratio. On a loaded machine the load moves
 * both sides of a round alike, so the ratio is steadier than the two medians' quotient.
 */
function interleaved(first, second, rounds) {
  for (let i = 0; i < 2; i++) first(), second()
  const firstSamples = []
  const secondSamples = []
  const ratios = []
  for (let i = 0; i < rounds; i++) {
    let start = performance.now()
    first()
    const a = performance.now() - start
    start = performance.now()
    second()
    const b = performance.now() - start
    firstSamples.push(a)
    secondSamples.push(b)
    ratios.push(a / b)
  }
  return {firstMs: median(firstSamples), secondMs: median(secondSamples), ratio: median(ratios)}
}

/** Time `fn` (ms) over repeated batches for at least `budget` ms; the median batch, per call. */
function timeWarm(fn, {budget, minRuns, warmups = 2}) {
  for (let i = 0; i < warmups; i++) fn()
  // Calls per batch so that one batch takes ~20 ms or more.
  const t0 = performance.now()
  fn()
  const once = Math.max(performance.now() - t0, 0.01)
  const perBatch = Math.max(1, Math.ceil(20 / once))
  const samples = []
  const until = performance.now() + budget
  while (samples.length < minRuns || performance.now() < until) {
    const start = performance.now()
    for (let i = 0; i < perBatch; i++) fn()
    samples.push((performance.now() - start) / perBatch)
    if (samples.length >= 200) break
  }
  return median(samples)
}

function row(item, what, value, unit, goal, ok, note = '') {
  rows.push({item, what, value, unit, goal, ok, note})
}

const fmt = (value, digits = 1) => (value >= 100 ? value.toFixed(0) : value.toFixed(digits))

function run(command, argv, options = {}) {
  const start = performance.now()
  const result = spawnSync(command, argv, {cwd: root, maxBuffer: 1 << 30, ...options})
  const ms = performance.now() - start
  if (result.error) throw result.error
  return {ms, status: result.status, stdout: result.stdout, stderr: result.stderr?.toString() ?? ''}
}

function runAsync(command, argv, options = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, argv, {cwd: root, stdio: ['ignore', 'ignore', 'pipe'], ...options})
    let stderr = ''
    child.stderr?.on('data', (data) => (stderr += data))
    child.on('error', reject)
    child.on('close', (status) => {
      const cpu = /bench-cpu=(\d+)/.exec(stderr)
      resolve({ms: performance.now() - start, status, stderr, cpuMs: cpu ? Number(cpu[1]) / 1000 : undefined})
    })
  })
}

/**
 * Node's arguments that make a run report its CPU time (user + system, every thread: getrusage of the process)
 * at exit, for `runAsync`'s `cpuMs`. Beside wall time it says whether more threads did more work or the
 * same work sooner, and it moves far less than wall time when the machine is shared.
 */
const CPU_HOOK = [
  '--import',
  `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nbench-cpu='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`
]

/** The load average (1, 5, 15 minutes) as bench/README.md quotes it: how idle the machine was. */
const load = () => loadavg().map((value) => Number(value.toFixed(2)))

/**
 * Folder runs of `configurations` (name -> argv after node), `rounds` rounds interleaved: median wall and CPU
 * time of each, and the load average before and after.
 */
async function folderRuns(configurations, rounds, before = () => {}, accept = [0]) {
  const devNull = {stdio: ['ignore', 'ignore', 'pipe']}
  const loadBefore = load()
  const samples = Object.fromEntries(Object.keys(configurations).map((name) => [name, {ms: [], cpuMs: []}]))
  for (let round = 0; round < rounds; round++) {
    for (const [name, argv] of Object.entries(configurations)) {
      before(name)
      const result = await runAsync(process.execPath, [...CPU_HOOK, ...argv], devNull)
      if (!accept.includes(result.status)) throw new Error(`bench: folder ${name} exited ${result.status}: ${result.stderr}`)
      samples[name].ms.push(result.ms)
      samples[name].cpuMs.push(result.cpuMs)
    }
  }
  const figures = Object.fromEntries(Object.entries(samples).map(([name, sample]) => [name, {ms: median(sample.ms), cpuMs: median(sample.cpuMs)}]))
  return {figures, samples, loadBefore, loadAfter: load()}
}

function machine() {
  const cpu = cpus()[0]?.model?.trim() || 'unknown'
  let model = cpu
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)
    if (info) model = info[1].trim()
  } catch {}
  const nproc = spawnSync('nproc', {encoding: 'utf8'}).stdout?.trim()
  return {
    cpu: model,
    cores: availableParallelism(),
    nproc: nproc ? Number(nproc) : availableParallelism(),
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`
  }
}

// ------------------------------------------------------------------- bench

console.log(
  `legco bench${quick ? ' (--quick)' : ''}: ${results.machine.cpu}, ${results.machine.nproc} cores, ${results.machine.memoryGB} GB, Node ${results.machine.node}`
)
const inputs = buildInputs()
console.log(
  `inputs: ${Object.values(inputs.papers)
    .map((paper) => `${(paper.bytes / MB).toFixed(3)} MB`)
    .join(', ')}; ${inputs.count} papers in ${inputs.folder.slice(root.length)}`
)

const legco = await import(pathToFileURL(join(root, 'dist/index.js')).href)

// 1. Warm throughput: the library's whole parse of bytes (decode + parse), as `legco parse` does it.
const throughput = {}
if (want(1) || want(2)) {
  for (const [name, paper] of Object.entries(inputs.papers)) {
    const bytes = readFileSync(paper.path)
    const big = paper.bytes > 5 * MB
    const options = {budget: quick ? 300 : big ? 4000 : 1500, minRuns: big ? (quick ? 1 : 3) : 5, warmups: big ? 1 : 3}
    const ms = timeWarm(() => legco.parse(bytes), options)
    // The same without decoding: the text already a string (parseText).
    const textMs = timeWarm(() => legco.parseText(paper.text), {...options, budget: options.budget / 2})
    throughput[name] = {bytes: paper.bytes, ms, mbPerSecond: paper.bytes / MB / (ms / 1000), textMs, textMbPerSecond: paper.bytes / MB / (textMs / 1000)}
    process.stdout.write(
      `  parse ${name}: ${fmt(ms, 2)} ms, ${fmt(throughput[name].mbPerSecond)} MB/s (string only: ${fmt(throughput[name].textMbPerSecond)} MB/s)\n`
    )
  }
  results.items.throughput = throughput
  for (const name of ['14k', '1m', '10m']) {
    const t = throughput[name]
    row(
      1,
      `parse ${name === '14k' ? '14 KB' : name === '1m' ? '1 MB' : '10 MB'} (warm, bytes -> tree)`,
      t.mbPerSecond,
      'MB/s',
      '>= 30 MB/s',
      t.mbPerSecond >= 30,
      `${fmt(t.ms, 2)} ms; string -> tree ${fmt(t.textMbPerSecond)} MB/s`
    )
  }
  const linear = throughput['14k'].mbPerSecond / throughput['10m'].mbPerSecond
  results.items.linearity = {ratio14kTo10m: linear}
  row(1, 'linearity: MB/s at 14 KB / MB/s at 10 MB', linear, 'x', '<= 1.5x', linear <= 1.5)
}

// 2. The reference: remark-parse over the same 1 MB text.
if (want(2)) {
  const {unified} = await import('unified')
  const {default: remarkParse} = await import('remark-parse')
  const processor = unified().use(remarkParse)
  const text = inputs.papers['1m'].text
  processor.parse(inputs.papers['14k'].text) // warm the code paths
  const samples = []
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    const start = performance.now()
    processor.parse(text)
    samples.push(performance.now() - start)
  }
  const remarkMs = Math.min(...samples)
  const ours = throughput['1m'].ms
  const speedup = remarkMs / ours
  results.items.remark = {bytes: inputs.papers['1m'].bytes, remarkMs, legcoMs: ours, speedup}
  process.stdout.write(`  remark-parse 1m: ${fmt(remarkMs)} ms\n`)
  row(2, 'remark-parse alone, same 1 MB', inputs.papers['1m'].bytes / MB / (remarkMs / 1000), 'MB/s', 'reference')
  row(2, 'legco whole parse vs remark-parse (1 MB)', speedup, 'x faster', '>= 10x', speedup >= 10)
}

// 3. Cold start, whole process, interleaved runs, median.
if (want(3)) {
  const runs = Number(process.env.BENCH_COLD_RUNS) || (quick ? 5 : 21)
  const commands = {
    'node -e 0': ['-e', '0'],
    'legco --help': [bin, '--help'],
    'legco parse seed': [bin, 'parse', seedPath]
  }
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  for (const argv of Object.values(commands)) run(process.execPath, argv) // file cache
  for (let i = 0; i < runs; i++) {
    for (const [name, argv] of Object.entries(commands)) {
      const result = run(process.execPath, argv, {stdio: ['ignore', 'ignore', 'ignore']})
      if (result.status !== 0) throw new Error(`bench: ${name} exited ${result.status}`)
      times[name].push(result.ms)
    }
  }
  const base = median(times['node -e 0'])
  const help = median(times['legco --help'])
  const parse = median(times['legco parse seed'])
  results.items.coldStart = {runs, nodeMs: base, helpMs: help, parseMs: parse, helpRatio: help / base, parseRatio: parse / base}
  const least = (name) => Math.min(...times[name])
  row(3, `cold: node -e 0 (median of ${runs})`, base, 'ms', 'reference', undefined, `fastest ${fmt(least('node -e 0'))} ms`)
  row(3, 'cold: legco --help', help, 'ms', '<= 1.2x node', help / base <= 1.2, `${(help / base).toFixed(2)}x; fastest ${fmt(least('legco --help'))} ms`)
  row(
    3,
    'cold: legco parse seed (14 KB)',
    parse,
    'ms',
    '<= 1.5x node',
    parse / base <= 1.5,
    `${(parse / base).toFixed(2)}x; fastest ${fmt(least('legco parse seed'))} ms`
  )
}

// 4. The folder of 2,000 papers: -j default against -j 1 (NDJSON to /dev/null, and -o DIR/); wall and CPU time.
if (want(4)) {
  const jobs = availableParallelism()
  const bytes = inputs.count * Buffer.byteLength(inputs.seed)
  const dir = join(out, 'folder-out')
  const configurations = {
    '-j 1': [bin, 'parse', inputs.folder, '-f', 'ndjson', '-j', '1', '-q'],
    '-j default': [bin, 'parse', inputs.folder, '-f', 'ndjson', '-q'],
    '-o DIR/': [bin, 'parse', inputs.folder, '-o', dir + '/', '-q']
  }
  // Rounds interleaved, median of each: one busy moment on the machine does not decide the ratio.
  const runs = await folderRuns(configurations, quick ? 1 : 3, (name) => name === '-o DIR/' && rmSync(dir, {recursive: true, force: true}))
  const [one, all, files] = ['-j 1', '-j default', '-o DIR/'].map((name) => runs.figures[name])
  const written = readdirSync(dir, {recursive: true}).filter((name) => String(name).endsWith('.json')).length
  const speedup = one.ms / all.ms
  results.items.folder = {
    papers: inputs.count,
    bytes,
    jobs,
    oneJobMs: one.ms,
    defaultJobsMs: all.ms,
    outputDirMs: files.ms,
    oneJobCpuMs: one.cpuMs,
    defaultJobsCpuMs: all.cpuMs,
    outputDirCpuMs: files.cpuMs,
    samples: runs.samples,
    loadBefore: runs.loadBefore,
    loadAfter: runs.loadAfter,
    written,
    speedup,
    papersPerSecond: inputs.count / (all.ms / 1000),
    papersPerSecondOneJob: inputs.count / (one.ms / 1000)
  }
  const cpu = (figure) => `CPU ${fmt(figure.cpuMs / 1000, 2)} s (${fmt(figure.cpuMs / inputs.count, 2)} ms a paper)`
  row(4, `${inputs.count} papers, -j 1 (ndjson)`, inputs.count / (one.ms / 1000), 'papers/s', 'reference', undefined, `${fmt(one.ms / 1000, 2)} s; ${cpu(one)}`)
  row(
    4,
    `${inputs.count} papers, -j ${jobs} (default, ndjson)`,
    inputs.count / (all.ms / 1000),
    'papers/s',
    '',
    undefined,
    `${fmt(all.ms / 1000, 2)} s, ${fmt(bytes / MB / (all.ms / 1000))} MB/s; ${cpu(all)}`
  )
  row(
    4,
    `speed-up -j ${jobs} over -j 1`,
    speedup,
    'x',
    `>= ${(0.75 * jobs).toFixed(2)}x (0.75 N, idle machine)`,
    speedup >= 0.75 * jobs,
    `${((speedup / jobs) * 100).toFixed(0)}% of linear; CPU -j ${jobs} / -j 1 ${(all.cpuMs / one.cpuMs).toFixed(2)}x; load ${runs.loadBefore[0]} -> ${runs.loadAfter[0]}`
  )
  row(
    4,
    `${inputs.count} papers, -j ${jobs}, -o DIR/ (atomic files)`,
    inputs.count / (files.ms / 1000),
    'papers/s',
    '',
    written === inputs.count,
    `${written} files written; ${cpu(files)}`
  )
}

// 13. A folder of PDFs (the corpus pdf/: the 250-page Hansard, 5 papers, 2 scanned PDFs): -j default against -j 1, wall and CPU.
if (want(13)) {
  const folder = join(root, '../shared/corpus/pdf')
  if (!existsSync(folder)) {
    row(13, 'PDF folder', NaN, '', 'skipped: no ../shared/corpus/pdf', undefined)
    results.items.pdfFolder = {skipped: 'no ../shared/corpus/pdf'}
  } else {
    const jobs = availableParallelism()
    const files = readdirSync(folder).filter((name) => name.endsWith('.pdf')).length
    const configurations = {
      '-j 1': [bin, 'parse', folder, '-f', 'ndjson', '-j', '1', '-q'],
      '-j default': [bin, 'parse', folder, '-f', 'ndjson', '-q']
    }
    // Exit 1: the corpus holds two scanned PDFs (no text layer: each a failed input, read all the same).
    const runs = await folderRuns(configurations, quick ? 1 : 3, undefined, [0, 1])
    const [one, all] = ['-j 1', '-j default'].map((name) => runs.figures[name])
    const speedup = one.ms / all.ms
    results.items.pdfFolder = {files, jobs, oneJobMs: one.ms, defaultJobsMs: all.ms, oneJobCpuMs: one.cpuMs, defaultJobsCpuMs: all.cpuMs, speedup, ...runs}
    delete results.items.pdfFolder.figures
    row(13, `${files} PDFs, -j 1 (ndjson)`, one.ms / 1000, 's', 'reference', undefined, `CPU ${fmt(one.cpuMs / 1000, 2)} s`)
    row(13, `${files} PDFs, -j ${jobs} (default)`, all.ms / 1000, 's', '', undefined, `CPU ${fmt(all.cpuMs / 1000, 2)} s`)
    row(
      13,
      `PDFs: speed-up -j ${jobs} over -j 1`,
      speedup,
      'x',
      `>= ${(0.85 * jobs).toFixed(2)}x (0.85 N, idle machine)`,
      speedup >= 0.85 * jobs,
      `CPU -j ${jobs} / -j 1 ${(all.cpuMs / one.cpuMs).toFixed(2)}x; load ${runs.loadBefore[0]} -> ${runs.loadAfter[0]}`
    )
  }
}

// 8. What other issues added, over the same folder, each against NDJSON to /dev/null in the same rounds:
//    --format csv and html (issue 14), legco check with its cross-reference rules. HTML input is item 9, Markdown
//    input item 7, the meeting genres item 11.
if (want(8)) {
  const devNull = {stdio: ['ignore', 'ignore', 'pipe']}
  const htmlDir = join(out, 'folder-html')
  const configurations = {
    'ndjson (reference)': [bin, 'parse', inputs.folder, '-f', 'ndjson', '-q'],
    '-f csv': [bin, 'parse', inputs.folder, '-f', 'csv', '-q'],
    '-f html -o DIR/': [bin, 'parse', inputs.folder, '-f', 'html', '-o', htmlDir + '/', '-q'],
    'legco check (all rules, cross-references included)': [bin, 'check', inputs.folder, '-f', 'json', '-q']
  }
  const timesOf = Object.fromEntries(Object.keys(configurations).map((name) => [name, []]))
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    for (const [name, argv] of Object.entries(configurations)) {
      if (name.includes('html')) rmSync(htmlDir, {recursive: true, force: true})
      const result = await runAsync(process.execPath, argv, devNull)
      // check exits 1 when it finds problems: a finished run all the same.
      if (result.status !== 0 && !(name.startsWith('legco check') && result.status === 1))
        throw new Error(`bench: ${name} exited ${result.status}: ${result.stderr.slice(0, 500)}`)
      timesOf[name].push(result.ms)
    }
  }
  const reference = median(timesOf['ndjson (reference)'])
  results.items.features = {papers: inputs.count, samples: timesOf, ratios: {}}
  for (const name of Object.keys(configurations)) {
    const ms = median(timesOf[name])
    results.items.features.ratios[name] = ms / reference
    const note = name.startsWith('ndjson') ? `${fmt(ms / 1000, 2)} s` : `${(ms / reference).toFixed(2)}x the time of ndjson; ${fmt(ms / 1000, 2)} s`
    row(8, `${inputs.count} papers: ${name}`, inputs.count / (ms / 1000), 'papers/s', name.startsWith('ndjson') ? 'reference' : 'reported', undefined, note)
  }
}

// 5. Peak RSS of the whole process on the 10 MB paper.
if (want(5)) {
  const paper = inputs.papers['10m']
  // Report the process's own peak RSS at exit (getrusage), from a preloaded hook.
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nbench-maxrss='+process.resourceUsage().maxRSS+'\\n'))`
  const measure = (argv) => {
    const result = run(process.execPath, ['--import', hook, bin, ...argv], {stdio: ['ignore', 'ignore', 'pipe']})
    const match = result.stderr.match(/bench-maxrss=(\d+)/)
    if (result.status !== 0 || !match) throw new Error(`bench: rss run failed (${result.status}): ${result.stderr.slice(0, 500)}`)
    return {rss: Number(match[1]) * 1024, ms: result.ms}
  }
  const json = measure(['parse', paper.path, '-q'])
  const base = measure(['--version'])
  const ratio = json.rss / paper.bytes
  results.items.memory = {bytes: paper.bytes, peakRss: json.rss, baselineRss: base.rss, ratio, ms: json.ms}
  row(
    5,
    'peak RSS, legco parse 10 MB (JSON to stdout)',
    json.rss / MB,
    'MB',
    '<= 12x input',
    ratio <= 12,
    `${ratio.toFixed(1)}x input (${fmt(paper.bytes / MB)} MB); process floor ${fmt(base.rss / MB)} MB`
  )
  // The 250-page Hansard, whole process (page workers included: getrusage counts every thread); goal (issue 16) under 300 MB.
  if (existsSync(pdfPath)) {
    const pdf = measure(['parse', pdfPath, '-q'])
    results.items.memory.pdfPeakRss = pdf.rss
    row(5, 'peak RSS, legco parse of the 250-page Hansard PDF', pdf.rss / MB, 'MB', '< 300 MB', pdf.rss < 300 * MB)
  }
}

// 6. PDF: pages per second, next to pdftotext.
if (want(6)) {
  if (!existsSync(pdfPath)) {
    row(6, 'PDF pages/s', NaN, '', 'skipped: no corpus PDF', undefined)
    results.items.pdf = {skipped: 'no ../shared/corpus PDF'}
  } else {
    const bytes = readFileSync(pdfPath)
    const first = performance.now()
    const parsed = await legco.parseDocument(new Uint8Array(bytes), 'pdf')
    const coldMs = performance.now() - first
    const pages = parsed.tree.position.end.page ?? countPages(parsed.tree)
    const samples = []
    for (let i = 0; i < (quick ? 1 : 2); i++) {
      const start = performance.now()
      await legco.parseDocument(new Uint8Array(bytes), 'pdf')
      samples.push(performance.now() - start)
    }
    const ms = Math.min(...samples)
    // The whole CLI with its page workers (as many as idle cores) and on one thread, interleaved, so that the ratio holds under the same load.
    const cliRuns = {parallel: [], oneThread: []}
    for (let i = 0; i < (quick ? 1 : 2); i++) {
      cliRuns.parallel.push(run(process.execPath, [bin, 'parse', pdfPath, '-q'], {stdio: ['ignore', 'ignore', 'pipe']}).ms)
      const env = {...process.env, LEGCO_PDF_THREADS: '1'}
      cliRuns.oneThread.push(run(process.execPath, [bin, 'parse', pdfPath, '-q'], {stdio: ['ignore', 'ignore', 'pipe'], env}).ms)
    }
    const cli = {ms: Math.min(...cliRuns.parallel)}
    const oneThreadMs = Math.min(...cliRuns.oneThread)
    const pdf = {
      file: pdfPath.slice(dirname(root).length + 1),
      bytes: bytes.length,
      pages,
      warmMs: ms,
      firstMs: coldMs,
      cliMs: cli.ms,
      cliOneThreadMs: oneThreadMs,
      loadAverage: loadavg()[0],
      pagesPerSecond: pages / (ms / 1000)
    }
    row(6, `PDF (${pages} pages), warm, in process`, pdf.pagesPerSecond, 'pages/s', 'reported', undefined, `${fmt(ms)} ms`)
    row(6, 'PDF, whole CLI process', pages / (cli.ms / 1000), 'pages/s', 'reported', undefined, `${fmt(cli.ms)} ms`)
    row(
      6,
      'PDF, whole CLI, LEGCO_PDF_THREADS=1',
      pages / (oneThreadMs / 1000),
      'pages/s',
      'reported',
      undefined,
      `page workers: ${(oneThreadMs / cli.ms).toFixed(2)}x (load ${loadavg()[0].toFixed(1)}: none when busy)`
    )
    const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
    if (hasPdftotext) {
      run('pdftotext', ['-layout', pdfPath, '/dev/null'])
      const times = []
      for (let i = 0; i < 3; i++) times.push(run('pdftotext', ['-layout', pdfPath, '/dev/null']).ms)
      pdf.pdftotextMs = median(times)
      pdf.pdftotextPagesPerSecond = pages / (pdf.pdftotextMs / 1000)
      row(
        6,
        'pdftotext -layout (text only, no structure)',
        pdf.pdftotextPagesPerSecond,
        'pages/s',
        'reference',
        undefined,
        `${fmt(pdf.pdftotextMs)} ms; legco ${(pdf.pdftotextMs / ms).toFixed(2)}x its speed`
      )
      const ratio = pdf.pdftotextMs / cli.ms
      row(6, 'whole CLI against pdftotext -layout', ratio, 'x its speed', '>= 0.5x', ratio >= 0.5)
    } else row(6, 'pdftotext', NaN, '', 'not installed', undefined)
    results.items.pdf = pdf
  }
}

// 9. HTML: a page against its text alone (what the reader made of it), warm; and a cold text
// parse must not load the HTML parser (a resolve hook reports every HTML module asked for).
if (want(9)) {
  const path = existsSync(htmlPath) ? htmlPath : join(root, 'fixtures/html/menu-footer.html')
  const bytes = new Uint8Array(readFileSync(path))
  const {loadHtml} = await import(pathToFileURL(join(root, 'dist/read/html-load.js')).href)
  // Both sides from bytes to tree, synchronously: decode, read the page (HTML side), parse.
  const parseHtml = () => {
    const page = loadHtml(bytes)
    return legco.parseText(page.text, {origin: page.origin})
  }
  const text = new TextEncoder().encode(loadHtml(bytes).text)
  // Rounds interleaved (one HTML parse, one text parse), the ratio of each round, median: on a loaded
  // machine the load moves both sides of a round alike.
  const parseTextSide = () => legco.parse(text)
  const {firstMs: htmlMs, secondMs: textMs, ratio} = interleaved(parseHtml, parseTextSide, quick ? 5 : 21)
  row(
    9,
    `HTML page (${fmt(bytes.length / 1000)} KB) vs its text alone (${fmt(text.length / 1000)} KB), warm`,
    ratio,
    'x the time',
    '<= 3x',
    ratio <= 3,
    `${fmt(htmlMs)} / ${fmt(textMs)} ms`
  )
  const hook = `export async function resolve(specifier, context, next) { if (/hast-util-from-html|parse5|read\\/html/.test(specifier)) process._rawDebug('LOADED ' + specifier); return next(specifier, context) }`
  const preload = `import {register} from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}))`
  const cold = spawnSync(process.execPath, ['--import', 'data:text/javascript,' + encodeURIComponent(preload), bin, 'parse', seedPath], {encoding: 'utf8'})
  const loaded = cold.stderr.match(/LOADED \S+/g) ?? []
  row(9, 'cold text parse: HTML modules loaded', loaded.length, 'modules', '0', loaded.length === 0, loaded.join(' '))
  results.items.html = {
    file: path.slice(dirname(root).length + 1),
    bytes: bytes.length,
    textBytes: text.length,
    htmlMs,
    textMs,
    ratio,
    coldTextParseLoadsHtml: loaded
  }
}

function countPages(tree) {
  let max = 0
  const walk = (node) => {
    if (node.position?.end?.page > max) max = node.position.end.page
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
  return max || NaN
}

// 7. Markdown input, both paths on the same files: the line path (parseText, as a .txt is read) and the
// Markdown path (parseMarkdownText: remark-parse + GFM, the mdast written as lines, the same parse, positions
// moved into the .md), whole parses from text to tree; rounds interleaved, the ratio of each round, median
// (a loaded machine moves both sides of a round alike). And a cold `legco parse x.txt` loads no remark module.
if (want(7)) {
  const {parseMarkdownText} = await import(pathToFileURL(join(root, 'dist/parse-markdown.js')).href)
  const {toMarkdown} = await import(pathToFileURL(join(root, 'dist/emit/markdown.js')).href)
  const mdDir = join(root, '../shared/corpus/md')
  const files = existsSync(mdDir)
    ? readdirSync(mdDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => ({name, text: readFileSync(join(mdDir, name), 'utf8')}))
    : []
  const big = toMarkdown(legco.parseText(inputs.papers['1m'].text).tree)
  const bigPath = join(out, 'paper-1m.md')
  writeFileSync(bigPath, big)
  /** Both paths over `texts`, `rounds` interleaved rounds: median ms of each and the median ratio. */
  const compare = (texts, rounds) => {
    const lines = () => {
      for (const text of texts) legco.parseText(text)
    }
    const markdown = () => {
      for (const text of texts) parseMarkdownText(text)
    }
    const {firstMs, secondMs, ratio} = interleaved(lines, markdown, rounds)
    return {
      bytes: texts.reduce((total, text) => total + Buffer.byteLength(text), 0),
      linesMs: firstMs,
      markdownMs: secondMs,
      // Markdown over lines: the median of the rounds' lines/markdown ratios inverted (rounds are odd, so it is the middle round's).
      ratio: 1 / ratio
    }
  }
  const corpus = {
    files: files.length,
    ...compare(
      files.map((file) => file.text),
      quick ? 5 : 21
    )
  }
  const oneMb = compare([big], quick ? 3 : 9)
  // Cold: a .txt parse must not load remark (a resolve hook reports every Markdown module asked for); a .md parse does.
  const hook = `export async function resolve(specifier, context, next) { if (/remark|micromark|mdast-util-from|read\\/markdown/.test(specifier)) process._rawDebug('LOADED ' + specifier); return next(specifier, context) }`
  const preload = `import {register} from 'node:module'; register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}))`
  const coldLoads = (path) => {
    const cold = spawnSync(process.execPath, ['--import', 'data:text/javascript,' + encodeURIComponent(preload), bin, 'parse', path, '-q'], {encoding: 'utf8'})
    return cold.stderr.match(/LOADED \S+/g) ?? []
  }
  const coldText = coldLoads(seedPath)
  const coldMarkdown = files.length > 0 ? coldLoads(join(mdDir, files[0].name)) : coldLoads(bigPath)
  results.items.markdownInput = {corpus, oneMb, coldTextParseLoadsMarkdown: coldText, coldMarkdownParseLoads: coldMarkdown.length}
  process.stdout.write(
    `  markdown input: corpus md/ ${files.length} files ${fmt(corpus.bytes / 1e3)} KB: lines ${fmt(corpus.linesMs, 2)} ms, .md path ${fmt(corpus.markdownMs, 2)} ms; 1 MB .md: lines ${fmt(oneMb.linesMs)} ms, .md path ${fmt(oneMb.markdownMs)} ms\n`
  )
  if (files.length > 0) {
    row(7, `corpus md/ (${files.length} files), line path (whole parse)`, corpus.bytes / MB / (corpus.linesMs / 1000), 'MB/s', 'reference')
    row(7, `corpus md/ (${files.length} files), .md path (remark + GFM, whole parse)`, corpus.bytes / MB / (corpus.markdownMs / 1000), 'MB/s', 'reference')
    row(
      7,
      'corpus md/: .md path vs line path, same run',
      corpus.ratio,
      'x the time',
      'reference',
      undefined,
      `${fmt(corpus.markdownMs, 2)} / ${fmt(corpus.linesMs, 2)} ms`
    )
  }
  row(7, '1 MB Markdown, line path (whole parse)', oneMb.bytes / MB / (oneMb.linesMs / 1000), 'MB/s', 'reference')
  row(7, '1 MB Markdown, .md path (remark + GFM, whole parse)', oneMb.bytes / MB / (oneMb.markdownMs / 1000), 'MB/s', 'reference')
  row(
    7,
    '1 MB Markdown: .md path vs line path, same run',
    oneMb.ratio,
    'x the time',
    'reference',
    undefined,
    `${fmt(oneMb.markdownMs)} / ${fmt(oneMb.linesMs)} ms`
  )
  row(7, 'cold .txt parse: Markdown modules loaded', coldText.length, 'modules', '0', coldText.length === 0, coldText.join(' '))
  row(7, 'cold .md parse: Markdown modules loaded', coldMarkdown.length, 'modules', '> 0', coldMarkdown.length > 0)
}

// 10. check against parse on the 10 MB paper with a cross-reference in every paragraph (issue 15): whole
// processes, interleaved, median time and the peak RSS of each. Every reference names a paragraph that exists
// above it (the parser reads numbers up to 999, so the paper's later "paragraphs" are text of 999), so that the
// run measures the rules, not the printing of thousands of messages.
if (want(10)) {
  let number = 0
  const text = inputs.papers['10m'].text.replace(/^(\d+)\. (.*)$/gm, (line, n, rest) => {
    number = Number(n)
    return number > 2 ? `${n}. ${rest}（見上文第 ${number <= 999 ? number - 1 : 1 + (number % 998)} 段）` : line
  })
  const path = join(out, 'paper-10m-references.txt')
  writeFileSync(path, text)
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nbench-maxrss='+process.resourceUsage().maxRSS+'\\n'))`
  const measure = (argv) => {
    const result = run(process.execPath, ['--import', hook, bin, ...argv], {stdio: ['ignore', 'ignore', 'pipe']})
    const match = result.stderr.match(/bench-maxrss=(\d+)/)
    // check exits 1 when it finds problems: a finished run all the same.
    if ((result.status !== 0 && result.status !== 1) || !match)
      throw new Error(`bench: ${argv[0]} run failed (${result.status}): ${result.stderr.slice(0, 500)}`)
    return {rss: Number(match[1]) * 1024, ms: result.ms}
  }
  const samples = {parse: [], check: []}
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    samples.parse.push(measure(['parse', path, '-q']))
    samples.check.push(measure(['check', path, '-f', 'json', '-q']))
  }
  const parseMs = median(samples.parse.map((s) => s.ms))
  const checkMs = median(samples.check.map((s) => s.ms))
  const parseRss = Math.max(...samples.parse.map((s) => s.rss))
  const checkRss = Math.max(...samples.check.map((s) => s.rss))
  results.items.checkLinear = {
    bytes: Buffer.byteLength(text),
    parseMs,
    checkMs,
    parseRss,
    checkRss,
    timeRatio: checkMs / parseMs,
    rssRatio: checkRss / parseRss
  }
  row(
    10,
    'check 10 MB, a reference a paragraph: time vs parse',
    checkMs / parseMs,
    'x',
    '<= 2x',
    checkMs / parseMs <= 2,
    `${fmt(checkMs)} / ${fmt(parseMs)} ms`
  )
  row(
    10,
    'check 10 MB, a reference a paragraph: peak RSS vs parse',
    checkRss / parseRss,
    'x',
    '<= 1.5x',
    checkRss / parseRss <= 1.5,
    `${fmt(checkRss / MB)} / ${fmt(parseRss / MB)} MB`
  )
}

// 11. The meeting genres (issue 11), warm: every minutes, agenda and Hansard text of the corpus (the
// fixtures of those genres without it), grouped by the kind the parser gives them, from bytes to tree,
// against the seed (a background brief) parsed over as many bytes in the same round: the ratio of time
// per byte, median of the rounds, so that a genre's own rules cannot slow it unseen. Reported, no goal.
if (want(11)) {
  const corpusText = join(root, '../shared/corpus/text')
  const meeting = /minutes|agenda|hansard/
  const paths = existsSync(corpusText)
    ? readdirSync(corpusText)
        .filter((name) => meeting.test(name))
        .map((name) => join(corpusText, name))
    : readdirSync(join(root, 'fixtures'))
        .filter((name) => meeting.test(name) && name.endsWith('.txt'))
        .map((name) => join(root, 'fixtures', name))
  const byKind = {}
  for (const path of paths) {
    const bytes = new Uint8Array(readFileSync(path))
    const kind = legco.parse(bytes).meta.kind ?? 'none'
    ;(byKind[kind] ??= []).push(bytes)
  }
  const seed = new Uint8Array(readFileSync(seedPath))
  results.items.genres = {}
  for (const [kind, files] of Object.entries(byKind).sort()) {
    const bytes = files.reduce((sum, file) => sum + file.length, 0)
    // The seed parsed as many times as makes about the same number of bytes.
    const times = Math.max(1, Math.round(bytes / seed.length))
    const genreSide = () => {
      for (const file of files) legco.parse(file)
    }
    const briefSide = () => {
      for (let i = 0; i < times; i++) legco.parse(seed)
    }
    // The ratio of time per byte: each round's genre/brief time, scaled by the bytes each side parsed.
    const timed = interleaved(genreSide, briefSide, quick ? 3 : 11)
    const ratio = (timed.ratio * (times * seed.length)) / bytes
    const ms = timed.firstMs
    results.items.genres[kind] = {files: files.length, bytes, ms, ratioToBrief: ratio}
    row(
      11,
      `${kind}: ${files.length} file(s), ${fmt(bytes / 1000)} KB, warm`,
      bytes / MB / (ms / 1000),
      'MB/s',
      'reported',
      undefined,
      `${ratio.toFixed(2)}x the time per byte of the seed brief, same rounds`
    )
  }
}

// 12. The stress shapes (issue 10), as `npm run stress` runs them: each hostile shape of test/stress/shapes.mjs
// at 1x and 4x through the CLI, the ratio of the 4x run's CPU time to the 1x run's (goal <= 6x) and peak RSS above
// start-up as a multiple of the input (goal <= 15x, judged from 1 MB, as the stress suite judges it).
if (want(12)) {
  const {runShape, knownCovers, LIMITS} = await import(pathToFileURL(join(root, 'test/stress/run.mjs')).href)
  const {SHAPES} = await import(pathToFileURL(join(root, 'test/stress/shapes.mjs')).href)
  results.items.stress = {}
  for (const shape of SHAPES) {
    const result = await runShape(shape, [1, 4])
    const last = result.runs.at(-1)
    const ratio = last?.ratio ?? NaN
    const judged = last && last.bytes >= LIMITS.rssFromBytes
    results.items.stress[shape.name] = {runs: result.runs, failure: result.failure ?? null, known: knownCovers(shape, result)}
    row(
      12,
      `stress ${shape.name}: CPU 4x / 1x`,
      ratio,
      'x',
      `<= ${LIMITS.maxRatio}x`,
      result.failure ? false : ratio <= LIMITS.maxRatio,
      `${last ? `peak RSS ${last.rssRatio.toFixed(1)}x the input${judged ? '' : ' (under 1 MB: not judged)'}` : ''}${result.failure ? `; ${result.failure}${knownCovers(shape, result) ? ' (known)' : ''}` : ''}`
    )
  }
}

// ------------------------------------------------------------------ report

results.seconds = (performance.now() - started) / 1000
results.loadAverageAtEnd = loadavg()[0]
results.rows = rows
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n')

const table = [['#', 'measure', 'value', 'unit', 'goal', 'ok', 'note']]
for (const r of rows) {
  table.push([
    String(r.item),
    r.what,
    Number.isNaN(r.value) ? '-' : fmt(r.value, r.unit === 'x' || r.unit === 'x faster' ? 2 : 1),
    r.unit,
    r.goal,
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.note
  ])
}
const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)))
console.log('')
for (const [index, line] of table.entries()) {
  console.log(
    line
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd()
  )
  if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '))
}
const missed = rows.filter((r) => r.ok === false).length
console.log(
  `\n${missed ? `${missed} goal(s) missed` : 'all goals met'}; ${results.seconds.toFixed(0)} s; ${resultsArg ? resultsPath : 'bench/results.json'} written`
)
