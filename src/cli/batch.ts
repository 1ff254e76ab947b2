/**
 * Many papers on `jobs` threads: the main thread and worker threads
 * (`node:worker_threads`).
 *
 * - The main thread is one of the `jobs` threads. It parses small text
 *   files itself (at most {@link MAIN_LIMIT} bytes, not a PDF: a parse of
 *   that size holds a signal back for a few milliseconds at most), one at
 *   a time, between writing the results; worker threads take the rest.
 * - Workers are started when a file needs one and no started worker is
 *   free, never more than `jobs` and never more than the files given to
 *   workers: one small file runs with no worker at all.
 * - Scheduled by size and kind, so that small files are not queued behind
 *   large ones: a large file (a PDF, or text above {@link MAIN_LIMIT})
 *   goes to an idle worker, the largest waiting first, and never shares a
 *   worker's queue; a worker holds a second small file behind a small one
 *   only (it never waits for the next). While small files wait, large ones
 *   take at most `jobs - 1` threads, leaving the main thread's share to
 *   them; and a small file never waits for a worker that is in a large one
 *   (the main thread takes it). With `jobs` 1 one file is parsed at a time.
 * - Results are handed to `emit` one at a time, awaited (so a slow stdout
 *   holds the run back instead of filling memory): in input order by
 *   default, as they complete with `ordered: false`. In order, dispatch
 *   runs ahead of the next result to emit by at most {@link WINDOW} files
 *   (`jobs * 8`, at least 16, for large files), and while the results held
 *   are under {@link HELD_BYTES}: a slow PDF does not stop the small files
 *   after it, and memory stays bounded whatever one file does.
 * - A failed file is a result like any other (`ok: false`); the run goes
 *   on. With `failFast` no new file starts after the first failure is seen;
 *   the results before it (in the emit order) are still emitted, then the
 *   failure, then nothing.
 * - A worker that dies (out of memory, a crash) gives its files one more
 *   try each, on another worker; a file that kills a second worker fails
 *   with the reason.
 * - `signal` stops everything at once (Ctrl-C): workers are terminated and
 *   the run resolves with `interrupted`; a file on the main thread finishes
 *   first (a small one: milliseconds).
 */
import {statSync} from 'node:fs'
import type {Worker} from 'node:worker_threads'
import type {Task, TaskResult} from './worker.js'

/** Text files up to this size are parsed on the main thread (when it is free). */
export const MAIN_LIMIT = 256 * 1024
/** In order: files admitted ahead of the next to emit, whatever their results weigh. */
export const WINDOW = 16
/** In order: beyond the window, small files are admitted while the results waiting to be emitted hold less than this. */
export const HELD_BYTES = 64 * 1024 * 1024
/** Never more files waiting to start than this (in order: ahead of the next to emit). */
const MAX_AHEAD = 4096

export interface BatchOptions {
  /** Threads in all, the main thread included (1: one file at a time). */
  jobs: number
  /** Largest file parsed on the main thread (default {@link MAIN_LIMIT}; 0: every file on a worker). */
  mainLimit?: number
  ordered: boolean
  failFast: boolean
  /** Called for every result, in the emit order, one at a time. */
  emit: (result: TaskResult) => Promise<void> | void
  /** Called as each file finishes (completion order), e.g. for a progress bar. */
  settled?: (result: TaskResult) => void
  signal?: AbortSignal
}

export interface BatchOutcome {
  /** Results emitted. */
  emitted: number
  failed: number
  /** Stopped by --fail-fast. */
  stopped: boolean
  /** Stopped by the signal. */
  interrupted: boolean
  /** Worker threads started (a replacement for one that died included). */
  workers: number
  /** Files parsed on the main thread. */
  onMain: number
}

/** A file waiting to start: its task, its size in bytes (0 unknown) and whether only a worker takes it. */
interface Waiting {
  task: Task
  size: number
  large: boolean
}

/**
 * `tasks[i].index` must be `i`. A task whose result is already known (an
 * argument that gave nothing, say) may be given as a `TaskResult` instead.
 */
export async function runBatch(tasks: (Task | TaskResult)[], options: BatchOptions): Promise<BatchOutcome> {
  const total = tasks.length
  const outcome: BatchOutcome = {emitted: 0, failed: 0, stopped: false, interrupted: false, workers: 0, onMain: 0}
  if (total === 0) return outcome
  const jobs = Math.max(1, Math.floor(options.jobs))
  const mainLimit = options.mainLimit ?? MAIN_LIMIT
  const window = Math.max(WINDOW, jobs * 8)
  const ready = new Map<number, TaskResult>()
  let held = 0 // bytes of the results in `ready`
  const arrivals: TaskResult[] = []
  const small: Waiting[] = [] // input order
  const large: Waiting[] = [] // largest first
  let next = 0 // next task to admit
  let nextEmit = 0 // ordered: the index to emit next
  let emitting = false
  let failureSeen = false
  let finish!: () => void
  let fail!: (error: unknown) => void
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  let over = false
  const end = (error?: unknown) => {
    if (over) return
    over = true
    if (error) fail(error)
    else finish()
  }

  const receive = (result: TaskResult) => {
    if (over) return
    options.settled?.(result)
    if (!result.ok) failureSeen = true
    if (options.ordered) {
      ready.set(result.index, result)
      held += weight(result)
    } else arrivals.push(result)
    void pump()
    start()
  }

  const workers = new Pool(jobs, receive, (task) => requeue(task), outcome)
  let mainBusy = false
  let runTask: ((task: Task) => Promise<TaskResult>) | undefined

  const onMain = (task: Task) => {
    mainBusy = true
    outcome.onMain++
    void (async () => {
      let result: TaskResult
      try {
        // A turn of the event loop first: files are read synchronously, so without it the main thread would go from
        // file to file in microtasks, and the workers' results and a signal would wait for the end of the run.
        await new Promise((resolve) => setImmediate(resolve))
        runTask ??= (await import('./worker.js')).runTask
        result = await runTask(task)
      } catch (error) {
        result = internalFailure(task, error)
      }
      mainBusy = false
      receive(result)
    })()
  }

  /** A file of a worker that died, to try once more. */
  const requeue = (task: Task) => {
    const waiting = classify(task, mainLimit)
    if (waiting.large) large.unshift(waiting)
    else small.unshift(waiting)
  }

  let heldBack: Waiting | undefined
  const admit = () => {
    // Files waiting to start are at most MAX_AHEAD in either order: a list of a million paths is not taken in (and
    // its files' sizes read) at once.
    while (!over && next < total && small.length + large.length < MAX_AHEAD) {
      if (options.ordered) {
        const ahead = next - nextEmit
        if (ahead >= MAX_AHEAD || (ahead >= window && held >= HELD_BYTES)) break
      }
      const task = tasks[next]!
      if ('ok' in task) {
        next++
        queueMicrotask(() => receive(task))
        continue
      }
      // (kept when it has to wait, so that its size is read once)
      const waiting = heldBack?.task === task ? heldBack : classify(task, mainLimit)
      // Past the window only small files come in: a large one waits for the window to reach it.
      if (options.ordered && next - nextEmit >= window && waiting.large) {
        heldBack = waiting
        break
      }
      heldBack = undefined
      next++
      if (waiting.large) {
        let at = large.length
        while (at > 0 && large[at - 1]!.size < waiting.size) at--
        large.splice(at, 0, waiting)
      } else small.push(waiting)
    }
  }

  const start = () => {
    if (over || (options.failFast && failureSeen)) return
    admit()
    for (;;) {
      if (over || (options.failFast && failureSeen)) return
      const busy = workers.busy()
      // The main thread takes a small file when a thread is free for it, or when every busy worker is in a large file.
      if (!mainBusy && small.length > 0 && (busy + 1 <= jobs || (jobs > 1 && workers.allLarge()))) {
        onMain(small.shift()!.task)
        continue
      }
      // Threads the workers may use: all of them but the main thread's while it has small files to do.
      const budget = jobs - (mainBusy || small.length > 0 ? 1 : 0)
      if (large.length > 0 && busy < budget && workers.canTakeLarge()) {
        workers.run(large.shift()!, true)
        continue
      }
      if (small.length > 0) {
        if (workers.canPrefetch()) {
          workers.prefetch(small.shift()!)
          continue
        }
        if (busy < budget && workers.canTakeLarge()) {
          workers.run(small.shift()!, false)
          continue
        }
      }
      return
    }
  }

  workers.kick = start

  const pump = async () => {
    if (emitting) return
    emitting = true
    try {
      for (;;) {
        if (over) break
        let result: TaskResult | undefined
        if (options.ordered) {
          result = ready.get(nextEmit)
          if (result) {
            ready.delete(nextEmit)
            held -= weight(result)
          }
        } else result = arrivals.shift()
        if (!result) break
        nextEmit++
        await options.emit(result)
        outcome.emitted++
        if (!result.ok) {
          outcome.failed++
          if (options.failFast) {
            outcome.stopped = true
            end()
            break
          }
        }
        if (outcome.emitted === total) {
          end()
          break
        }
        start()
      }
    } catch (error) {
      end(error)
    } finally {
      emitting = false
    }
  }

  const onAbort = () => {
    outcome.interrupted = true
    end()
  }
  if (options.signal?.aborted) onAbort()
  options.signal?.addEventListener('abort', onAbort, {once: true})

  start()
  try {
    await finished
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
    await workers.close()
  }
  return outcome
}

/** A file's size (its bytes, or the file system's word; 0 when unknown) and whether it goes to a worker only. */
function classify(task: Task, mainLimit: number): Waiting {
  let size = task.bytes?.byteLength ?? 0
  let pdf = false
  if (task.bytes)
    pdf = task.bytes[0] === 0x25 && task.bytes[1] === 0x50 && task.bytes[2] === 0x44 && task.bytes[3] === 0x46 // %PDF
  else {
    pdf = /\.pdf$/i.test(task.path)
    try {
      size = statSync(task.path).size
    } catch {
      // Unreadable: the read fails wherever it runs, fast.
    }
  }
  return {task, size, large: pdf || size > mainLimit}
}

/** What a result waiting to be emitted holds in memory, about. */
function weight(result: TaskResult): number {
  let bytes = 0
  if (result.ok) {
    for (const data of result.data ?? []) bytes += data.length * 2
    for (const data of result.bytes ?? []) bytes += data.byteLength
  } else if (result.data) bytes += result.data.length * 2
  return bytes
}

/** Tasks a worker holds: one running, and a second small one behind a small one. */
const PER_WORKER = 2

interface Slot {
  worker: Worker
  tasks: Map<number, Task>
  /** It holds a large file. */
  large: boolean
}

/** The worker threads, started as files need them. */
class Pool {
  private readonly slots: Slot[] = []
  private readonly retried = new Set<number>()
  private closing = false
  private module?: Promise<{Worker: typeof Worker; env: string}>

  constructor(
    private readonly max: number,
    private readonly receive: (result: TaskResult) => void,
    private readonly retry: (task: Task) => void,
    private readonly outcome: BatchOutcome
  ) {}

  /** Workers with a file. */
  busy(): number {
    let busy = 0
    for (const slot of this.slots) if (slot.tasks.size > 0) busy++
    return busy
  }

  /** Every worker that has a file is in a large one (and one is). */
  allLarge(): boolean {
    let any = false
    for (const slot of this.slots) {
      if (slot.tasks.size === 0) continue
      if (!slot.large) return false
      any = true
    }
    return any
  }

  /** An idle worker, or room to start one. */
  canTakeLarge(): boolean {
    return this.slots.some((slot) => slot.tasks.size === 0) || this.slots.length < this.max
  }

  /** A worker in one small file, with room for the next. */
  canPrefetch(): boolean {
    return this.slots.some((slot) => !slot.large && slot.tasks.size > 0 && slot.tasks.size < PER_WORKER)
  }

  prefetch(waiting: Waiting): void {
    const slot = this.slots.find((slot) => !slot.large && slot.tasks.size > 0 && slot.tasks.size < PER_WORKER)!
    this.post(slot, waiting.task)
  }

  /** On an idle worker, started if need be. */
  run(waiting: Waiting, large: boolean): void {
    const slot = this.slots.find((slot) => slot.tasks.size === 0) ?? this.spawn()
    slot.large = large
    this.post(slot, waiting.task)
  }

  private post(slot: Slot, task: Task): void {
    slot.tasks.set(task.index, task)
    // Bytes of standard input are copied; paths are read by the worker.
    slot.worker.postMessage(task)
  }

  private spawn(): Slot {
    // The Worker class is loaded once, at the first worker (a run of small files alone never loads it).
    const slot = {tasks: new Map(), large: false} as unknown as Slot
    this.slots.push(slot)
    this.outcome.workers++
    const queued: Task[] = []
    // Until the thread exists, posts wait here.
    slot.worker = {postMessage: (task: Task) => queued.push(task)} as unknown as Worker
    this.module ??= Promise.all([import('node:worker_threads'), import('./worker.js')]).then(([threads, worker]) => ({
      Worker: threads.Worker,
      env: worker.WORKER_ENV
    }))
    void this.module.then(({Worker, env}) => {
      if (this.closing) return
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        env: {...process.env, [env]: '1'},
        // The workers never print; keep their streams off the main thread's.
        stdout: true,
        stderr: true
      })
      // pdf.js and friends may print; nothing a worker prints may reach our stdout.
      worker.stdout.resume()
      worker.stderr.resume()
      slot.worker = worker
      worker.on('message', (result: TaskResult) => {
        slot.tasks.delete(result.index)
        if (slot.tasks.size === 0) slot.large = false
        this.receive(result)
      })
      worker.on('error', (error) => this.die(slot, error))
      worker.on('exit', (code) => {
        if (!this.closing && this.slots.includes(slot)) this.die(slot, new Error(`exit code ${code}`))
      })
      for (const task of queued) worker.postMessage(task)
    })
    return slot
  }

  private die(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    void slot.worker.terminate()
    if (this.closing) return
    const lost = [...slot.tasks.values()]
    slot.tasks.clear()
    const reason = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : error.message
    for (const task of lost) {
      // Which of its files killed the worker is not known: each gets one more try.
      if (!this.retried.has(task.index)) {
        this.retried.add(task.index)
        this.retry(task)
      } else this.receive({index: task.index, ok: false, reason: `${task.name}: internal error: the worker stopped: ${reason}`, exitCode: 70, size: 0})
    }
    // (the requeued files start from the receive of the next result, or here)
    queueMicrotask(() => this.kick?.())
  }

  /** Set by the scheduler: start what can start. */
  kick?: () => void

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.slots.map((slot) => (typeof slot.worker.terminate === 'function' ? slot.worker.terminate() : undefined)))
  }
}

function internalFailure(task: Task, error: unknown): TaskResult {
  return {index: task.index, ok: false, reason: `${task.name}: internal error: ${(error as Error).message}`, exitCode: 70, size: 0}
}
