/** `legco parse`: one paper in, its tree (JSON) or clean Markdown out. */
import {InputError} from '../read/input.js'
import {loadPaper} from './load.js'
import type {Paper} from '../tree.js'
import type {ParseOptions} from './main.js'
import {formatMessage, writeAtomic, writeStdout} from './output.js'

export async function runParse(files: string[], options: ParseOptions): Promise<number> {
  if (files.length !== 1) throw new InputError('give one file to parse (batch parsing of many files is not built yet)')
  const file = files[0]!
  const {name, tree, messages, scanned} = await loadPaper(file)
  if (scanned) {
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
  } else data = JSON.stringify(tree, null, options.pretty && options.format === 'json' ? 2 : undefined) + '\n'
  if (options.output) await writeAtomic(options.output, data)
  else await writeStdout(data)
}
