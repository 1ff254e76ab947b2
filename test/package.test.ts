// The package as a user gets it: `npm pack`, installed into a scratch package, every documented import run there and type-checked with tsc.
//
// Offline and quick: the tarball is installed with `npm install --offline`, into a scratch package whose
// node_modules already links each of legco's declared dependencies to this checkout's node_modules, so npm
// has nothing to fetch (and an import of a package legco does not declare fails, as it would under pnpm).
// Where npm cannot install it even so, the tarball is unpacked into node_modules/legco with tar, as npm
// would, and the test says so. Skipped when `npm pack` cannot run (no npm, no built dist/).
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root, seedPath} from './helpers/tree.js'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  version: string
  dependencies: Record<string, string>
  exports: Record<string, unknown>
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const env = {...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false'}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout})
}

interface Packed {
  dir: string
  tarball: string
  files: string[]
}

/** `npm pack` of this checkout into a temporary folder (no scripts: dist/ is what `npm test` built), or why it could not. */
function pack(): Packed | string {
  if (!existsSync(join(root, 'dist/index.js'))) return 'dist/ is not built'
  const dir = mkdtempSync(join(tmpdir(), 'legco-pack-'))
  const result = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root)
  if (result.error || result.status !== 0) {
    rmSync(dir, {recursive: true, force: true})
    return `npm pack failed: ${result.error?.message ?? result.stderr.trim().split('\n').pop()}`
  }
  const [info] = JSON.parse(result.stdout) as {filename: string; files: {path: string}[]}[]
  return {dir, tarball: join(dir, info!.filename), files: info!.files.map((file) => file.path)}
}

const packed = pack()
const skip = typeof packed === 'string'
if (skip) console.warn(`test/package.test.ts skipped: ${packed}`)

describe.skipIf(skip)('the packed package, installed into a scratch package', () => {
  const {dir, tarball, files} = packed as Packed
  const app = join(dir ?? '', 'app')
  let installedBy = ''

  const link = (name: string) => {
    const target = join(app, 'node_modules', name)
    mkdirSync(dirname(target), {recursive: true})
    symlinkSync(join(root, 'node_modules', name), target, 'junction')
  }

  beforeAll(() => {
    mkdirSync(join(app, 'node_modules'), {recursive: true})
    writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'scratch', private: true, type: 'module'}, null, 2))
    for (const name of Object.keys(pkg.dependencies)) {
      link(name)
    }
    const install = run(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save'], app)
    if (install.status === 0 && existsSync(join(app, 'node_modules/legco/package.json'))) {
      installedBy = 'npm install --offline'
      return
    }
    const unpacked = join(app, 'node_modules/legco')
    mkdirSync(unpacked, {recursive: true})
    const tar = run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], app)
    if (tar.status !== 0) throw new Error(`cannot install the tarball: npm: ${install.stderr}\ntar: ${tar.stderr}`)
    installedBy = 'tar (npm install failed)'
    console.warn(`test/package.test.ts: npm install --offline failed, the tarball was unpacked with tar instead:\n${install.stderr}`)
  }, 180_000)

  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('holds the built library, its types, the CLI, the schema, README and LICENSE, and no sources or tests', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/legco.cjs',
      'dist/cli-bundle/main.cjs',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/api/check.js',
      'dist/api/check.d.ts',
      'dist/api/align.js',
      'dist/api/align.d.ts',
      'schema/paper.schema.json',
      'docs/tree.md'
    ]) {
      expect(files).toContain(file)
    }
    expect(files.filter((file) => /^(src|test|fixtures|seeds|scripts|bench)\//.test(file))).toEqual([])
    expect(installedBy).not.toBe('')
  })

  it('exports every documented entry point, each resolving to a file in the package', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './align', './check', './package.json', './schema.json', './schema/paper.schema.json'])
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(targets))
    for (const path of targets(pkg.exports)) expect(files, path).toContain(path.slice(2))
  })

  it('runs every documented import from the scratch package', () => {
    writeFileSync(join(app, 'use.mjs'), USE_JS)
    const result = run(process.execPath, ['use.mjs', seedPath], app)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = JSON.parse(result.stdout) as Record<string, unknown>
    expect(out).toEqual({
      paperNo: 'CB(1)369/2024(05)',
      paragraphs: 24,
      documentMessages: true,
      papers: ['CB(4)101/2025(01)', 'CB(4)101/2025(02)'],
      markdown: true,
      markdownInput: [['section', 'Background', ['1', '2']]],
      html: true,
      csvRecords: 2,
      hans: '资讯科技及广播事务委员会',
      checkMessages: true,
      formats: ['text', 'json', 'github', 'sarif'],
      sarifVersion: pkg.version,
      aligned: true,
      tmx: true,
      alignFormats: ['md', 'html', 'json'],
      schema: ['https://json-schema.org/draft/2020-12/schema', true],
      schemaAlias: true,
      version: pkg.version,
      inputError: 'InputError'
    })
  })

  it('refuses what is not exported (the sources, dist/ internals)', () => {
    writeFileSync(join(app, 'private.mjs'), "await import('legco/dist/parse.js').then(() => console.log('imported'), (e) => console.log(e.code))\n")
    const result = run(process.execPath, ['private.mjs'], app)
    expect(result.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })

  it('runs the legco command it installs', () => {
    const result = run(process.execPath, [join(app, 'node_modules/.bin/legco'), 'parse', seedPath, '-f', 'csv'], app)
    if (!existsSync(join(app, 'node_modules/.bin/legco'))) {
      // Unpacked with tar: no .bin link; the bin file itself.
      const direct = run(process.execPath, [join(app, 'node_modules/legco/bin/legco.cjs'), 'parse', seedPath, '-f', 'csv'], app)
      expect(direct.status).toBe(0)
      expect(direct.stdout).toContain('CB(1)369/2024(05)')
      return
    }
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('CB(1)369/2024(05)')
  })

  it('type-checks a TypeScript file using the types of every entry point (tsc --noEmit, no skipLibCheck)', () => {
    // The user's own: TypeScript's Node types (legco's types need nothing else than what it declares).
    if (!existsSync(join(app, 'node_modules/@types/node'))) link('@types/node')
    writeFileSync(join(app, 'use.ts'), USE_TS)
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          resolveJsonModule: true,
          types: ['node']
        },
        files: ['use.ts']
      })
    )
    const result = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app)
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 120_000)
})

/** Every documented import, as a user writes it; prints what it got as JSON. */
const USE_JS = String.raw`
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {align, check, convertScript, formatSarif, InputError, parse, parseDocument, parseMarkdown, parsePapers, toCsv, toHtml, toMarkdown, toTmx} from 'legco'
import * as checkApi from 'legco/check'
import * as alignApi from 'legco/align'
import schema from 'legco/schema.json' with {type: 'json'}
import pkg from 'legco/package.json' with {type: 'json'}

const text = readFileSync(process.argv[2], 'utf8')
const tree = parse(text)
const count = (node, type) => (node.type === type ? 1 : 0) + (node.children ?? []).reduce((n, child) => n + count(child, type), 0)
const document = await parseDocument(new TextEncoder().encode(text), 'seed.txt')
const bundle = ['01', '02'].map((n) => 'LC Paper No. CB(4)101/2025(' + n + ')\n\nPurpose\n\n1. Paper ' + n + '.\n\n').join('')
const papers = await parsePapers(new TextEncoder().encode(bundle))
const results = [{file: 'seed.txt', messages: [...document.messages, ...check(tree, text)]}]
const fromMd = await parseMarkdown('# Background\n\nMembers asked\n\n2\\. The plan.\n')
const other = parse('LC Paper No. CB(1)369/2024(05)\n\nPurpose\n\n1. This paper gives background.\n\nBackground\n\n2. The Government proposed measures in 2023.\n')
const alignment = align(tree, other)
let inputError = null
try { parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])) } catch (error) { inputError = error instanceof InputError ? error.name : String(error) }

console.log(JSON.stringify({
  paperNo: tree.meta.paperNo,
  paragraphs: count(tree, 'paragraph'),
  documentMessages: Array.isArray(document.messages) && document.tree.meta.paperNo === tree.meta.paperNo,
  papers: papers.map((p) => p.tree.meta.paperNo),
  markdown: (await toMarkdown(tree)).includes('\n# 目的\n'),
  markdownInput: fromMd.tree.children.map((node) => [node.type, node.title, (node.children ?? []).map((child) => child.number)]),
  html: (await toHtml(tree)).includes('id="p12"'),
  csvRecords: toCsv([tree, other]).split('\r\n').filter(Boolean).length - 1,
  hans: (await convertScript(tree, 'hans')).meta.committee,
  checkMessages: results[0].messages.length >= 0 && checkApi.check === check,
  formats: [checkApi.formatText(results), checkApi.formatJson(results), checkApi.formatGithub(results), checkApi.formatSarif(results)].every((s) => typeof s === 'string') ? ['text', 'json', 'github', 'sarif'] : [],
  sarifVersion: JSON.parse(formatSarif(results)).runs[0].tool.driver.version,
  aligned: alignApi.align === align && alignment.paragraphs.length > 0,
  tmx: toTmx(alignment, {zhTag: 'zh-HK'}).includes('xml:lang="zh-HK"') && alignApi.toTmx === toTmx,
  alignFormats: [(await alignApi.toMarkdown(alignment)).includes('|') && 'md', (await alignApi.toHtml(alignment)).includes('<table') && 'html', JSON.parse(alignApi.toJson(alignment)).paragraphs && 'json'],
  schema: [schema.$schema, typeof schema.$defs.paper === 'object'],
  schemaAlias: createRequire(import.meta.url)('legco/schema/paper.schema.json').$id === schema.$id,
  version: pkg.version,
  inputError
}))
`

/** The types of each entry point in use; each @ts-expect-error must be an error, so the types are not \`any\`. */
const USE_TS = String.raw`
import {align, check, convertScript, parse, parseDocument, parseMarkdown, parsePapers, toCsv, toHtml, toMarkdown, toTmx, type DocumentResult, type Message, type Paper, type ParseResult, type Paragraph, type Script} from 'legco'
import {formatSarif, formatText, type FileResult, type Settings} from 'legco/check'
import {toHtml as alignedHtml, toJson, type Alignment, type ParagraphPair, type TmxOptions} from 'legco/align'
import schema from 'legco/schema.json' with {type: 'json'}

const tree: Paper = parse('1. text')
const paperNo: string | null = tree.meta.paperNo
// @ts-expect-error paperNo may be null
const wrong: string = tree.meta.paperNo
const first = tree.children[0]
const numbers: (string | null)[] = tree.children.flatMap((node) => (node.type === 'paragraph' ? [(node as Paragraph).number] : []))
const settings: Settings = {'paragraph-numbering': 'off'}
const messages: Message[] = check(tree, '1. text', {settings})
const results: FileResult[] = [{file: 'a.txt', messages}]
const text: string = formatText(results) + formatSarif(results)
const script: Script = 'hans'
// @ts-expect-error not a script
const notScript: Script = 'latin'
const tmxOptions: TmxOptions = {zhTag: 'zh-HK', enTag: 'en-GB'}

export async function use(bytes: Uint8Array): Promise<string> {
  const document: DocumentResult = await parseDocument(bytes, 'a.pdf')
  const papers: DocumentResult[] = await parsePapers(bytes)
  const markdown: ParseResult = await parseMarkdown(bytes)
  // @ts-expect-error parseMarkdown is async
  const notYet: Paper = parseMarkdown('# Purpose').tree
  // @ts-expect-error parsePapers is async
  papers.push(...parsePapers(bytes))
  const alignment: Alignment = align(document.tree, papers[0]!.tree)
  const pairs: ParagraphPair[] = alignment.paragraphs
  const hans: Paper = await convertScript(tree, script)
  return [await toMarkdown(hans), await toHtml(tree, {fallbackTitle: 'a'}), toCsv([tree], {bom: true}), toTmx(alignment, tmxOptions), await alignedHtml(alignment), toJson(alignment), String(pairs.length), schema.$schema, text, String(paperNo), String(wrong), String(first), String(numbers), String(notScript), markdown.tree.type, String(notYet)].join('')
}
`
