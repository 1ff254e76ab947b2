#!/usr/bin/env node
// The behaviour lock: what the CLI gives today for the seed, every fixture
// and every corpus file (text, md, pdf, html), as one hash per file and output.
//
//   node scripts/lock.mjs           compare with test/lock.json (exit 1 on any difference)
//   node scripts/lock.mjs --update  write test/lock.json anew
//
// The outputs themselves go to .lock/ (git-ignored, never committed: the
// corpus text must not enter the repository), so that a difference can be
// read with `diff .lock/before/X .lock/after/X` after copying a run aside.
// A refactor keeps every hash; a change of behaviour updates the file in
// the same commit, saying why.
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {readRuleDocs} from './rules-doc.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const corpus = join(root, '..', 'shared', 'corpus')
const out = join(root, '.lock', 'current')
const lockFile = join(root, 'test', 'lock.json')
const bin = join(root, 'bin', 'legco.cjs')

function files(dir, pattern) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true})
    .map(String)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(dir, name))
}

// The rule examples (src/check/rules/*.md) are inputs too: written out here, under .lock/ (git-ignored), as
// fixtures/check/<rule file>/<example> and run from .lock/, so that the CLI names them by that same path.
const examplesRoot = join(root, '.lock')
rmSync(join(examplesRoot, 'fixtures'), {recursive: true, force: true})
const examples = []
for (const doc of readRuleDocs()) {
  for (const example of doc.examples) {
    const file = join(examplesRoot, 'fixtures', 'check', doc.name, example.name)
    mkdirSync(join(file, '..'), {recursive: true})
    writeFileSync(file, example.input)
    examples.push(file)
  }
}

const inputs = [
  join(root, 'seeds', '000_457f1a1b5f7781dd.txt'),
  // (fixtures/check/ is the examples' own key: a stale copy there from an old build is not an input)
  ...files(join(root, 'fixtures'), /\.(txt|md|html?)$/).filter((file) => !relative(root, file).startsWith('fixtures/check/')),
  ...examples,
  ...files(join(corpus, 'text'), /\.txt$/),
  ...files(join(corpus, 'md'), /\.md$/),
  ...files(join(corpus, 'pdf'), /\.pdf$/),
  ...files(join(corpus, 'html'), /\.html?$/)
]

/** Where the CLI runs for an input: the project root, or .lock/ for the rule examples written there. */
const cwdOf = (file) => (file.startsWith(examplesRoot + '/') ? examplesRoot : root)

function key(file) {
  const rel = relative(cwdOf(file), file)
  return rel.startsWith('..') ? 'corpus/' + relative(corpus, file) : rel
}

function run(args, cwd) {
  // Relative paths from where it runs: the outputs name the file as given.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
    const stdout = []
    const stderr = []
    child.stdout.on('data', (chunk) => stdout.push(chunk))
    child.stderr.on('data', (chunk) => stderr.push(chunk))
    child.on('close', (status) => resolve(`exit ${status}\n--- stdout\n${Buffer.concat(stdout)}\n--- stderr\n${Buffer.concat(stderr)}`))
  })
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16)

rmSync(out, {recursive: true, force: true})
mkdirSync(out, {recursive: true})
const current = {}
const jobs = []
for (const file of inputs) {
  const id = key(file)
  const cwd = cwdOf(file)
  const path = relative(cwd, file)
  jobs.push(
    [id, 'json', ['parse', path, '--pretty'], cwd],
    [id, 'md', ['parse', path, '-f', 'md'], cwd],
    [id, 'check', ['check', path, '--format', 'json'], cwd]
  )
  if (path.endsWith('.pdf')) jobs.push([id, 'split', ['parse', path, '--split', '-f', 'ndjson'], cwd])
}
let next = 0
async function worker() {
  while (next < jobs.length) {
    const [id, kind, args, cwd] = jobs[next++]
    const text = await run(args, cwd)
    writeFileSync(join(out, `${id.replaceAll('/', '__')}.${kind}`), text)
    current[`${id} ${kind}`] = hash(text)
  }
}
// LOCK_JOBS processes at a time (default 2: the machines have two cores).
await Promise.all(Array.from({length: Number(process.env.LOCK_JOBS) || 2}, worker))
const sorted = Object.fromEntries(Object.entries(current).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

if (process.argv.includes('--update')) {
  writeFileSync(lockFile, JSON.stringify(sorted, null, 1) + '\n')
  console.log(`lock: ${Object.keys(current).length} outputs of ${inputs.length} inputs written to ${relative(root, lockFile)}`)
  process.exit(0)
}

const locked = JSON.parse(readFileSync(lockFile, 'utf8'))
let changed = 0
let compared = 0
for (const [id, value] of Object.entries(current)) {
  if (!(id in locked)) continue
  compared++
  if (locked[id] !== value) {
    changed++
    const [input, kind] = id.split(' ')
    console.log(`changed: ${id}  (.lock/current/${input.replaceAll('/', '__')}.${kind})`)
  }
}
const missing = Object.keys(locked).filter((id) => !(id in current) && !id.startsWith('corpus/'))
for (const id of missing) console.log(`missing: ${id}`)
console.log(`lock: ${compared} outputs compared, ${changed} changed${missing.length ? `, ${missing.length} missing` : ''}`)
process.exit(changed || missing.length ? 1 : 0)
