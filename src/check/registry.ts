/** Every rule with its id and default severity, in the order docs/rules.md lists them (each documented, with its examples, in src/check/rules/<id>.md). */
import type {Severity} from '../message.js'
import {PAIR_RULES} from './pair.js'
import {headerDates, headerFields, headerFileReference, headerPaperNumber} from './rules/header.js'
import {bracketsBalanced, dateValid, widthConsistent} from './rules/hygiene.js'
import {itemLetterRoman, itemMarkerStyle, itemSequence} from './rules/items.js'
import {agendaItemOrder, attendancePresentAbsent, minutesParagraphRun} from './rules/meetings.js'
import {paragraphInferred, paragraphNumbering} from './rules/paragraph-numbering.js'
import {referenceAppendix, referenceParagraph} from './rules/references.js'
import {sectionDuplicate, sectionEmpty, sectionsRequired} from './rules/sections.js'
import type {Rule, RuleMeta} from './types.js'

export const RULES: Rule[] = [
  paragraphNumbering,
  paragraphInferred,
  minutesParagraphRun,
  itemSequence,
  itemLetterRoman,
  itemMarkerStyle,
  headerFields,
  headerPaperNumber,
  headerFileReference,
  headerDates,
  sectionsRequired,
  sectionEmpty,
  sectionDuplicate,
  agendaItemOrder,
  attendancePresentAbsent,
  referenceParagraph,
  referenceAppendix,
  bracketsBalanced,
  widthConsistent,
  dateValid
]

/** Messages the parser itself raises: configurable like rules. */
export const PARSE_RULES: RuleMeta[] = [
  {id: 'parse/no-structure', severity: 'warning', category: 'parse', summary: 'no numbered paragraphs or section headings were found'},
  {id: 'parse/several-papers', severity: 'warning', category: 'parse', summary: 'the input holds several papers'}
]

/** Every rule id `legco check` knows, with its metadata. */
export const ALL_RULES: RuleMeta[] = [...RULES, ...PAIR_RULES, ...PARSE_RULES].map(({id, severity, category, summary}) => ({id, severity, category, summary}))

const BY_ID = new Map(ALL_RULES.map((rule) => [rule.id, rule]))

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id)
}

export function defaultSeverity(id: string): Severity | undefined {
  return BY_ID.get(id)?.severity
}
