/**
 * The pages of one large PDF read by several threads, and pdf.js loaded
 * without slowing down the rest of the program. Hooks of pdf.ts.
 *
 * - {@link importPdfJs}: pdf.js's legacy build (the one that runs on Node
 *   20) carries core-js polyfills that replace `Array.prototype.push`,
 *   `JSON.stringify` and `JSON.parse` for the whole process (Node 20 has no
 *   `JSON.rawJSON`, so core-js "fixes" them). Those replacements are
 *   written in JavaScript and several times slower: after pdf.js was loaded,
 *   every `push` of the parser and the JSON output paid for them (a fifth
 *   of a Hansard's run). The natives are put back once pdf.js and its
 *   worker module are loaded; pdf.js uses neither raw JSON nor anything else
 *   those polyfills add.
 * - {@link readPagesInParallel}: the pages are cut into chunks of
 *   consecutive pages; the calling thread and up to `threads - 1` worker
 *   threads (each loading pdf.js once and opening the document from its
 *   own copy of the bytes) take the next chunk whenever they are free, and
 *   the pages come back joined in page order. A page is read the same way
 *   whichever thread reads it (its lines depend on that page only), so the
 *   text is the same as a read on one thread. A worker that fails or
 *   cannot start leaves its chunks to the calling thread.
 *
 * Threads are used for a PDF of at least {@link MIN_PAGES} pages, not inside
 * a batch's worker thread (the batch already uses every core), and only as
 * many as the machine has idle cores (at most 4), or as `LEGCO_PDF_THREADS` says.
 *
 * @module
 */
import {existsSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Worker} from 'node:worker_threads'

/** A PDF with fewer pages is read on one thread: starting a worker (pdf.js loaded, the document opened again) costs about as much as reading a few dozen pages. */
export const MIN_PAGES = 64
/** Pages per chunk handed to a thread. */
export const CHUNK_PAGES = 16

/** The methods core-js replaces in pdf.js's legacy build. */
const NATIVES: Array<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse']
]

/** Import pdf.js (and its worker module, which the "fake worker" of Node would load on the first document) keeping the natives. */
export async function importPdfJs<T>(load: () => Promise<T>): Promise<T> {
  const saved = NATIVES.map(([object, key]) => Object.getOwnPropertyDescriptor(object, key)!)
  try {
    return await load()
  } finally {
    NATIVES.forEach(([object, key], i) => {
      if ((object as Record<string, unknown>)[key] !== saved[i]!.value) Object.defineProperty(object, key, saved[i]!)
    })
  }
}

/** How reading in parallel may go (tests set these; the defaults suit the CLI). */
export interface ParallelOptions {
  /** Threads in all, the calling one included (default: the machine's cores, at most 4; 1: no workers). */
  threads?: number
  /** Pages per chunk (default {@link CHUNK_PAGES}). */
  chunk?: number
  /** Fewest pages to use workers for (default {@link MIN_PAGES}). */
  minPages?: number
  /** false: the calling thread takes no chunk, only those the workers leave (tests). */
  callerReads?: boolean
}

/** Chunks read by page workers since the process started (for tests: that workers did read). */
export const workerChunks = {count: 0}

/** A page range `[first, last]`, 1-based, inclusive. */
type Range = [number, number]

/** Posted to a page worker: the document once, then ranges; `null` ends it. */
export type PageWorkerRequest = {bytes: Uint8Array} | {range: Range} | null
/** Posted back: ready for a range (first message, or with the pages of the range just read), or a failure. */
export type PageWorkerReply<P> = {ready: true; range?: Range; pages?: P[]} | {error: string}

const WORKER_URL = new URL('./pdf-pages-worker.js', import.meta.url)

/** Environment set in a batch's worker threads (cli/worker.ts's WORKER_ENV). */
const BATCH_WORKER_ENV = 'LEGCO_PARSE_WORKER'

/** `LEGCO_PDF_THREADS=1` reads every PDF on one thread (a busy machine, a batch run by an outer engine); `N`: at most N threads. */
export const THREADS_ENV = 'LEGCO_PDF_THREADS'

/**
 * This thread and one per core that is idle (by the last minute's load
 * average, which counts this process too), at most 4. On a busy machine a
 * page worker costs more than it gives: pdf.js is loaded again and the
 * document's fonts are read again in each worker (about a second of CPU
 * for a Hansard), which pays off only on a core that would be idle.
 */
function idleThreads(): number {
  const cores = availableParallelism()
  const idle = Math.round(cores - (loadavg()[0] ?? 0))
  return Math.max(1, Math.min(4, cores, idle + 1))
}

/** How many threads to read a PDF of `pages` pages with. */
function threadsFor(pages: number, options: ParallelOptions): number {
  if (process.env[BATCH_WORKER_ENV] === '1' && options.threads === undefined) return 1
  if (pages < (options.minPages ?? MIN_PAGES)) return 1
  const chunks = Math.ceil(pages / (options.chunk ?? CHUNK_PAGES))
  const fromEnv = Number(process.env[THREADS_ENV])
  const wanted = options.threads ?? (Number.isInteger(fromEnv) && fromEnv >= 1 ? fromEnv : idleThreads())
  return Math.max(1, Math.min(wanted, chunks))
}

/**
 * Read pages 1..`count` of a document, with `read(first, last)` on this
 * thread and page workers elsewhere. Returns the pages in order.
 *
 * @param bytes the PDF (copied for each worker)
 * @param read reads a range of the already open document on this thread
 */
export async function readPagesInParallel<P>(
  bytes: Uint8Array,
  count: number,
  read: (first: number, last: number) => Promise<P[]>,
  options: ParallelOptions = {}
): Promise<P[]> {
  const threads = threadsFor(count, options)
  if (threads <= 1 || !existsSync(fileURLToPath(WORKER_URL))) return count > 0 ? read(1, count) : []
  const size = options.chunk ?? CHUNK_PAGES
  const ranges: Range[] = []
  for (let first = 1; first <= count; first += size) ranges.push([first, Math.min(count, first + size - 1)])
  const results: P[][] = new Array(ranges.length)
  let next = 0
  const take = (): number | undefined => (next < ranges.length ? next++ : undefined)

  const {Worker} = await import('node:worker_threads')
  const workers: Worker[] = []
  const helpers: Promise<void>[] = []
  for (let i = 1; i < threads; i++) {
    const worker = new Worker(WORKER_URL, {stdout: true, stderr: true})
    worker.stdout.resume()
    worker.stderr.resume()
    workers.push(worker)
    helpers.push(helper(worker, bytes, take, results, ranges))
  }
  try {
    // This thread's share: chunk after chunk, until none is left.
    for (let index = options.callerReads === false ? undefined : take(); index !== undefined; index = take()) {
      const [first, last] = ranges[index]!
      results[index] = await read(first, last)
    }
    await Promise.all(helpers)
    // Chunks a failed worker had taken: read here.
    for (let index = 0; index < ranges.length; index++) {
      if (results[index] === undefined) results[index] = await read(...ranges[index]!)
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results.flat()
}

/** One worker's part: it asks for chunks until there are none; on any failure it stops, and its chunk is left unread. */
function helper<P>(worker: Worker, bytes: Uint8Array, take: () => number | undefined, results: P[][], ranges: Range[]): Promise<void> {
  return new Promise<void>((resolve) => {
    let current: number | undefined
    const done = () => {
      worker.removeAllListeners()
      worker.on('error', () => undefined)
      resolve()
    }
    worker.on('message', (reply: PageWorkerReply<P>) => {
      if ('error' in reply) return done()
      if (current !== undefined && reply.pages) {
        results[current] = reply.pages
        workerChunks.count++
      }
      current = take()
      if (current === undefined) {
        worker.postMessage(null satisfies PageWorkerRequest)
        return done()
      }
      worker.postMessage({range: ranges[current]!} satisfies PageWorkerRequest)
    })
    worker.on('error', done)
    worker.on('exit', done)
    const copy = new Uint8Array(bytes)
    worker.postMessage({bytes: copy} satisfies PageWorkerRequest, [copy.buffer as ArrayBuffer])
  })
}
