/**
 * legco as a library (`import … from 'legco'`). The focused entry points
 * `legco/check` and `legco/align` hold the same functions for one command
 * each; `legco/schema.json` is the JSON Schema of the tree.
 *
 *   import {parse, parseDocument, parsePapers} from 'legco'
 *   const tree = parse(text)                               // a string, or the bytes of a text file
 *   const {tree, messages} = await parseDocument(bytes)    // text or PDF bytes
 *   const papers = await parsePapers(bundlePdf)            // one result per paper of a bundle
 *   const {tree} = await parseMarkdown(markdown)           // Markdown, read by remark-parse with GFM
 *
 * The serialisers that need a dependency load it on first use and are
 * async (`toMarkdown`, `toHtml`, `convertScript`); the others are not
 * (`toCsv`, `toTmx`, the check formatters).
 */
import {decode, isPdf} from './read/decode.js'
import {InputError, load} from './read/input.js'
import {looksLikeHtml} from './read/html-sniff.js'
import {parsePapers as parseBundle, parseText, type ParseResult} from './parse.js'
import {convertTree, loadConverter, sourceScript, type Script} from './script.js'
import type {HtmlOptions} from './emit/options.js'
import type {ParseOptions} from './parse.js'
import type {Paper} from './tree.js'

export type * from './tree.js'
export type {Message, Severity} from './message.js'
export type {ParseOptions, ParseResult} from './parse.js'
export type {HtmlOptions} from './emit/options.js'
export type {Script} from './script.js'
export {SCHEMA_VERSION} from './tree.js'
export {parseText} from './parse.js'
export {InputError} from './read/input.js'
export {SCRIPTS, isScript, sourceScript, loadConverter} from './script.js'
export {toCsv, toCsvRow, csvHeader, tablesOf, tableToCsv, CSV_COLUMNS} from './emit/csv.js'
export {align} from './align/index.js'
export type {Alignment, AlignMessage, AlignOptions, SectionPair, ParagraphPair, ItemPair, FieldPair, PaperInfo, PairBasis, Side} from './align/index.js'
export {toTmx, type TmxOptions} from './align/format/tmx.js'
export {check, RULES, formatText, formatJson, formatGithub, toJsonMessages} from './check/index.js'
export {formatSarif, toSarif} from './api/check.js'
export type {CheckOptions, FileResult, JsonMessage, PairInput, Settings} from './check/index.js'

/** A parse of input given as text or bytes: the tree, the parser's messages, and whether the PDF was a scan. */
export interface DocumentResult extends ParseResult {
  /** A PDF with no text layer (a scanned image): the tree holds only what the stamps say; it needs OCR. */
  scanned: boolean
}

/**
 * The tree of one paper given as text or as the bytes of a text file
 * (UTF-8, UTF-16, Big5 or GB18030). Throws `InputError` for input that is
 * not text (use `parseDocument` for PDF and HTML).
 */
export function parse(input: string | Uint8Array): Paper {
  if (typeof input === 'string') return parseText(input).tree
  if (isPdf(input)) throw new InputError('input is a PDF: use parseDocument() for PDF input')
  if (looksLikeHtml(input)) throw new InputError('input is an HTML page: use parseDocument() for HTML input')
  const decoded = decode(input)
  if (!decoded.ok) throw new InputError(decoded.message)
  return parseText(decoded.text).tree
}

/**
 * The tree and the parse messages for text or for the bytes of a text file,
 * a PDF or an HTML page (pdf.js, the HTML parser loaded for those only; an
 * HTML tree's positions point into the page). Throws `InputError`, its
 * message starting with `name`, for bytes that are neither.
 */
export async function parseDocument(input: string | Uint8Array, name = 'input'): Promise<DocumentResult> {
  if (typeof input === 'string') return {...parseText(input), scanned: false}
  const loaded = await load(input, name)
  return {...parseText(loaded.text, {pages: loaded.pages, origin: loaded.origin, markdown: loaded.markdown}), scanned: Boolean(loaded.scanned)}
}

/**
 * One result per paper of a bundle (`legco parse --split`), given as text
 * or as bytes (text or PDF, as `parseDocument` takes them): the input is
 * cut at each paper's own paper-number line; positions point into the
 * whole input (and carry the page, for a PDF). Input with one paper gives
 * one result; a scanned PDF gives one result with `scanned: true`.
 */
export async function parsePapers(input: string | Uint8Array, name = 'input'): Promise<DocumentResult[]> {
  if (typeof input === 'string') return parseBundle(input).map((result) => ({...result, scanned: false}))
  const loaded = await load(input, name)
  if (loaded.scanned) return [{...parseText(loaded.text, {pages: loaded.pages}), scanned: true}]
  return parseBundle(loaded.text, {pages: loaded.pages, origin: loaded.origin, markdown: loaded.markdown}).map((result) => ({...result, scanned: false}))
}

/**
 * The tree and the parse messages of a paper written in Markdown (what
 * `legco parse x.md` and `--from md` do), given as a string or as the bytes
 * of a text file: the Markdown is read by remark-parse with GFM (loaded on
 * first use) and mapped into the same tree text input gives for the same
 * printed text: a heading is a `#` heading (or a standard heading word such
 * as `Background`), a plain short line a paragraph; `2\.` is paragraph 2;
 * GFM tables, footnotes and nested lists are tables, notes and items.
 * Positions index into the Markdown as given. Throws `InputError` for bytes
 * that are not text.
 */
export async function parseMarkdown(input: string | Uint8Array, options: {kind?: ParseOptions['kind']} = {}): Promise<ParseResult> {
  let markdown: string
  if (typeof input === 'string') markdown = input
  else {
    const decoded = decode(input)
    if (!decoded.ok) throw new InputError(decoded.message)
    markdown = decoded.text
  }
  const {parseMarkdownText} = await import('./parse-markdown.js')
  return parseMarkdownText(markdown, options)
}

/** Markdown for a tree (loads the Markdown serialiser on first use). */
export async function toMarkdown(tree: Paper): Promise<string> {
  const {toMarkdown: emit} = await import('./emit/markdown.js')
  return emit(tree)
}

/** The HTML page of a tree (`legco parse -f html`; loads hast-util-to-html on first use). */
export async function toHtml(tree: Paper, options: HtmlOptions = {}): Promise<string> {
  const {toHtml: emit} = await import('./emit/html.js')
  return emit(tree, options)
}

/**
 * A copy of the tree in another script (`legco parse --script`): every
 * text, title, marker and meta string converted with OpenCC, `lang` set to
 * `zh-Hans` or `zh-Hant` (an English paper keeps `en`). The tree given is
 * not changed. `from` defaults to the tree's own script (`zh-Hans` is
 * `hans`, else Hong Kong Traditional, `hk`).
 */
export async function convertScript(tree: Paper, to: Script, options: {from?: Script} = {}): Promise<Paper> {
  const convert = await loadConverter(to, sourceScript(tree.lang, options.from))
  const copy = convertTree(structuredClone(tree), convert)
  if (copy.lang !== 'en') copy.lang = to === 'hans' ? 'zh-Hans' : 'zh-Hant'
  return copy
}
