#!/usr/bin/env node
// The eval's texts as they reach people damaged, scored like the clean ones.
//
//   npm run build && node scripts/damage-eval.mjs [--only SUBSTRING] [--damage NAME,NAME] [--keep DIR]
//
// For every outline of ../shared/eval/gold whose input is a text (corpus/text/, the seed), this writes
// damaged copies (the damage of test/helpers/damage.ts: wrapped at a PDF line width, paginated with a
// page number and a running header, full-width numbering, CRLF, Big5 and GB18030 for Chinese, and
// all at once), parses each with the built CLI and scores it with ../shared/eval/score.mjs. A row
// per file: the clean score, then each damaged copy's score less the clean one (blank when equal).
// A development measure beside the eval, not a test: the corpus is not in a user's clone.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(root, '..', 'shared')
const gold = join(shared, 'eval', 'gold')
if (!existsSync(gold)) {
  console.error('damage-eval: ../shared/eval/gold is not here (the corpus is not part of a clone)')
  process.exit(2)
}
const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const only = option('--only') ?? ''
/** --keep DIR: leave the damaged copies there (to look at one). */
const keep = option('--keep')

const work = keep ?? mkdtempSync(join(tmpdir(), 'legco-damage-'))
// The damage functions are the tests' own (TypeScript): bundled once for this run.
const helper = join(work, 'damage.mjs')
await build({entryPoints: [join(root, 'test/helpers/damage.ts')], bundle: true, format: 'esm', platform: 'node', outfile: helper, logLevel: 'error'})
const {wrap, paginate, fullWidthNumbering, crlf} = await import(pathToFileURL(helper).href)
const {readGold, scoreDoc} = await import(pathToFileURL(join(shared, 'eval', 'score.mjs')).href)
const iconv = (await import('iconv-lite')).default

const isZh = (text) => (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > text.length / 10
/** The widths a PDF's text comes out at: a CJK line of about 35 characters, an English one of about 85. */
const widthOf = (zh) => (zh ? 70 : 85)

/** Each damage: a name, and the bytes it makes of the clean text (null where it does not apply). */
const DAMAGES = {
  wrap: (text, zh) => wrap(text, widthOf(zh)),
  page: (text, _zh, header) => paginate(text, 40, header),
  full: (text) => fullWidthNumbering(text),
  crlf: (text) => crlf(text),
  big5: (text, zh) => (zh ? iconv.encode(text, 'big5') : null),
  gb18030: (text, zh) => (zh ? iconv.encode(text, 'gb18030') : null),
  all: (text, zh, header) => crlf(paginate(wrap(fullWidthNumbering(text), widthOf(zh)), 40, header)),
  // Harder: a narrow column, and furniture every 25 lines with no blank lines around it (pdftotext without -layout).
  narrow: (text, zh) => wrap(text, zh ? 52 : 64),
  tight: (text, _zh, header) => paginate(text, 25, header, false)
}
/** Run by default: the damage every paper meets; `--damage narrow,tight` for the harder ones. */
const DEFAULT = ['wrap', 'page', 'full', 'crlf', 'big5', 'gb18030', 'all']
const names = (option('--damage') ?? DEFAULT.join(',')).split(',')

function parse(file) {
  try {
    const out = execFileSync('node', [join(root, 'bin/legco.cjs'), 'parse', file, '--format', 'json', '-q'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const tree = JSON.parse(out)
    return Array.isArray(tree) ? tree[0] : tree
  } catch (error) {
    return {error: String(error.stderr || error.message).split('\n')[0]}
  }
}

const score = (goldFile, tree) => (tree.error ? 0 : scoreDoc(readGold(goldFile), tree).score)
const cell = (value) => (value === undefined ? '     -' : value.toFixed(1).padStart(6))

console.log(`clean ${names.map((name) => name.padStart(7)).join('')}  file   (damaged minus clean; blank when equal)`)
const totals = Object.fromEntries(names.map((name) => [name, 0]))
let files = 0
for (const name of readdirSync(gold)
  .filter((f) => f.endsWith('.gold') && f.includes(only))
  .sort()) {
  const goldFile = join(gold, name)
  const input = /^# file: (.+)$/m.exec(readFileSync(goldFile, 'utf8').split('\n', 1)[0])?.[1]?.trim()
  if (!input || !/\.(txt|md)$/.test(input)) continue
  const text = readFileSync(join(shared, input), 'utf8')
  const zh = isZh(text)
  const cleanTree = parse(join(shared, input))
  const clean = score(goldFile, cleanTree) * 100
  // A running header as PDFs print one: the paper number (none where the paper has none: a page number alone).
  const header = cleanTree.meta?.paperNumber ?? ''
  const row = []
  for (const damage of names) {
    const bytes = DAMAGES[damage](text, zh, header)
    if (bytes === null) {
      row.push('       ')
      continue
    }
    const file = join(work, `${damage}-${name.replace(/\.gold$/, '')}.txt`)
    writeFileSync(file, bytes)
    const delta = score(goldFile, parse(file)) * 100 - clean
    totals[damage] += delta
    row.push(Math.abs(delta) < 0.05 ? '       ' : ` ${cell(delta)}`)
  }
  files++
  console.log(`${cell(clean)}${row.join('')}  ${name.replace(/\.gold$/, '')}`)
}
console.log(`${files} files; mean change: ${names.map((name) => `${name} ${(totals[name] / files).toFixed(2)}`).join(', ')}`)
if (!keep) rmSync(work, {recursive: true, force: true})
