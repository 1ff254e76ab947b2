/**
 * `legco check --cache`: the messages of a paper kept from one run to the
 * next, reused while nothing they depend on has changed.
 *
 * Where: `--cache-location` (a file; or a folder, given with a trailing
 * `/` or existing, which holds `.legcocache`); else
 * `node_modules/.cache/legco/cache.json` when the current folder has a
 * `node_modules`, else `.legcocache` in the current folder.
 *
 * What: one entry a checked file (by its absolute path), reused only when
 * all of these are as they were: the SHA-256 of the file's bytes; the
 * settings in force for it (its configuration, overrides, kind settings and
 * `--rule`: the effective severity of every rule named); with `--pair` or
 * `--pair-by`, the other version's bytes and name; and the legco version
 * (the whole file is dropped when another version wrote it). The paper's
 * kind (`meta.kind`, which kind settings depend on) is stored with the
 * entry: it is a function of the bytes and the version, so the settings can
 * be worked out before the paper is parsed, and a hit reads the bytes only.
 *
 * A cache that is not JSON, or not of this shape, or of another version,
 * is ignored (and rewritten); a bad entry is a miss. The file is written
 * whole or not at all (writeAtomic) at the end of the run, keeping the
 * entries of files not checked this time as long as those files exist.
 * Standard input is never cached. `LEGCO_DEBUG` (any value) says on stderr
 * what the cache did for each file.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type {Settings} from '../check/types.js'
import type {Message} from '../message.js'
import type {PaperKind} from '../tree.js'
import {writeAtomic} from './output.js'

/** The cache file's own format; a change of it, as of the legco version, drops every entry. */
const FORMAT = 1
const FOLDER_FILE = '.legcocache'

export interface CacheEntry {
  /** SHA-256 of the file's bytes. */
  hash: string
  /** The paper's kind, as its tree read it. */
  kind: PaperKind | null
  /** SHA-256 of the settings and the pair the messages were made with. */
  key: string
  messages: Message[]
}

interface CacheFile {
  format: number
  legco: string
  entries: Record<string, CacheEntry>
}

/** The cache file a run uses (see the module's comment). */
export function cachePath(location: string | undefined, cwd = process.cwd()): string {
  if (location !== undefined) {
    const path = resolve(cwd, location)
    if (/[\\/]$/.test(location) || isDirectory(path)) return join(path, FOLDER_FILE)
    return path
  }
  const modules = join(cwd, 'node_modules')
  return isDirectory(modules) ? join(modules, '.cache', 'legco', 'cache.json') : join(cwd, FOLDER_FILE)
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info'])

/** Is the value an object each of whose named fields passes its check? */
function hasFields(value: unknown, checks: Record<string, (field: unknown) => boolean>): boolean {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return Object.entries(checks).every(([name, check]) => check(record[name]))
}

const isString = (field: unknown) => typeof field === 'string'

function isMessage(value: unknown): value is Message {
  return hasFields(value, {
    reason: isString,
    ruleId: isString,
    severity: (field) => isString(field) && SEVERITIES.has(field as string),
    // A position, or null for the paper as a whole.
    place: (field) => typeof field === 'object'
  })
}

function isEntry(value: unknown): value is CacheEntry {
  return hasFields(value, {
    hash: isString,
    key: isString,
    kind: (field) => field === null || isString(field),
    messages: (field) => Array.isArray(field) && field.every(isMessage)
  })
}

export class CheckCache {
  private entries: Record<string, CacheEntry> = Object.create(null)
  private changed = false
  private readonly debug = Boolean(process.env.LEGCO_DEBUG)

  constructor(
    readonly path: string,
    private readonly version: string
  ) {
    let data: unknown
    try {
      data = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') this.say(`${path} ignored: ${code ? `cannot be read (${code})` : 'not JSON'}`)
      return
    }
    const file = data as Partial<CacheFile> | null
    if (typeof file !== 'object' || file === null || typeof file.entries !== 'object' || file.entries === null || Array.isArray(file.entries)) {
      this.say(`${path} ignored: not a legco cache`)
      this.changed = true
      return
    }
    if (file.format !== FORMAT || file.legco !== version) {
      this.say(`${path} ignored: written by legco ${String(file.legco)} (format ${String(file.format)}), this is ${version}`)
      this.changed = true
      return
    }
    this.entries = Object.assign(Object.create(null), file.entries)
  }

  /** SHA-256 of a file's bytes. */
  hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex')
  }

  /** The key of what a paper's messages depend on besides its bytes: its settings (in a fixed order) and its pair. */
  key(settings: Settings, pair: {hash: string; name: string} | null): string {
    const ordered = Object.keys(settings)
      .sort()
      .map((id) => [id, settings[id]])
    return createHash('sha256')
      .update(JSON.stringify({settings: ordered, pair}))
      .digest('hex')
  }

  /** A line on stderr under LEGCO_DEBUG. */
  say(line: string): void {
    if (this.debug) process.stderr.write(`legco check: cache: ${line}\n`)
  }

  /**
   * The messages stored for a file with these bytes, when the key of its
   * settings and pair (worked out for the kind stored with them) is the one
   * stored; else null, a miss (its reason said under LEGCO_DEBUG).
   */
  async lookup(file: string, hash: string, name: string, keyFor: (kind: PaperKind | null) => Promise<string>): Promise<Message[] | null> {
    const entry = this.entries[resolve(file)]
    const why =
      entry === undefined
        ? 'new'
        : !isEntry(entry)
          ? 'a bad entry'
          : entry.hash !== hash
            ? 'changed'
            : entry.key !== (await keyFor(entry.kind))
              ? 'other settings or pair'
              : null
    if (why) {
      this.say(`miss ${name} (${why})`)
      return null
    }
    this.say(`hit ${name}`)
    return entry!.messages
  }

  set(file: string, entry: CacheEntry): void {
    this.entries[resolve(file)] = entry
    this.changed = true
  }

  /** Write the cache (when it changed), whole or not at all; a failure is said on stderr and does not fail the run. */
  async save(): Promise<void> {
    for (const file of Object.keys(this.entries)) {
      if (existsSync(file)) continue
      delete this.entries[file]
      this.changed = true
    }
    if (!this.changed) return
    const data: CacheFile = {format: FORMAT, legco: this.version, entries: this.entries}
    try {
      mkdirSync(dirname(this.path), {recursive: true})
      await writeAtomic(this.path, `${JSON.stringify(data)}\n`)
      this.say(`wrote ${this.path} (${Object.keys(this.entries).length} entries)`)
    } catch (error) {
      process.stderr.write(`legco check: warning: the cache was not written: ${(error as Error).message}\n`)
    }
  }
}
