/**
 * Where results go: stdout for data, stderr for messages, files written
 * whole or not at all.
 *
 * A file is written to a temporary file beside it, then renamed into place.
 * The temporary's name is `.<name>.legco-<pid>-<16 random hex>.tmp`: not
 * predictable (crypto random), opened with O_EXCL (`wx`: an existing file
 * or symbolic link of that name is an error, never followed or
 * overwritten), in the target's folder (so the rename is atomic). It is
 * removed on every exit path: an error, `process.exit`, Ctrl-C or kill
 * (signals.ts), a signal during the final rename. Only SIGKILL (or a power
 * cut) can leave one; the next legco run that writes into that folder
 * removes such stale temporaries: the name pattern, older than that run,
 * and their process gone.
 */
import {lstatSync, readdirSync, unlinkSync} from 'node:fs'
import {open, rename, unlink, type FileHandle} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import type {Message} from '../message.js'
import {releaseTemporary, trackTemporary} from './signals.js'
import {placeLabel} from '../source.js'

/** `.<name>.legco-<pid>-<random>.tmp`; group 1 is the pid. */
export const TEMPORARY_NAME = /^\..*\.legco-(\d+)-[0-9a-f]{16}\.tmp$/

/** A fresh, unpredictable temporary name beside `path` (the target's name kept short enough for any file system). */
export function temporaryPath(path: string): string {
  let name = basename(path)
  while (Buffer.byteLength(name) > 120) name = name.slice(0, -1)
  return join(dirname(path), `.${name}.legco-${process.pid}-${randomHex()}.tmp`)
}

/** 16 hex digits from the CSPRNG (Web Crypto: loaded on first use, not on every start). */
function randomHex(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex')
}

export interface Temporary {
  path: string
  handle: FileHandle
  /** Flush, close, rename into place. */
  commit(): Promise<void>
  /** Close and remove. Never throws. */
  discard(): Promise<void>
}

/** Open a new temporary file for `target` (removing stale ones of killed runs from its folder first). */
export async function createTemporary(target: string): Promise<Temporary> {
  removeStaleTemporaries(dirname(target))
  const path = temporaryPath(target)
  let handle: FileHandle
  try {
    handle = await open(path, 'wx')
  } catch (error) {
    throw writeError(target, error)
  }
  trackTemporary(path)
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    path,
    handle,
    async commit() {
      try {
        await handle.sync()
        await close()
        await rename(path, target)
      } catch (error) {
        await close().catch(() => {})
        await unlink(path).catch(() => {})
        releaseTemporary(path)
        throw error
      }
      releaseTemporary(path)
    },
    async discard() {
      await close().catch(() => {})
      await unlink(path).catch(() => {})
      releaseTemporary(path)
    }
  }
}

/** Write `data` to `path` whole or not at all. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = await createTemporary(path)
  try {
    await temporary.handle.writeFile(data)
  } catch (error) {
    await temporary.discard()
    throw error
  }
  await temporary.commit()
}

/** A missing folder is said in words (the temporary's name would only confuse). */
function writeError(target: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return error
  const wrapped = new Error(`cannot write ${target}: the folder ${dirname(target)} does not exist`) as NodeJS.ErrnoException
  wrapped.code = code
  return wrapped
}

const swept = new Set<string>()
/** When this process started: a temporary older than that is not one of ours. */
const started = Date.now() - process.uptime() * 1000

/** Remove, once per folder and run, the temporaries of legco runs that were killed (SIGKILL): older than this run, their process gone. */
function removeStaleTemporaries(folder: string): void {
  if (swept.has(folder)) return
  swept.add(folder)
  for (const name of namesIn(folder)) {
    const match = TEMPORARY_NAME.exec(name)
    if (!match) continue
    const pid = Number(match[1])
    if (pid === process.pid || isAlive(pid)) continue
    const path = join(folder, name)
    try {
      const info = lstatSync(path)
      if (info.isFile() && info.mtimeMs < started) unlinkSync(path)
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

/** The names in a folder; none when it cannot be read (gone, or not ours). */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Remove this process's temporaries in these folders (those of its worker threads, which the main thread does not track). */
export function removeOwnTemporaries(folders: Iterable<string>): void {
  for (const folder of new Set(folders)) {
    for (const name of namesIn(folder)) {
      if (TEMPORARY_NAME.exec(name)?.[1] !== String(process.pid)) continue
      try {
        unlinkSync(join(folder, name))
      } catch {
        // Renamed or removed meanwhile.
      }
    }
  }
}

/** Write to stdout; resolves once the data is handed over (back-pressure respected). */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(data, (error) => (error ? reject(error) : resolve()))
    if (!ok) process.stdout.once('drain', () => resolve())
  })
}

/** `file:line:column  severity  reason  rule` — one line per message (for a PDF `file:pPAGE:line:column`, the line within the page). */
export function formatMessage(file: string, message: Message): string {
  const place = placeLabel(message.place?.start)
  return `${file}:${place}  ${message.severity}  ${message.reason}  ${message.ruleId}`
}
