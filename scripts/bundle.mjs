#!/usr/bin/env node
/**
 * The CLI as a bundle, for start-up time (`npm run build` runs it after
 * tsc; `bin/legco.cjs` loads the result). Reading, compiling and linking
 * the ~25 ES modules of the CLI and commander (CommonJS through the ESM
 * loader) cost ~10–20 ms of every `legco` run; one file with a V8 code
 * cache costs a few.
 *
 *   dist/cli/main.js    -> dist/cli-bundle/main.cjs        the CLI, one CommonJS file (commander inlined)
 *                          dist/cli-bundle/main.cjs.cache  V8 code cache of it, made by a warm-up run
 *   dist/cli/worker.js  -> dist/cli-bundle/worker.js       the batch worker thread (batch.js starts
 *                                                          `./worker.js` next to itself)
 *   dist/read/pdf-pages-worker.js -> dist/cli-bundle/pdf-pages-worker.js  a page worker for one long
 *                                                          PDF (pdf-pages.js starts it next to itself)
 *
 * bin/legco.cjs compiles main.cjs with `vm.Script` and the cache (Node 20
 * has no module.enableCompileCache), so the code the CLI runs on start-up
 * and in a small parse is not compiled again. The cache's first bytes are
 * the bundle's build id (also on the bundle's first line): a cache of
 * another build is never used. A cache V8 refuses (another Node version,
 * other V8 flags) is ignored: the bundle is compiled as usual.
 *
 * The package's dependencies other than commander stay external (pdf.js,
 * opencc, unified, …: `import()`ed from node_modules only when a command
 * needs them). The reads of package.json for the version (`new
 * URL('../../package.json', import.meta.url)`, right from dist/ but not
 * from the bundle) become the version itself. Commander's top-level
 * `require('node:child_process')` (~2 ms: it pulls in net, dgram, …; used
 * only for executable subcommands, which legco has none of) is deferred
 * to its first use.
 */
import {build} from 'esbuild'
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const outdir = `${root}dist/cli-bundle`
const seed = `${root}seeds/000_457f1a1b5f7781dd.txt`
const BUNDLED = new Set(['commander'])
const EXTERNAL = Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name))
const EXTERNAL_IMPORT = EXTERNAL.map((name) => new RegExp(`^import [^;]*from '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^']*)?';`, 'm'))
const RELATIVE_IMPORT = /^import [^;]*from '(\.\.?\/[^']+)';/gm
const staticallyExternal = new Map()
/** Does this dist module, or one it imports statically, import an ES-only dependency statically? */
const importsExternalStatically = (path) => {
  if (staticallyExternal.has(path)) return staticallyExternal.get(path)
  staticallyExternal.set(path, false) // cycles
  const source = readFileSync(path, 'utf8')
  const found =
    EXTERNAL_IMPORT.some((pattern) => pattern.test(source)) ||
    [...source.matchAll(RELATIVE_IMPORT)].some((m) => importsExternalStatically(join(dirname(path), m[1])))
  staticallyExternal.set(path, found)
  return found
}

const VERSION_READ = /JSON\.parse\(readFileSync\(new URL\('(?:\.\.\/)+package\.json', import\.meta\.url\), 'utf8'\)\)\.version/g
const CHILD_PROCESS = "const childProcess = require('node:child_process');"

const plugin = {
  name: 'legco-cli',
  setup(b) {
    // `JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version` -> `"0.1.0"`.
    b.onLoad({filter: /[\\/]dist[\\/].*\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('package.json')) return undefined
      return {contents: source.replace(VERSION_READ, JSON.stringify(pkg.version)), loader: 'js'}
    })
    // A module with a static import of an ES-only dependency (unified, remark-stringify, … for Markdown)
    // is not bundled: CommonJS would require() them. It stays tsc's module, import()ed from dist/ when needed.
    b.onResolve({filter: /^\.\.?\//}, async (args) => {
      if (args.pluginData?.legco || !/[\\/]dist[\\/]/.test(args.importer)) return undefined
      const resolved = await b.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {legco: true}})
      if (resolved.errors.length > 0 || !/[\\/]dist[\\/].*\.js$/.test(resolved.path)) return undefined
      if (!importsExternalStatically(resolved.path)) return undefined
      if (args.kind !== 'dynamic-import')
        throw new Error(`bundle: ${args.importer} imports ${args.path} statically; it can only stay outside the bundle behind import()`)
      return {
        path: relative(outdir, resolved.path)
          .split(sep)
          .join('/')
          .replace(/^(?!\.)/, './'),
        external: true
      }
    })
    b.onLoad({filter: /[\\/]commander[\\/]lib[\\/]command\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes(CHILD_PROCESS)) {
        console.warn('bundle: commander no longer requires node:child_process as expected; left as it is')
        return undefined
      }
      const lazy = "const childProcess = {spawn: (...args) => require('node:child_process').spawn(...args)};"
      return {contents: source.replace(CHILD_PROCESS, lazy), loader: 'js'}
    })
  }
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  plugins: [plugin],
  metafile: true,
  logLevel: 'warning'
}

rmSync(outdir, {recursive: true, force: true})
const workerBuild = (entry, outfile) =>
  build({
    ...common,
    entryPoints: [entry],
    outfile: `${outdir}/${outfile}`,
    format: 'esm',
    banner: {js: "import {createRequire as __legcoRequire} from 'node:module';const require=__legcoRequire(import.meta.url);"}
  })
const [cli, worker, pageWorker] = await Promise.all([
  build({
    ...common,
    entryPoints: ['dist/cli/main.js'],
    outfile: `${outdir}/main.cjs`,
    format: 'cjs',
    // import.meta.url (the worker's URL, pdf.js's require) is the bundle's own URL.
    define: {'import.meta.url': '__legcoBundleUrl'},
    banner: {js: "var __legcoBundleUrl = require('node:url').pathToFileURL(__filename).href;"}
  }),
  workerBuild('dist/cli/worker.js', 'worker.js'),
  workerBuild('dist/read/pdf-pages-worker.js', 'pdf-pages-worker.js')
])

// Nothing in the bundle may still look for package.json relative to itself: the path would be wrong.
for (const file of [cli, worker, pageWorker].flatMap((output) => Object.keys(output.metafile.outputs))) {
  if (/new URL\([^)]*package\.json/.test(readFileSync(`${root}${file}`, 'utf8'))) {
    console.error(`bundle: ${file} still reads package.json relative to itself; extend VERSION_READ in scripts/bundle.mjs`)
    process.exit(1)
  }
}

// import() in code compiled by vm.Script needs a loader callback, which Node 20 drops from a script
// compiled from a code cache (and warns about as experimental): the bundle's import()s of what stays
// outside it (pdf.js, opencc, the Markdown modules) call the one bin/legco.cjs passes in instead.
const main = `${outdir}/main.cjs`
const externalImports = cli.metafile.outputs['dist/cli-bundle/main.cjs'].imports.filter((i) => i.kind === 'dynamic-import' && i.external)
let replaced = 0
const body = readFileSync(main, 'utf8').replace(/\bimport\((?=")/g, () => (replaced++, '__legcoImport('))
if (replaced !== externalImports.length) {
  console.error(`bundle: ${replaced} import( in main.cjs for ${externalImports.length} dynamic imports of external modules; scripts/bundle.mjs needs a look`)
  process.exit(1)
}

// The build id on the bundle's first line; bin/legco.cjs uses a cache only when it starts with the same id.
const id = createHash('sha256').update(body).update(process.version).digest('hex').slice(0, 16)
writeFileSync(main, `// legco-build ${id}\n${body}`)

// The code cache: a run of `legco --help` and of `legco parse` on the seed paper, compiled and cached.
const runs = existsSync(seed) ? [['--help'], ['parse', seed]] : [['--help']]
const warm = spawnSync(process.execPath, [`${root}bin/legco.cjs`], {
  cwd: root,
  env: {...process.env, LEGCO_WRITE_CODE_CACHE: JSON.stringify(runs)},
  stdio: ['ignore', 'ignore', 'inherit']
})
if (warm.status !== 0 || !existsSync(`${main}.cache`)) {
  console.error(`bundle: the warm-up run to write the code cache failed (exit ${warm.status}); the CLI works without it, only slower to start`)
  process.exit(1)
}
console.log(
  `bundle: dist/cli-bundle/main.cjs ${(statSync(main).size / 1024).toFixed(0)} KB, code cache ${(statSync(`${main}.cache`).size / 1024).toFixed(0)} KB, worker.js ${(statSync(`${outdir}/worker.js`).size / 1024).toFixed(0)} KB`
)
