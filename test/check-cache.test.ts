// `legco check --cache`: where the cache lives, that a second run takes a file's messages from it (shown by an entry
// edited in the cache file coming out as the report, and by LEGCO_DEBUG), and that a changed file, setting, pair or
// legco version, a corrupt cache and --fix each make the file be checked again.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {exampleText} from './helpers/examples.js'
import {root} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version

function legco(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], {cwd, timeout: 60_000, env: {...process.env, LEGCO_DEBUG: '', ...env}})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}
const debug = {LEGCO_DEBUG: '1'}

const temp = () => mkdtempSync(join(tmpdir(), 'legco-cache-'))
// Paragraph 3 is missing: an error of paragraph-numbering on line 23 (the rule's own example).
const gap = exampleText('paragraph-numbering/flag-gap.txt')

interface CacheFile {
  format: number
  legco: string
  entries: Record<string, {hash: string; kind: string | null; key: string; messages: {reason: string; ruleId: string}[]}>
}
const readCache = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CacheFile

/** Put a message no rule makes into the cached messages of `file`: seen in a report only if the cache was used. */
function plant(cachePath: string, file: string): void {
  const cache = readCache(cachePath)
  const entry = cache.entries[resolve(file)]!
  expect(entry, `an entry for ${file}`).toBeDefined()
  entry.messages = [{...entry.messages[0]!, reason: 'planted in the cache'}]
  writeFileSync(cachePath, JSON.stringify(cache))
}

/** A folder with the gap paper, checked once with --cache (no node_modules: the cache is .legcocache). */
function primed(extra: string[] = []) {
  const dir = temp()
  writeFileSync(join(dir, 'paper.txt'), gap)
  const first = legco(['--cache', 'paper.txt', ...extra], dir)
  expect(first.code).toBe(1)
  return {dir, cache: join(dir, '.legcocache'), paper: join(dir, 'paper.txt'), first}
}

describe('legco check --cache', () => {
  it('keeps the messages by file in .legcocache, and a second run gives the same report from it', () => {
    const dir = temp()
    writeFileSync(join(dir, 'paper.txt'), gap)
    const plain = legco(['paper.txt', '-f', 'json'], dir)
    expect(plain.stdout).toContain('paragraph 4 follows 2: 3 is missing')
    expect(existsSync(join(dir, '.legcocache')), 'no cache without --cache').toBe(false)
    const first = legco(['--cache', 'paper.txt', '-f', 'json'], dir, debug)
    expect(first.stderr).toContain('cache: miss paper.txt (new)')
    const cache = readCache(join(dir, '.legcocache'))
    expect(cache.legco).toBe(version)
    expect(Object.keys(cache.entries)).toEqual([resolve(dir, 'paper.txt')])
    const second = legco(['--cache', 'paper.txt', '-f', 'json'], dir, debug)
    expect(second.stderr).toContain('cache: hit paper.txt')
    expect([first.code, second.code]).toEqual([plain.code, plain.code])
    expect(first.stdout).toBe(plain.stdout)
    expect(second.stdout).toBe(plain.stdout)
    // The text report too (its fix lines come from the cached notes).
    expect(legco(['--cache', 'paper.txt'], dir).stdout).toBe(legco(['paper.txt'], dir).stdout)
  })

  it('reuses the stored messages (a message planted in the cache is reported) while nothing changed', () => {
    const {dir, cache} = primed()
    plant(cache, join(dir, 'paper.txt'))
    const second = legco(['--cache', 'paper.txt'], dir)
    expect(second.stdout).toContain('planted in the cache')
    expect(second.stdout).not.toContain('3 is missing')
  })

  it('checks a changed file again', () => {
    const {dir, cache, paper} = primed()
    plant(cache, paper)
    writeFileSync(paper, `${gap}\n`)
    const second = legco(['--cache', 'paper.txt'], dir, debug)
    expect(second.stderr).toContain('cache: miss paper.txt (changed)')
    expect(second.stdout).not.toContain('planted in the cache')
    expect(second.stdout).toContain('paragraph 4 follows 2: 3 is missing')
    // And the entry is of the new bytes: the next run is a hit.
    expect(legco(['--cache', 'paper.txt'], dir, debug).stderr).toContain('cache: hit paper.txt')
  })

  it('checks again when a --rule flag or the configuration changes the file’s settings, not when it does not', () => {
    const {dir, cache, paper} = primed()
    plant(cache, paper)
    const flagged = legco(['--cache', 'paper.txt', '--rule', 'paragraph-numbering=warning'], dir, debug)
    expect(flagged.stderr).toContain('cache: miss paper.txt (other settings or pair)')
    expect(flagged.stdout).toContain('warning  paragraph 4 follows 2: 3 is missing')
    expect(flagged.stdout).not.toContain('planted in the cache')

    // Back to no flags: the entry now is the flagged run's, so plant again.
    legco(['--cache', 'paper.txt'], dir)
    plant(cache, paper)
    // An override for other files leaves this file's settings as they were: still a hit.
    writeFileSync(join(dir, '.legcorc.json'), JSON.stringify({overrides: [{files: 'minutes/**', rules: {'paragraph-numbering': 'off'}}]}))
    const unrelated = legco(['--cache', 'paper.txt'], dir, debug)
    expect(unrelated.stderr).toContain('cache: hit paper.txt')
    expect(unrelated.stdout).toContain('planted in the cache')
    // One that turns a rule off for it: checked again.
    writeFileSync(join(dir, '.legcorc.json'), JSON.stringify({overrides: [{files: 'paper.txt', rules: {'paragraph-numbering': 'off'}}]}))
    const off = legco(['--cache', 'paper.txt'], dir, debug)
    expect(off.stderr).toContain('cache: miss paper.txt (other settings or pair)')
    expect(off.stdout).not.toContain('planted in the cache')
    expect(off.stdout).not.toContain('3 is missing')
  })

  it('ignores a corrupt cache, reports as without one, and writes a sound one', () => {
    for (const corrupt of ['{"format": 1, "legco": "x", "entr', 'null', '[1, 2]', `{"format":1,"legco":"${version}","entries":{"${resolve('/x')}":7}}`]) {
      const dir = temp()
      writeFileSync(join(dir, 'paper.txt'), gap)
      writeFileSync(join(dir, '.legcocache'), corrupt)
      const run = legco(['--cache', 'paper.txt'], dir)
      expect(run.stderr, corrupt).toBe('')
      expect(run.code).toBe(1)
      expect(run.stdout).toBe(legco(['paper.txt'], dir).stdout)
      expect(Object.keys(readCache(join(dir, '.legcocache')).entries)).toContain(resolve(dir, 'paper.txt'))
    }
    // A bad entry for the file itself is a miss, not a crash.
    const {dir, cache, paper} = primed()
    const data = readCache(cache)
    ;(data.entries[resolve(paper)] as unknown as {messages: unknown}).messages = [{reason: 1}]
    writeFileSync(cache, JSON.stringify(data))
    const run = legco(['--cache', 'paper.txt'], dir, debug)
    expect(run.stderr).toContain('cache: miss paper.txt (a bad entry)')
    expect(run.stdout).toContain('3 is missing')
  })

  it('drops a cache written by another legco version', () => {
    const {dir, cache, paper} = primed()
    plant(cache, paper)
    const data = readCache(cache)
    data.legco = '0.0.0-older'
    writeFileSync(cache, JSON.stringify(data))
    const run = legco(['--cache', 'paper.txt'], dir, debug)
    expect(run.stderr).toContain('written by legco 0.0.0-older')
    expect(run.stdout).not.toContain('planted in the cache')
    expect(run.stdout).toContain('3 is missing')
    expect(readCache(cache).legco).toBe(version)
  })

  it('keys a paper checked with --pair by the other version too', () => {
    const dir = temp()
    writeFileSync(join(dir, 'a.zh.txt'), exampleText('pair/flag.zh.txt'))
    writeFileSync(join(dir, 'a.en.txt'), exampleText('pair/flag.en.txt'))
    const first = legco(['--cache', 'a.zh.txt', '--pair', 'a.en.txt'], dir)
    expect(first.stdout).toContain('pair-')
    plant(join(dir, '.legcocache'), join(dir, 'a.zh.txt'))
    expect(legco(['--cache', 'a.zh.txt', '--pair', 'a.en.txt'], dir).stdout).toContain('planted in the cache')
    // Alone, or against a changed other version: checked again.
    const alone = legco(['--cache', 'a.zh.txt'], dir, debug)
    expect(alone.stderr).toContain('cache: miss a.zh.txt (other settings or pair)')
    expect(alone.stdout).not.toContain('planted in the cache')
    legco(['--cache', 'a.zh.txt', '--pair', 'a.en.txt'], dir)
    plant(join(dir, '.legcocache'), join(dir, 'a.zh.txt'))
    writeFileSync(join(dir, 'a.en.txt'), `${exampleText('pair/flag.en.txt')}\n`)
    const changed = legco(['--cache', 'a.zh.txt', '--pair', 'a.en.txt'], dir, debug)
    expect(changed.stderr).toContain('cache: miss a.zh.txt (other settings or pair)')
    expect(changed.stdout).not.toContain('planted in the cache')
    expect(changed.stdout).toBe(first.stdout)
  })

  it('never fixes from cached messages: --fix checks a file whose messages carry a fix, and caches the bytes it wrote', () => {
    const dir = temp()
    const broken = exampleText('width-consistent/flag.txt')
    writeFileSync(join(dir, 'paper.txt'), broken)
    expect(legco(['--cache', 'paper.txt'], dir).stdout).toContain('width-consistent')
    const fixed = legco(['--cache', '--fix', 'paper.txt'], dir, debug)
    expect(fixed.stderr).toContain('cache: paper.txt: its messages carry fixes: checked again to fix')
    expect(readFileSync(join(dir, 'paper.txt'), 'utf8')).not.toBe(broken)
    expect(fixed.stdout).toBe('no problems in 1 file\n')
    expect(fixed.code).toBe(0)
    // The entry now is that of the fixed file's bytes.
    const again = legco(['--cache', 'paper.txt'], dir, debug)
    expect(again.stderr).toContain('cache: hit paper.txt')
    expect(again.stdout).toBe('no problems in 1 file\n')
    // A dry run shows the diff from a cached file too, and caches nothing for what it did not write.
    writeFileSync(join(dir, 'other.txt'), broken)
    legco(['--cache', 'other.txt'], dir)
    const dry = legco(['--cache', '--fix-dry-run', 'other.txt'], dir)
    expect(dry.stdout).toContain('--- a/other.txt')
    expect(readFileSync(join(dir, 'other.txt'), 'utf8')).toBe(broken)
    expect(legco(['--cache', 'other.txt'], dir).stdout).toContain('width-consistent')
  })

  it('lives in node_modules/.cache/legco/cache.json when there is a node_modules, or where --cache-location says', () => {
    const dir = temp()
    writeFileSync(join(dir, 'paper.txt'), gap)
    mkdirSync(join(dir, 'node_modules'))
    legco(['--cache', 'paper.txt'], dir)
    expect(existsSync(join(dir, 'node_modules/.cache/legco/cache.json'))).toBe(true)
    expect(existsSync(join(dir, '.legcocache'))).toBe(false)
    legco(['--cache', '--cache-location', 'ci/', 'paper.txt'], dir)
    expect(existsSync(join(dir, 'ci/.legcocache')), 'a folder (trailing /) holds .legcocache').toBe(true)
    legco(['--cache', '--cache-location', 'ci/check.json', 'paper.txt'], dir)
    expect(readCache(join(dir, 'ci/check.json')).entries[resolve(dir, 'paper.txt')]).toBeDefined()
    mkdirSync(join(dir, 'existing'))
    legco(['--cache', '--cache-location', 'existing', 'paper.txt'], dir)
    expect(existsSync(join(dir, 'existing/.legcocache')), 'an existing folder holds .legcocache').toBe(true)
    expect(legco(['--cache-location', 'x', 'paper.txt'], dir).stderr).toContain('--cache-location has no effect without --cache')
  })

  it('does not cache standard input', () => {
    const dir = temp()
    const result = spawnSync(process.execPath, [bin, 'check', '--cache', '-'], {cwd: dir, input: gap, env: {...process.env, LEGCO_DEBUG: ''}})
    expect(result.stdout.toString()).toContain('3 is missing')
    expect(existsSync(join(dir, '.legcocache')) ? Object.keys(readCache(join(dir, '.legcocache')).entries) : []).toEqual([])
  })
})
