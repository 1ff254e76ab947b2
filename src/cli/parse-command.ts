/** `legco parse`: one paper in, its tree (JSON) or clean Markdown out. */
import {parseText} from '../parse.js'
import {InputError, load, readBytes} from '../read/input.js'
import type {Paper} from '../tree.js'
import type {ParseOptions} from './main.js'
import {formatMessage, writeAtomic, writeStdout} from './output.js'

export async function runParse(file: string, options: ParseOptions): Promise<number> {
  const name = file === '-' ? '<stdin>' : file
  const bytes = await readBytes(file)
  const loaded = await load(bytes, name)
  const {tree, messages} = parseText(loaded.text, {pages: loaded.pages})
  if (loaded.scanned) {
    // Say it in one line; the JSON tree still carries what the stamp gives.
    if (options.format === 'json') await emit(tree, options)
    throw new InputError(`${name}: the PDF has no text layer (a scanned image): it needs OCR`, 3)
  }
  if (!options.quiet) for (const message of messages) process.stderr.write(formatMessage(name, message) + '\n')
  await emit(tree, options)
  return 0
}

async function emit(tree: Paper, options: ParseOptions): Promise<void> {
  if (options.script) {
    const {loadConverter, convertTree, sourceScript} = await import('../script.js')
    const convert = await loadConverter(options.script, sourceScript(tree.lang))
    convertTree(tree, convert)
    if (tree.lang !== 'en') tree.lang = options.script === 'hans' ? 'zh-Hans' : 'zh-Hant'
  }
  let data: string
  if (options.format === 'md') {
    const {toMarkdown} = await import('../emit/markdown.js')
    data = toMarkdown(tree)
  } else data = JSON.stringify(tree, null, options.pretty ? 2 : undefined) + '\n'
  if (options.output) await writeAtomic(options.output, data)
  else await writeStdout(data)
}
