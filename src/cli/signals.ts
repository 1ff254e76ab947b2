/**
 * Ctrl-C (SIGINT) and kill (SIGTERM) without leftovers, and without waiting.
 *
 * The parse is synchronous: while it runs, a JavaScript signal listener
 * cannot run. So legco listens for signals only while it has something to
 * undo — a temporary output file (`trackTemporary`), a stream to end with
 * an error record, a batch to stop (`onInterrupt`) — and the parse runs
 * when it has nothing to undo (outputs are written after it) or in a
 * worker thread (a batch). With no listener, Node's default disposition
 * ends the process at once, by the signal (the shell reports 130 / 143).
 * With one, the listener runs the handler on top of the stack (the first
 * interrupt) or removes every temporary file this thread knows of and
 * exits 130 (SIGINT) / 143 (SIGTERM) (no handler, or a second interrupt).
 *
 * Temporary files are also removed on any exit of the process
 * (`process.on('exit')`: `process.exit()` from anywhere, an uncaught
 * error). Worker threads (LEGCO_PARSE_WORKER) never listen for signals:
 * the main thread terminates them and removes their temporaries by name
 * (output.ts, `removeOwnTemporaries`).
 */
import {unlinkSync} from 'node:fs'

type Handler = (code: number) => void | Promise<void>

const temporaries = new Set<string>()
const handlers: Handler[] = []
let listening = false
let exitHooked = false
let interrupts = 0
let lastCode = 0

const inWorker = process.env.LEGCO_PARSE_WORKER === '1'

/** 130 for SIGINT, 143 for SIGTERM: the code a run that was interrupted exits with. */
export function interruptCode(): number {
  return lastCode || 130
}

/** Remove every temporary file still registered (synchronously: it runs in exit and signal paths). */
function removeTemporariesNow(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path)
    } catch {
      // Already renamed into place or removed.
    }
  }
  temporaries.clear()
}

/** A temporary file now exists at `path`: it is removed if the process ends before `releaseTemporary`. */
export function trackTemporary(path: string): void {
  temporaries.add(path)
  if (!exitHooked) {
    exitHooked = true
    process.on('exit', removeTemporariesNow)
  }
  update()
}

/** The temporary file is gone (renamed into place, or removed). */
export function releaseTemporary(path: string): void {
  temporaries.delete(path)
  update()
}

/**
 * On the first interrupt, `handler` runs instead of the default (it should
 * make the run end soon, e.g. by aborting a batch, which then returns
 * `interruptCode()`); a second interrupt exits at once. Returns the remover.
 */
export function onInterrupt(handler: Handler): () => void {
  handlers.push(handler)
  update()
  return () => {
    const index = handlers.lastIndexOf(handler)
    if (index >= 0) handlers.splice(index, 1)
    update()
  }
}

const listener = (signal: NodeJS.Signals) => {
  lastCode = signal === 'SIGTERM' ? 143 : 130
  interrupts++
  const handler = handlers[handlers.length - 1]
  if (handler && interrupts === 1) {
    void Promise.resolve()
      .then(() => handler(lastCode))
      .catch(() => {
        removeTemporariesNow()
        process.exit(lastCode)
      })
    return
  }
  removeTemporariesNow()
  process.exit(lastCode)
}

function update(): void {
  if (inWorker) return
  const wanted = temporaries.size > 0 || handlers.length > 0
  if (wanted === listening) return
  listening = wanted
  if (wanted) {
    process.on('SIGINT', listener)
    process.on('SIGTERM', listener)
  } else {
    process.off('SIGINT', listener)
    process.off('SIGTERM', listener)
  }
}
