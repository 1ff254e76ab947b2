// `legco check` end to end: a real process on real files; exit codes, formats, config.
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {exampleFile} from './helpers/examples.js'
import {root, seed, seedPath} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')
// The examples of the rules' documentation (src/check/rules/*.md), as files.
const fixture = exampleFile

function legco(args: string[], options: {input?: string; cwd?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], {input: options.input, cwd: options.cwd ?? root, timeout: 60_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

const temp = () => mkdtempSync(join(tmpdir(), 'legco-check-'))

describe('legco check: exit codes', () => {
  it('0 for the seed: one warning (the inferred paragraph), no errors', () => {
    const {code, stdout, stderr} = legco([seedPath])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain(`${seedPath}:17:1  warning  paragraph 1 has no printed number`)
    expect(stdout).toContain('paragraph-inferred')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 problem (0 errors, 1 warning) in 1 of 1 file')
  })

  it('0 and "no problems" for a clean paper', () => {
    const {code, stdout} = legco([fixture('paragraph-numbering/pass.txt')])
    expect(code).toBe(0)
    expect(stdout).toBe('no problems in 1 file\n')
  })

  it('1 when there are errors', () => {
    const {code, stdout} = legco([fixture('paragraph-numbering/flag-gap.txt')])
    expect(code).toBe(1)
    expect(stdout).toContain('flag-gap.txt:23:1  error  paragraph 4 follows 2: 3 is missing  paragraph-numbering')
  })

  it('1 when warnings exceed --max-warnings, 0 when they do not', () => {
    expect(legco([seedPath, '--max-warnings', '0']).code).toBe(1)
    expect(legco([seedPath, '--max-warnings', '0']).stderr).toContain('more than --max-warnings 0')
    expect(legco([seedPath, '--max-warnings', '1']).code).toBe(0)
    expect(legco([seedPath, '--max-warnings', '0', '--rule', 'paragraph-inferred=off']).code).toBe(0)
  })

  it('2 for usage errors: bad --max-warnings, unknown rule, bad severity, --pair with two papers, unknown format', () => {
    expect(legco([seedPath, '--max-warnings', 'many']).code).toBe(2)
    const unknown = legco([seedPath, '--rule', 'no-such-rule=off'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown rule "no-such-rule"')
    expect(legco([seedPath, '--rule', 'date-valid=loud']).code).toBe(2)
    expect(legco([seedPath, seedPath.replace('000', '001'), '--pair', seedPath]).code).toBe(2)
    expect(legco([seedPath, '--format', 'xml']).code).toBe(2)
    expect(legco([]).code).toBe(2)
  })

  it('2 for input that cannot be read, while the other files are still checked', () => {
    const {code, stdout, stderr} = legco([join(temp(), 'missing.txt'), fixture('paragraph-numbering/flag-gap.txt')])
    expect(code).toBe(2)
    expect(stderr).toContain('missing.txt: no such file')
    expect(stdout).toContain('paragraph-numbering')
    const dir = temp()
    writeFileSync(join(dir, 'empty.txt'), '')
    expect(legco([join(dir, 'empty.txt')]).code).toBe(2)
  })

  it('2 for a config file that is missing or not JSON', () => {
    expect(legco([seedPath, '--config', join(temp(), 'nope.json')]).code).toBe(2)
    const dir = temp()
    writeFileSync(join(dir, '.legcorc.json'), '{rules:')
    copyFileSync(seedPath, join(dir, 'paper.txt'))
    const broken = legco(['paper.txt'], {cwd: dir})
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('not valid JSON')
  })
})

describe('legco check: config', () => {
  it("reads the .legcorc.json of the paper's folder; --rule wins over it; one elsewhere does not apply", () => {
    const dir = temp()
    writeFileSync(join(dir, '.legcorc.json'), JSON.stringify({rules: {'paragraph-inferred': 'error'}}))
    copyFileSync(seedPath, join(dir, 'paper.txt'))
    const strict = legco(['paper.txt'], {cwd: dir})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('17:1  error  paragraph 1 has no printed number')
    expect(legco(['paper.txt', '--rule', 'paragraph-inferred=off'], {cwd: dir}).stdout).toBe('no problems in 1 file\n')
    // The seed is not below dir: the settings found from its own folder up (none) apply, not the current folder's.
    expect(legco([seedPath], {cwd: dir}).code).toBe(0)
  })

  it('reads --config and turns an error rule off', () => {
    const dir = temp()
    const config = join(dir, 'lint.json')
    writeFileSync(config, JSON.stringify({rules: {'paragraph-numbering': 'off'}}))
    expect(legco([fixture('paragraph-numbering/flag-gap.txt'), '--config', config]).code).toBe(0)
  })

  it('--quiet shows errors only', () => {
    const {code, stdout} = legco([seedPath, '--quiet'])
    expect(code).toBe(0)
    expect(stdout).toBe('no problems in 1 file\n')
  })
})

describe('legco check: inputs', () => {
  it('walks directories recursively for .txt, .md and .pdf files, grouped by file in the output', () => {
    const dir = temp()
    mkdirSync(join(dir, 'sub/deeper'), {recursive: true})
    copyFileSync(fixture('paragraph-numbering/flag-gap.txt'), join(dir, 'sub/deeper/gap.txt'))
    copyFileSync(fixture('paragraph-numbering/pass.txt'), join(dir, 'clean.md'))
    writeFileSync(join(dir, 'notes.json'), '{}')
    const {code, stdout} = legco([dir, '--format', 'json'])
    expect(code).toBe(1)
    const messages = JSON.parse(stdout) as {file: string; line: number; column: number; ruleId: string}[]
    expect(messages).toEqual([expect.objectContaining({file: join(dir, 'sub/deeper/gap.txt'), line: 23, column: 1, ruleId: 'paragraph-numbering'})])
    const text = legco([dir]).stdout
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 problem (1 error, 0 warnings) in 1 of 2 files')
  })

  it('reads standard input as <stdin>', () => {
    const {code, stdout} = legco(['-', '--format', 'github'], {input: seed})
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toMatch(/^::warning file=<stdin>,line=17,col=1,.*title=legco paragraph-inferred::paragraph 1 has no printed number/)
  })
})

describe('legco check: formats', () => {
  it('json: an array of objects with stable fields', () => {
    const {code, stdout} = legco([fixture('date-valid/flag.txt'), '-f', 'json'])
    expect(code).toBe(1)
    const messages = JSON.parse(stdout) as Record<string, unknown>[]
    expect(messages.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.ruleId, m.severity])).toEqual([
      [17, 8, 17, 23, 'date-valid', 'error'],
      [23, 8, 23, 16, 'date-valid', 'error']
    ])
  })

  it('github: one workflow command per message and a summary', () => {
    const {code, stdout} = legco([fixture('width-consistent/flag.txt'), '--format', 'github'])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toMatch(
      /^::warning file=.*width-consistent\/flag\.txt,line=25,col=40,endLine=25,endColumn=41,title=legco width-consistent::bracket opened with \( is closed with ）/
    )
  })

  it('sarif: a 2.1.0 log with results at their regions', () => {
    const {code, stdout} = legco([fixture('header-dates/flag.txt'), '--format', 'sarif'])
    expect(code).toBe(1)
    const log = JSON.parse(stdout) as {
      version: string
      runs: {results: {ruleId: string; level: string; locations: {physicalLocation: {region: {startLine: number; startColumn: number}}}[]}[]}[]
    }
    expect(log.version).toBe('2.1.0')
    expect(
      log.runs[0]!.results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]!.physicalLocation.region.startLine,
        r.locations[0]!.physicalLocation.region.startColumn
      ])
    ).toEqual([['header-dates', 'error', 7, 1]])
  })
})

describe('legco check --pair', () => {
  it('exits 1 and reports the differences in the checked file', () => {
    const {code, stdout} = legco([fixture('pair/flag.zh.txt'), '--pair', fixture('pair/flag.en.txt'), '-f', 'json'])
    expect(code).toBe(1)
    const messages = JSON.parse(stdout) as {file: string; ruleId: string; line: number}[]
    const pairs = messages.filter((m) => m.ruleId.startsWith('pair-'))
    expect(pairs.map((m) => `${m.ruleId}@${m.line}`).sort()).toEqual([
      'pair-dates@17',
      'pair-figures@17',
      'pair-items@22',
      'pair-paragraphs@24',
      'pair-paragraphs@26'
    ])
    expect(new Set(pairs.map((m) => m.file))).toEqual(new Set([fixture('pair/flag.zh.txt')]))
  })

  it('exits 0 for versions that match', () => {
    const {code, stdout} = legco([fixture('pair/pass.zh.txt'), '--pair', fixture('pair/pass.en.txt')])
    expect(code).toBe(0)
    expect(stdout).toBe('no problems in 2 files\n')
  })

  it('exits 2 when the pair cannot be read', () => {
    expect(legco([fixture('pair/pass.zh.txt'), '--pair', join(temp(), 'missing.txt')]).code).toBe(2)
  })
})
