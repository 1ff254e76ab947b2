/**
 * Read: a path (or `-` for standard input) to bytes, and bytes to text —
 * decoded from UTF-8, UTF-16, Big5 or GB18030, or extracted from a PDF.
 * Problems with the input are `InputError`s: one line for the user and the
 * exit code that says what kind of problem it is.
 */
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'
import type {PageSpan} from '../source.js'
import type {Origin} from './html-map.js'
import {hasHtmlExtension, looksLikeHtml} from './html-sniff.js'

export class InputError extends Error {
  constructor(
    message: string,
    /** 2: unreadable or unusable input; 3: a PDF with no text layer (needs OCR). */
    readonly exitCode: 2 | 3 = 2
  ) {
    super(message)
    this.name = 'InputError'
  }
}

export interface Loaded {
  text: string
  /** Where the text came from: an encoding name, or `pdf`. */
  encoding: string
  /** For PDF input: the page of each stretch of the text. */
  pages?: PageSpan[]
  /** For PDF input: no text layer but perhaps a stamp. */
  scanned?: boolean
  /** For HTML and Markdown input: the source itself and the way from `text` back to it (positions point into the source). */
  origin?: Origin
  /** Markdown input, read by remark (src/read/markdown.ts): parse with `markdown: true`. */
  markdown?: boolean
}

/**
 * How text input is read (`--from`): `md` by remark-parse with GFM
 * (src/read/markdown.ts), `text` by the line path (src/normalise/), `auto`
 * by the name: `.md` and `.markdown` are Markdown, anything else text.
 */
export type From = 'auto' | 'md' | 'text'

export const FROM: readonly From[] = ['auto', 'md', 'text']

/** Is this name a Markdown file's (`.md`, `.markdown`)? */
export function hasMarkdownExtension(name: string): boolean {
  return /\.(?:md|markdown)$/i.test(name)
}

/** `--max-size` by default: 256 MB. Larger input is refused (exit 2) before it is read. */
export const DEFAULT_MAX_SIZE = 256 * 1024 * 1024

let maxSize = DEFAULT_MAX_SIZE

/** The limit `readBytes` applies when given none (set from `--max-size`). */
export function setMaxSize(bytes: number): void {
  maxSize = bytes
}

export function getMaxSize(): number {
  return maxSize
}

/** `--max-size` values: bytes, or a number with K, M or G (KB, MB, GB: powers of 1024); `0` is no limit. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text)
  if (!match) throw new InputError(`--max-size ${JSON.stringify(text)}: expected a size such as 256M, 1G or 1000000 (bytes)`)
  const unit = (match[2] ?? 'b').charAt(0).toLowerCase()
  const bytes = Math.floor(Number(match[1]) * (unit === 'g' ? 1 << 30 : unit === 'm' ? 1 << 20 : unit === 'k' ? 1 << 10 : 1))
  return bytes === 0 ? Infinity : bytes
}

export function formatSize(bytes: number): string {
  if (bytes >= 1 << 30 && bytes % (1 << 30) === 0) return `${bytes / (1 << 30)} GB`
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MB`
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KB`
  return `${bytes} bytes`
}

function tooBig(name: string, limit: number): InputError {
  return new InputError(`${name}: larger than the limit of ${formatSize(limit)}: not read (raise it with --max-size, e.g. --max-size 1G)`)
}

/**
 * A file's bytes, at most `limit` of them: a regular file larger than that
 * is refused from its size, before any byte is read; anything else (a
 * device such as /dev/zero, a pipe, standard input) is read until it ends
 * or passes the limit. Read synchronously: a command has nothing else to
 * do meanwhile, and the asynchronous read's round trips through the
 * thread pool cost a small paper's cold start several milliseconds.
 */
export async function readBytes(path: string, limit = maxSize): Promise<Uint8Array> {
  if (path === '-') return readStdin(limit)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw cannotRead(path, error)
  }
  try {
    const info = fstatSync(fd)
    if (info.isDirectory()) throw new InputError(`cannot read ${path}: is a directory`)
    if (info.isFile() && info.size > limit) throw tooBig(path, limit)
    return readAll(fd, path, limit, info.isFile() ? info.size : 0)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw cannotRead(path, error)
  } finally {
    closeSync(fd)
  }
}

function cannotRead(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message
  return new InputError(`cannot read ${path}: ${reason}`)
}

/** Read to the end, or fail once more than `limit` bytes came; `expected` (a regular file's size) sizes the first buffer. */
function readAll(fd: number, name: string, limit: number, expected: number): Uint8Array {
  const chunks: Buffer[] = []
  let total = 0
  let size = expected > 0 ? expected + 1 : 1 << 16
  for (;;) {
    const buffer = Buffer.allocUnsafe(size)
    let filled = 0
    while (filled < size) {
      const read = readSync(fd, buffer, filled, size - filled, null)
      if (read === 0) break
      filled += read
    }
    total += filled
    if (total > limit) throw tooBig(name, limit)
    chunks.push(filled === size ? buffer : buffer.subarray(0, filled))
    if (filled < size) break
    size = Math.min(1 << 24, Math.max(1 << 16, total))
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
}

async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length
    if (total > limit) {
      process.stdin.destroy()
      throw tooBig('<stdin>', limit)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks, total)
}

/**
 * Bytes to text. PDF support (pdf.js), the HTML parser, remark (Markdown)
 * and the decoders are loaded only when needed. `from` (`--from`) says how
 * text is read: Markdown (`md`, or `auto` and a `.md`/`.markdown` name) or
 * the line path; a PDF is a PDF whatever it says.
 */
export async function load(bytes: Uint8Array, name: string, from: From = 'auto'): Promise<Loaded> {
  const {decode, isPdf} = await import('./decode.js')
  if (from === 'md' || (from === 'auto' && hasMarkdownExtension(name) && !isPdf(bytes))) {
    const decoded = decode(bytes)
    if (!decoded.ok) throw new InputError(`${name}: ${decoded.message}`)
    const {markdownText} = await import('./markdown.js')
    const {text, origin} = markdownText(decoded.text)
    return {text, encoding: decoded.encoding, origin, markdown: true}
  }
  if (isPdf(bytes)) {
    const {readPdf, PdfError} = await import('./pdf.js')
    try {
      const pdf = await readPdf(bytes)
      const pages: PageSpan[] = pdf.pages.map(({number, start, end}) => ({number, start, end}))
      for (const destination of pdf.destinations) (pages[destination.page - 1]!.anchors ??= []).push({name: destination.name, offset: destination.offset})
      for (const line of pdf.lines) {
        if (line.repeated) (pages[line.page - 1]!.repeated ??= []).push(line.end)
        if (line.column !== undefined) (pages[line.page - 1]!.cellColumns ??= []).push([line.end, line.cellBelow ? -1 - line.column : line.column])
        if (line.tableStart) (pages[line.page - 1]!.tableStarts ??= []).push(line.start)
      }
      return {text: pdf.text, encoding: 'pdf', pages, scanned: pdf.scanned}
    } catch (error) {
      if (error instanceof PdfError) throw new InputError(`${name}: ${error.message}`)
      throw error
    }
  }
  if (from === 'auto' && (looksLikeHtml(bytes) || hasHtmlExtension(name))) {
    const {loadHtml} = await import('./html-load.js')
    const html = loadHtml(bytes)
    if ('ok' in html) throw new InputError(`${name}: ${html.message}`)
    return html
  }
  const decoded = decode(bytes)
  if (!decoded.ok) throw new InputError(`${name}: ${decoded.message}`)
  return {text: decoded.text, encoding: decoded.encoding}
}
