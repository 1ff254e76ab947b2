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
    return {paper: {path, name, bytes, text, encoding: loaded.encoding, tree: result.tree, messages: result.messages}}
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
      results.push({file: a.name, messages: lint(a, await settingsOf(a), {tree: b.tree, text: b.text, name: b.name})})
      results.push({file: b.name, messages: lint(b, await settingsOf(b))})
    } else if (options.pairBy === 'name') {
      const {pairs, unpaired} = pairByName(entries.map((entry) => entry.path))
      for (const path of unpaired) process.stderr.write(`legco check: ${nameOf(path)}: warning: no other-language version found by name; checked alone\n`)
      for (const item of [...pairs.map((pair) => ({pair})), ...unpaired.map((path) => ({path}))].sort((x, y) =>
        ('pair' in x ? x.pair[0] : x.path).localeCompare('pair' in y ? y.pair[0] : y.path)
      )) {
        if ('path' in item) {
          const paper = await readOne(item.path)
          if (paper) results.push({file: paper.name, messages: lint(paper, await settingsOf(paper))})
          continue
        }
        const a = await readOne(item.pair[0])
        const b = await readOne(item.pair[1])
        if (a) results.push({file: a.name, messages: lint(a, await settingsOf(a), b ? {tree: b.tree, text: b.text, name: b.name} : undefined)})
        if (b) results.push({file: b.name, messages: lint(b, await settingsOf(b))})
      }
    } else {
      for (const entry of entries) {
        const paper = await readOne(entry.path)
        if (paper) results.push({file: paper.name, messages: lint(paper, await settingsOf(paper))})
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
  if (options.output !== undefined) {
    try {
      await writeAtomic(resolve(options.output), output)
    } catch (error) {
      process.stderr.write(`legco check: ${(error as Error).message}\n`)
      return 2
    }
  } else if (output) await writeStdout(output)

  // What is counted is what is shown: with --quiet, warnings neither print nor fail the run.
  const t = totals(shown)
  const tooManyWarnings = maxWarnings !== null && t.warnings > maxWarnings
  if (tooManyWarnings) process.stderr.write(`legco check: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
  if (inputCode) return inputCode
  return t.errors > 0 || tooManyWarnings ? 1 : 0
}
