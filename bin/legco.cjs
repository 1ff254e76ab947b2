#!/usr/bin/env node
/**
 * The CLI, from its bundle (dist/cli-bundle/main.cjs, made by `npm run
 * build`: see scripts/bundle.mjs), compiled with the V8 code cache written
 * next to it at build time: start-up is most of a small run's time. The
 * bundle is a build of dist/cli/: after changing src/, run `npm run build`
 * (tsc alone leaves the bundle as it was).
 */
'use strict'
// CommonJS on purpose: an ES-module entry starts Node's ESM loader first (~4 ms of every run).
const {readFileSync, writeFileSync} = require('node:fs')
const {createRequire} = require('node:module')
const {dirname, join} = require('node:path')
const {pathToFileURL} = require('node:url')
const {Script} = require('node:vm')
const {setFlagsFromString} = require('node:v8')

// V8's optimising compiler off until the work is long (src/cli/optimiser.ts turns it on): a small run is
// over before optimised code pays, and at exit Node waits for the compile jobs still running. Set before
// the bundle is compiled: its code cache is written and read under the same flags (V8 refuses a cache
// made under others).
setFlagsFromString('--no-opt')
// Memory (issue 10: peak RSS at most 15x the input). V8 lets old space grow to up to 4x what the last full
// collection left before it collects again, and the young generation double up to 16 MB a semi-space: a parse's
// line records, tokens and blocks, promoted while they live, were garbage that no full collection freed before the
// peak. A full collection once old space is 1.2x what the last one left, and the young generation kept at its
// start size (V8 reads both flags as it goes, so they work set here): the 10 MB bench paper 16.2x -> 12.1x its
// size in peak RSS, CPU +12%; 43,200 short paragraphs checked, 78x -> 34x, CPU +30% (test/stress/README.md).
setFlagsFromString('--heap-growing-percent=20')
setFlagsFromString('--semi-space-growth-factor=1')

process.stdout.on('error', (error) => {
  // A closed pipe (`legco parse x | head`) is not an error of ours.
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const path = join(__dirname, '../dist/cli-bundle/main.cjs')
const url = pathToFileURL(path)
// Set by scripts/bundle.mjs only: the commands to run before writing the code cache.
const warmUp = process.env.LEGCO_WRITE_CODE_CACHE

async function run() {
  let source
  try {
    source = readFileSync(path, 'utf8')
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
  }

  if (source === undefined) {
    // No bundle (only tsc has run): the modules as tsc wrote them.
    const {main} = await import(pathToFileURL(join(__dirname, '../dist/cli/main.js')).href)
    process.exitCode = await main(process.argv.slice(2))
  } else {
    // The bundle's first line is `// legco-build <id>`; the cache starts with the id of the build it was made from.
    const id = source.slice(15, 31)
    let cachedData
    if (!warmUp) {
      try {
        const cache = readFileSync(`${path}.cache`)
        if (cache.toString('latin1', 0, 16) === id) cachedData = cache.subarray(16)
      } catch {}
    }
    const script = new Script(`(function (exports, require, module, __filename, __dirname, __legcoImport) {${source}\n})`, {filename: path, cachedData})
    // The bundle's import()s (of pdf.js, opencc, …) come here: relative to the bundle, packages as from it.
    const load = (specifier) => import(specifier.startsWith('.') ? new URL(specifier, url).href : specifier)
    const module = {exports: {}}
    script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path), load)
    const {main} = module.exports
    if (warmUp) {
      for (const argv of JSON.parse(warmUp)) await main(argv)
      writeFileSync(`${path}.cache`, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]))
    } else {
      process.exitCode = await main(process.argv.slice(2))
    }
  }
}

run().catch((error) => {
  process.stderr.write(`legco: internal error: ${error?.message}\n`)
  process.exitCode = 70
})
