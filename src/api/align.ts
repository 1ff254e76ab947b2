/**
 * `legco/align`: `legco align` as a library — pair the two language
 * versions of a paper, and write the pairs as `legco align --format` does.
 *
 *   import {parse} from 'legco'
 *   import {align, toTmx} from 'legco/align'
 *   const alignment = align(parse(zhText), parse(enText))
 *   const tmx = toTmx(alignment, {zhTag: 'zh-HK'})
 *
 * `toMarkdown` and `toHtml` load their serialisers on first use and are
 * async; `toJson` and `toTmx` are not.
 */
import type {Alignment} from '../align/index.js'

export * from '../align/index.js'
export {toTmx, type TmxOptions} from '../align/format/tmx.js'
export {toJson} from '../align/format/json.js'

/** The pairs as two-column Markdown tables (`legco align -f md`). */
export async function toMarkdown(alignment: Alignment): Promise<string> {
  const {toMarkdown: emit} = await import('../align/format/md.js')
  return emit(alignment)
}

/** The two versions side by side, row by row, as one HTML page (`legco align -f html`). */
export async function toHtml(alignment: Alignment): Promise<string> {
  const {toHtml: emit} = await import('../align/format/html.js')
  return emit(alignment)
}
