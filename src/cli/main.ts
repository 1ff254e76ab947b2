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
// Types only (erased): each command owns its options, and its code is loaded when it runs.
import type {AlignCommandOptions} from './align-command.js'
import type {CheckCommandOptions} from './check-command.js'
import type {ParseCommandOptions} from './parse-command.js'

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
  130 interrupted (Ctrl-C, SIGINT), 143 terminated (SIGTERM): no partial or temporary output file is left
      (an interrupted batch to stdout ends with an {"type":"error"} record, not a complete array)

Input larger than --max-size (default 256M) is refused with exit 2 before it is read.
-o FILE must be in a folder that exists (exit 2 otherwise); a scanned PDF (exit 3) writes no -o file.

Examples:
  legco parse paper.txt                  JSON tree on stdout
  legco parse paper.pdf --format md      clean Markdown
  cat paper.txt | legco parse - --pretty
  legco parse papers/ -f ndjson > all.ndjson
  legco check paper.txt --pair paper.en.txt
  legco align paper.zh.txt paper.en.txt -f tmx -o paper.tmx`
    )

  /** A command's action: its module is imported only when the command runs (so `--help` loads none of them). */
  const run =
    <A extends unknown[]>(load: () => Promise<(...args: A) => Promise<number>>) =>
    async (...args: A): Promise<void> => {
      exitCode = await (await load())(...args)
    }

  // Every command reads input: --max-size bounds it (files by their size, before reading; standard input and devices as read).
  program.hook('preAction', async (_, action) => {
    const size = (action.opts() as {maxSize?: string}).maxSize
    if (size === undefined) return
    const {parseSize, setMaxSize} = await import('../read/input.js')
    setMaxSize(parseSize(size))
  })

  program
    .command('parse')
    .description('Read papers and print their structure as a JSON tree or as Markdown.')
    .argument(
      '[files...]',
      'papers to read: text (UTF-8/16, Big5, GB18030), Markdown-flavoured text, or PDF; directories (recursive) and globs; "-" reads standard input'
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'json (the tree, for scripts; several inputs give one JSON array), md (clean Markdown, for people; several papers need -o DIR/), ndjson (one JSON tree per line, streamed as each file completes), html (one self-contained HTML page per paper, ids p12, p4-a to link to; several papers need -o DIR/), csv (one row of meta and counts per paper, streamed as files complete)'
      )
        .choices(choices<ParseCommandOptions['format']>({json: true, md: true, ndjson: true, html: true, csv: true}))
        .default('json' satisfies ParseCommandOptions['format'])
    )
    .option(
      '-o, --output <path>',
      'write to this file (one input, or the array / the NDJSON lines of several) or into this directory (ending in /: one output per input, same base name, new extension; a --split bundle gives NAME.1.json, NAME.2.json, ..., numbered NAME.01.json ... from 10 papers on so that names sort); every file written whole or not at all'
    )
    .option('--pretty', 'indent the JSON output')
    .addOption(
      new Option('--script <script>', 'convert Chinese text to hans (Simplified), hant (Traditional), hk (Hong Kong) or tw (Taiwan)').choices(
        choices<NonNullable<ParseCommandOptions['script']>>({hans: true, hant: true, hk: true, tw: true})
      )
    )
    .addOption(
      new Option(
        '--kind <kind>',
        'the kind of paper, not detected: minutes, agenda, hansard (parsed as such), background-brief, administration-paper, lsd-report, submission, letter, report, paper'
      ).choices(
        choices<NonNullable<ParseCommandOptions['kind']>>({
          minutes: true,
          agenda: true,
          hansard: true,
          'background-brief': true,
          'administration-paper': true,
          'lsd-report': true,
          submission: true,
          letter: true,
          report: true,
          paper: true
        })
      )
    )
    .addOption(
      new Option(
        '--from <reader>',
        'how text input is read: md (Markdown, by remark-parse with GFM: a heading is a # heading or a standard heading word; in Markdown with no # heading at all, as a converter writes the text of a PDF, headings are found by shape as in text), text (the line path, for plain and Markdown-flavoured text), auto (by extension: .md and .markdown are md, anything else text; PDF and HTML are found by content either way)'
      )
        .choices(choices<NonNullable<ParseCommandOptions['from']>>({auto: true, md: true, text: true}))
        .default('auto' satisfies NonNullable<ParseCommandOptions['from']>)
    )
    .option('--bom', 'csv: start with a UTF-8 byte-order mark (for spreadsheet programs that need it)')
    .option('--tables <dir>', 'also write each table of each paper as its own CSV file into this directory (NAME.table-1.csv, ...)')
    .option('--split', 'a file that holds several papers (a PDF bundle) gives one tree per paper')
    .option('-j, --jobs <n>', 'threads for many files, the main thread one of them (default: the number of cores)')
    .option('--unordered', 'emit results as they complete, not in input order')
    .option('--fail-fast', 'stop at the first file that fails')
    .option(
      '--files-from <file>',
      'also read the paths listed in this file, one a line ("-": standard input): every non-empty line is a path, as it is (no comments: a line starting with # is a path); the run is then a batch (several inputs\' output) however many it lists'
    )
    .option('--shard <k/n>', 'take only shard K of N (1 <= K <= N) of the inputs, split by a hash of each path: N runs, anywhere, cover every input once')
    .option(
      '--errors <file>',
      'write one NDJSON record per input that failed ({"type":"error","path","reason","exitCode"}), for a re-run of just those; empty when none failed'
    )
    .option('-q, --quiet', 'no warnings and no progress bar on stderr')
    .addOption(maxSizeOption())
    .action(run(async () => (await import('./parse-command.js')).runParse))

  program
    .command('check')
    .description('Lint papers: numbering, items, header, sections, cross-references, text hygiene, bilingual pairs.')
    .argument('<files...>', 'papers to check (text, Markdown or PDF); directories and globs; "-" reads standard input')
    .addOption(
      new Option('-f, --format <format>', 'text (for people), json, github (workflow commands), sarif')
        .choices(choices<CheckCommandOptions['format']>({text: true, json: true, github: true, sarif: true}))
        .default('text' satisfies CheckCommandOptions['format'])
    )
    .option('--pair <file>', 'the other-language version of a single paper: compare numbering, labels, figures and dates')
    .option(
      '--pair-by <how>',
      'name: pair the inputs by their names (zh_x/en_x, x.zh/x.en in one folder) and compare each pair; unpaired files are named on stderr and checked alone'
    )
    .option('--rule <id=severity...>', 'set a rule to off, info, warning or error (repeatable)')
    .option(
      '-c, --config <file>',
      'settings for every input (default: the nearest .legcorc.json, .legcorc.yaml or package.json "legco" key, from each file\'s folder up)'
    )
    .option('--no-config', "use no configuration file: the rules' defaults and --rule only")
    .option(
      '--ignore-pattern <pattern...>',
      'leave out files matching this gitignore pattern, relative to the current folder (repeatable), as .legcoignore does'
    )
    .option('--no-ignore', 'read no .legcoignore and no --ignore-pattern')
    .option('--stdin-filename <name>', 'the name of standard input ("-"): shown in messages, and its configuration found from its folder')
    .option('-o, --output <file>', 'write the report to this file (whole or not at all) instead of stdout')
    .option('--fix', 'fix what can be fixed safely (see docs/rules.md) in the text and Markdown files, in place; report what is left')
    .option('--fix-dry-run', 'print the fixes as a unified diff on stdout and write nothing (the report goes to -o or stderr)')
    .option(
      '--cache',
      'reuse the messages of a file while its bytes (SHA-256), its rule settings, its --pair/--pair-by version and the legco version are unchanged'
    )
    .option(
      '--cache-location <path>',
      'the cache file, or a folder to hold .legcocache (default: node_modules/.cache/legco/cache.json in the current folder, or .legcocache without node_modules)'
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only (warnings are then neither shown nor counted for --max-warnings)')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors, or more warnings than --max-warnings
  2  usage error (bad option, unknown rule or key in a configuration), or input that cannot be read
  3  a PDF with no text layer: it needs OCR

Cache (--cache): one entry a file (by absolute path) in node_modules/.cache/legco/cache.json, or .legcocache
in the current folder when it has no node_modules, or --cache-location; an entry is used while the file's
SHA-256, its effective rule settings (configuration, overrides, kind, --rule), its pair's SHA-256 and name and
the legco version are what they were. A corrupt cache or another version's is ignored and rewritten.`
    )
    .action(run(async () => (await import('./check-command.js')).runCheck))

  program
    .command('align')
    .description('Pair the Chinese and English versions of a paper: sections, paragraphs by number, items by label.')
    .argument('<first>', 'one language version (text, Markdown or PDF)')
    .argument('<second>', 'the other language version')
    .addOption(
      new Option(
        '-f, --format <format>',
        'json (pairs with both texts and positions), md (two-column tables), tmx (TMX 1.4 translation memory), html (the two versions side by side, one page)'
      )
        .choices(choices<AlignCommandOptions['format']>({json: true, md: true, tmx: true, html: true}))
        .default('json' satisfies AlignCommandOptions['format'])
    )
    .option('-o, --output <file>', 'write to this file instead of stdout (written whole or not at all)')
    .option('--zh-tag <tag>', "tmx: the language tag of the Chinese version (default: the paper's, zh-Hant or zh-Hans; e.g. zh-HK)")
    .option('--en-tag <tag>', 'tmx: the language tag of the English version (default: en; e.g. en-GB)')
    .option('-q, --quiet', 'do not print alignment warnings on stderr')
    .addOption(maxSizeOption())
    .action(run(async () => (await import('./align-command.js')).runAlign))

  try {
    await program.parseAsync(argv, {from: 'user'})
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // Asked-for help and the version are success; help shown for a missing command is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0
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

function maxSizeOption(): Option {
  return new Option('--max-size <size>', 'refuse input larger than this (exit 2), before reading it: bytes, or with K, M, G; 0 for no limit (default: 256M)')
}

/** Every value of `T`, in the order written: the compiler refuses one missing or one too many. */
function choices<T extends string>(values: Record<T, true>): T[] {
  return Object.keys(values) as T[]
}
