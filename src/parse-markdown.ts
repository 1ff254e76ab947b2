/**
 * Markdown input (`.md`, `--from md`): the Markdown read by remark-parse with
 * GFM (src/read/markdown.ts) into the lines the line path reads, then parsed
 * as text is, with `markdown: true` (a heading is a `#` heading or a standard
 * heading word) and every position moved into the Markdown source. This
 * module loads remark: it is imported only for Markdown input.
 */
import {parsePapers, parseText, type ParseOptions, type ParseResult} from './parse.js'
import {markdownText} from './read/markdown.js'

export type MarkdownOptions = Omit<ParseOptions, 'origin' | 'markdown' | 'range'>

/** The tree and messages of one paper written in Markdown; positions index into `markdown` as given. */
export function parseMarkdownText(markdown: string, options: MarkdownOptions = {}): ParseResult {
  const {text, origin} = markdownText(markdown)
  return parseText(text, {...options, origin, markdown: true})
}

/** One result per paper (`--split`) of Markdown input. */
export function parseMarkdownPapers(markdown: string, options: MarkdownOptions = {}): ParseResult[] {
  const {text, origin} = markdownText(markdown)
  return parsePapers(text, {...options, origin, markdown: true})
}
