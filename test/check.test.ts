// `check()` as a library: every rule on a fixture it flags (exact line:column) and one it passes; settings; formatters.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {check, applySettings} from '../src/check/index.js'
import {ConfigError, readRuleFlags, readSetting} from '../src/check/config.js'
import {formatGithub, escapeData, escapeProperty} from '../src/check/format/github.js'
import {formatJson} from '../src/check/format/json.js'
import {toSarif} from '../src/check/format/sarif.js'
import {formatText} from '../src/check/format/text.js'
import {labelAt, ordinal, romanValue} from '../src/check/labels.js'
import {factsOf} from '../src/check/pair.js'
import {ALL_RULES, RULES} from '../src/check/registry.js'
import {headerPaperNumber} from '../src/check/rules/header.js'
import {scanBrackets} from '../src/check/rules/hygiene.js'
import {labelKey, readTargets} from '../src/check/rules/references.js'
import type {Settings} from '../src/check/types.js'
import type {Message} from '../src/message.js'
import {parseText} from '../src/parse.js'
import {root, seed} from './helpers/tree.js'

const dir = join(root, 'fixtures/check')
const read = (path: string) => readFileSync(join(dir, path), 'utf8')

function lint(path: string, settings?: Settings, pairPath?: string): Message[] {
  const text = read(path)
  const {tree} = parseText(text)
  const pair = pairPath ? {text: read(pairPath), tree: parseText(read(pairPath)).tree, name: pairPath} : undefined
  return check(tree, text, {settings, pair})
}

/** `line:column reason` of one rule's messages. */
function hits(messages: Message[], rule: string): string[] {
  return messages.filter((m) => m.ruleId === rule).map((m) => `${m.place!.start.line}:${m.place!.start.column} ${m.reason}`)
}

/**
 * What each flag fixture must raise for its rule, exactly: place and reason.
 * Places were worked out from the fixture text (e.g. brackets-balanced: the
 * closing ） of a paragraph wrapped over two lines is on the second line).
 */
const FLAGGED: Record<string, Record<string, string[]>> = {
  'paragraph-numbering': {
    'flag-gap.txt': ['23:1 paragraph 4 follows 2: 3 is missing'],
    'flag-duplicate.txt': ['23:1 paragraph 2 is numbered twice (first at line 17)'],
    'flag-order.txt': ['25:1 paragraph 3 comes after paragraph 4'],
    'flag-restart.txt': ['29:1 paragraph numbering restarts at 1 after 4']
  },
  'paragraph-inferred': {
    'flag.txt': ['13:1 paragraph 1 has no printed number; it was read as 1 from its place']
  },
  'item-sequence': {
    'flag.txt': ['21:1 item (d) follows (b): (c) is missing', '27:1 item (ii) repeats the label of the item at line 26', '33:1 item (a) comes after (b)']
  },
  'item-letter-roman': {
    'flag.txt': [
      '26:1 (i) is followed by (j): it is the letter i, but it was read as the roman numeral 1',
      '41:1 (i) holds (ii): it starts a roman list (i), (ii) …, but it was read as the letter i'
    ]
  },
  'item-marker-style': {
    'flag.txt': ['20:1 item marker b) differs from (a) in the same list']
  },
  'header-fields': {
    'flag.txt': ['1:1 the header has no committee (background brief)', '1:1 the header has no file reference (background brief)']
  },
  'header-paper-number': {
    'flag-enclosure.txt': ['1:5 paper number CB(1)100/2024(1): enclosure (1) has one digit'],
    'flag-malformed.txt': ['1:1 the paper number line “立法會 CB(1)100/2024(01號文件” does not hold a well-formed paper number'],
    'flag-session.txt': ['3:14 paper number CB(2)1218/09-11: session 09-11 is not one legislative year']
  },
  'header-file-reference': {
    'flag.txt': ['3:4 file reference “CB1-PL-ITB” is not in the form CB1/PL/ITB']
  },
  'header-dates': {
    'flag.txt': ['7:1 the meeting date 2024-03-20 is before the issue date 2024-03-28'],
    'flag-session.txt': ['3:1 paper number CB(1)100/2023(01) is of the year 2023, but the paper is dated 2024-03-28']
  },
  'sections-required': {
    'flag.txt': ['11:1 a background brief needs a 目的 section; none was found']
  },
  'section-empty': {
    'flag.txt': ['15:1 section “最新情況” is empty']
  },
  'section-duplicate': {
    'flag.txt': ['23:1 heading “背景” repeats the heading at line 15']
  },
  'reference-paragraph': {
    'flag.txt': [
      '23:11 “上文第 4 段” says paragraph 4 is above, but it is below (line 25)',
      '25:8 “上文第 2(d) 段” points to item (d) of paragraph 2, which has no such item',
      '25:23 “上文第 6 段” points to paragraph 6, which does not exist: the paragraphs run 1 to 4'
    ],
    'flag-en.txt': [
      '27:34 “paragraphs 4 to 5 below” points to paragraph 5, which does not exist: the paragraphs run 1 to 4',
      '29:37 “paragraph 3 below” says paragraph 3 is below, but it is above (line 27)'
    ]
  },
  'reference-appendix': {
    'flag.txt': ['25:28 “附錄 III” names appendix III, which the paper does not have (it has 附錄 I)'],
    'flag-none.txt': ['29:82 “Appendix I” is referred to, but the paper has no appendix']
  },
  'brackets-balanced': {
    'flag.txt': ['13:9 《 is not closed: “《數碼政策的背景資料。”', '23:13 “ is not closed: ““智方便的意見)載於下文…”', '24:8 ） closes nothing: “…見)載於下文第 4 段）”']
  },
  'width-consistent': {
    'flag.txt': [
      "20:1 item marker （b） is full-width; the paper's other item markers are half-width ((a))",
      "23:1 paragraph marker ３． is full-width; the paper's other paragraph markers are half-width (1.)",
      '25:40 bracket opened with ( is closed with ）'
    ]
  },
  'date-valid': {
    'flag.txt': ['17:8 2024 年 2 月 30 日 is not a date: February 2024 has 29 days', '23:8 4 月 31 日 is not a date: April has 30 days at most'],
    'flag-en.txt': ['21:7 31 April 2024 is not a date: April 2024 has 30 days']
  }
}

describe('every rule flags its fixture at the exact place and passes its clean one', () => {
  it('has a fixture folder with a flag and a pass file for every rule', () => {
    for (const rule of RULES) {
      const files = readdirSync(join(dir, rule.id))
      expect(files.some((f) => f.startsWith('flag')), rule.id).toBe(true)
      expect(files.some((f) => f.startsWith('pass')), rule.id).toBe(true)
      expect(Object.keys(FLAGGED[rule.id] ?? {}).sort(), rule.id).toEqual(files.filter((f) => f.startsWith('flag')).sort())
    }
  })

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const [file, expected] of Object.entries(FLAGGED[rule.id] ?? {})) {
        it(`flags ${file}`, () => {
          const messages = lint(`${rule.id}/${file}`)
          expect(hits(messages, rule.id)).toEqual(expected)
          for (const message of messages.filter((m) => m.ruleId === rule.id)) {
            expect(message.severity).toBe(rule.severity)
            expect(message.note, 'every message says how to fix it').toBeTruthy()
          }
        })
      }
      for (const file of readdirSync(join(dir, rule.id)).filter((f) => f.startsWith('pass'))) {
        it(`passes ${file} with no message from any rule`, () => {
          expect(lint(`${rule.id}/${file}`).map((m) => `${m.ruleId} ${m.reason}`)).toEqual([])
        })
      }
    })
  }
})

describe('bilingual pair', () => {
  it('flags paragraphs, items, figures and dates that differ, placed in the checked file', () => {
    const messages = lint('pair/flag.zh.txt', undefined, 'pair/flag.en.txt')
    expect(hits(messages, 'pair-paragraphs')).toEqual(['24:1 paragraph 4 of pair/flag.en.txt:29 has no counterpart here', '26:1 paragraph 5 has no counterpart in pair/flag.en.txt'])
    expect(hits(messages, 'pair-items')).toEqual(['22:1 paragraph 2 has items (a)(b)(c)(d) here but (a)(b)(c) in pair/flag.en.txt:21'])
    expect(hits(messages, 'pair-figures')).toEqual(['17:1 paragraph 2: figures differ: 2,500 萬 here but 20 million in pair/flag.en.txt:21'])
    expect(hits(messages, 'pair-dates')).toEqual(['17:1 paragraph 2: dates differ: 01-15 here but 01-16 in pair/flag.en.txt:21'])
  })

  it('passes a matching pair, whichever side is checked', () => {
    expect(lint('pair/pass.zh.txt', undefined, 'pair/pass.en.txt')).toEqual([])
    expect(lint('pair/pass.en.txt', undefined, 'pair/pass.zh.txt')).toEqual([])
  })

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
    expect(readRuleFlags(['paragraph-inferred=off', 'item-sequence=warn,date-valid=2'])).toEqual({'paragraph-inferred': 'off', 'item-sequence': 'warning', 'date-valid': 'error'})
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
  const results = [{file: 'a,b:c.txt', messages}, {file: 'clean.txt', messages: []}]

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
      '::warning file=a%2Cb%3Ac.txt,line=20,col=1,endLine=20,endColumn=4,title=legco width-consistent::item marker （b） is full-width; the paper\'s other item markers are half-width ((a))%0Afix: print it as (b) (width-consistent)'
    )
    expect(out[3]).toBe('legco check: 0 error(s), 3 warning(s) in 2 file(s)')
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A')
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc')
  })

  it('sarif: 2.1.0 with the rules and one result per message', () => {
    const sarif = toSarif(results, '1.2.3') as {version: string; runs: {tool: {driver: {name: string; version: string; rules: {id: string}[]}}; results: {ruleId: string; ruleIndex: number; level: string; locations: {physicalLocation: {region: Record<string, number>; artifactLocation: {uri: string}}}[]}[]}[]}
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
    expect(readTargets('3、4 及 6(b)')).toEqual([{number: 3, item: null}, {number: 4, item: null}, {number: 6, item: 'b'}])
    expect(readTargets('3 to 5')).toHaveLength(3)
    expect(labelKey('II')).toBe(labelKey('二'))
    expect(labelKey('A')).toBe('A')
  })

  it('matches brackets across widths and skips inline list labels', () => {
    expect(scanBrackets('（第 486 章)')).toEqual({pairs: [[0, 8]], unclosed: [], unopened: []})
    expect(scanBrackets('選項 a) 甲 b) 乙')).toEqual({pairs: [], unclosed: [], unopened: []})
    expect(scanBrackets('“甲「乙”')).toEqual({pairs: [[0, 4]], unclosed: [2], unopened: []})
  })

  it('places a match inside a paragraph wrapped over lines at its own line and column', () => {
    const text = '1. 第一行的文字(未完\n第二行的文字。\n'
    const messages = check(parseText(text).tree, text)
    expect(hits(messages, 'brackets-balanced')).toEqual(['1:10 ( is not closed: “(未完第二行的文字。”'])
  })

  it('checks the paper-number line only in the header', () => {
    expect(headerPaperNumber.severity).toBe('error')
  })
})
