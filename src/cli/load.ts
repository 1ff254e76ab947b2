/** One path (or `-`) to its parsed paper: the read → decode/PDF → parse steps every command shares. */
import {parseText, type ParseResult} from '../parse.js'
import {load, readBytes} from '../read/input.js'
import {countInput} from './optimiser.js'

export interface LoadedPaper extends ParseResult {
  /** The name to show in messages: the path, or `<stdin>`. */
  name: string
  /** The text the tree's positions point into (for PDF input, the extracted text; for HTML, the page). */
  text: string
  /** Where the text came from: an encoding name, or `pdf`. */
  encoding: string
  /** A PDF with no text layer. */
  scanned: boolean
}

export async function loadPaper(path: string): Promise<LoadedPaper> {
  const name = path === '-' ? '<stdin>' : path
  const bytes = await readBytes(path)
  countInput(bytes.byteLength)
  const loaded = await load(bytes, name)
  const result = parseText(loaded.text, {pages: loaded.pages, origin: loaded.origin, markdown: loaded.markdown})
  return {...result, name, text: loaded.origin?.source ?? loaded.text, encoding: loaded.encoding, scanned: Boolean(loaded.scanned)}
}
