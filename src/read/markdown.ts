/**
 * Read, Markdown: `.md` input (`--from md`) parsed by the reference
 * CommonMark parser, remark-parse (micromark), with GFM (tables, footnotes,
 * strikethrough, autolinks), into mdast — so that escapes (`2\.`), tables,
 * footnotes and emphasis are read as any renderer reads them, our own
 * Markdown output included. Loaded only for Markdown input: `.txt`, the
 * seed's Markdown-flavoured text, stays on the line path of normalise/.
 *
 * Issue 14, item 1, second half. This is its first stage; what is still to
 * do is to map the mdast into the line tokens and tree that text input
 * gives (a heading is a `#` heading or a standard heading word; a plain
 * short line is a paragraph), with positions from mdast's.
 */
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)

/** The mdast of a Markdown document (positions are offsets into `markdown`). */
export function readMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
