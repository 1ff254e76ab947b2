/**
 * `legco parse`: papers in, trees (JSON, NDJSON) or clean Markdown out.
 *
 * One input (a file, `-`, or a folder or pattern that gives one file): its
 * tree on stdout, or in `-o FILE`, or in `-o DIR/NAME.json|md`; an input
 * that cannot be read is one line on stderr and exit 2; a scanned PDF,
 * exit 3 (with `--format json` its stamp-only tree is still printed).
 *
 * Several inputs (files, folders walked recursively, globs; see inputs.ts):
 *   --format ndjson       one compact tree per line, streamed as files finish
 *   --format json         one JSON array of the trees, streamed element by
 *                         element (valid JSON once the run ends; for large
 *                         runs prefer ndjson, which a reader can consume line
 *                         by line)
 *   --format md, html     need -o DIR/ (there is no sensible single stream
 *                         of several Markdown papers or HTML pages)
 *   --format csv          one header record, then one record per paper,
 *                         streamed as files finish (--bom: a byte-order mark
 *                         first); --tables DIR/ writes each table as a CSV
 *   -o DIR/               one output per input, same name, new extension
 *                         (.json for json and ndjson, .md for md), folders
 *                         mirrored below a folder argument; each written
 *                         whole or not at all
 *   -o FILE               the JSON array or the NDJSON lines, written whole
 *                         (temporary file, renamed at the end)
 * --split: a file that holds several papers (a bundle) gives one tree per
 * paper; the trees then go out as several inputs' do (JSON array, NDJSON
 * lines; into a folder as NAME.1.json, NAME.2.json, …, or NAME.01.json … from 10 papers on), even for one input.
 * Trees are emitted in input order (`--unordered`: as they finish); a file
 * that fails is skipped, reported on stderr as `legco: <file>: <reason>`,
 * and the run goes on (`--fail-fast`: stops there); exit 1 at the end.
 * Parse messages go to stderr as `file:line:col  severity  reason  rule`.
 * Ctrl-C (SIGINT) or SIGTERM stops the run within a moment, removes
 * temporary files, exit 130 / 143 (signals.ts: one paper is parsed with no
 * signal listener, so the signal ends the process at once; a batch parses
 * in worker threads). An interrupted batch to stdout ends with an error
 * record (NDJSON: a last line `{"type":"error",...}`; JSON: that record
 * and no closing `]`), so it cannot pass for a complete one.
 * -o FILE needs its folder to exist (exit 2 otherwise); -o DIR/ is created
 * when its parent folder exists. A scanned PDF (exit 3) prints its
 * stamp-only tree with --format json on stdout, but writes no -o file.
 */
import {stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {dirname, join, resolve, sep} from 'node:path'
import {getMaxSize, InputError, readBytes, type From} from '../read/input.js'
import {optimise} from './optimiser.js'
import type {Script} from '../script.js'
import type {PaperKind} from '../tree.js'
import {expandInputEntries, listEntries, parseShard, readFileList, selectShard, type InputEntry} from './inputs.js'
import {createTemporary, formatMessage, removeOwnTemporaries, writeAtomic, writeStdout} from './output.js'
import {interruptCode, onInterrupt} from './signals.js'
import type {BatchOutcome} from './batch.js'
import {runTask, type Task, type TaskFailed, type TaskResult} from './worker.js'

/** The options of `legco parse` (see main.ts for their flags and help). */
export interface ParseCommandOptions {
  format: Task['format']
  /** csv: a UTF-8 byte-order mark first. */
  bom?: boolean
  /** Also write each table as CSV into this folder. */
  tables?: string
  output?: string
  pretty?: boolean
  script?: Script
  /** The kind of paper, given instead of detected. */
  kind?: PaperKind
  /** How text input is read: `md` (remark), `text` (the line path), `auto` (by extension). */
  from?: From
  split?: boolean
  jobs?: string
  unordered?: boolean
  failFast?: boolean
  /** Also read the paths listed in this file (`-`: standard input). */
  filesFrom?: string
  /** `K/N`: only shard K of N of the inputs. */
  shard?: string
  /** Write one NDJSON record per failed input here. */
  errors?: string
  quiet?: boolean
}

type Target = {kind: 'stdout'} | {kind: 'file'; path: string} | {kind: 'dir'; path: string}

export async function runParse(args: string[], options: ParseCommandOptions): Promise<number> {
  const jobs = await parseJobs(options.jobs)
  const shard = options.shard === undefined ? undefined : parseShard(options.shard)
  if (options.shard !== undefined && !shard)
    throw new InputError(`--shard wants K/N, two whole numbers with 1 <= K <= N (got ${JSON.stringify(options.shard)})`)
  if (options.filesFrom === '-' && args.includes('-')) throw new InputError('--files-from - reads the list from standard input: it cannot also be an input')
  let entries = await expandInputEntries(args)
  if (options.filesFrom !== undefined) entries = dedupe([...entries, ...listEntries(await readFileList(options.filesFrom))])
  if (entries.length === 0 && options.filesFrom === undefined) throw new InputError('no input given')
  if (shard) entries = selectShard(entries, shard)
  const target = await outputTarget(options.output)
  if (
    options.errors !== undefined &&
    !(await stat(dirname(resolve(options.errors))).then(
      (info) => info.isDirectory(),
      () => false
    ))
  ) {
    throw new InputError(`cannot write --errors ${options.errors}: the folder ${dirname(options.errors)} does not exist`)
  }
  // A list or a shard is a batch however many files it gives (an empty shard too): the output has one shape.
  const batch = options.filesFrom !== undefined || shard !== undefined
  if (entries.length === 1 && !batch) return runOne(entries[0]!, options, target)
  return runMany(entries, options, target, jobs)
}

async function parseJobs(value: string | undefined): Promise<number> {
  if (value === undefined) return Math.max(1, availableParallelism())
  const jobs = Number(value)
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError(`-j/--jobs wants a whole number of workers, 1 or more (got ${JSON.stringify(value)})`)
  return jobs
}

async function outputTarget(output: string | undefined): Promise<Target> {
  if (!output) return {kind: 'stdout'}
  const isDir = async (path: string) =>
    stat(path).then(
      (info) => info.isDirectory(),
      () => false
    )
  if (output.endsWith('/') || output.endsWith(sep)) {
    // A folder to write into is made if need be, but only inside one that exists (a typo should not make a tree of folders).
    const folder = output.replace(/[\\/]+$/, '') || output
    if (!(await isDir(folder)) && !(await isDir(dirname(folder))))
      throw new InputError(`cannot write into ${output}: the folder ${dirname(folder)} does not exist`)
    return {kind: 'dir', path: output}
  }
  if (await isDir(output)) return {kind: 'dir', path: output}
  // Not there yet: a file to create, in a folder that must exist.
  if (!(await isDir(dirname(output)))) throw new InputError(`cannot write ${output}: the folder ${dirname(output)} does not exist`)
  return {kind: 'file', path: output}
}

function extension(format: ParseCommandOptions['format']): string {
  return format === 'md' || format === 'html' || format === 'csv' ? `.${format}` : '.json'
}

/** Formats whose papers cannot share one stream: several need -o DIR/. */
const PAGES: Record<string, string> = {md: 'Markdown', html: 'HTML pages'}

function baseTask(options: ParseCommandOptions): Pick<Task, 'format' | 'pretty' | 'script' | 'kind' | 'from' | 'split' | 'maxSize' | 'bom' | 'tables'> {
  return {
    format: options.format,
    pretty: Boolean(options.pretty),
    script: options.script,
    kind: options.kind,
    from: options.from === 'auto' ? undefined : options.from,
    split: Boolean(options.split),
    maxSize: getMaxSize(),
    bom: Boolean(options.bom),
    tables: options.tables
  }
}

function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path
}

// ---------------------------------------------------------------- one input

async function runOne(entry: InputEntry, options: ParseCommandOptions, target: Target): Promise<number> {
  if (entry.problem) {
    if (options.errors !== undefined) await writeAtomic(options.errors, failureRecord(entry.path, {reason: `${entry.path}: ${entry.problem}`, exitCode: 2}))
    throw new InputError(`${entry.path}: ${entry.problem}`)
  }
  if (options.split && PAGES[options.format] && target.kind !== 'dir')
    throw new InputError(`--split with --format ${options.format} needs an output folder: add -o DIR/ (one .${options.format} file per paper)`)
  const path = target.kind === 'dir' ? join(target.path, entry.name + extension(options.format)) : target.kind === 'file' ? target.path : undefined
  if (path) refuseOverwrite([entry], [path])
  // With --split the trees go out as several inputs' would (an array, or lines); into a folder, the worker writes them.
  const output = options.split && target.kind !== 'dir' ? undefined : path
  const name = displayName(entry.path)
  // No signal listener around the parse (it is synchronous: a listener would wait for its end): nothing is
  // written before it ends, so Ctrl-C may end the process at once. Files are written whole (output.ts).
  {
    // One paper to stdout: its JSON is written as it is made, never held whole.
    const emit = !output && !options.split ? (chunks: Iterable<string>) => writeInSlices(chunks) : undefined
    // A scanned PDF's stamp-only tree goes to stdout only: a file named by -o is not written for a run that exits 3.
    const result = await runTask({index: 0, path: entry.path, name, ...baseTask(options), output, keepScanned: options.format === 'json' && !path, emit})
    if (options.errors !== undefined) await writeAtomic(options.errors, result.ok ? '' : failureRecord(entry.path, result))
    if (!result.ok) {
      if (result.exitCode === 3 && result.data !== undefined) await writeStdout(result.data)
      if (result.exitCode === 70) {
        process.stderr.write(`legco: ${result.reason}\n`)
        return 70
      }
      throw new InputError(result.reason, result.exitCode)
    }
    if (!options.quiet) for (const message of result.messages) process.stderr.write(formatMessage(name, message) + '\n')
    if (result.data === undefined) return 0
    if (options.split) {
      const sink = await openSink(target, options)
      const stopInterrupt = onInterrupt(async (code) => {
        await sink.abandon()
        process.exit(code)
      })
      try {
        for (const data of result.data) await sink.write(data)
        await sink.close()
      } catch (error) {
        await sink.abandon()
        throw error
      } finally {
        stopInterrupt()
      }
    } else await writeInSlices(result.data[0]!)
    return 0
  }
}

/**
 * Output to stdout a slice at a time, each encoded into one reused buffer:
 * the write never holds a second, UTF-8 copy of the whole output (10 MB
 * paper: ~20 MB less peak memory). Takes a string or the pieces of one.
 */
async function writeInSlices(data: string | Iterable<string>): Promise<void> {
  const SLICE = 1 << 18
  if (typeof data === 'string' && data.length <= SLICE) return writeStdout(data)
  const buffer = Buffer.allocUnsafeSlow(SLICE * 3)
  const flush = async (text: string) => {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + SLICE, text.length)
      const last = text.charCodeAt(end - 1)
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end-- // never split a surrogate pair
      const length = buffer.write(text.slice(start, end))
      // The callback comes once the bytes are handed over: the buffer is free again.
      await new Promise<void>((resolve, reject) => process.stdout.write(buffer.subarray(0, length), (error) => (error ? reject(error) : resolve())))
      start = end
    }
  }
  if (typeof data === 'string') return flush(data)
  let pending = ''
  for (const piece of data) {
    pending += piece
    if (pending.length >= SLICE) {
      await flush(pending)
      pending = ''
    }
  }
  if (pending) await flush(pending)
}

// ---------------------------------------------------------- several inputs

async function runMany(entries: InputEntry[], options: ParseCommandOptions, target: Target, jobs: number): Promise<number> {
  if (PAGES[options.format] && target.kind !== 'dir') {
    // (with --split as well: several papers either way)
    throw new InputError(
      `${PAGES[options.format]} for ${entries.length} papers need an output folder: add -o DIR/ (one .${options.format} file per paper), or use --format ndjson`
    )
  }
  const outputs = target.kind === 'dir' ? entries.map((entry) => join(target.path, entry.name + extension(options.format))) : []
  if (target.kind === 'dir') refuseOverwrite(entries, outputs)
  if (target.kind === 'file')
    refuseOverwrite(
      entries.filter((entry) => resolve(entry.path) === resolve(target.path)),
      [target.path]
    )

  const stdin = entries.some((entry) => entry.path === '-') ? await readBytes('-') : undefined
  const tasks: (Task | TaskFailed)[] = entries.map((entry, index) => {
    if (entry.problem) return {index, ok: false, reason: `${entry.path}: ${entry.problem}`, exitCode: 2, size: 0}
    return {
      index,
      path: entry.path,
      name: displayName(entry.path),
      bytes: entry.path === '-' ? stdin : undefined,
      ...baseTask(options),
      output: target.kind === 'dir' ? outputs[index] : undefined
    }
  })

  // The workers share the process's V8 flags: a batch is long work.
  optimise()
  const {runBatch} = await import('./batch.js')
  const {createReporter, ProgressBar} = await import('./progress.js')
  const reporter = createReporter(entries.length, options.quiet)
  const sink = await openSink(target, options)
  const controller = new AbortController()
  // The first Ctrl-C stops the batch (workers terminated, temporaries removed, the stream ended as interrupted); a second exits at once.
  const stopInterrupt = onInterrupt(() => controller.abort())
  let internal = false
  const failures: string[] = []
  let outcome: BatchOutcome
  try {
    try {
      // The main thread is one of the -j threads: it parses small text files itself (a signal waits a few
      // milliseconds at most), workers take PDFs and large files; no worker starts before a file needs one.
      outcome = await runBatch(tasks, {
        jobs,
        ordered: !options.unordered,
        failFast: Boolean(options.failFast),
        signal: controller.signal,
        settled: (result) => reporter.tick(!result.ok),
        emit: async (result: TaskResult) => {
          const name = displayName(entries[result.index]!.path)
          if (!result.ok) {
            if (result.exitCode === 70) internal = true
            reporter.log(`legco: ${result.reason}`)
            failures.push(failureRecord(entries[result.index]!.path, result))
            return
          }
          if (!options.quiet) for (const message of result.messages) reporter.log(formatMessage(name, message))
          for (const data of result.bytes ?? result.data ?? []) await sink.write(data)
        }
      })
    } catch (error) {
      reporter.done()
      await sink.abandon(`the run stopped: ${(error as Error).message}`)
      throw error
    }
    reporter.done(reporter instanceof ProgressBar && !outcome.interrupted)
    if (outcome.interrupted || controller.signal.aborted) {
      const what = `interrupted after ${outcome.emitted} of ${entries.length} files`
      await sink.abandon(what)
      if (target.kind === 'dir') removeOwnTemporaries(outputs.map((output) => dirname(output)))
      process.stderr.write(`legco: ${what}\n`)
      return interruptCode()
    }
    if (outcome.stopped && target.kind === 'file') {
      // --fail-fast on a run into one file: the file would not hold the whole run, so it is not written.
      await sink.abandon('stopped at the first failure (--fail-fast)')
    } else await sink.close()
    if (options.errors !== undefined) await writeAtomic(options.errors, failures.join(''))
  } finally {
    stopInterrupt()
  }
  if (internal) return 70
  return outcome.failed > 0 ? 1 : 0
}

/** Each path once, at its first place (a list that repeats an argument). */
function dedupe(entries: InputEntry[]): InputEntry[] {
  const seen = new Set<string>()
  return entries.filter((entry) => {
    const key = entry.path === '-' ? '-' : `${entry.problem ? '?' : ''}${resolve(entry.path)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function refuseOverwrite(entries: InputEntry[], outputs: string[]): void {
  const inputs = new Map(entries.map((entry) => [resolve(entry.path), entry.path]))
  const seen = new Map<string, string>()
  outputs.forEach((output, index) => {
    const key = resolve(output)
    if (inputs.has(key)) throw new InputError(`the output ${output} is an input: it would be overwritten (choose another -o)`)
    const other = seen.get(key)
    if (other !== undefined)
      throw new InputError(`${other} and ${entries[index]!.path} would both be written to ${output}: run them separately, or give their folder`)
    seen.set(key, entries[index]?.path ?? output)
  })
}

interface Sink {
  /** One serialised paper: a string, or its UTF-8 (from a worker). */
  write(data: string | Uint8Array): Promise<void>
  /** The run is over: finish the stream (close the array), rename the file into place. */
  close(): Promise<void>
  /**
   * The run did not finish: drop the file; on stdout (already gone) end the
   * stream with an error record saying why, and no closing `]`, so that it
   * cannot pass for a complete run.
   */
  abandon(reason?: string): Promise<void>
}

/**
 * `--errors FILE`: one NDJSON line per input that failed — its path as
 * given (what `--files-from` takes back), the reason, the exit code that
 * kind of failure has alone (2 unreadable, 3 scanned PDF, 70 a bug).
 */
export function failureRecord(path: string, result: Pick<TaskFailed, 'reason' | 'exitCode'>): string {
  return JSON.stringify({type: 'error', path, reason: result.reason, exitCode: result.exitCode}) + '\n'
}

/** The last record of a stream that did not finish. */
export function errorRecord(reason: string): string {
  return JSON.stringify({type: 'error', interrupted: true, reason: `legco: ${reason}; this output is incomplete`})
}

/** Where the serialised trees of a run go: stdout or one file (JSON array or NDJSON); nothing for -o DIR/. */
async function openSink(target: Target, options: ParseCommandOptions): Promise<Sink> {
  if (target.kind === 'dir') return {write: async () => {}, close: async () => {}, abandon: async () => {}}
  let put: (data: string | Uint8Array) => Promise<void> = writeStdout
  let finish = async () => {}
  let drop = async () => {}
  if (target.kind === 'file') {
    const temporary = await createTemporary(target.path)
    put = async (data) => {
      if (typeof data === 'string') await temporary.handle.write(data)
      else for (let done = 0; done < data.length; ) done += (await temporary.handle.write(data, done)).bytesWritten
    }
    finish = () => temporary.commit()
    drop = () => temporary.discard()
  }
  const array = options.format === 'json'
  const csv = options.format === 'csv'
  let count = 0
  let ended = false
  return {
    async write(data) {
      if (typeof data !== 'string') {
        // The UTF-8 of a paper, as a worker made it (never pretty: that one comes as a string).
        if (csv) {
          if (count++ === 0) return put(data)
          return put(data.subarray(Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('\r\n') + 2))
        }
        if (!array) return put(data)
        await put(count++ === 0 ? '[\n' : ',\n')
        return put(data[data.length - 1] === 0x0a ? data.subarray(0, data.length - 1) : data)
      }
      // CSV: each paper's data is its header record and its row; the header (and BOM) go out once.
      if (csv) return put(count++ === 0 ? data : data.slice(data.indexOf('\r\n') + 2))
      if (!array) return put(data)
      const element = data.endsWith('\n') ? data.slice(0, -1) : data
      await put((count++ === 0 ? '[\n' : ',\n') + (options.pretty ? '  ' + element.replace(/\n/g, '\n  ') : element))
    },
    async close() {
      ended = true
      if (array) await put(count === 0 ? '[]\n' : '\n]\n')
      await finish()
    },
    async abandon(reason = 'interrupted') {
      if (ended) return
      ended = true
      if (target.kind === 'stdout') {
        const record = errorRecord(reason)
        await put(array ? (count === 0 ? '[\n' : ',\n') + record + '\n' : record + '\n').catch(() => {})
      }
      await drop()
    }
  }
}
