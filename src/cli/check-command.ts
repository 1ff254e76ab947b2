/**
 * `legco check`: read papers (files, directories, globs, `-`), run the
 * rules over each tree, print the messages in the chosen format.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors,
 * or more warnings than --max-warnings; 2 a usage error (bad option, bad
 * config, unknown rule) or input that cannot be read; 3 a PDF with no text
 * layer. Input problems do not stop the other files from being checked.
 */
import {readFileSync} from 'node:fs'
import {applySettings, check} from '../check/check.js'
import {ConfigError, resolveSettings} from '../check/config.js'
import {formatGithub} from '../check/format/github.js'
import {formatJson} from '../check/format/json.js'
import {formatSarif} from '../check/format/sarif.js'
import {formatText} from '../check/format/text.js'
import {totals, type FileResult} from '../check/format/types.js'
import type {PairInput, Settings} from '../check/types.js'
import type {Message} from '../message.js'
import {InputError} from '../read/input.js'
import {expandInputEntries} from './inputs.js'
import {loadPaper, type LoadedPaper} from './load.js'
import {writeStdout} from './output.js'

/** The options of `legco check` (see main.ts for their flags and help). */
export interface CheckCommandOptions {
  format: 'text' | 'json' | 'github' | 'sarif'
  pair?: string
  /** `id=severity`, as given (repeatable). */
  rule?: string[]
  config?: string
  maxWarnings?: string
  quiet?: boolean
}

function usage(message: string): number {
  process.stderr.write(`legco check: ${message}\n(run legco check --help for usage)\n`)
  return 2
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
}

/** Read one paper; an unreadable one is reported on stderr and gives its exit code. */
async function read(path: string): Promise<{paper: LoadedPaper} | {code: number}> {
  try {
    const paper = await loadPaper(path)
    if (paper.scanned) {
      process.stderr.write(`legco: ${paper.name}: a PDF with no text layer: it needs OCR before it can be checked\n`)
      return {code: 3}
    }
    return {paper}
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`legco: ${error.message}\n`)
      return {code: error.exitCode}
    }
    throw error
  }
}

function lint(paper: LoadedPaper, settings: Settings, pair?: PairInput): Message[] {
  const parseMessages = applySettings(paper.messages, settings)
  return [...parseMessages, ...check(paper.tree, paper.text, {settings, pair})]
}

export async function runCheck(files: string[], options: CheckCommandOptions): Promise<number> {
  let maxWarnings: number | null = null
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings)) return usage(`--max-warnings ${options.maxWarnings}: expected a whole number (0 or more)`)
    maxWarnings = Number(options.maxWarnings)
  }
  let settings: Settings
  try {
    settings = resolveSettings({config: options.config, rule: options.rule})
  } catch (error) {
    if (error instanceof ConfigError) return usage(error.message)
    throw error
  }

  const entries = await expandInputEntries(files)
  let inputCode = 0
  for (const entry of entries) {
    if (!entry.problem) continue
    process.stderr.write(`legco: ${entry.path}: ${entry.problem}\n`)
    inputCode = Math.max(inputCode, 2)
  }
  const paths = entries.filter((entry) => !entry.problem).map((entry) => entry.path)

  const results: FileResult[] = []
  if (options.pair !== undefined) {
    if (paths.length !== 1 || entries.length !== 1)
      return usage(`--pair compares one paper with its other-language version: give exactly one paper (got ${entries.length})`)
    const [first, second] = [await read(paths[0]!), await read(options.pair)]
    if ('code' in first || 'code' in second) return Math.max('code' in first ? first.code : 0, 'code' in second ? second.code : 0)
    const a = first.paper
    const b = second.paper
    results.push({file: a.name, messages: lint(a, settings, {tree: b.tree, text: b.text, name: b.name})})
    results.push({file: b.name, messages: lint(b, settings)})
  } else {
    for (const path of paths) {
      const outcome = await read(path)
      if ('code' in outcome) {
        inputCode = Math.max(inputCode, outcome.code)
        continue
      }
      results.push({file: outcome.paper.name, messages: lint(outcome.paper, settings)})
    }
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
  if (output) await writeStdout(output)

  const t = totals(results)
  const tooManyWarnings = maxWarnings !== null && t.warnings > maxWarnings
  if (tooManyWarnings) process.stderr.write(`legco check: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
  if (inputCode) return inputCode
  return t.errors > 0 || tooManyWarnings ? 1 : 0
}
