// `legco check` in a repository of papers: settings found per file (nearest .legcorc.json / .legcorc.yaml /
// package.json "legco"), --config and --no-config, overrides by glob, settings by kind, usage errors with the
// closest valid name; .legcoignore and --ignore-pattern; --stdin-filename; -o FILE; the quiet exit code.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, seed, seedPath} from './helpers/tree.js'

const bin = join(root, 'bin/legco.cjs')

function legco(args: string[], options: {input?: string; cwd?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, 'check', ...args], {input: options.input, cwd: options.cwd ?? root, timeout: 60_000})
  return {code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

/** A repository: files by relative path (a paper is the seed, which has one warning: paragraph-inferred at 17:1). */
function repo(files: Record<string, string | 'PAPER'>): string {
  const dir = mkdtempSync(join(tmpdir(), 'legco-repo-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    if (content === 'PAPER') copyFileSync(seedPath, join(dir, path))
    else writeFileSync(join(dir, path), content)
  }
  return dir
}

const INFERRED = 'paragraph-inferred'
const json = (stdout: string) => JSON.parse(stdout) as {file: string; ruleId: string; severity: string}[]

describe('configuration discovery', () => {
  it('finds the nearest .legcorc.json walking up from each file, whatever the current folder', () => {
    const dir = repo({
      '.legcorc.json': JSON.stringify({rules: {[INFERRED]: 'error'}}),
      'panels/itb/2024/paper.txt': 'PAPER',
      'panels/itb/.legcorc.json': JSON.stringify({rules: {[INFERRED]: 'off'}}),
      'other/paper.txt': 'PAPER'
    })
    // Run from a nested folder: the project's settings still apply (they did not before: only ./.legcorc.json was read).
    const run = legco(['../panels/itb/2024/paper.txt', 'paper.txt', '-f', 'json'], {cwd: join(dir, 'other')})
    const messages = json(run.stdout)
    expect(messages.filter((m) => m.file === '../panels/itb/2024/paper.txt')).toEqual([]) // the nearer file turns it off
    expect(messages.filter((m) => m.file === 'paper.txt').map((m) => [m.ruleId, m.severity])).toEqual([[INFERRED, 'error']])
    expect(run.code).toBe(1)
  })

  it('reads .legcorc.yaml (loading the YAML parser) and a "legco" key of package.json', () => {
    const dir = repo({
      'a/.legcorc.yaml': `# house style\nrules:\n  ${INFERRED}: error\n`,
      'a/paper.txt': 'PAPER',
      'b/package.json': JSON.stringify({name: 'papers', legco: {rules: {[INFERRED]: 'info'}}}),
      'b/paper.txt': 'PAPER',
      'c/package.json': JSON.stringify({name: 'no-legco-key'}),
      'c/paper.txt': 'PAPER'
    })
    const messages = json(legco(['a/paper.txt', 'b/paper.txt', 'c/paper.txt', '-f', 'json'], {cwd: dir}).stdout)
    expect(messages.map((m) => [m.file, m.severity])).toEqual([
      ['a/paper.txt', 'error'],
      ['b/paper.txt', 'info'],
      ['c/paper.txt', 'warning']
    ])
  })

  it('--config FILE applies one file to every input; --no-config applies none', () => {
    const dir = repo({
      '.legcorc.json': JSON.stringify({rules: {[INFERRED]: 'off'}}),
      'ci.json': JSON.stringify({rules: {[INFERRED]: 'error'}}),
      'p.txt': 'PAPER'
    })
    expect(json(legco(['p.txt', '-f', 'json'], {cwd: dir}).stdout)).toEqual([])
    expect(json(legco(['p.txt', '-f', 'json', '--config', 'ci.json'], {cwd: dir}).stdout).map((m) => m.severity)).toEqual(['error'])
    expect(json(legco(['p.txt', '-f', 'json', '--no-config'], {cwd: dir}).stdout).map((m) => m.severity)).toEqual(['warning'])
  })

  it('overrides by glob, relative to the configuration, later ones winning; excludedFiles', () => {
    const dir = repo({
      '.legcorc.json': JSON.stringify({
        rules: {[INFERRED]: 'error'},
        overrides: [
          {files: ['minutes/**'], rules: {[INFERRED]: 'off'}},
          {files: 'drafts/*.txt', excludedFiles: ['drafts/keep.txt'], rules: {[INFERRED]: 'info'}}
        ]
      }),
      'minutes/2024/m.txt': 'PAPER',
      'drafts/d.txt': 'PAPER',
      'drafts/keep.txt': 'PAPER',
      'papers/p.txt': 'PAPER'
    })
    const messages = json(legco(['.', '-f', 'json'], {cwd: join(dir)}).stdout)
    expect(messages.map((m) => [m.file.replaceAll('\\', '/'), m.severity]).sort()).toEqual([
      ['drafts/d.txt', 'info'],
      ['drafts/keep.txt', 'error'],
      ['papers/p.txt', 'error']
    ])
  })

  it('settings by kind of paper (meta.kind), before overrides', () => {
    const dir = repo({
      '.legcorc.json': JSON.stringify({kinds: {'background-brief': {rules: {[INFERRED]: 'error'}}, minutes: {rules: {[INFERRED]: 'off'}}}}),
      'p.txt': 'PAPER'
    })
    const run = legco(['p.txt', '-f', 'json'], {cwd: dir})
    expect(json(run.stdout).map((m) => m.severity)).toEqual(['error']) // the seed is a background brief
    expect(run.code).toBe(1)
  })

  it('unknown keys, kinds, rule ids and severities are usage errors naming the closest valid word', () => {
    const cases: [object, RegExp][] = [
      [{rule: {}}, /unknown key "rule" \(did you mean "rules"\?\)/],
      [{rules: {'paragraph-numbring': 'off'}}, /unknown rule "paragraph-numbring" \(did you mean "paragraph-numbering"\?\)/],
      [{rules: {[INFERRED]: 'eror'}}, /"eror" is not a severity \(did you mean "error"\?\)/],
      [{kinds: {minute: {rules: {}}}}, /unknown paper kind "minute" \(did you mean "minutes"\?\)/],
      [{overrides: [{file: ['x'], rules: {}}]}, /overrides\[0\]: unknown key "file" \(did you mean "files"\?\)/]
    ]
    for (const [config, reason] of cases) {
      const dir = repo({'.legcorc.json': JSON.stringify(config), 'p.txt': 'PAPER'})
      const run = legco(['p.txt'], {cwd: dir})
      expect(run.code, JSON.stringify(config)).toBe(2)
      expect(run.stderr).toMatch(reason)
      expect(run.stdout).toBe('')
    }
    const flag = legco([seedPath, '--rule', 'paragraph-inferrred=off'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/unknown rule "paragraph-inferrred" \(did you mean "paragraph-inferred"\?\)/)
  })

  it('--stdin-filename names standard input in messages and finds its configuration from its folder', () => {
    const dir = repo({'sub/.legcorc.json': JSON.stringify({rules: {[INFERRED]: 'error'}})})
    const run = legco(['-', '--stdin-filename', 'sub/paper.txt', '-f', 'json'], {cwd: dir, input: seed})
    expect(json(run.stdout).map((m) => [m.file, m.severity])).toEqual([['sub/paper.txt', 'error']])
    expect(legco(['p.txt', '--stdin-filename', 'x.txt'], {cwd: dir}).code).toBe(2) // no "-" to name
  })
})

describe('ignore files', () => {
  const files = {
    '.legcoignore': '# not papers\nREADME.md\ndrafts/*\n!drafts/final.txt\n',
    'README.md': '# Seeds\n\nHow to use them.\n',
    'p.txt': 'PAPER',
    'drafts/d.txt': 'PAPER',
    'drafts/final.txt': 'PAPER',
    'sub/q.txt': 'PAPER'
  } as const

  it('.legcoignore (gitignore syntax) leaves files out of folders and globs, even run from a subfolder', () => {
    const dir = repo(files)
    const checked = (run: ReturnType<typeof legco>) => [...new Set(json(run.stdout).map((m) => m.file.replaceAll('\\', '/')))].sort()
    expect(checked(legco(['.', '-f', 'json'], {cwd: dir}))).toEqual(['drafts/final.txt', 'p.txt', 'sub/q.txt'])
    expect(checked(legco(['**/*.txt', '-f', 'json'], {cwd: dir}))).toEqual(['drafts/final.txt', 'p.txt', 'sub/q.txt'])
    // From sub/, the repository's .legcoignore is found walking up; its patterns stay relative to its own folder.
    expect(checked(legco(['..', '-f', 'json'], {cwd: join(dir, 'sub')}))).toEqual(['../drafts/final.txt', '../p.txt', '../sub/q.txt'])
  })

  it('--ignore-pattern adds patterns; --no-ignore reads none', () => {
    const dir = repo(files)
    const names = (run: ReturnType<typeof legco>) => [...new Set(json(run.stdout).map((m) => m.file.replaceAll('\\', '/')))].sort()
    expect(names(legco(['.', '-f', 'json', '--ignore-pattern', 'sub/**', '--ignore-pattern', 'p.txt'], {cwd: dir}))).toEqual(['drafts/final.txt'])
    expect(names(legco(['.', '-f', 'json', '--no-ignore'], {cwd: dir}))).toContain('drafts/d.txt')
  })

  it('a file named on the command line that is ignored is left out with a warning, never silently', () => {
    const dir = repo(files)
    const run = legco(['drafts/d.txt', 'p.txt', '-f', 'json'], {cwd: dir})
    expect(run.stderr).toContain('drafts/d.txt: warning: ignored (matched by .legcoignore); use --no-ignore to check it')
    expect(json(run.stdout).map((m) => m.file)).toEqual(['p.txt'])
    expect(run.code).toBe(0)
  })
})

describe('pairing a batch by name', () => {
  it('pairs zh_x/en_x and x.zh/x.en in one folder, compares each pair, names the unpaired', () => {
    // Two versions that disagree (fixtures/align/mismatch-*: figures, dates and paragraph numbers differ).
    const zh = readFileSync(join(root, 'fixtures/align/mismatch-zh.txt'), 'utf8')
    const en = readFileSync(join(root, 'fixtures/align/mismatch-en.txt'), 'utf8')
    const dir = repo({'zh_brief.txt': zh, 'en_brief.txt': en, 'b/note.zh.txt': zh, 'b/note.en.txt': en, 'alone.txt': zh, 'b/only.zh.txt': zh})
    const run = legco(['.', '--pair-by', 'name', '-f', 'json'], {cwd: dir})
    expect(run.stderr).toContain('alone.txt: warning: no other-language version found by name')
    expect(run.stderr).toContain('only.zh.txt: warning: no other-language version found by name')
    expect(run.stderr).not.toMatch(/brief|note\./)
    const pairMessages = json(run.stdout).filter((m) => m.ruleId.startsWith('pair'))
    // The pair rules ran on both pairs (their messages go on the Chinese file of each) and on no unpaired file.
    expect([...new Set(pairMessages.map((m) => m.file.replaceAll('\\', '/')))].sort()).toEqual(['b/note.zh.txt', 'zh_brief.txt'])
    expect(legco(['.', '--pair-by', 'size'], {cwd: dir}).code).toBe(2)
  })
})

describe('the report', () => {
  it('--quiet with --max-warnings 0: warnings neither shown nor counted, exit 0 (it printed "no problems" and exited 1)', () => {
    const run = legco([seedPath, '--quiet', '--max-warnings', '0'])
    expect(run.stdout).toContain('no problems')
    expect(run.code).toBe(0)
    expect(legco([seedPath, '--max-warnings', '0']).code).toBe(1)
  })

  it('-o FILE writes the report whole, replacing the old one by rename, leaving no temporary file', () => {
    const dir = repo({'p.txt': 'PAPER', 'report.sarif': 'old'})
    const run = legco(['p.txt', '-f', 'sarif', '-o', 'report.sarif'], {cwd: dir})
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'))
    expect(sarif.runs[0].results.map((r: {ruleId: string}) => r.ruleId)).toEqual([INFERRED])
    expect(readdirSync(dir).sort()).toEqual(['p.txt', 'report.sarif'])
    const missing = legco(['p.txt', '-o', 'no/such/folder/report.txt'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('does not exist')
    expect(existsSync(join(dir, 'no'))).toBe(false)
  })

  it('--help lists the exit codes', () => {
    const help = spawnSync(process.execPath, [bin, 'check', '--help'], {encoding: 'utf8'})
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {2}no errors[^\n]*\n {2}1 {2}errors, or more warnings than --max-warnings\n {2}2 {2}usage error/)
  })
})
