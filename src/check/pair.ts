/**
 * The bilingual pair (`legco check zh.txt --pair en.txt`): the Chinese and
 * English versions of one paper must number the same paragraphs, label the
 * same items in each, and state the same figures and dates. Paragraphs are
 * matched by number; messages are placed in the checked file and name the
 * place in the other.
 */
import {toHalfWidth} from '../lang/chars.js'
import {
  EN_DAY_MONTH_ANY_CASE,
  EN_MONTH_DAY_ANY_CASE,
  EN_MONTH_YEAR_ANY_CASE,
  findDates,
  monthNumber,
  ZH_MONTH,
  ZH_MONTH_DAY,
  ZH_YEAR_MONTH_NO_DIGIT
} from '../lang/dates.js'
import type {AnyNode, Item, Node, Paragraph, Position} from '../tree.js'
import {FIGURE, FIGURE_UNITS} from '../lang/figures.js'
import {SMALLEST_COMPARED_FIGURE} from './data.js'
import {Locator} from './locate.js'
import type {PairInput, RuleContext, RuleMeta} from './types.js'
import {paragraphRuns, visit} from './walk.js'
import {matchAll} from '../matches.js'

export interface PairRule extends RuleMeta {
  run(context: RuleContext, other: PairSide): void
}

export interface PairSide extends PairInput {
  locate: Locator
}

/** A pair rule as `lintRule` makes a rule: its metadata (its category is `pair`) and the function that compares the two versions. */
function pairRule({id, severity, summary}: Omit<RuleMeta, 'category'>, run: PairRule['run']): PairRule {
  return {id, severity, category: 'pair', summary, run}
}

function bodyParagraphs(side: {tree: PairInput['tree']}): Map<string, Paragraph> {
  const found = new Map<string, Paragraph>()
  for (const paragraph of paragraphRuns(side.tree)[0]!.paragraphs) {
    if (paragraph.number !== null && !found.has(paragraph.number)) found.set(paragraph.number, paragraph)
  }
  return found
}

/** The paragraphs both versions number alike, as [number, this side's, the other side's]. */
function* pairedParagraphs(context: {tree: PairInput['tree']}, other: {tree: PairInput['tree']}): Generator<[string, Paragraph, Paragraph]> {
  const there = bodyParagraphs(other)
  for (const [number, paragraph] of bodyParagraphs(context)) {
    const counterpart = there.get(number)
    if (counterpart) yield [number, paragraph, counterpart]
  }
}

/** How a paragraph and its counterpart differ, as reported: at the paragraph's marker unless `place` says where. */
interface ParagraphDifference {
  message: string
  place?: Position
  fix: string
}

/** A pair rule that compares each paragraph with the one the other version numbers alike; `differ` gives null where they agree. */
function paragraphPairRule(
  meta: Omit<RuleMeta, 'category'>,
  differ: (number: string, paragraph: Paragraph, counterpart: Paragraph, context: RuleContext, other: PairSide) => ParagraphDifference | null
): PairRule {
  return pairRule(meta, (context, other) => {
    for (const [number, paragraph, counterpart] of pairedParagraphs(context, other)) {
      const difference = differ(number, paragraph, counterpart, context, other)
      if (difference) context.report(difference.message, difference.place ?? context.locate.marker(paragraph, paragraph.marker), difference.fix)
    }
  })
}

function where(name: string, node: Node): string {
  return `${name}:${node.position.start.line}`
}

/**
 * What each version states and the other lacks, as the figure and date
 * messages say it: `1,000 here but 2,000 in en.txt:12`; null where they agree.
 */
function statedApart(onlyHere: string[], onlyThere: string[], there: string): string | null {
  const parts = [onlyHere.length ? `${onlyHere.join(', ')} here` : '', onlyThere.length ? `${onlyThere.join(', ')} in ${there}` : ''].filter(Boolean)
  return parts.length > 0 ? parts.join(' but ') : null
}

/** The paragraph of this side shown for one the other side has alone: the one numbered just below it. */
function nearest(paragraphs: Map<string, Paragraph>, number: string, context: RuleContext): Position {
  let best: Paragraph | null = null
  for (const [n, paragraph] of paragraphs) if (Number(n) < Number(number) && (!best || Number(n) > Number(best.number))) best = paragraph
  return context.locate.startOf(best ?? context.tree)
}

export const pairParagraphs = pairRule(
  {
    id: 'pair-paragraphs',
    severity: 'error',
    summary: 'a paragraph number one language version has and the other lacks'
  },
  (context, other) => {
    const here = bodyParagraphs(context)
    const there = bodyParagraphs(other)
    for (const [number, paragraph] of here) {
      if (there.has(number)) continue
      context.report(
        `paragraph ${number} has no counterpart in ${other.name}`,
        context.locate.marker(paragraph, paragraph.marker),
        `check the numbering of both versions around paragraph ${number}`
      )
    }
    for (const [number, paragraph] of there) {
      if (here.has(number)) continue
      context.report(
        `paragraph ${number} of ${where(other.name, paragraph)} has no counterpart here`,
        nearest(here, number, context),
        `check the numbering of both versions around paragraph ${number}`
      )
    }
  }
)

/** Item labels of a paragraph, nested ones as paths: a, b, b.i, b.ii, c. */
export function itemPaths(paragraph: Paragraph): {path: string; item: Item}[] {
  const found: {path: string; item: Item}[] = []
  const walk = (node: Paragraph | Item, prefix: string) => {
    for (const child of node.children) {
      if (child.type !== 'item') continue
      const label = child.label === null ? '•' : toHalfWidth(child.label).toLowerCase()
      const path = prefix ? `${prefix}.${label}` : label
      found.push({path, item: child})
      walk(child, path)
    }
  }
  walk(paragraph, '')
  return found
}

function listing(paths: string[]): string {
  if (paths.length === 0) return 'no items'
  return paths.map((p) => `(${p.split('.').pop()})`).join('')
}

export const pairItems = paragraphPairRule(
  {
    id: 'pair-items',
    severity: 'error',
    summary: 'a paragraph whose item labels differ between the language versions'
  },
  (number, paragraph, counterpart, context, other) => {
    const a = itemPaths(paragraph)
    const b = itemPaths(counterpart)
    const index = a.findIndex((entry, i) => b[i]?.path !== entry.path)
    const differs = index >= 0 || b.length !== a.length
    if (!differs) return null
    const at = index >= 0 ? index : a.length
    return {
      message: `paragraph ${number} has items ${listing(a.map((e) => e.path))} here but ${listing(b.map((e) => e.path))} in ${where(other.name, counterpart)}`,
      place: a[at] ? context.locate.marker(a[at]!.item, a[at]!.item.marker) : undefined,
      fix: `make the items of paragraph ${number} match in both versions`
    }
  }
)

function textOf(node: AnyNode): string {
  let value = ''
  visit(node, 'text', (text) => {
    value += `${text.value} `
  })
  return value
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Dates printed without a day or without a year: what they name (a month of a year, a day of a month). Built once. */
const PARTIAL_DATES: [RegExp, (m: RegExpMatchArray) => string[]][] = [
  [ZH_YEAR_MONTH_NO_DIGIT, (m) => [`${m[1]}-${pad(+m[2]!)}`]],
  [EN_MONTH_YEAR_ANY_CASE, (m) => [`${m[2]}-${pad(monthNumber(m[1]!))}`]],
  [ZH_MONTH_DAY, (m) => [`${pad(+m[1]!)}-${pad(+m[2]!)}`]],
  [EN_DAY_MONTH_ANY_CASE, (m) => [`${pad(monthNumber(m[2]!))}-${pad(+m[1]!)}`]],
  [EN_MONTH_DAY_ANY_CASE, (m) => [`${pad(monthNumber(m[1]!))}-${pad(+m[2]!)}`]],
  [ZH_MONTH, () => []]
]

/** What a paragraph says in figures and dates, once each. */
export function factsOf(node: AnyNode): {figures: Map<string, string>; dates: Set<string>} {
  let text = toHalfWidth(textOf(node))
  const dates = new Set<string>()
  const blank = (start: number, end: number) => (text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end))
  for (const date of findDates(text)) {
    dates.add(`${pad(date.month)}-${pad(date.day)}`)
    dates.add(String(date.year))
    blank(date.start, date.end)
  }
  for (const [pattern, keys] of PARTIAL_DATES) {
    for (const match of [...matchAll(pattern, text)]) {
      for (const key of keys(match)) dates.add(key)
      blank(match.index!, match.index! + match[0].length)
    }
  }
  const figures = new Map<string, string>()
  for (const match of matchAll(FIGURE, text)) {
    const unit = match[3] ?? match[4]
    const value = Number(match[1]!.replace(/,/g, '') + (match[2] ?? '')) * (unit ? (FIGURE_UNITS[unit.toLowerCase()] ?? FIGURE_UNITS[unit]!) : 1)
    if (!match[2] && !unit && value < SMALLEST_COMPARED_FIGURE) continue
    const key = String(Math.round(value * 1000) / 1000)
    if (!figures.has(key)) figures.set(key, match[0].trim())
  }
  return {figures, dates}
}

export const pairFigures = paragraphPairRule(
  {
    id: 'pair-figures',
    severity: 'warning',
    summary: 'a figure stated in one language version of a paragraph and not the other'
  },
  (number, paragraph, counterpart, _context, other) => {
    const a = factsOf(paragraph).figures
    const b = factsOf(counterpart).figures
    const onlyHere = [...a.keys()].filter((key) => !b.has(key)).map((key) => a.get(key)!)
    const onlyThere = [...b.keys()].filter((key) => !a.has(key)).map((key) => b.get(key)!)
    const apart = statedApart(onlyHere, onlyThere, where(other.name, counterpart))
    return apart ? {message: `paragraph ${number}: figures differ: ${apart}`, fix: 'check the figures of this paragraph in both versions'} : null
  }
)

export const pairDates = pairRule(
  {
    id: 'pair-dates',
    severity: 'error',
    summary: 'a date stated in one language version of a paragraph and not the other'
  },
  (context, other) => {
    const check = (label: string, place: Position, a: Set<string>, b: Set<string>, counterpart: Node) => {
      const onlyHere = [...a].filter((d) => !b.has(d))
      const onlyThere = [...b].filter((d) => !a.has(d))
      const apart = statedApart(onlyHere, onlyThere, where(other.name, counterpart))
      if (!apart) return
      context.report(`${label}: dates differ: ${apart}`, place, 'check the dates in both versions (shown as month-day, year-month or year)')
    }
    for (const [number, paragraph, counterpart] of pairedParagraphs(context, other)) {
      check(`paragraph ${number}`, context.locate.marker(paragraph, paragraph.marker), factsOf(paragraph).dates, factsOf(counterpart).dates, counterpart)
    }
    const a = context.tree.meta
    const b = other.tree.meta
    if (a.meetingDate && b.meetingDate && a.meetingDate !== b.meetingDate) {
      context.report(
        `the meeting date is ${a.meetingDate} here but ${b.meetingDate} in ${other.name}`,
        context.locate.startOf(context.tree.children[0] ?? context.tree),
        'correct the meeting date in one version'
      )
    }
    if (a.issueDate && b.issueDate && a.issueDate !== b.issueDate) {
      context.report(
        `the issue date is ${a.issueDate} here but ${b.issueDate} in ${other.name}`,
        context.locate.startOf(context.tree.children.find((n) => n.type === 'signature') ?? context.tree),
        'correct the date under the signature in one version'
      )
    }
  }
)

export const PAIR_RULES: PairRule[] = [pairParagraphs, pairItems, pairFigures, pairDates]

export function pairSide(input: PairInput): PairSide {
  return {...input, locate: new Locator(input.text, input.tree)}
}
