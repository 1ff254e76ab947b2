// The bench item of issue 15 runs: check against parse on the 10 MB paper with a cross-reference in every
// paragraph, both measured in the same run. Only that it runs and reports both ratios: figures taken on a
// loaded machine say nothing about the goals (bench/README.md).
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './helpers/tree.js'

describe('bench item 10: check against parse, 10 MB, a reference in every paragraph', () => {
  it('runs and reports the time and the peak memory of check as ratios to parse', () => {
    const results = join(mkdtempSync(join(tmpdir(), 'legco-bench-')), 'results.json')
    const run = spawnSync(process.execPath, [join(root, 'bench/run.js'), '--quick', '--only=10', `--results=${results}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^10 +check 10 MB, a reference a paragraph: time vs parse/m)
    expect(run.stdout).toMatch(/^10 +check 10 MB, a reference a paragraph: peak RSS vs parse/m)
    const item = JSON.parse(readFileSync(results, 'utf8')).items.checkLinear
    expect(item.bytes).toBeGreaterThan(9e6)
    for (const key of ['parseMs', 'checkMs', 'parseRss', 'checkRss']) expect(item[key]).toBeGreaterThan(0)
    expect(item.timeRatio).toBeCloseTo(item.checkMs / item.parseMs)
    expect(item.rssRatio).toBeCloseTo(item.checkRss / item.parseRss)
  }, 320_000)
})
