/**
 * `legco align <first> <second>`: pair the Chinese and English versions of
 * a paper (either order) and print the pairs as JSON, Markdown tables, a
 * TMX translation memory or an HTML page, the versions side by side. Alignment warnings (numbering that disagrees,
 * unpaired paragraphs) go to stderr as `file:line:col  warning  reason  rule`
 * unless -q; they do not fail the command (exit 0). Input that cannot be
 * read is exit 2, a PDF with no text layer exit 3.
 */
import {InputError} from '../read/input.js'
import {loadPaper, type LoadedPaper} from './load.js'
import {formatMessage, writeAtomic, writeStdout} from './output.js'

/** The options of `legco align` (see main.ts for their flags and help). */
export interface AlignCommandOptions {
  format: 'json' | 'md' | 'tmx' | 'html'
  /** tmx: the Chinese version's language tag. */
  zhTag?: string
  /** tmx: the English version's language tag. */
  enTag?: string
  output?: string
  quiet?: boolean
}

export async function runAlign(first: string, second: string, options: AlignCommandOptions): Promise<number> {
  if (first === '-' && second === '-') throw new InputError('only one of the two versions can come from standard input')
  const papers = [await loadPaper(first), await loadPaper(second)] as const
  for (const paper of papers) usable(paper)
  const {align} = await import('../align/index.js')
  const alignment = align(papers[0].tree, papers[1].tree, {names: [papers[0].name, papers[1].name]})
  if (!options.quiet) {
    const names = {[alignment.first]: papers[0].name, [alignment.first === 'zh' ? 'en' : 'zh']: papers[1].name}
    const lines = alignment.messages.map((message) => formatMessage(names[message.side]!, message))
    if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n')
  }
  const data = await render(alignment, options)
  if (options.output) await writeAtomic(options.output, data)
  else await writeStdout(data)
  return 0
}

async function render(alignment: import('../align/index.js').Alignment, options: AlignCommandOptions): Promise<string> {
  switch (options.format) {
    case 'md': {
      const {toMarkdown} = await import('../align/format/md.js')
      return toMarkdown(alignment)
    }
    case 'tmx': {
      const {toTmx} = await import('../align/format/tmx.js')
      return toTmx(alignment, {zhTag: options.zhTag, enTag: options.enTag})
    }
    case 'html': {
      const {toHtml} = await import('../align/format/html.js')
      return toHtml(alignment)
    }
    default: {
      const {toJson} = await import('../align/format/json.js')
      return toJson(alignment)
    }
  }
}

/** A version with no words to pair is an input problem, not an alignment. */
function usable(paper: LoadedPaper): void {
  if (paper.scanned) throw new InputError(`${paper.name}: the PDF has no text layer (scanned pages): it needs OCR before it can be aligned`, 3)
  if (paper.text.trim() === '') throw new InputError(`${paper.name}: no text to align`)
}
