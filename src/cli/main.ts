/**
 * The `legco` command. Only commander is loaded up front; each command's
 * action imports what it needs, so `legco --help` starts fast.
 *
 * Exit codes: 0 success; 1 the command ran and found problems (lint
 * errors, files that failed in a batch); 2 usage error or unreadable
 * input; 3 a PDF with no text layer (needs OCR); 70 an internal error.
 */
import {Command, CommanderError, Option} from 'commander'
import {readFileSync} from 'node:fs'

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
  let exitCode = 0
  program
    .name('legco')
    .description('Parse Hong Kong Legislative Council papers (Chinese or English; text, Markdown or PDF) into a document tree.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run legco --help for usage)')
    .exitOverride()
    .configureOutput({writeErr: (text) => process.stderr.write(text)})
    .addHelpText(
      'after',
      `
Exit codes:
  0  success
  1  the command ran and found problems (lint errors; files that failed in a batch)
  2  usage error, or input that cannot be read (missing, binary, empty, unknown encoding)
  3  a PDF with no text layer: it needs OCR
  70 internal error (a bug: please report it)

Examples:
  legco parse paper.txt                  JSON tree on stdout
  legco parse paper.pdf --format md      clean Markdown
  cat paper.txt | legco parse - --pretty`
    )

  program
    .command('parse')
    .description('Read one paper and print its structure as a JSON tree or as Markdown.')
    .argument('<file>', 'paper to read: text (UTF-8/16, Big5, GB18030), Markdown-flavoured text, or PDF; "-" reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format: json (the tree, for scripts) or md (clean Markdown, for people)').choices(['json', 'md']).default('json'))
    .option('-o, --output <file>', 'write to this file instead of stdout (written whole or not at all)')
    .option('--pretty', 'indent the JSON output')
    .addOption(new Option('--script <script>', 'convert Chinese text to hans (Simplified), hant (Traditional), hk (Hong Kong) or tw (Taiwan)').choices(['hans', 'hant', 'hk', 'tw']))
    .option('-q, --quiet', 'do not print parse warnings on stderr')
    .action(async (file: string, options: ParseOptions) => {
      const {runParse} = await import('./parse-command.js')
      exitCode = await runParse(file, options)
    })

  try {
    await program.parseAsync(argv, {from: 'user'})
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      return 2
    }
    const {InputError} = await import('../read/input.js')
    if (error instanceof InputError) {
      process.stderr.write(`legco: ${error.message}\n`)
      return error.exitCode
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EPIPE') return 0
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      process.stderr.write(`legco: ${(error as Error).message}\n`)
      return 2
    }
    process.stderr.write(`legco: internal error: ${(error as Error).message}\n`)
    if (process.env.LEGCO_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    return 70
  }
}

export interface ParseOptions {
  format: 'json' | 'md'
  output?: string
  pretty?: boolean
  script?: 'hans' | 'hant' | 'hk' | 'tw'
  quiet?: boolean
}
