/**
 * The formatter and linter (Biome, configured in biome.json) run as part of `npm test`: a change that is not formatted, or that
 * trips a lint rule, fails here with Biome's own report, not only in an editor.
 */
import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome')

describe('biome check (format and lint)', () => {
  it('finds nothing to fix in src, test, scripts, bench and bin', () => {
    const run = spawnSync(process.execPath, [biome, 'check', '--colors=off', '--diagnostic-level=warn', '.'], {cwd: root, encoding: 'utf8'})
    const report = (run.stdout + run.stderr).trim()
    expect(report).not.toMatch(/Found \d+ (errors?|warnings?)/)
    expect(run.status, report).toBe(0)
  })
})
