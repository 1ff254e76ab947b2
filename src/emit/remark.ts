/**
 * The one way we serialise mdast: unified with remark-stringify and GFM
 * tables. Each Markdown writer (the paper, the alignment) says how its
 * tables are laid out and which node handlers it adds.
 */
import {unified, type Processor} from 'unified'
import remarkStringify, {type Options} from 'remark-stringify'
import {gfmTableToMarkdown, type Options as TableOptions} from 'mdast-util-gfm-table'
import type {Root} from 'mdast'

export type Stringifier = Processor<undefined, undefined, undefined, Root, string>

export function stringifier(table: TableOptions, options: Options): Stringifier {
  return unified()
    .use(function tables() {
      const data = this.data()
      const extensions = (data.toMarkdownExtensions ??= [])
      extensions.push(gfmTableToMarkdown(table))
    })
    .use(remarkStringify, {bullet: '-', rule: '-', ...options}) as unknown as Stringifier
}
