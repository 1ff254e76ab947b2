// `check()` as a library: every example of every rule's documentation (src/check/rules/*.md) with that rule alone; the seed with all rules; settings; formatters.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {check, applySettings} from '../src/check/index.js'
import {ConfigError, readRuleFlags, readSetting} from '../src/check/config.js'
import {formatGithub, escapeData, escapeProperty} from '../src/check/format/github.js'
import {formatJson} from '../src/check/format/json.js'
import {toSarif} from '../src/check/format/sarif.js'
import {formatText} from '../src/check/format/text.js'
import {labelAt, ordinal, romanValue} from '../src/lang/numbering.js'
import {factsOf, PAIR_RULES} from '../src/check/pair.js'
import {ALL_RULES, PARSE_RULES, RULES} from '../src/check/registry.js'
import {applyFixes, fixText, unifiedDiff} from '../src/check/fix.js'
import {headerPaperNumber} from '../src/check/rules/header.js'
import {scanBrackets} from '../src/check/rules/hygiene.js'
import {labelKey, readTargets} from '../src/check/rules/references.js'
import type {PairInput, Settings} from '../src/check/types.js'
import type {Message} from '../src/message.js'
import * as legco from '../src/index.js'
import {parseText} from '../src/parse.js'
import {messageLine, renderRulesDoc, RULES_MD} from '../scripts/rules-doc.mjs'
import type {Example, RuleDoc} from '../scripts/rules-doc.mjs'
import {exampleText, ruleDocs} from './helpers/examples.js'
import {root, seed} from './helpers/tree.js'

function lint(path: string, settings?: Settings, pairPath?: string): Message[] {
  const text = exampleText(path)
  const {tree} = parseText(text)
  const pair = pairPath ? {text: exampleText(pairPath), tree: parseText(exampleText(pairPath)).tree, name: pairPath} : undefined
  return check(tree, text, {settings, pair})
}

/** `line:column  reason` of one rule's messages, as the examples write them. */
function hits(messages: Message[], rule: string): string[] {
  return messages.filter((m) => m.ruleId === rule).map((m) => messageLine({...m.place!.start, reason: m.reason}))
}

const CHECK_RULES = [...RULES, ...PAIR_RULES]
const PARSE_IDS = new Set(PARSE_RULES.map((rule) => rule.id))

/** What one rule alone raises on an example: `check` with every other rule off, or the parser's messages of that id. */
function runAlone(rule: string, doc: RuleDoc, example: Example): Message[] {
  const text = example.input
  const parsed = parseText(text)
  if (PARSE_IDS.has(rule)) return parsed.messages.filter((m) => m.ruleId === rule)
  const settings: Settings = Object.fromEntries(CHECK_RULES.filter((r) => r.id !== rule).map((r) => [r.id, 'off']))
  let pair: PairInput | undefined
  if (example.pair) {
    const other = exampleText(`${doc.name}/${example.pair}`)
    pair = {text: other, tree: parseText(other).tree, name: `${doc.name}/${example.pair}`}
  }
  return check(parsed.tree, text, {settings, pair})
}

describe('every example of every rule, with that rule alone', () => {
  for (const doc of ruleDocs) {
    describe(doc.file, () => {
      for (const rule of doc.rules) {
        const meta = ALL_RULES.find((r) => r.id === rule)
        for (const example of doc.examples.filter((e) => e.kind !== 'other version')) {
          const expected = example.messages.filter((m) => m.rule === rule).map(messageLine)
          it(`${rule}: ${example.kind === 'ok' || expected.length === 0 ? 'passes' : 'flags'} ${example.name}${example.pair ? ` with --pair ${example.pair}` : ''}`, () => {
            const messages = runAlone(rule, doc, example)
            expect(
              messages.map((m) => m.ruleId).filter((id) => id !== rule),
              'no other rule ran'
            ).toEqual([])
            expect(hits(messages, rule)).toEqual(expected)
            for (const message of messages) {
              expect(message.severity).toBe(meta!.severity)
              if (!PARSE_IDS.has(rule)) expect(message.note, 'every message says how to fix it').toBeTruthy()
            }
          })
        }
      }
    })
  }
})

describe('the rule documentation', () => {
  it('documents every rule id once, and no other', () => {
    const documented = ruleDocs.flatMap((doc) => doc.rules)
    expect([...documented].sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort())
  })

  it('has for every rule an example it passes and one it flags', () => {
    for (const doc of ruleDocs) {
      for (const rule of doc.rules) {
        expect(
          doc.examples.some((e) => e.kind === 'ok'),
          `${rule}: an ok example`
        ).toBe(true)
        expect(
          doc.examples.some((e) => e.kind === 'not ok' && e.messages.some((m) => m.rule === rule)),
          `${rule}: a not-ok example with its message`
        ).toBe(true)
      }
      const names = doc.examples.map((e) => e.name)
      expect(new Set(names).size, `${doc.file}: example names are unique`).toBe(names.length)
    }
  })

  it('is what docs/rules.md says (run npm run build, or node scripts/rules-doc.mjs, after editing src/check/rules/*.md)', () => {
    expect(readFileSync(RULES_MD, 'utf8'), 'docs/rules.md is stale').toBe(renderRulesDoc(ALL_RULES))
  })

  it('documents an import of check that the package exports', () => {
    const docs = readFileSync(RULES_MD, 'utf8')
    expect(docs).toContain("import {parse, check} from 'legco'")
    expect(docs).not.toContain('legco/dist/')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {exports: Record<string, unknown>}
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './check']))
    expect(typeof legco.parse).toBe('function')
    expect(typeof legco.check).toBe('function')
  })
})

describe('bilingual pair', () => {
  it('reads figures with their units and leaves dates out of them', () => {
    const {tree} = parseText('2. 政府於 2023 年 2 月 13 日、3 月 20 日撥款 5,000 萬元，涵蓋 6 個範疇及第 486 章。\n')
    const facts = factsOf(tree.children[0]!)
    expect([...facts.figures.keys()].sort()).toEqual(['486', '50000000'])
    expect([...facts.dates].sort()).toEqual(['02-13', '03-20', '2023'])
    const {tree: en} = parseText('2. On 13 February and 20 March 2023 the Government allocated $50 million for six areas under Cap. 486.\n')
    const enFacts = factsOf(en.children[0]!)
    expect([...enFacts.figures.keys()].sort()).toEqual(['486', '50000000'])
    expect([...enFacts.dates].sort()).toEqual(['02-13', '03-20', '2023'])
  })
})

describe('the seed', () => {
  it('passes with at most the inferred-paragraph warning', () => {
    const {tree} = parseText(seed)
    const messages = check(tree, seed)
    expect(messages.map((m) => `${m.place!.start.line}:${m.place!.start.column} ${m.severity} ${m.ruleId}`)).toEqual(['17:1 warning paragraph-inferred'])
  })
})

describe('settings', () => {
  it('turns a rule off and changes a severity', () => {
    expect(hits(lint('paragraph-inferred/flag.txt', {'paragraph-inferred': 'off'}), 'paragraph-inferred')).toEqual([])
    const raised = lint('paragraph-inferred/flag.txt', {'paragraph-inferred': 'error'})
    expect(raised.map((m) => m.severity)).toEqual(['error'])
  })

  it('reads --rule flags and rejects unknown rules and severities', () => {
    expect(readRuleFlags(['paragraph-inferred=off', 'item-sequence=warn,date-valid=2'])).toEqual({
      'paragraph-inferred': 'off',
      'item-sequence': 'warning',
      'date-valid': 'error'
    })
    expect(() => readRuleFlags(['no-such-rule=off'])).toThrow(ConfigError)
    expect(() => readRuleFlags(['date-valid=loud'])).toThrow(/not a severity/)
    expect(() => readRuleFlags(['date-valid'])).toThrow(/expected id=severity/)
    expect(readSetting(['error', {}], 'x')).toBe('error')
  })

  it('applies settings to the parser’s own messages', () => {
    const message: Message = {reason: 'r', ruleId: 'parse/no-structure', source: 'legco', severity: 'warning', place: null}
    expect(applySettings([message], {'parse/no-structure': 'off'})).toEqual([])
    expect(applySettings([message], {'parse/no-structure': 'error'})[0]!.severity).toBe('error')
    expect(applySettings([message], {})).toEqual([message])
  })

  it('knows every rule id once, each with a default severity', () => {
    const ids = ALL_RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of ALL_RULES) expect(['error', 'warning', 'info']).toContain(rule.severity)
  })
})

describe('formatters', () => {
  const messages = lint('width-consistent/flag.txt')
  const results = [
    {file: 'a,b:c.txt', messages},
    {file: 'clean.txt', messages: []}
  ]

  it('text: file:line:column  severity  message  rule-id, grouped by file, with a summary', () => {
    const out = formatText(results)
    const lines = out.split('\n')
    expect(lines[0]).toBe('a,b:c.txt')
    expect(lines[1]).toMatch(/^a,b:c\.txt:20:1 {3}warning {2}item marker （b） is full-width.* {2}width-consistent$/)
    expect(lines[5]).toMatch(/^a,b:c\.txt:25:40 {2}warning {2}bracket opened with \( is closed with ） +width-consistent$/)
    expect(lines[2]).toMatch(/^\s+fix: print it as \(b\)$/)
    expect(lines.at(-2)).toBe('3 problems (0 errors, 3 warnings) in 1 of 2 files')
    expect(formatText([{file: 'x', messages: []}])).toBe('no problems in 1 file\n')
  })

  it('json: one object per message with stable fields', () => {
    const out = JSON.parse(formatJson(results)) as Record<string, unknown>[]
    expect(out).toHaveLength(3)
    expect(Object.keys(out[0]!)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'note', 'source'])
    expect(out[2]).toMatchObject({file: 'a,b:c.txt', line: 25, column: 40, endLine: 25, endColumn: 41, severity: 'warning', ruleId: 'width-consistent'})
  })

  it('github: workflow commands with escaped properties and data', () => {
    const out = formatGithub(results).split('\n')
    expect(out[0]).toBe(
      "::warning file=a%2Cb%3Ac.txt,line=20,col=1,endLine=20,endColumn=4,title=legco width-consistent::item marker （b） is full-width; the paper's other item markers are half-width ((a))%0Afix: print it as (b) (width-consistent)"
    )
    expect(out[3]).toBe('legco check: 0 error(s), 3 warning(s) in 2 file(s)')
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A')
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc')
  })

  it('sarif: 2.1.0 with the rules and one result per message', () => {
    const sarif = toSarif(results, '1.2.3') as {
      version: string
      runs: {
        tool: {driver: {name: string; version: string; rules: {id: string}[]}}
        results: {
          ruleId: string
          ruleIndex: number
          level: string
          locations: {physicalLocation: {region: Record<string, number>; artifactLocation: {uri: string}}}[]
        }[]
      }[]
    }
    expect(sarif.version).toBe('2.1.0')
    const run = sarif.runs[0]!
    expect(run.tool.driver).toMatchObject({name: 'legco', version: '1.2.3'})
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id))
    expect(run.results).toHaveLength(3)
    const first = run.results[0]!
    expect(run.tool.driver.rules[first.ruleIndex]!.id).toBe(first.ruleId)
    expect(first.level).toBe('warning')
    expect(first.locations[0]!.physicalLocation.region).toEqual({startLine: 20, startColumn: 1, endLine: 20, endColumn: 4})
    expect(first.locations[0]!.physicalLocation.artifactLocation.uri).toBe('a%2Cb%3Ac.txt')
  })
})

describe('pieces', () => {
  it('reads item labels both ways', () => {
    expect(romanValue('iv')).toBe(4)
    expect(romanValue('iiii')).toBeNaN()
    expect(ordinal('ｃ', 'lower-alpha')).toBe(3)
    expect(labelAt(9, 'lower-roman')).toBe('ix')
    expect(labelAt(3, 'upper-alpha')).toBe('C')
  })

  it('reads the paragraphs a reference names', () => {
    expect(readTargets('3 至 5')).toEqual([3, 4, 5].map((number) => ({number, item: null})))
    expect(readTargets('3、4 及 6(b)')).toEqual([
      {number: 3, item: null},
      {number: 4, item: null},
      {number: 6, item: 'b'}
    ])
    expect(readTargets('3 to 5')).toHaveLength(3)
    expect(labelKey('II')).toBe(labelKey('二'))
    expect(labelKey('A')).toBe('A')
  })

  it('matches brackets across widths and skips inline list labels', () => {
    expect(scanBrackets('（第 486 章)')).toEqual({pairs: [[0, 8]], unclosed: [], unopened: []})
    expect(scanBrackets('選項 a) 甲 b) 乙')).toEqual({pairs: [], unclosed: [], unopened: []})
    expect(scanBrackets('“甲「乙”')).toEqual({pairs: [[0, 4]], unclosed: [2], unopened: []})
  })

  it('reports each impossible date of a paragraph once: a day of a month inside a whole date is that date', () => {
    // Whole dates and days of a month alternate in one paragraph (the rule passes over both lists once, in order).
    const text = exampleText('date-valid/pass.txt').replace(
      '政府於 2024 年 2 月 29 日提出',
      '政府於 2024 年 2 月 30 日、3 月 32 日、2023 年 4 月 31 日、4 月 30 日、5 月 40 日及 2024 年 2 月 29 日提出'
    )
    const {tree} = parseText(text)
    const only = Object.fromEntries(RULES.map((rule) => [rule.id, rule.id === 'date-valid' ? 'error' : 'off'])) as Settings
    expect(check(tree, text, {settings: only}).map((m) => m.reason)).toEqual([
      '2024 年 2 月 30 日 is not a date: February 2024 has 29 days',
      '3 月 32 日 is not a date: March has 31 days at most',
      '2023 年 4 月 31 日 is not a date: April 2023 has 30 days',
      '5 月 40 日 is not a date: May has 31 days at most'
    ])
  })

  it('checks the paper-number line only in the header', () => {
    expect(headerPaperNumber.severity).toBe('error')
  })
})

describe('--fix on every example, with that rule alone', () => {
  for (const doc of ruleDocs) {
    for (const rule of doc.rules) {
      if (PARSE_IDS.has(rule)) continue
      const settings: Settings = Object.fromEntries(CHECK_RULES.filter((r) => r.id !== rule).map((r) => [r.id, 'off']))
      const run = (text: string) => check(parseText(text).tree, text, {settings})
      for (const example of doc.examples.filter((e) => e.kind === 'not ok' && !e.pair)) {
        it(`${rule}: ${example.name} ${example.fixed === null ? 'carries no fix' : 'is fixed to its documented text, and a second run changes nothing'}`, async () => {
          const outcome = await fixText(example.input, run)
          if (example.fixed === null) {
            expect(outcome.fixed, 'a fix the example does not show: add its "Fixed by `--fix`:" block').toBe(0)
            return
          }
          expect(outcome.text).toBe(example.fixed)
          expect(outcome.messages.filter((m) => m.fix)).toEqual([])
          const again = await fixText(outcome.text, run)
          expect(again.fixed).toBe(0)
          expect(again.text).toBe(outcome.text)
        })
      }
    }
  }

  it('each rule says whether --fix fixes it, and says so truly', () => {
    for (const doc of ruleDocs) {
      const text = doc.lines.join('\n')
      const fixes = doc.examples.some((e) => e.fixed !== null)
      const says = text.match(/^\*\*--fix\*\*: (.*)$/gm) ?? []
      expect(says.length, `${doc.file}: a **--fix** line`).toBeGreaterThan(0)
      expect(
        says.every((line) => line.includes('does not fix')),
        `${doc.file}: says it does not fix`
      ).toBe(!fixes)
    }
  })
})

describe('applyFixes and the diff', () => {
  const message = (range: [number, number], text: string): Message => ({
    reason: 'r',
    ruleId: 'x',
    source: 'legco',
    severity: 'warning',
    place: null,
    fix: {range, text}
  })

  it('applies fixes that do not overlap, in order, and leaves overlapping or touching ones for the next pass', () => {
    const result = applyFixes('abcdef', [message([4, 5], 'E'), message([0, 2], 'AB'), message([1, 3], 'xx'), message([2, 3], 'C')])
    expect(result.text).toBe('ABcdEf')
    expect(result.applied.map((f) => f.text)).toEqual(['AB', 'E'])
    expect(result.deferred.map((f) => f.text)).toEqual(['xx', 'C'])
  })

  it('runs passes until nothing is left to fix (ESLint: at most 10)', async () => {
    // Each pass's check offers one fix: the first "a" becomes "b".
    const run = (text: string) => (text.includes('a') ? [message([text.indexOf('a'), text.indexOf('a') + 1], 'b')] : [])
    const outcome = await fixText('aaa', run)
    expect(outcome).toMatchObject({text: 'bbb', fixed: 3, passes: 3, messages: []})
    expect((await fixText('a'.repeat(12), run)).passes).toBe(10)
  })

  it('prints a unified diff with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', ''].join('\n')
    const after = before.replace('5', 'five')
    expect(unifiedDiff('p.txt', before, after)).toBe(
      ['--- a/p.txt', '+++ b/p.txt', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n')
    )
    expect(unifiedDiff('p.txt', before, before)).toBe('')
  })
})
