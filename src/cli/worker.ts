/**
 * One paper, start to finish: read → decode/PDF → parse → (script) →
 * serialise → (write). `runTask` runs on the main thread for a single file
 * or `-j 1`, and inside the worker threads of a batch (see batch.ts): when
 * this module is loaded as a legco worker it answers tasks posted to it.
 *
 * Everything heavy stays here, off the main thread: the serialised output
 * (a string) is what comes back, or nothing at all when the worker wrote
 * the output file itself (`-o DIR/`), so big trees never cross threads.
 */
import {mkdir} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {Message} from '../message.js'
import {parsePapers, parseText} from '../parse.js'
import {InputError, load, readBytes, type From, type Loaded} from '../read/input.js'
import {countInput} from './optimiser.js'
import type {Script} from '../script.js'
import type {PaperKind} from '../tree.js'
import type {Paper} from '../tree.js'
import {writeAtomic} from './output.js'
import {jsonChunks} from '../emit/json.js'

export type Format = 'json' | 'md' | 'ndjson' | 'html' | 'csv'

export interface Task {
  /** Place of the file in the input order. */
  index: number
  /** The path to read, or `-` with `bytes` (standard input read by the main thread). */
  path: string
  /** The name to show in messages. */
  name: string
  bytes?: Uint8Array
  format: Format
  /** Indent JSON (format `json` only). */
  pretty?: boolean
  /** CSV: start with a byte-order mark. */
  bom?: boolean
  /** Also write each table of each paper as a CSV file into this folder (`--tables`). */
  tables?: string
  script?: Script
  /** `--kind`: the paper's kind, not detected. */
  kind?: PaperKind
  /** `--from`: how text input is read (Markdown by remark, or the line path); by the name when absent. */
  from?: From
  /** Write the output here (whole or not at all) instead of sending it back. */
  output?: string
  /** For a scanned PDF: still serialise the (stamp-only) tree. */
  keepScanned?: boolean
  /** A file that holds several papers gives one tree each (`--split`). */
  split?: boolean
  /** Refuse input larger than this many bytes (`--max-size`; the reading thread's default otherwise). */
  maxSize?: number
  /**
   * On the main thread only: hand compact JSON over a piece at a time
   * instead of returning it whole (one big paper to stdout).
   */
  emit?: (chunks: Iterable<string>) => Promise<void>
}

export type TaskResult = TaskDone | TaskFailed

export interface TaskDone {
  index: number
  ok: true
  /** The serialised trees (one, or one per paper with `split`), unless written to `task.output`. */
  data?: string[]
  /**
   * From a worker thread: `data` encoded as UTF-8 by the worker, each in an
   * `ArrayBuffer` of its own moved (transferred, not copied) to the main
   * thread, which only writes them.
   */
  bytes?: Uint8Array[]
  /** Trees made (more than one only with `split`). */
  papers: number
  messages: Message[]
  /** Bytes read. */
  size: number
  /** Pages, for a PDF. */
  pages?: number
}

export interface TaskFailed {
  index: number
  ok: false
  /** One line for the user; names the file. */
  reason: string
  /** 2 unreadable input, 3 scanned PDF (needs OCR), 70 a bug. */
  exitCode: 2 | 3 | 70
  /** For a scanned PDF with `keepScanned`: the stamp-only tree. */
  data?: string
  size: number
}

export async function runTask(task: Task): Promise<TaskResult> {
  let size = 0
  try {
    const loaded = await readAndLoad(task, (bytes) => (size = bytes))
    const pages = loaded.pages ? loaded.pages.length : undefined
    if (loaded.scanned) {
      const {tree} = parseText(loaded.text, {pages: loaded.pages, kind: task.kind, origin: loaded.origin, markdown: loaded.markdown})
      const reason = `${task.name}: the PDF has no text layer (a scanned image): it needs OCR`
      const data = task.keepScanned ? await serialise(tree, task) : undefined
      return {index: task.index, ok: false, reason, exitCode: 3, data, size}
    }
    const results = task.split
      ? parsePapers(loaded.text, {pages: loaded.pages, kind: task.kind, origin: loaded.origin, markdown: loaded.markdown})
      : [parseText(loaded.text, {pages: loaded.pages, kind: task.kind, origin: loaded.origin, markdown: loaded.markdown})]
    // Which file each tree came from, for output lines that arrive out of order (ndjson, --unordered).
    if (task.path !== '-') for (const result of results) result.tree.file = task.path
    const messages = results.flatMap((result) => result.messages)
    if (task.emit && !task.output && results.length === 1 && (task.format === 'json' || task.format === 'ndjson') && !(task.pretty && task.format === 'json')) {
      const tree = results[0]!.tree
      await convertScript(tree, task)
      await task.emit(chunksWithNewline(tree))
      if (task.tables) await writeTables(task, [tree])
      return {index: task.index, ok: true, papers: 1, messages, size, pages}
    }
    const data: string[] = []
    for (const result of results) data.push(await serialise(result.tree, task))
    // (after serialise: the trees are in the asked-for script)
    if (task.tables)
      await writeTables(
        task,
        results.map((result) => result.tree)
      )
    if (task.output) {
      const outputs = numbered(task.output, data.length)
      for (let i = 0; i < data.length; i++) await writeOutput(outputs[i]!, data[i]!)
      return {index: task.index, ok: true, papers: data.length, messages, size, pages}
    }
    return {index: task.index, ok: true, data, papers: data.length, messages, size, pages}
  } catch (error) {
    if (error instanceof InputError) return {index: task.index, ok: false, reason: error.message, exitCode: error.exitCode, size}
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code === 'string' && task.output) {
      // The output could not be written (permissions, disk full): the input was fine.
      return {index: task.index, ok: false, reason: `cannot write ${task.output}: ${(error as Error).message}`, exitCode: 2, size}
    }
    const detail = process.env.LEGCO_DEBUG ? `\n${(error as Error).stack}` : ''
    return {index: task.index, ok: false, reason: `${task.name}: internal error: ${(error as Error).message}${detail}`, exitCode: 70, size}
  }
}

/** Read and decode; the bytes are not held past this (a big paper's memory goes to its parse). */
async function readAndLoad(task: Task, sized: (bytes: number) => void): Promise<Loaded> {
  const bytes = task.bytes ?? (await readBytes(task.path, task.maxSize))
  sized(bytes.byteLength)
  countInput(bytes.byteLength)
  return load(bytes, task.name, task.from)
}

/** The tree as the output format wants it, with the script conversion applied first. */
export async function serialise(tree: Paper, task: Pick<Task, 'format' | 'pretty' | 'script' | 'bom' | 'name'>): Promise<string> {
  await convertScript(tree, task)
  if (task.format === 'md') {
    const {toMarkdown} = await import('../emit/markdown.js')
    return toMarkdown(tree)
  }
  if (task.format === 'html') {
    const {toHtml} = await import('../emit/html.js')
    return toHtml(tree, {fallbackTitle: task.name})
  }
  if (task.format === 'csv') {
    // The header record with every row: a writer of several rows keeps the first one's only.
    const {BOM, csvHeader, toCsvRow} = await import('../emit/csv.js')
    return (task.bom ? BOM : '') + csvHeader() + toCsvRow(tree, tree.file ?? (task.name === '<stdin>' ? '' : task.name))
  }
  return JSON.stringify(tree, null, task.pretty && task.format === 'json' ? 2 : undefined) + '\n'
}

/** Convert the tree's Chinese to the asked-for script (`--script`), loading opencc only then. */
async function convertScript(tree: Paper, task: Pick<Task, 'script'>): Promise<void> {
  if (!task.script) return
  const {loadConverter, convertTree, sourceScript} = await import('../script.js')
  const convert = await loadConverter(task.script, sourceScript(tree.lang))
  convertTree(tree, convert)
  if (tree.lang !== 'en') tree.lang = task.script === 'hans' ? 'zh-Hans' : 'zh-Hant'
}

/** The compact JSON of a tree and its closing newline, a piece at a time. */
function* chunksWithNewline(tree: Paper): Generator<string> {
  yield* jsonChunks(tree)
  yield '\n'
}

/** `out/a.json` for one paper; `out/a.1.json`, `out/a.2.json`, … for the papers of a bundle (`a.01.json` … from 10 papers on, so that names sort). */
export function numbered(output: string, count: number): string[] {
  if (count === 1) return [output]
  const dot = output.lastIndexOf('.')
  const slash = Math.max(output.lastIndexOf('/'), output.lastIndexOf('\\'))
  const [stem, extension] = dot > slash + 1 ? [output.slice(0, dot), output.slice(dot)] : [output, '']
  const width = String(count).length
  return Array.from({length: count}, (_, i) => `${stem}.${String(i + 1).padStart(width, '0')}${extension}`)
}

/** `--tables DIR/`: DIR/NAME.table-1.csv, … (NAME.2.table-1.csv for the second paper of a --split bundle). */
async function writeTables(task: Task, trees: Paper[]): Promise<void> {
  const {tablesOf, tableToCsv} = await import('../emit/csv.js')
  const {basename, extname, join} = await import('node:path')
  const stem = task.path === '-' ? 'stdin' : basename(task.path, extname(task.path))
  const names = numbered(`${stem}.csv`, trees.length).map((name) => name.slice(0, -'.csv'.length))
  for (let i = 0; i < trees.length; i++) {
    const tables = tablesOf(trees[i]!)
    for (let t = 0; t < tables.length; t++) await writeOutput(join(task.tables!, `${names[i]}.table-${t + 1}.csv`), tableToCsv(tables[t]!, {bom: task.bom}))
  }
}

const madeFolders = new Set<string>()

async function writeOutput(path: string, data: string): Promise<void> {
  const folder = dirname(path)
  if (!madeFolders.has(folder)) {
    await mkdir(folder, {recursive: true})
    madeFolders.add(folder)
  }
  await writeAtomic(path, data)
}

/**
 * Set in the environment of the workers batch.ts starts (and of no other
 * thread). Checked instead of importing node:worker_threads here, which
 * would cost a single-file run ~3 ms of start-up for nothing.
 */
export const WORKER_ENV = 'LEGCO_PARSE_WORKER'

const inWorker = process.env[WORKER_ENV] === '1'

if (inWorker) void serve()

async function serve(): Promise<void> {
  const {parentPort, isMainThread} = await import('node:worker_threads')
  if (isMainThread || !parentPort) return
  // Messages posted before this listener is attached wait in the port.
  const port = parentPort
  const encoder = new TextEncoder()
  port.on('message', (task: Task) => {
    void runTask(task).then((result) => {
      // Pretty JSON stays a string: the main thread indents it into the array.
      if (!result.ok || !result.data || (task.format === 'json' && task.pretty)) return port.postMessage(result)
      // The UTF-8 is made here, off the main thread, and moved there without a copy (TextEncoder: a buffer of its own, never a shared pool).
      const bytes = result.data.map((data) => encoder.encode(data))
      port.postMessage(
        {...result, data: undefined, bytes},
        bytes.map((array) => array.buffer as ArrayBuffer)
      )
    })
  })
}
