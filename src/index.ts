/**
 * legco as a library.
 *
 *   import {parse} from 'legco'
 *   const tree = parse(text)            // a string, or the bytes of a text file
 *   const {tree, messages} = await parseDocument(bytes)   // text or PDF bytes
 */
import {decode, isPdf} from './read/decode.js'
import {InputError, load} from './read/input.js'
import {parseText, type ParseResult} from './parse.js'
import type {Paper} from './tree.js'

export type * from './tree.js'
export type {Message, Severity} from './message.js'
export type {ParseResult} from './parse.js'
export {SCHEMA_VERSION} from './tree.js'
export {parseText} from './parse.js'
export {InputError} from './read/input.js'
export {parsePapers} from './parse.js'
export {align} from './align/index.js'
export {check, RULES} from './check/index.js'
export type {CheckOptions, Settings} from './check/index.js'
export type {Alignment, AlignOptions, SectionPair, ParagraphPair, ItemPair} from './align/index.js'

/**
 * The tree of one paper given as text or as the bytes of a text file
 * (UTF-8, UTF-16, Big5 or GB18030). Throws `InputError` for input that is
 * not text (use `parseDocument` for PDF).
 */
export function parse(input: string | Uint8Array): Paper {
  if (typeof input === 'string') return parseText(input).tree
  if (isPdf(input)) throw new InputError('input is a PDF: use parseDocument() for PDF input')
  const decoded = decode(input)
  if (!decoded.ok) throw new InputError(decoded.message)
  return parseText(decoded.text).tree
}

/** The tree and the parse messages for text or PDF input. */
export async function parseDocument(input: string | Uint8Array, name = 'input'): Promise<ParseResult & {scanned: boolean}> {
  if (typeof input === 'string') return {...parseText(input), scanned: false}
  const loaded = await load(input, name)
  return {...parseText(loaded.text, {pages: loaded.pages}), scanned: Boolean(loaded.scanned)}
}

/** Markdown for a tree (loads the Markdown serialiser on first use). */
export async function toMarkdown(tree: Paper): Promise<string> {
  const {toMarkdown: emit} = await import('./emit/markdown.js')
  return emit(tree)
}
