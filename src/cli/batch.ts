/**
 * Many papers through a pool of worker threads (`node:worker_threads`).
 *
 * - `jobs` workers (1: no workers, everything on the main thread); each
 *   holds at most two tasks, so it never waits for the next one.
 * - Results are handed to `emit` one at a time, awaited (so a slow stdout
 *   holds the run back instead of filling memory): in input order by
 *   default, as they complete with `ordered: false`. In order, dispatch
 *   runs at most `window` files ahead of the next one to emit, which bounds
 *   the results held in memory whatever one slow file does.
 * - A failed file is a result like any other (`ok: false`); the run goes
 *   on. With `failFast` no new file starts after the first failure is seen;
 *   the results before it (in the emit order) are still emitted, then the
 *   failure, then nothing.
 * - A worker that dies (out of memory, a crash) fails its files with the
 *   reason and is replaced.
 * - `signal` stops everything at once (Ctrl-C): workers are terminated and
 *   the run resolves with `interrupted`.
 */
import type {Worker} from 'node:worker_threads'
import type {Task, TaskResult} from './worker.js'

export interface BatchOptions {
  jobs: number
  /** Worker threads even for `jobs` 1 (one worker): the main thread stays free, e.g. to answer a signal. */
  workers?: boolean
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
}

interface Executor {
  /** Tasks it may take now. */
  free(): number
  run(task: Task): void
  close(): Promise<void>
}

/**
 * `tasks[i].index` must be `i`. A task whose result is already known (an
 * argument that gave nothing, say) may be given as a `TaskResult` instead.
 */
export async function runBatch(tasks: (Task | TaskResult)[], options: BatchOptions): Promise<BatchOutcome> {
  const total = tasks.length
  const outcome: BatchOutcome = {emitted: 0, failed: 0, stopped: false, interrupted: false}
  if (total === 0) return outcome
  const window = Math.max(16, options.jobs * 8)
  const ready = new Map<number, TaskResult>()
  const arrivals: TaskResult[] = []
  let next = 0 // next task to start
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
    if (options.ordered) ready.set(result.index, result)
    else arrivals.push(result)
    void pump()
    start()
  }

  const executor: Executor = options.jobs <= 1 && !options.workers ? inline(receive) : await pool(Math.max(1, Math.min(options.jobs, total)), receive)

  const start = () => {
    while (!over && next < total && !(options.failFast && failureSeen) && (!options.ordered || next < nextEmit + window) && executor.free() > 0) {
      const task = tasks[next++]!
      if ('ok' in task) queueMicrotask(() => receive(task))
      else executor.run(task)
    }
  }

  const pump = async () => {
    if (emitting) return
    emitting = true
    try {
      for (;;) {
        if (over) break
        let result: TaskResult | undefined
        if (options.ordered) {
          result = ready.get(nextEmit)
          if (result) ready.delete(nextEmit)
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
    await executor.close()
  }
  return outcome
}

/** On the main thread, one file at a time. */
function inline(receive: (result: TaskResult) => void): Executor {
  let busy = 0
  return {
    free: () => 1 - busy,
    run(task) {
      busy++
      void import('./worker.js')
        .then(({runTask}) => runTask(task))
        .catch((error: unknown) => internalFailure(task, error))
        .then((result) => {
          busy--
          receive(result)
        })
    },
    close: async () => {}
  }
}

const PER_WORKER = 2

async function pool(size: number, receive: (result: TaskResult) => void): Promise<Executor> {
  const {Worker} = await import('node:worker_threads')
  const {WORKER_ENV} = await import('./worker.js')
  const url = new URL('./worker.js', import.meta.url)
  let closing = false

  interface Slot {
    worker: Worker
    tasks: Map<number, Task>
  }
  const slots: Slot[] = []
  const retried = new Set<number>()

  const spawn = (): Slot => {
    const worker = new Worker(url, {
      env: {...process.env, [WORKER_ENV]: '1'},
      // The workers never print; keep their streams off the main thread's.
      stdout: true,
      stderr: true
    })
    // pdf.js and friends may print; nothing a worker prints may reach our stdout.
    worker.stdout.resume()
    worker.stderr.resume()
    const slot: Slot = {worker, tasks: new Map()}
    worker.on('message', (result: TaskResult) => {
      slot.tasks.delete(result.index)
      receive(result)
    })
    const die = (error: Error) => {
      const index = slots.indexOf(slot)
      if (index >= 0) slots.splice(index, 1)
      void worker.terminate()
      if (closing) return
      const lost = [...slot.tasks.values()]
      slot.tasks.clear()
      const fresh = spawn()
      slots.push(fresh)
      const reason = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : error.message
      for (const task of lost) {
        // Which of its files killed the worker is not known: each gets one more try.
        if (!retried.has(task.index)) {
          retried.add(task.index)
          fresh.tasks.set(task.index, task)
          fresh.worker.postMessage(task)
        } else receive({index: task.index, ok: false, reason: `${task.name}: internal error: the worker stopped: ${reason}`, exitCode: 70, size: 0})
      }
    }
    worker.on('error', die)
    worker.on('exit', (code) => {
      if (!closing && slots.includes(slot)) die(new Error(`exit code ${code}`))
    })
    return slot
  }
  for (let i = 0; i < size; i++) slots.push(spawn())

  return {
    free: () => slots.reduce((sum, slot) => sum + PER_WORKER - slot.tasks.size, 0),
    run(task) {
      let best = slots[0]!
      for (const slot of slots) if (slot.tasks.size < best.tasks.size) best = slot
      best.tasks.set(task.index, task)
      // Bytes of standard input are copied; paths are read by the worker.
      best.worker.postMessage(task)
    },
    async close() {
      closing = true
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    }
  }
}

function internalFailure(task: Task, error: unknown): TaskResult {
  return {index: task.index, ok: false, reason: `${task.name}: internal error: ${(error as Error).message}`, exitCode: 70, size: 0}
}
