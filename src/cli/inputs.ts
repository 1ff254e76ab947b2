/**
 * Command-line inputs to the list of papers to read: files as given,
 * directories walked recursively for papers, globs matched against the
 * file system. Shared by `legco parse` and `legco check`.
 *
 * - `-` stays `-` (standard input).
 * - A path that exists as a file is taken as it is, whatever its extension.
 * - A directory gives its papers (`.txt`, `.md`, `.markdown`, `.pdf`, `.htm`, `.html`, any case),
 *   recursively, in code-point order of names; hidden files and folders
 *   (names starting with `.`) and `node_modules` are skipped; symbolic links
 *   to files are followed, links to folders are not (no cycles).
 * - An argument that does not exist and has glob characters is a pattern:
 *   `*` and `?` (not across `/`, not matching a leading `.`), `[abc]`,
 *   `[!a-z]`, `{a,b}` and `**` (any number of folders). It gives the files
 *   that match, any extension (the pattern chose them), sorted. Quote it so
 *   that legco, not the shell, expands it; either way works.
 * - Anything else (a missing file, a pattern that matches nothing) is kept
 *   as given, so that reading it fails with a reason the user can act on.
 *
 * The same file reached twice (given and also inside a given directory) is
 * read once, at its first place.
 *
 * Node 20 has no `fs.glob` (22+); the matcher here is ~80 lines and covers
 * what people type. A dependency (picomatch, fast-glob, tinyglobby) would
 * add cold-start cost to every run for features papers do not need.
 */
import type {Dirent} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import {basename, join, relative, resolve, sep} from 'node:path'

/** Extensions of the files a directory gives. */
const PAPER_EXTENSIONS: readonly string[] = Object.freeze(['.txt', '.md', '.markdown', '.pdf', '.htm', '.html'])

export interface InputEntry {
  /** The path to read (or `-`). */
  path: string
  /**
   * The name of the output for `-o DIR/`, without extension: the base name
   * for a file given as such; the path below the directory or below the
   * fixed part of the pattern (with `/`), so that a tree of papers gives a
   * tree of outputs and two `a.txt` in different folders do not clash.
   */
  name: string
  /** Set when the argument gave nothing to read: why (an empty folder, a pattern with no match). */
  problem?: string
}

/** The papers the arguments name, in order, each once. */
export async function expandInputs(args: string[]): Promise<string[]> {
  return (await expandInputEntries(args)).map((entry) => entry.path)
}

/** As `expandInputs`, with the output name of each input and the arguments that gave nothing. */
export async function expandInputEntries(args: string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = []
  const seen = new Set<string>()
  const add = (path: string, name: string) => {
    const key = path === '-' ? '-' : resolve(path)
    if (seen.has(key)) return
    seen.add(key)
    entries.push({path, name: stripExtension(name)})
  }
  for (const arg of args) {
    if (arg === '-') {
      add('-', 'stdin')
      continue
    }
    const kind = await kindOf(arg)
    if (kind === 'file') add(arg, basename(arg))
    else if (kind === 'directory') {
      let papers: string[]
      try {
        papers = await walk(arg, (_, name) => isPaperName(name))
      } catch (error) {
        // The folder itself cannot be listed: say so, not "no paper files".
        const code = (error as NodeJS.ErrnoException).code
        const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message
        entries.push({path: arg, name: stripExtension(basename(arg)), problem: `cannot read the directory: ${reason}`})
        seen.add(`dir:${resolve(arg)}`)
        continue
      }
      for (const path of papers) add(path, toSlash(relative(arg, path)))
      if (papers.length === 0 && !seen.has(`dir:${resolve(arg)}`)) {
        entries.push({path: arg, name: stripExtension(basename(arg)), problem: `no paper files (${PAPER_EXTENSIONS.join(', ')}) in the directory`})
      }
      seen.add(`dir:${resolve(arg)}`)
    } else if (isGlob(arg)) {
      const matches = await glob(arg)
      if (matches.length === 0) entries.push({path: arg, name: stripExtension(basename(arg)), problem: 'no files match the pattern'})
      for (const match of matches) add(match.path, match.name)
    } else add(arg, basename(arg))
  }
  return entries
}

function isPaperName(name: string): boolean {
  const lower = name.toLowerCase()
  return PAPER_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length)
}

/** True when the argument has glob syntax: `*`, `?`, `[...]` or `{...,...}`. */
function isGlob(arg: string): boolean {
  return /[*?]|\[[^\]]+\]|\{[^}]*,[^}]*\}/.test(arg)
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'other' | 'missing'> {
  try {
    const info = await stat(path)
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}

/**
 * Files below `dir`, in code-point order, depth first; `keep(relative, name)`
 * says which to give. `maxDepth` 1 is the folder itself only.
 */
async function walk(dir: string, keep: (relativePath: string, name: string) => boolean, maxDepth = Infinity, dotFolders = false): Promise<string[]> {
  const found: string[] = []
  const visit = async (folder: string, prefix: string, depth: number) => {
    let dirents: Dirent[]
    try {
      dirents = await readdir(folder, {withFileTypes: true})
    } catch (error) {
      if (depth === 1) throw error // the folder asked for: the caller says why
      return // an unreadable folder below it: nothing to give (the files we can read still go on)
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const dirent of dirents) {
      const name = dirent.name
      const path = join(folder, name)
      const rel = prefix ? `${prefix}/${name}` : name
      let isFile = dirent.isFile()
      let isDirectory = dirent.isDirectory()
      if (dirent.isSymbolicLink()) {
        isFile = (await kindOf(path)) === 'file'
        isDirectory = false
      }
      if (isDirectory) {
        if ((name.startsWith('.') && !dotFolders) || name === 'node_modules' || depth >= maxDepth) continue
        await visit(path, rel, depth + 1)
      } else if (isFile && !name.startsWith('.') && keep(rel, name)) found.push(path)
    }
  }
  await visit(dir, '', 1)
  return found
}

/** Files matching a pattern, with their names below the fixed part of the pattern. */
async function glob(pattern: string): Promise<{path: string; name: string}[]> {
  const normalised = toSlash(pattern)
  const absolute = normalised.startsWith('/')
  const segments = normalised.split('/').filter((segment, index) => segment !== '' || index === 0)
  let fixed = 0
  // The folders before the first segment with any glob character are walked from, not matched.
  while (fixed < segments.length - 1 && !/[*?[{]/.test(segments[fixed]!)) fixed++
  const base = absolute ? '/' + segments.slice(0, fixed).filter(Boolean).join('/') : segments.slice(0, fixed).join('/')
  const rest = segments.slice(fixed)
  const matcher = globToRegExp(rest.join('/'))
  const maxDepth = rest.includes('**') || /\{[^}]*\//.test(pattern) ? Infinity : rest.length
  const dotFolders = rest.some((segment) => segment.startsWith('.'))
  const root = base || '.'
  if ((await kindOf(root)) !== 'directory') return []
  const paths = await walk(root, (rel) => matcher.test(rel), maxDepth, dotFolders).catch(() => [] as string[])
  return paths.map((path) => ({path: base ? path : relative('.', path), name: toSlash(relative(root, path))}))
}

/** A glob (relative, `/`-separated) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern)}$`)
}

function translate(pattern: string): string {
  let out = ''
  let i = 0
  const atSegmentStart = () => i === 0 || pattern[i - 1] === '/'
  while (i < pattern.length) {
    const char = pattern[i]!
    if (char === '*' && pattern[i + 1] === '*' && atSegmentStart() && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
      // `**/` : zero or more folders (not hidden ones); `**` at the end: anything below.
      if (i + 2 === pattern.length) out += '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?'
      else out += '(?:(?!\\.)[^/]*/)*'
      i += 3
      continue
    }
    if (char === '*') {
      out += atSegmentStart() ? '(?!\\.)[^/]*' : '[^/]*'
      while (pattern[i] === '*') i++
      continue
    }
    if (char === '?') {
      out += atSegmentStart() ? '(?!\\.)[^/]' : '[^/]'
      i++
      continue
    }
    if (char === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close > 0) {
        let body = pattern.slice(i + 1, close)
        const negate = body.startsWith('!') || body.startsWith('^')
        if (negate) body = body.slice(1)
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`
        i = close + 1
        continue
      }
    }
    if (char === '{') {
      const close = matchingBrace(pattern, i)
      if (close > 0) {
        const alternatives = splitTopLevel(pattern.slice(i + 1, close))
        if (alternatives.length > 1) {
          out += `(?:${alternatives.map((alternative) => translate(alternative)).join('|')})`
          i = close + 1
          continue
        }
      }
    }
    out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    i++
  }
  return out
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++
    else if (pattern[i] === '}' && --depth === 0) return i
  }
  return -1
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++
    else if (body[i] === '}') depth--
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i))
      start = i + 1
    }
  }
  parts.push(body.slice(start))
  return parts
}

function stripExtension(name: string): string {
  const slash = name.lastIndexOf('/')
  const dot = name.lastIndexOf('.')
  return dot > slash + 1 ? name.slice(0, dot) : name
}

function toSlash(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/**
 * `--files-from FILE`: the paths in a list, one a line (`-`: the list is
 * standard input). Every line that is not empty is a path, taken as it is
 * but for a final `\r` (a list made on Windows): there are no comments (a
 * line starting with `#` names a file whose name starts with `#`) and
 * spaces are part of the path (a line of spaces names a file that is
 * not there: it fails, with an error record); only empty lines are
 * skipped. Each path is one input,
 * read as a file (not expanded as a folder or a pattern: a list names
 * files), so that a list made by `find` or by a failed run's error records
 * is read exactly.
 */
export async function readFileList(list: string): Promise<string[]> {
  const {readBytes} = await import('../read/input.js')
  const bytes = await readBytes(list)
  const text = new TextDecoder('utf-8').decode(bytes)
  const paths: string[] = []
  for (const line of text.split('\n')) {
    const path = line.endsWith('\r') ? line.slice(0, -1) : line
    if (path !== '') paths.push(path)
  }
  return paths
}

/** Entries for the paths of a list: each a file, named by its base name. Repeats are read once. */
export function listEntries(paths: string[]): InputEntry[] {
  const entries: InputEntry[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const key = path === '-' ? '-' : resolve(path)
    if (seen.has(key)) continue
    seen.add(key)
    entries.push({path, name: stripExtension(path === '-' ? 'stdin' : basename(path))})
  }
  return entries
}

/** `--shard K/N` as numbers, 1 ≤ K ≤ N; undefined when the value is not of that form. */
export function parseShard(value: string): {k: number; n: number} | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  if (!match) return undefined
  const k = Number(match[1])
  const n = Number(match[2])
  if (!Number.isSafeInteger(n) || n < 1 || k < 1 || k > n) return undefined
  return {k, n}
}

/**
 * The shard (1-based) a path falls in: FNV-1a (32 bits) of its UTF-8 bytes,
 * modulo N. It depends on the path string alone — not on the order of the
 * list, its length or the machine — so N runs with K = 1 … N, anywhere,
 * take every path exactly once, and a path stays in its shard when others
 * are added.
 */
export function shardOf(path: string, n: number): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(path, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % n) + 1
}

/** The entries of shard K of N, in their order. */
export function selectShard<T extends {path: string}>(entries: T[], shard: {k: number; n: number}): T[] {
  return entries.filter((entry) => shardOf(entry.path, shard.n) === shard.k)
}
