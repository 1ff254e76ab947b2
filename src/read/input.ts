/**
 * Read: a path (or `-` for standard input) to bytes, and bytes to text —
 * decoded from UTF-8, UTF-16, Big5 or GB18030, or extracted from a PDF.
 * Problems with the input are `InputError`s: one line for the user and the
 * exit code that says what kind of problem it is.
 */
import {readFileSync} from 'node:fs'
import type {PageSpan} from '../source.js'

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
}

/**
 * A file's bytes, read synchronously: a command has nothing else to do
 * meanwhile, and the asynchronous read's round trips through the thread
 * pool cost a small paper's cold start several milliseconds.
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  if (path === '-') return readStdin()
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message
    throw new InputError(`cannot read ${path}: ${reason}`)
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Bytes to text. PDF support (pdf.js) and the decoders are loaded only when needed. */
export async function load(bytes: Uint8Array, name: string): Promise<Loaded> {
  const {decode, isPdf} = await import('./decode.js')
  if (isPdf(bytes)) {
    const {readPdf, PdfError} = await import('./pdf.js')
    try {
      const pdf = await readPdf(bytes)
      return {text: pdf.text, encoding: 'pdf', pages: pdf.pages.map(({number, start, end}) => ({number, start, end})), scanned: pdf.scanned}
    } catch (error) {
      if (error instanceof PdfError) throw new InputError(`${name}: ${error.message}`)
      throw error
    }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) throw new InputError(`${name}: ${decoded.message}`)
  return {text: decoded.text, encoding: decoded.encoding}
}
