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
import type {PaperKind} from '../tree.js'
import {parseText} from '../parse.js'
import {InputError, load, readBytes} from '../read/input.js'
import {countInput} from './optimiser.js'
import type {CacheEntry} from './check-cache.js'
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
  /** The bytes read, kept for --fix (which writes the fixed text in their encoding); null in a run that does not fix. */
  bytes: Uint8Array | null
  text: string
  encoding: string
  tree: ReturnType<typeof parseText>['tree']
  messages: Message[]
  /** Text or Markdown read as such: --fix may write it (never a PDF or an HTML page). */
  writable: boolean
  /** Markdown read by remark (`.md`): fixed text is parsed again the same way. */
  markdown?: boolean
}

/** A file's bytes, read once; its paper is made from them only when needed (a cache hit needs none). */
interface Input {
  path: string
  name: string
  /** Null once the paper is made from them in a run that does not fix: a 10 MB paper's bytes are not held through the rules. */
  bytes: Uint8Array | null
  /** SHA-256 of the bytes, for the cache (computed when first asked for). */
  hash?: string
}

/** Read one input's bytes; an unreadable one is reported on stderr and gives its exit code. */
async function readInput(path: string, name: string): Promise<{input: Input} | {code: number}> {
  try {
    const bytes = await readBytes(path)
    countInput(bytes.byteLength)
    return {input: {path, name, bytes}}
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`legco: ${error.message}\n`)
      return {code: error.exitCode}
    }
    throw error
  }
}

/** Decode and parse one input; one that cannot be (not text, a PDF with no text layer) is reported on stderr and gives its exit code. */
async function parseInput(input: Input, keepBytes: boolean): Promise<{paper: CheckedPaper} | {code: number}> {
  const {path, name} = input
  const bytes = input.bytes!
  if (!keepBytes) input.bytes = null
  try {
    const loaded = await load(bytes, name)
    if (loaded.scanned) {
      process.stderr.write(`legco: ${name}: a PDF with no text layer: it needs OCR before it can be checked\n`)
      return {code: 3}
    }
    const result = parseText(loaded.text, {pages: loaded.pages, origin: loaded.origin, markdown: loaded.markdown})
    const text = loaded.origin?.source ?? loaded.text
    // A Markdown file's positions point into the Markdown itself (src/read/markdown.ts): its fixes are edits of it.
    const writable = loaded.encoding !== 'pdf' && (loaded.origin === undefined || loaded.markdown === true)
    return {
      paper: {
        path,
        name,
        bytes: keepBytes ? bytes : null,
        text,
        encoding: loaded.encoding,
        tree: result.tree,
        messages: result.messages,
        writable,
        markdown: loaded.markdown
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`legco: ${error.message}\n`)
      return {code: error.exitCode}
    }
    throw error
  }
}

/** Fixed Markdown parsed as the file was (remark, loaded already for the first parse). */
async function parseMarkdownAgain(text: string): Promise<ReturnType<typeof parseText>> {
  const {markdownText} = await import('../read/markdown.js')
  const {text: lines, origin} = markdownText(text)
  return parseText(lines, {origin, markdown: true})
}

function lint(paper: CheckedPaper, settings: Settings, pair?: PairInput): Message[] {
  const parseMessages = applySettings(paper.messages, settings)
  const messages = [...parseMessages, ...check(paper.tree, paper.text, {settings, pair})]
  return paper.markdown ? messages.map((message) => markdownFix(message, paper.text)) : messages
}

/**
 * A fix in Markdown: a paragraph number written at a line's start keeps the
 * escape that stops a renderer reading it as a list (`１.` is fixed to `1\.`,
 * not `1.`, which CommonMark renumbers).
 */
function markdownFix(message: Message, text: string): Message {
  const fix = message.fix
  if (!fix || !/^\d{1,9}[.)]/.test(fix.text)) return message
  const lineStart = text.lastIndexOf('\n', fix.range[0] - 1) + 1
  if (text.slice(lineStart, fix.range[0]).trim() !== '') return message
  return {...message, fix: {...fix, text: fix.text.replace(/^(\d+)([.)])/, '$1\\$2')}}
}

/** What --fix or --fix-dry-run makes of one paper: the messages left, and the fixed text when it is to be written or shown. */
interface FixPlan {
  messages: Message[]
  /** The fixed text and bytes, and the kind its tree was read as (for the cache entry of the written file). */
  fixed?: {text: string; bytes: Uint8Array; kind: PaperKind | null}
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
  let kind = paper.tree.meta.kind
  const outcome = await fixText(paper.text, async (text) => {
    kind = paper.tree.meta.kind
    if (text === paper.text) return first
    const result = paper.markdown ? await parseMarkdownAgain(text) : parseText(text)
    const next: CheckedPaper = {...paper, text, tree: result.tree, messages: result.messages}
    kind = result.tree.meta.kind
    return lint(next, await settingsOf(next), pair)
  })
  if (outcome.text === paper.text) return {messages: outcome.messages}
  const encoded = encodeLike(paper.bytes!, outcome.text)
  if ('problem' in encoded) {
    process.stderr.write(`legco check: ${paper.name}: not fixed: ${encoded.problem}\n`)
    return {messages: first}
  }
  return {messages: outcome.messages, fixed: {text: outcome.text, bytes: encoded.bytes, kind}}
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

/** The cache of this run (its module, and node:crypto, loaded only with --cache). */
async function openCache(location: string | undefined, legcoVersion: string) {
  const {CheckCache, cachePath} = await import('./check-cache.js')
  return new CheckCache(cachePath(location), legcoVersion)
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
  const fixing = options.fix || options.fixDryRun
  if (options.cacheLocation !== undefined && !options.cache) process.stderr.write('legco check: warning: --cache-location has no effect without --cache\n')
  const cache = options.cache ? await openCache(options.cacheLocation, version()) : null
  /** Fixed texts, in the order of the report: written (--fix) or shown as a diff (--fix-dry-run) once every paper is checked. */
  const fixedPapers: {paper: CheckedPaper; text: string; bytes: Uint8Array; entry?: () => Promise<CacheEntry>}[] = []
  const inputs = new Map<string, Promise<Input | null>>()
  const papers = new Map<string, Promise<CheckedPaper | null>>()
  /** Each input's bytes, read once. */
  const inputOf = (path: string) => {
    let input = inputs.get(path)
    if (!input) {
      input = readInput(path, nameOf(path)).then((outcome) => {
        if ('code' in outcome) inputCode = Math.max(inputCode, outcome.code)
        return 'input' in outcome ? outcome.input : null
      })
      inputs.set(path, input)
    }
    return input
  }
  /** Each input's paper, made once and only when a rule has to read it. */
  const paperOf = (input: Input) => {
    let paper = papers.get(input.path)
    if (!paper) {
      // The cache needs the hash of the bytes, a fix the bytes themselves; else they go once decoded.
      if (cache) hashOf(input)
      paper = parseInput(input, fixing === true).then((outcome) => {
        if ('code' in outcome) inputCode = Math.max(inputCode, outcome.code)
        return 'paper' in outcome ? outcome.paper : null
      })
      papers.set(input.path, paper)
    }
    return paper
  }
  // Kept only while one paper or pair is checked (a batch does not hold every tree).
  const forget = () => {
    inputs.clear()
    papers.clear()
  }
  const hashOf = (input: Input) => (input.hash ??= cache!.hash(input.bytes!))
  /** What the cache keys a file's messages by besides its bytes: its settings for that kind, and the other version's bytes and name. */
  const keyFor = async (input: Input, kind: PaperKind | null, other: Input | null) =>
    cache!.key(await resolver.settingsFor(settingsPath(input.path), kind), other ? {hash: hashOf(other), name: other.name} : null)
  /**
   * The messages of one input (and, with `other`, the pair rules against
   * it): from the cache when its entry holds, else from its paper. Null
   * when the paper (or, with `strictPair`, the other one) cannot be read.
   * Under --fix and --fix-dry-run a cached result whose messages carry a fix
   * is made again, so that the fix is made (or shown) as without the cache;
   * and the messages of a text that --fix changes are cached under the
   * bytes written, never under the old ones.
   */
  const checkInput = async (input: Input, other: Input | null, strictPair = false): Promise<Message[] | null> => {
    const cached = cache !== null && input.path !== '-' && other?.path !== '-'
    if (cached) {
      const messages = await cache.lookup(input.path, hashOf(input), input.name, (kind) => keyFor(input, kind, other))
      if (messages && !(fixing && messages.some((m) => m.fix))) return messages
      if (messages) cache.say(`${input.name}: its messages carry fixes: checked again to fix`)
    }
    const paper = await paperOf(input)
    const otherPaper = other ? await paperOf(other) : null
    if (!paper || (strictPair && other && !otherPaper)) return null
    const pair = otherPaper ? {tree: otherPaper.tree, text: otherPaper.text, name: otherPaper.name} : undefined
    const settings = await settingsOf(paper)
    // The entry of what was checked: only when the pair read is the pair keyed (an unreadable other version is not cached).
    const storable = cached && (other === null || otherPaper !== null)
    const entryOf = (hash: string, kind: PaperKind | null, messages: Message[]) => async (): Promise<CacheEntry> => ({
      hash,
      kind,
      key: await keyFor(input, kind, other),
      messages
    })
    if (!fixing) {
      const messages = lint(paper, settings, pair)
      if (storable) cache.set(input.path, await entryOf(hashOf(input), paper.tree.meta.kind, messages)())
      return messages
    }
    const plan = await fixPaper(paper, settingsOf, options.fixDryRun === true, pair)
    if (plan.fixed) {
      const {kind, bytes} = plan.fixed
      // Cached once written, under the bytes written (a dry run writes nothing, and its messages are not those of the file).
      fixedPapers.push({paper, ...plan.fixed, entry: storable && options.fix ? entryOf(cache.hash(bytes), kind, plan.messages) : undefined})
    } else if (storable) cache.set(input.path, await entryOf(hashOf(input), paper.tree.meta.kind, plan.messages)())
    return plan.messages
  }
  try {
    if (options.pair !== undefined) {
      if (entries.length !== 1 || inputCode)
        return inputCode || usage(`--pair compares one paper with its other-language version: give exactly one paper (got ${entries.length})`)
      const a = await inputOf(entries[0]!.path)
      const b = await inputOf(options.pair)
      if (!a || !b) return inputCode
      const messages = await checkInput(a, b, true)
      if (!messages) return inputCode
      results.push({file: a.name, messages})
      const own = await checkInput(b, null)
      if (!own) return inputCode
      results.push({file: b.name, messages: own})
    } else if (options.pairBy === 'name') {
      const {pairs, unpaired} = pairByName(entries.map((entry) => entry.path))
      for (const path of unpaired) process.stderr.write(`legco check: ${nameOf(path)}: warning: no other-language version found by name; checked alone\n`)
      for (const item of [...pairs.map((pair) => ({pair})), ...unpaired.map((path) => ({path}))].sort((x, y) =>
        ('pair' in x ? x.pair[0] : x.path).localeCompare('pair' in y ? y.pair[0] : y.path)
      )) {
        forget()
        if ('path' in item) {
          const input = await inputOf(item.path)
          const messages = input && (await checkInput(input, null))
          if (input && messages) results.push({file: input.name, messages})
          continue
        }
        const a = await inputOf(item.pair[0])
        const b = await inputOf(item.pair[1])
        const messagesA = a && (await checkInput(a, b))
        if (a && messagesA) results.push({file: a.name, messages: messagesA})
        const messagesB = b && (await checkInput(b, null))
        if (b && messagesB) results.push({file: b.name, messages: messagesB})
      }
    } else {
      for (const entry of entries) {
        forget()
        const input = await inputOf(entry.path)
        const messages = input && (await checkInput(input, null))
        if (input && messages) results.push({file: input.name, messages})
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
    for (const {paper, bytes, entry} of fixedPapers) {
      try {
        const target = resolve(paper.path)
        const {mode} = await stat(target)
        await writeAtomic(target, bytes)
        await chmod(target, mode & 0o7777)
        if (cache && entry) cache.set(paper.path, await entry())
      } catch (error) {
        process.stderr.write(`legco check: ${paper.name}: not fixed: ${(error as Error).message}\n`)
        inputCode = Math.max(inputCode, 2)
      }
    }
  }
  await cache?.save()
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
