/**
 * `legco check`: read papers (files, directories, globs, `-`), find each
 * one's settings, run the rules over its tree, print the messages in the
 * chosen format (to stdout or, whole or not at all, to `-o FILE`).
 *
 * Exit codes (as ESLint's): 0 no errors (and warnings within
 * --max-warnings); 1 errors, or more warnings than --max-warnings; 2 a
 * usage error (bad option, bad config, unknown rule) or input that cannot
 * be read; 3 a PDF with no text layer. Input problems do not stop the
 * other files from being checked. With --quiet only errors are counted
 * (what is not shown does not fail the run).
 */
import {readFileSync} from 'node:fs'
import {chmod, stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import {applySettings, check} from '../check/check.js'
import {ConfigError, ConfigResolver} from '../check/config.js'
import {formatGithub} from '../check/format/github.js'
import {formatJson} from '../check/format/json.js'
import {formatSarif} from '../check/format/sarif.js'
import {formatText} from '../check/format/text.js'
import {totals, type FileResult} from '../check/format/types.js'
import {loadIgnore, type IgnoreList} from '../check/ignore.js'
import {pairByName} from '../check/pair-names.js'
import type {PairInput, Settings} from '../check/types.js'
import type {Message} from '../message.js'
import {parseText} from '../parse.js'
import {InputError, load, readBytes} from '../read/input.js'
import {expandInputEntries, type InputEntry} from './inputs.js'
import {writeAtomic, writeStdout} from './output.js'
import {fixText, unifiedDiff} from '../check/fix.js'
import {encodeLike} from '../read/encode.js'
import {placeLabel} from '../source.js'

/** The options of `legco check` (see main.ts for their flags and help). */
export interface CheckCommandOptions {
  format: 'text' | 'json' | 'github' | 'sarif'
  pair?: string
  pairBy?: string
  /** `id=severity`, as given (repeatable). */
  rule?: string[]
  /** A file, or false for --no-config. */
  config?: string | false
  maxWarnings?: string
  quiet?: boolean
  output?: string
  stdinFilename?: string
  ignorePattern?: string[]
  /** false for --no-ignore. */
  ignore?: boolean
  fix?: boolean
  fixDryRun?: boolean
  cache?: boolean
  cacheLocation?: string
}

function usage(message: string): number {
  process.stderr.write(`legco check: ${message}\n(run legco check --help for usage)\n`)
  return 2
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}

/** A paper read and parsed, with what a fix and the cache need. */
export interface CheckedPaper {
  /** The path read (`-` for standard input). */
  path: string
  /** As messages show it: the path, `<stdin>`, or the --stdin-filename. */
  name: string
  bytes: Uint8Array
  text: string
  encoding: string
  tree: ReturnType<typeof parseText>['tree']
  messages: Message[]
  /** Text or Markdown read as such: --fix may write it (never a PDF or an HTML page). */
  writable: boolean
}

/** Read one paper; an unreadable one is reported on stderr and gives its exit code. */
async function read(path: string, name: string): Promise<{paper: CheckedPaper} | {code: number}> {
  try {
    const bytes = await readBytes(path)
    const loaded = await load(bytes, name)
    if (loaded.scanned) {
      process.stderr.write(`legco: ${name}: a PDF with no text layer: it needs OCR before it can be checked\n`)
      return {code: 3}
    }
    const result = parseText(loaded.text, {pages: loaded.pages, origin: loaded.origin})
    const text = loaded.origin?.source ?? loaded.text
    const writable = loaded.encoding !== 'pdf' && loaded.origin === undefined
    return {paper: {path, name, bytes, text, encoding: loaded.encoding, tree: result.tree, messages: result.messages, writable}}
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`legco: ${error.message}\n`)
      return {code: error.exitCode}
    }
    throw error
  }
}

function lint(paper: CheckedPaper, settings: Settings, pair?: PairInput): Message[] {
  const parseMessages = applySettings(paper.messages, settings)
  return [...parseMessages, ...check(paper.tree, paper.text, {settings, pair})]
}

/** What --fix or --fix-dry-run makes of one paper: the messages left, and the fixed text when it is to be written or shown. */
interface FixPlan {
  messages: Message[]
  fixed?: {text: string; bytes: Uint8Array}
}

/**
 * Fix one paper ESLint's way (check/fix.ts), parsing and checking the text
 * again after each pass. PDFs and HTML pages are never written: what would
 * change is said on stderr. A text whose encoding cannot be kept byte for
 * byte is refused with the reason; standard input is not written.
 */
async function fixPaper(paper: CheckedPaper, settingsOf: (paper: CheckedPaper) => Promise<Settings>, dryRun: boolean, pair?: PairInput): Promise<FixPlan> {
  const first = lint(paper, await settingsOf(paper), pair)
  const fixable = first.filter((m) => m.fix)
  if (fixable.length === 0) return {messages: first}
  if (!paper.writable || (paper.path === '-' && !dryRun)) {
    const why =
      paper.path === '-'
        ? 'standard input is not written (--fix-dry-run prints the diff)'
        : paper.encoding === 'pdf'
          ? 'a PDF is never written'
          : 'an HTML page is never written'
    process.stderr.write(`legco check: ${paper.name}: not fixed: ${why}; fixes it would make:\n`)
    for (const m of fixable) {
      const was = paper.text.slice(m.fix!.range[0], m.fix!.range[1])
      process.stderr.write(`  ${placeLabel(m.place?.start)}  ${was} -> ${m.fix!.text}  ${m.ruleId}\n`)
    }
    return {messages: first}
  }
  const outcome = await fixText(paper.text, async (text) => {
    if (text === paper.text) return first
    const result = parseText(text)
    const next: CheckedPaper = {...paper, text, tree: result.tree, messages: result.messages}
    return lint(next, await settingsOf(next), pair)
  })
  if (outcome.text === paper.text) return {messages: outcome.messages}
  const encoded = encodeLike(paper.bytes, outcome.text)
  if ('problem' in encoded) {
    process.stderr.write(`legco check: ${paper.name}: not fixed: ${encoded.problem}\n`)
    return {messages: first}
  }
  return {messages: outcome.messages, fixed: {text: outcome.text, bytes: encoded.bytes}}
}

/** The inputs of the arguments, each once, ignored ones left out (a file named on the command line with a warning). */
async function inputsOf(args: string[], ignore: IgnoreList | null): Promise<{entries: InputEntry[]; code: number}> {
  const entries: InputEntry[] = []
  const seen = new Set<string>()
  let code = 0
  for (const arg of args) {
    const found = await expandInputEntries([arg])
    let kept = 0
    let ignored = 0
    for (const entry of found) {
      if (entry.problem) {
        process.stderr.write(`legco: ${entry.path}: ${entry.problem}\n`)
        code = Math.max(code, 2)
        continue
      }
      const key = entry.path === '-' ? '-' : resolve(entry.path)
      if (seen.has(key)) continue
      seen.add(key)
      const why = entry.path === '-' || !ignore ? null : ignore.why(entry.path)
      if (why) {
        ignored++
        // A file named as such is never left out in silence.
        if (entry.path === arg) process.stderr.write(`legco check: ${arg}: warning: ignored (${why}); use --no-ignore to check it\n`)
        continue
      }
      kept++
      entries.push(entry)
    }
    if (kept === 0 && ignored > 0 && found.length > 0 && found[0]!.path !== arg) {
      process.stderr.write(`legco check: ${arg}: warning: every paper it gives is ignored (.legcoignore or --ignore-pattern)\n`)
    }
  }
  return {entries, code}
}

export async function runCheck(files: string[], options: CheckCommandOptions): Promise<number> {
  let maxWarnings: number | null = null
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings)) return usage(`--max-warnings ${options.maxWarnings}: expected a whole number (0 or more)`)
    maxWarnings = Number(options.maxWarnings)
  }
  if (options.pair !== undefined && options.pairBy !== undefined) return usage('--pair and --pair-by: give one of them')
  if (options.pairBy !== undefined && options.pairBy !== 'name') return usage(`--pair-by ${options.pairBy}: the only way is "name" (zh_x/en_x, x.zh/x.en)`)
  if (options.stdinFilename !== undefined && !files.includes('-')) return usage('--stdin-filename names standard input: give "-" among the inputs')
  if (options.fix && options.fixDryRun) return usage('--fix and --fix-dry-run: give one of them')
  let resolver: ConfigResolver
  let ignore: IgnoreList | null
  try {
    resolver = new ConfigResolver({config: options.config, rule: options.rule})
    await resolver.ready()
    ignore = options.ignore === false ? null : await loadIgnore(process.cwd(), options.ignorePattern ?? [])
  } catch (error) {
    if (error instanceof ConfigError) return usage(error.message)
    throw error
  }

  const {entries, code: expandCode} = await inputsOf(files, ignore)
  let inputCode = expandCode
  const stdinName = options.stdinFilename ?? '<stdin>'
  const nameOf = (path: string) => (path === '-' ? stdinName : path)
  // Where settings are found from: a file's own path; standard input's --stdin-filename, else the current folder.
  const settingsPath = (path: string) => (path === '-' ? (options.stdinFilename ?? null) : path)
  const settingsOf = async (paper: CheckedPaper) => resolver.settingsFor(settingsPath(paper.path), paper.tree.meta.kind)

  const results: FileResult[] = []
  const papers = new Map<string, CheckedPaper>()
  const fixing = options.fix || options.fixDryRun
  /** Fixed texts, in the order of the report: written (--fix) or shown as a diff (--fix-dry-run) once every paper is checked. */
  const fixedPapers: {paper: CheckedPaper; text: string; bytes: Uint8Array}[] = []
  const lintOrFix = async (paper: CheckedPaper, pair?: PairInput): Promise<Message[]> => {
    if (!fixing) return lint(paper, await settingsOf(paper), pair)
    const plan = await fixPaper(paper, settingsOf, options.fixDryRun === true, pair)
    if (plan.fixed) fixedPapers.push({paper, ...plan.fixed})
    return plan.messages
  }
  const readOne = async (path: string) => {
    const outcome = await read(path, nameOf(path))
    if ('code' in outcome) inputCode = Math.max(inputCode, outcome.code)
    else papers.set(path, outcome.paper)
    return 'paper' in outcome ? outcome.paper : null
  }
  try {
    if (options.pair !== undefined) {
      if (entries.length !== 1 || inputCode)
        return inputCode || usage(`--pair compares one paper with its other-language version: give exactly one paper (got ${entries.length})`)
      const a = await readOne(entries[0]!.path)
      const b = await readOne(options.pair)
      if (!a || !b) return inputCode
      results.push({file: a.name, messages: await lintOrFix(a, {tree: b.tree, text: b.text, name: b.name})})
      results.push({file: b.name, messages: await lintOrFix(b)})
    } else if (options.pairBy === 'name') {
      const {pairs, unpaired} = pairByName(entries.map((entry) => entry.path))
      for (const path of unpaired) process.stderr.write(`legco check: ${nameOf(path)}: warning: no other-language version found by name; checked alone\n`)
      for (const item of [...pairs.map((pair) => ({pair})), ...unpaired.map((path) => ({path}))].sort((x, y) =>
        ('pair' in x ? x.pair[0] : x.path).localeCompare('pair' in y ? y.pair[0] : y.path)
      )) {
        if ('path' in item) {
          const paper = await readOne(item.path)
          if (paper) results.push({file: paper.name, messages: await lintOrFix(paper)})
          continue
        }
        const a = await readOne(item.pair[0])
        const b = await readOne(item.pair[1])
        if (a) results.push({file: a.name, messages: await lintOrFix(a, b ? {tree: b.tree, text: b.text, name: b.name} : undefined)})
        if (b) results.push({file: b.name, messages: await lintOrFix(b)})
      }
    } else {
      for (const entry of entries) {
        const paper = await readOne(entry.path)
        if (paper) results.push({file: paper.name, messages: await lintOrFix(paper)})
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) return usage(error.message)
    throw error
  }

  const shown = options.quiet ? results.map((r) => ({...r, messages: r.messages.filter((m) => m.severity === 'error')})) : results
  let output: string
  switch (options.format) {
    case 'json':
      output = formatJson(shown)
      break
    case 'github':
      output = formatGithub(shown)
      break
    case 'sarif':
      output = formatSarif(shown, version())
      break
    default:
      // When no file could be read there is nothing to sum up: the reasons are on stderr.
      output = results.length === 0 ? '' : formatText(shown)
  }
  // --fix writes each fixed file whole or not at all; --fix-dry-run prints the diff on stdout, and the report then goes to -o or stderr.
  if (options.fix) {
    for (const {paper, bytes} of fixedPapers) {
      try {
        const target = resolve(paper.path)
        const {mode} = await stat(target)
        await writeAtomic(target, bytes)
        await chmod(target, mode & 0o7777)
      } catch (error) {
        process.stderr.write(`legco check: ${paper.name}: not fixed: ${(error as Error).message}\n`)
        inputCode = Math.max(inputCode, 2)
      }
    }
  }
  if (options.fixDryRun) {
    const diff = fixedPapers.map(({paper, text}) => unifiedDiff(paper.name, paper.text, text)).join('')
    if (diff) await writeStdout(diff)
    if (options.output === undefined && output) process.stderr.write(output)
  }
  if (options.output !== undefined) {
    try {
      await writeAtomic(resolve(options.output), output)
    } catch (error) {
      process.stderr.write(`legco check: ${(error as Error).message}\n`)
      return 2
    }
  } else if (output && !options.fixDryRun) await writeStdout(output)

  // What is counted is what is shown: with --quiet, warnings neither print nor fail the run.
  const t = totals(shown)
  const tooManyWarnings = maxWarnings !== null && t.warnings > maxWarnings
  if (tooManyWarnings) process.stderr.write(`legco check: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
  if (inputCode) return inputCode
  return t.errors > 0 || tooManyWarnings ? 1 : 0
}
