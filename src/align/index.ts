/**
 * Align the Chinese and English versions of a paper: sections by key,
 * content and position; paragraphs by number, confirmed by content anchors
 * (figures, dates, paper numbers, chapters, Latin-script names); items by
 * label. Where the numbering of the two versions disagrees, paragraphs pair
 * by their anchors, and each such pair is reported with both positions.
 * Pairs never cross. A paragraph nothing pairs is reported as unpaired;
 * the only pairs made without a number or an anchor are a lone paragraph on
 * each side between two pairs, within one pair of sections, and those are
 * reported too (`align/by-position` or `align/number-mismatch`).
 *
 *   const {tree: zh} = parseText(zhText)
 *   const {tree: en} = parseText(enText)
 *   const alignment = align(zh, en)      // or align(en, zh)
 *   for (const pair of alignment.paragraphs) console.log(pair.zh?.text, pair.en?.text)
 */
import type {Message} from '../message.js'
import {itemsOf, ownWords, visit} from '../walk.js'
import type {AnyNode, Appendix, FieldName, Item, Lang, Paper, Paragraph, Position, Section} from '../tree.js'
import {anchorLabel, anchorsOf, anchorWeight, dice, figuresOf, sharedAnchors} from './anchors.js'
import {bestChain, type Candidate} from './chain.js'
import {lettersValue, romanSum} from '../lang/numbering.js'

export {anchorsOf, anchorLabel, anchorWeight, dice, figuresOf, sharedAnchors} from './anchors.js'

/** The two versions, named by language. */
export type Side = 'zh' | 'en'

export interface AlignOptions {
  /** Names of the two inputs, in argument order (file paths), copied into `zh.file` and `en.file`. */
  names?: [string, string]
  /**
   * Pair a lone unpaired paragraph (or item) on each side between two pairs,
   * within one pair of sections, though nothing but its place confirms it
   * (default true). Each such pair is reported.
   */
  byPosition?: boolean
}

export interface PaperInfo {
  /** Where the version came from, when the caller said (`options.names`). */
  file: string | null
  lang: Lang
  paperNo: string | null
  title: string | null
}

/** A field of the header, as printed in each version. */
export interface FieldPair {
  name: FieldName
  zh: string | null
  en: string | null
}

export interface SectionSide {
  kind: 'section' | 'appendix'
  title: string
  /** 1 = top; an appendix is 1. */
  depth: number
  /** The language-independent key (`purpose`, `background`; `appendix-A` for an appendix), or null. */
  key: string | null
  /** The whole section, heading to last paragraph. */
  position: Position
}

export interface ParagraphSide {
  /** The number in ASCII digits, or null when none was printed (see `inferred`). */
  number: string | null
  /** The marker as printed, or null. */
  marker: string | null
  /** The number was not printed but is certain from position. */
  inferred?: true
  /** The paragraph's own words, without its items. */
  text: string
  position: Position
}

export interface ItemSide {
  label: string | null
  marker: string
  text: string
  position: Position
}

/**
 * What a pair rests on: `key` (a standard heading), `number` (paragraph
 * numbers agree), `label` (item labels agree), `anchors` (shared figures,
 * dates, names), `content` (a section pair confirmed by the paragraphs
 * paired inside it or the anchors of its title), `position` (nothing but
 * its place). Null for an unpaired entry.
 */
export type PairBasis = 'key' | 'number' | 'label' | 'anchors' | 'content' | 'position'

export interface SectionPair {
  zh: SectionSide | null
  en: SectionSide | null
  by: PairBasis | null
}

export interface ItemPair {
  zh: ItemSide | null
  en: ItemSide | null
  by: PairBasis | null
  /** Anchors both sides print (see `anchorsOf`). */
  anchors: string[]
  /** Items inside these items. */
  items: ItemPair[]
}

export interface ParagraphPair {
  /** Index in `sections` of the section the paragraph stands in (the Chinese side's, when the two differ), or null. */
  section: number | null
  zh: ParagraphSide | null
  en: ParagraphSide | null
  by: PairBasis | null
  /** Anchors both sides print, items included. */
  anchors: string[]
  items: ItemPair[]
}

/** An alignment warning. `place` points into the version named by `side`; `other` into the other version. */
export interface AlignMessage extends Message {
  side: Side
  other: Position | null
}

export interface Alignment {
  /** Which version was given first (its language is the TMX source language, its column comes first in Markdown). */
  first: Side
  zh: PaperInfo
  en: PaperInfo
  header: FieldPair[]
  /** The lines of each version's signature block (null when it has none), for TMX and side-by-side output. */
  signature: {zh: string[] | null; en: string[] | null}
  /** Section pairs and unpaired sections, in reading order. */
  sections: SectionPair[]
  /** Paragraph pairs and unpaired paragraphs, in reading order. */
  paragraphs: ParagraphPair[]
  messages: AlignMessage[]
}

// ---------------------------------------------------------------- units

interface SectionUnit {
  node: Section | Appendix
  side: SectionSide
  parent: number
  anchors: string[]
}

interface ParagraphUnit {
  node: Paragraph
  /** Index of the innermost section (or appendix) holding it, or -1. */
  section: number
  text: string
  /** Anchors, items included; after \`restrict\`, only those the other version prints somewhere. */
  anchors: string[]
  /** Figures, dates and references as printed, items included, unrestricted. */
  figures: string[]
}

interface Version {
  tree: Paper
  sections: SectionUnit[]
  paragraphs: ParagraphUnit[]
}

function collect(tree: Paper): Version {
  const sections: SectionUnit[] = []
  const paragraphs: ParagraphUnit[] = []
  const addParagraph = (p: Paragraph, section: number) => {
    const words = fullText(p)
    paragraphs.push({node: p, section, text: ownText(p), anchors: anchorsOf(words), figures: figuresOf(words)})
  }
  const walk = (nodes: readonly AnyNode[], section: number) => {
    // Items right under a heading (since 1.5) align as the unnumbered paragraph they make together.
    let run: Item[] = []
    const flushRun = () => {
      if (run.length === 0) return
      const position = {start: run[0]!.position.start, end: run[run.length - 1]!.position.end}
      addParagraph({type: 'paragraph', number: null, marker: null, children: run, position}, section)
      run = []
    }
    for (const node of nodes) {
      if (node.type === 'item') {
        run.push(node)
        continue
      }
      flushRun()
      if (node.type === 'section') {
        const s = node
        sections.push({
          node: s,
          parent: section,
          anchors: anchorsOf(s.title),
          side: {kind: 'section', title: s.title, depth: s.depth, key: s.key, position: s.position}
        })
        walk(s.children, sections.length - 1)
      } else if (node.type === 'appendix') {
        const a = node
        const title = [a.marker, a.label, a.title].filter(Boolean).join(' ')
        const key = a.label ? `appendix-${a.label}` : 'appendix'
        sections.push({node: a, parent: section, anchors: anchorsOf(a.title ?? ''), side: {kind: 'appendix', title, depth: 1, key, position: a.position}})
        walk(a.children, sections.length - 1)
      } else if (node.type === 'paragraph') addParagraph(node, section)
    }
    flushRun()
  }
  walk(tree.children, -1)
  return {tree, sections, paragraphs}
}

/** The words of a paragraph or item, without its items, spaces tidied. */
export function ownText(node: Paragraph | Item): string {
  return ownWords(node).replace(/\s+/g, ' ').trim()
}

/** The words of a paragraph or item with those of its items. */
function fullText(node: Paragraph | Item): string {
  const parts = [ownText(node)]
  for (const child of node.children) if (child.type === 'item') parts.push(fullText(child))
  return parts.join(' ')
}

/** Keep only anchors that the other version prints somewhere: a name only one language writes is no anchor. */
function restrict(version: Version, vocabulary: Set<string>): void {
  for (const unit of version.paragraphs) unit.anchors = unit.anchors.filter((token) => vocabulary.has(token))
  for (const unit of version.sections) unit.anchors = unit.anchors.filter((token) => vocabulary.has(token))
}

function vocabularyOf(version: Version): Set<string> {
  const set = new Set<string>()
  const add = (tokens: string[]) => tokens.forEach((token) => set.add(token))
  for (const unit of version.paragraphs) add(unit.anchors)
  for (const unit of version.sections) add(unit.anchors)
  for (const unit of version.paragraphs) visit(unit.node, 'item', (item) => add(anchorsOf(fullText(item))))
  return set
}

/** In how many units each anchor appears. */
function documentFrequency(units: {anchors: string[]}[]): Map<string, number> {
  const df = new Map<string, number>()
  for (const unit of units) for (const token of new Set(unit.anchors)) df.set(token, (df.get(token) ?? 0) + 1)
  return df
}

// ---------------------------------------------------------------- scoring

type NumberRelation = 'same' | 'different' | 'missing' | 'none'

function numberRelation(a: string | null, b: string | null): NumberRelation {
  if (a === null && b === null) return 'none'
  if (a === null || b === null) return 'missing'
  return a === b ? 'same' : 'different'
}

interface Scored extends Candidate {
  shared: string[]
  relation: NumberRelation
  /** Both sides print figures, dates or references and share none of them. */
  conflict: boolean
  by: PairBasis
  /** Paired by number with the numbering shifted by this much (Chinese minus English), as the anchored pairs around it are. */
  shift?: number
}

/**
 * Weight of the anchors two units share: each counts its `anchorWeight`
 * when it is in one unit of each version, and 1/k of that when in k units.
 */
function evidence(shared: string[], dfA: Map<string, number>, dfB: Map<string, number>): number {
  let sum = 0
  for (const token of new Set(shared)) sum += anchorWeight(token) / Math.max(dfA.get(token) ?? 1, dfB.get(token) ?? 1, 1)
  return sum
}

/** Does the unit print a strong anchor (a date, a reference, a month, a percentage) that one unit of each version prints? Then it pairs by that anchor or not at all. */
function pointsElsewhere(anchors: string[], dfOwn: Map<string, number>, dfOther: Map<string, number>): boolean {
  return anchors.some((token) => anchorWeight(token) >= 0.8 && dfOwn.get(token) === 1 && dfOther.get(token) === 1)
}

/**
 * Score of pairing two units. Agreeing numbers pair them (1; more with
 * shared anchors; 0.3 when each prints figures and they share none), unless
 * one of them prints a strong anchor that a unit of the other version
 * prints: then the pair is that one. Without agreeing numbers, only anchors
 * pair them, and only anchors rare and strong enough to tell paragraphs
 * apart (evidence of 0.5 or more). Shared anchors weigh more than an
 * agreeing number: a shifted numbering shows as anchored pairs that cross
 * the printed numbers, and they must win over the few number pairs they
 * displace.
 */
function score(
  i: number,
  j: number,
  relation: NumberRelation,
  a: {anchors: string[]; figures: string[]},
  b: {anchors: string[]; figures: string[]},
  dfA: Map<string, number>,
  dfB: Map<string, number>,
  agreeBy: PairBasis
): Scored | null {
  const shared = sharedAnchors(a.anchors, b.anchors)
  const d = dice(a.anchors, b.anchors)
  const e = Math.min(evidence(shared, dfA, dfB), 2)
  const anchored = 2 * (d + e)
  if (relation === 'same') {
    if (shared.length > 0) return {i, j, score: 1 + anchored, shared, relation, conflict: false, by: agreeBy}
    if (pointsElsewhere(a.anchors, dfA, dfB) || pointsElsewhere(b.anchors, dfB, dfA)) return null
    const conflict = a.figures.length > 0 && b.figures.length > 0 && sharedAnchors(a.figures, b.figures).length === 0
    return {i, j, score: conflict ? 0.3 : 1, shared, relation, conflict, by: agreeBy}
  }
  if (shared.length === 0 || e < 0.5) return null
  return {i, j, score: anchored - (relation === 'different' ? 0.25 : 0), shared, relation, conflict: false, by: 'anchors'}
}

// ---------------------------------------------------------------- align

export function align(first: Paper, second: Paper, options: AlignOptions = {}): Alignment {
  const messages: AlignMessage[] = []
  const firstSide = sideOf(first, second)
  const [zhTree, enTree] = firstSide === 'zh' ? [first, second] : [second, first]
  const names = options.names ?? [null, null]
  const [zhName, enName] = firstSide === 'zh' ? names : [names[1], names[0]]
  const byPosition = options.byPosition ?? true
  const ctx: Context = {first: firstSide, names: {zh: zhName ?? null, en: enName ?? null}, byPosition, messages}

  if (first.lang.startsWith('zh') === second.lang.startsWith('zh')) {
    messages.push(warn('align/same-language', `both versions read as ${langName(first.lang)}: the first is taken as the Chinese version`, 'zh', null, null))
  }
  checkSamePaper(zhTree, enTree, messages)

  const zh = collect(zhTree)
  const en = collect(enTree)
  const zhWords = vocabularyOf(zh)
  const enWords = vocabularyOf(en)
  const common = new Set([...zhWords].filter((token) => enWords.has(token)))
  restrict(zh, common)
  restrict(en, common)

  // 1. Paragraphs by number and anchors.
  const dfZh = documentFrequency(zh.paragraphs)
  const dfEn = documentFrequency(en.paragraphs)
  const m = en.paragraphs.length
  const initial = paragraphCandidates(zh, en, dfZh, dfEn)
  const candidates = shifted(initial, bestChain(initial, m), zh, en, dfZh, dfEn)

  // 2. Sections, with the paragraph pairs as their content.
  const sectionPairs = alignSections(zh, en, bestChain(candidates, m))
  const zhSectionPair = new Map<number, number>()
  const enSectionPair = new Map<number, number>()
  sectionPairs.forEach(([i, j], k) => {
    zhSectionPair.set(i, k)
    enSectionPair.set(j, k)
  })

  // Paragraphs in two sections paired with others are not a pair, unless anchors say so.
  const crosses = (c: Scored) => {
    const a = zhSectionPair.get(zh.paragraphs[c.i]!.section)
    const b = enSectionPair.get(en.paragraphs[c.j]!.section)
    return a !== undefined && b !== undefined && a !== b && c.shared.length === 0
  }
  const chain = bestChain(
    candidates.filter((c) => !crosses(c)),
    m
  )

  // 3. A lone paragraph on each side between two pairs, in one pair of sections.
  const pairs: Scored[] = [...chain]
  if (byPosition) for (const pair of fillGaps(zh, en, chain, zhSectionPair, enSectionPair)) pairs.push(pair)
  pairs.sort((a, b) => a.i - b.i)

  // Output: sections in reading order.
  const sections: SectionPair[] = []
  const zhSectionOut = new Map<number, number>()
  const enSectionOut = new Map<number, number>()
  const sectionBasis = new Map(sectionPairs.map(([i, j, by]) => [`${i},${j}`, by]))
  mergeOrder(
    zh.sections.length,
    en.sections.length,
    sectionPairs.map(([i, j]) => [i, j]),
    (i, j) => {
      const index = sections.length
      if (i !== null) zhSectionOut.set(i, index)
      if (j !== null) enSectionOut.set(j, index)
      sections.push({
        zh: i === null ? null : zh.sections[i]!.side,
        en: j === null ? null : en.sections[j]!.side,
        by: i !== null && j !== null ? sectionBasis.get(`${i},${j}`)! : null
      })
      if (i === null || j === null) {
        const unit = i !== null ? zh.sections[i]! : en.sections[j!]!
        const side: Side = i !== null ? 'zh' : 'en'
        const what = unit.side.kind === 'appendix' ? `appendix "${unit.side.title}"` : `section "${unit.side.title}"`
        messages.push(warn('align/unpaired', `${what} has no counterpart in the ${otherName(side)} version`, side, unit.side.position, null))
      }
    }
  )

  // Output: paragraphs in reading order.
  const paragraphs: ParagraphPair[] = []
  const byIndex = new Map(pairs.map((pair) => [pair.i, pair]))
  mergeOrder(
    zh.paragraphs.length,
    en.paragraphs.length,
    pairs.map((pair) => [pair.i, pair.j]),
    (i, j) => {
      const u = i === null ? null : zh.paragraphs[i]!
      const v = j === null ? null : en.paragraphs[j]!
      const section = u && u.section >= 0 ? zhSectionOut.get(u.section)! : v && v.section >= 0 ? enSectionOut.get(v.section)! : null
      const pair = i !== null && j !== null ? byIndex.get(i)! : null
      const out: ParagraphPair = {
        section,
        zh: u ? paragraphSide(u) : null,
        en: v ? paragraphSide(v) : null,
        ...basis(pair)
      }
      if (u && v && pair) {
        reportPair(pair, u, v, ctx)
        out.items = firstSide === 'zh' ? alignItems(u.node, v.node, ctx) : alignItems(v.node, u.node, ctx)
      } else {
        const unit = (u ?? v)!
        const side: Side = u ? 'zh' : 'en'
        messages.push(warn('align/unpaired', `${describe(unit.node)} has no counterpart in the ${otherName(side)} version`, side, unit.node.position, null))
        out.items = lonelyItems(unit.node, side)
      }
      paragraphs.push(out)
    }
  )

  if (pairs.length === 0 && zh.paragraphs.length > 0 && en.paragraphs.length > 0) {
    messages.push(
      warn('align/nothing-paired', 'no paragraph of one version pairs with any of the other: are these two versions of the same paper?', 'zh', null, null)
    )
  }

  messages.sort((a, b) => (a.side === b.side ? (a.place?.start.offset ?? -1) - (b.place?.start.offset ?? -1) : a.side === firstSide ? -1 : 1))
  return {
    first: firstSide,
    zh: info(zhTree, zhName ?? null),
    en: info(enTree, enName ?? null),
    header: alignHeader(zhTree, enTree),
    signature: {zh: signatureLines(zhTree), en: signatureLines(enTree)},
    sections,
    paragraphs,
    messages
  }
}

function signatureLines(tree: Paper): string[] | null {
  const signature = tree.children.find((node) => node.type === 'signature')
  return signature && signature.type === 'signature' ? signature.children.map((line) => line.value) : null
}

function sideOf(first: Paper, second: Paper): Side {
  const a = first.lang.startsWith('zh')
  const b = second.lang.startsWith('zh')
  if (a !== b) return a ? 'zh' : 'en'
  return 'zh'
}

function langName(lang: Lang): string {
  return lang === 'en' ? 'English' : 'Chinese'
}

function otherName(side: Side): string {
  return side === 'zh' ? 'English' : 'Chinese'
}

function warn(ruleId: string, reason: string, side: Side, place: Position | null, other: Position | null): AlignMessage {
  return {reason, ruleId, source: 'legco', severity: 'warning', place, side, other}
}

function info(tree: Paper, file: string | null): PaperInfo {
  return {file, lang: tree.lang, paperNo: tree.meta.paperNo, title: tree.meta.title}
}

function checkSamePaper(zh: Paper, en: Paper, messages: AlignMessage[]): void {
  const a = zh.meta.paperNo?.replace(/\s+/g, '')
  const b = en.meta.paperNo?.replace(/\s+/g, '')
  const header = (tree: Paper) => tree.children.find((node) => node.type === 'header')?.position ?? null
  if (a && b && a !== b) {
    messages.push(warn('align/different-paper', `the paper numbers differ: ${a} and ${b} in the English version`, 'zh', header(zh), header(en)))
  }
  const c = zh.meta.meetingDate
  const d = en.meta.meetingDate
  if (c && d && c !== d) {
    messages.push(warn('align/different-paper', `the meeting dates differ: ${c} and ${d} in the English version`, 'zh', header(zh), header(en)))
  }
}

function alignHeader(zh: Paper, en: Paper): FieldPair[] {
  const fields = (tree: Paper) => {
    const header = tree.children.find((node) => node.type === 'header')
    return header && header.type === 'header' ? header.children : []
  }
  const a = fields(zh)
  const b = fields(en)
  const pairs: FieldPair[] = []
  const usedB = new Set<number>()
  for (const field of a) {
    const j = b.findIndex((other, index) => !usedB.has(index) && other.name === field.name)
    if (j >= 0) usedB.add(j)
    pairs.push({name: field.name, zh: field.value, en: j >= 0 ? b[j]!.value : null})
  }
  b.forEach((field, index) => {
    if (!usedB.has(index)) pairs.push({name: field.name, zh: null, en: field.value})
  })
  return pairs
}

function paragraphSide(unit: ParagraphUnit): ParagraphSide {
  const side: ParagraphSide = {number: unit.node.number, marker: unit.node.marker, text: unit.text, position: unit.node.position}
  if (unit.node.inferred) side.inferred = true
  return side
}

function describe(node: Paragraph | Item): string {
  if (node.type === 'paragraph') return node.number === null ? 'an unnumbered paragraph' : `paragraph ${node.number}`
  return node.label === null ? `item ${node.marker}` : `item (${node.label})`
}

/** Where the pair's other half is: `paragraph 1 of en.txt:14:1`, or `… of the English version (line 14, column 1)` with no file names. */
function counterpart(node: Paragraph | Item, side: Side, ctx: Context): string {
  const {line, column} = node.position.start
  const name = ctx.names[side]
  return name
    ? `${describe(node)} of ${name}:${line}:${column}`
    : `${describe(node)} of the ${side === 'zh' ? 'Chinese' : 'English'} version (line ${line}, column ${column})`
}

function second(first: Side): Side {
  return first === 'zh' ? 'en' : 'zh'
}

/** What the pairing steps share: the order of the arguments, the options, the warnings so far. */
/** What a pair of paragraphs or items says of how it was paired: nothing when one side stands alone. Its inner items come later. */
function basis(pair: Scored | null): {by: PairBasis | null; anchors: string[]; items: ItemPair[]} {
  return {by: pair ? pair.by : null, anchors: pair ? pair.shared : [], items: []}
}

interface Context {
  first: Side
  names: Record<Side, string | null>
  byPosition: boolean
  messages: AlignMessage[]
}

/**
 * Walk two sequences in reading order, calling `emit` for each pair and
 * each unpaired entry; within a gap between two pairs, the entries of the
 * first sequence come before those of the second.
 */
function mergeOrder(n: number, m: number, pairs: [number, number][], emit: (i: number | null, j: number | null) => void): void {
  let i = 0
  let j = 0
  for (const [pi, pj] of [...pairs, [n, m] as [number, number]]) {
    while (i < pi) emit(i++, null)
    while (j < pj) emit(null, j++)
    if (pi < n && pj < m) emit(pi, pj)
    i = pi + 1
    j = pj + 1
  }
}

// ---------------------------------------------------------------- paragraphs

/** Paragraphs of one number up to this many a side are all paired with each other; beyond, only those near in rank. */
const ALIKE_ALL = 16
const ALIKE_WINDOW = 8

function paragraphCandidates(zh: Version, en: Version, dfZh: Map<string, number>, dfEn: Map<string, number>): Scored[] {
  const candidates = new Map<string, Scored>()
  const consider = (i: number, j: number) => {
    const key = `${i},${j}`
    if (candidates.has(key)) return
    const u = zh.paragraphs[i]!
    const v = en.paragraphs[j]!
    const scored = score(i, j, numberRelation(u.node.number, v.node.number), u, v, dfZh, dfEn, 'number')
    if (scored) candidates.set(key, scored)
  }
  const byNumber = new Map<string, number[]>()
  en.paragraphs.forEach((unit, j) => {
    if (unit.node.number === null) return
    const list = byNumber.get(unit.node.number) ?? []
    list.push(j)
    byNumber.set(unit.node.number, list)
  })
  const byAnchor = new Map<string, number[]>()
  en.paragraphs.forEach((unit, j) => {
    for (const token of new Set(unit.anchors)) {
      const list = byAnchor.get(token) ?? []
      list.push(j)
      byAnchor.set(token, list)
    }
  })
  const zhCount = new Map<string, number>()
  for (const unit of zh.paragraphs) if (unit.node.number !== null) zhCount.set(unit.node.number, (zhCount.get(unit.node.number) ?? 0) + 1)
  const zhRank = new Map<string, number>()
  zh.paragraphs.forEach((unit, i) => {
    if (unit.node.number !== null) {
      const list = byNumber.get(unit.node.number) ?? []
      const count = zhCount.get(unit.node.number)!
      const rank = zhRank.get(unit.node.number) ?? 0
      zhRank.set(unit.node.number, rank + 1)
      if (list.length <= ALIKE_ALL && count <= ALIKE_ALL) for (const j of list) consider(i, j)
      else {
        // A number many paragraphs share (numbering that restarts, or none but `1.`): the r-th Chinese one is
        // paired with the English ones about as far along that number's list, not with all (n x m; issue 10).
        const near = Math.round((rank * list.length) / count)
        for (let t = Math.max(0, near - ALIKE_WINDOW); t <= Math.min(list.length - 1, near + ALIKE_WINDOW); t++) consider(i, list[t]!)
      }
    }
    for (const token of new Set(unit.anchors)) {
      const list = byAnchor.get(token) ?? []
      // An anchor in many paragraphs tells none apart: it scores pairs, it does not propose them.
      if (list.length > 2 && (dfZh.get(token) ?? 0) > 2) continue
      for (const j of list) consider(i, j)
    }
  })
  return [...candidates.values()]
}

/**
 * Where pairs confirmed by shared anchors show the numbering shifted (the
 * English 1 is the Chinese 3), the paragraphs around them follow the same
 * shift: pair them by the shifted number, and not by the printed one, which
 * would pair the wrong paragraphs. A paragraph's shift is that of the
 * anchored pairs before and after it when they agree, or of the one there
 * is; where they disagree, a paragraph was added or dropped in between and
 * neither the printed nor a shifted number can be trusted.
 */
function shifted(candidates: Scored[], chain: Scored[], zh: Version, en: Version, dfZh: Map<string, number>, dfEn: Map<string, number>): Scored[] {
  const numeric = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : null)
  const anchored = chain.filter(
    (pair) => pair.shared.length > 0 && numeric(zh.paragraphs[pair.i]!.node.number) !== null && numeric(en.paragraphs[pair.j]!.node.number) !== null
  )
  if (!anchored.some((pair) => pair.relation === 'different')) return candidates
  const shiftOf = (pair: Scored) => numeric(zh.paragraphs[pair.i]!.node.number)! - numeric(en.paragraphs[pair.j]!.node.number)!
  // For each Chinese paragraph: the shift there, or null when it cannot be told, or undefined when no anchored pair bears on it.
  // The chain runs in order of i (strictly): one sweep finds the anchored pairs before and after each paragraph.
  let next = 0
  const shifts: (number | null | undefined)[] = zh.paragraphs.map((_, i) => {
    while (next < anchored.length && anchored[next]!.i < i) next++
    const before: Scored | undefined = anchored[next - 1]
    if (anchored[next]?.i === i) return undefined
    const after: Scored | undefined = anchored[next]
    if (before && after) return shiftOf(before) === shiftOf(after) ? shiftOf(before) : null
    if (before) return shiftOf(before)
    if (after) return shiftOf(after)
    return undefined
  })
  const kept = candidates.filter((c) => {
    if (c.relation !== 'same' || c.shared.length > 0) return true
    const shift = shifts[c.i]
    return shift === undefined || shift === 0
  })
  const byNumber = new Map<number, number[]>()
  en.paragraphs.forEach((unit, j) => {
    const n = numeric(unit.node.number)
    if (n !== null) byNumber.set(n, [...(byNumber.get(n) ?? []), j])
  })
  const have = new Set(kept.map((c) => `${c.i},${c.j}`))
  zh.paragraphs.forEach((unit, i) => {
    const shift = shifts[i]
    const n = numeric(unit.node.number)
    if (shift === undefined || shift === null || shift === 0 || n === null) return
    for (const j of byNumber.get(n - shift) ?? []) {
      if (have.has(`${i},${j}`)) continue
      const v = en.paragraphs[j]!
      const scored = score(i, j, 'same', unit, v, dfZh, dfEn, 'number')
      if (scored) kept.push({...scored, relation: 'different', shift})
    }
  })
  return kept
}

function fillGaps(zh: Version, en: Version, chain: Scored[], zhSectionPair: Map<number, number>, enSectionPair: Map<number, number>): Scored[] {
  const filled: Scored[] = []
  const bounds: [number, number][] = [[-1, -1], ...chain.map((pair): [number, number] => [pair.i, pair.j]), [zh.paragraphs.length, en.paragraphs.length]]
  // The group of a paragraph: its pair of sections ('s3'), or 'top' outside any section; null in an unpaired section.
  const group = (section: number, map: Map<number, number>) => (section < 0 ? 'top' : map.has(section) ? `s${map.get(section)}` : null)
  for (let k = 1; k < bounds.length; k++) {
    const [i0, j0] = bounds[k - 1]!
    const [i1, j1] = bounds[k]!
    const left = new Map<string, number[]>()
    const right = new Map<string, number[]>()
    for (let i = i0 + 1; i < i1; i++) {
      const g = group(zh.paragraphs[i]!.section, zhSectionPair)
      if (g !== null) left.set(g, [...(left.get(g) ?? []), i])
    }
    for (let j = j0 + 1; j < j1; j++) {
      const g = group(en.paragraphs[j]!.section, enSectionPair)
      if (g !== null) right.set(g, [...(right.get(g) ?? []), j])
    }
    for (const [g, is] of left) {
      const js = right.get(g)
      if (is.length !== 1 || !js || js.length !== 1) continue
      const u = zh.paragraphs[is[0]!]!
      const v = en.paragraphs[js[0]!]!
      // Each prints figures, and none of them agree: different paragraphs, however placed.
      if (u.figures.length > 0 && v.figures.length > 0 && sharedAnchors(u.figures, v.figures).length === 0) continue
      filled.push({i: is[0]!, j: js[0]!, score: 0, shared: [], relation: numberRelation(u.node.number, v.node.number), conflict: false, by: 'position'})
    }
  }
  return filled
}

function reportPair(pair: Scored, u: ParagraphUnit, v: ParagraphUnit, ctx: Context): void {
  const {first: firstSide, messages} = ctx
  const [here, there] = firstSide === 'zh' ? [u, v] : [v, u]
  const anchors = pair.shared.length > 0 ? `shared ${[...new Set(pair.shared)].slice(0, 4).map(anchorLabel).join(', ')}` : ''
  const them = counterpart(there.node, second(firstSide), ctx)
  if (pair.shift !== undefined) {
    const how = pair.conflict ? '; they share no figure, date or name: check the pair' : anchors ? ` (and by ${anchors})` : ''
    messages.push(
      warn(
        'align/number-mismatch',
        `${describe(here.node)} pairs with ${them}: the numbering differs by ${Math.abs(pair.shift)} here, as in the pairs around it that share figures or names${how}`,
        firstSide,
        here.node.position,
        there.node.position
      )
    )
  } else if (pair.relation === 'different' || pair.relation === 'missing') {
    const basis = pair.by === 'position' ? 'by position only: nothing else confirms it' : `by ${anchors}`
    const numbers = pair.relation === 'different' ? 'the numbers differ' : 'one of them is not numbered'
    messages.push(
      warn('align/number-mismatch', `${describe(here.node)} pairs with ${them} ${basis}; ${numbers}`, firstSide, here.node.position, there.node.position)
    )
  } else if (pair.by === 'position') {
    messages.push(
      warn(
        'align/by-position',
        `${describe(here.node)} pairs with ${them} by position only: nothing else confirms it`,
        firstSide,
        here.node.position,
        there.node.position
      )
    )
  } else if (pair.conflict) {
    messages.push(
      warn(
        'align/anchor-mismatch',
        `${describe(here.node)} pairs with ${them} by number, but they share no figure, date or name: check the pair`,
        firstSide,
        here.node.position,
        there.node.position
      )
    )
  }
}

// ---------------------------------------------------------------- sections

/** Pairs of section indices with what they rest on, in order. */
function alignSections(zh: Version, en: Version, chain: Scored[]): [number, number, PairBasis][] {
  const n = zh.sections.length
  const m = en.sections.length
  if (n === 0 || m === 0) return []
  const ancestors = (version: Version, index: number) => {
    const list: number[] = []
    for (let k = index; k >= 0; k = version.sections[k]!.parent) list.push(k)
    return list
  }
  // Support: paragraph pairs inside both sections (directly: 1; deeper: 0.3).
  const support = new Map<string, number>()
  for (const pair of chain) {
    const a = zh.paragraphs[pair.i]!.section
    const b = en.paragraphs[pair.j]!.section
    if (a < 0 || b < 0) continue
    for (const s of ancestors(zh, a)) {
      for (const t of ancestors(en, b)) {
        const key = `${s},${t}`
        support.set(key, (support.get(key) ?? 0) + (s === a && t === b ? 1 : 0.3))
      }
    }
  }
  const candidates: (Candidate & {by: PairBasis})[] = []
  for (let i = 0; i < n; i++) {
    const s = zh.sections[i]!
    for (let j = 0; j < m; j++) {
      const t = en.sections[j]!
      if (s.side.kind !== t.side.kind) continue
      if (s.side.key && t.side.key && s.side.key !== t.side.key) continue
      const keyed = s.side.key !== null && s.side.key === t.side.key
      const content = support.get(`${i},${j}`) ?? 0
      const title = sharedAnchors(s.anchors, t.anchors).length > 0 ? dice(s.anchors, t.anchors) : 0
      if (!keyed && content === 0 && title === 0) continue
      const value = (keyed ? 3 : 0) + content + title + (s.side.depth === t.side.depth ? 0.2 : 0)
      candidates.push({i, j, score: value, by: keyed ? 'key' : 'content'})
    }
  }
  const chained: [number, number, PairBasis][] = bestChain(candidates, m).map((c) => [c.i, c.j, c.by])
  // Between two pairs, sections alike in number and depth pair by position.
  const filled: [number, number, PairBasis][] = []
  const bounds: [number, number][] = [[-1, -1], ...chained.map(([i, j]): [number, number] => [i, j]), [n, m]]
  for (let k = 1; k < bounds.length; k++) {
    const [i0, j0] = bounds[k - 1]!
    const [i1, j1] = bounds[k]!
    const count = i1 - i0 - 1
    if (count === 0 || count !== j1 - j0 - 1) continue
    let alike = true
    for (let d = 1; d <= count; d++) {
      const s = zh.sections[i0 + d]!.side
      const t = en.sections[j0 + d]!.side
      if (s.depth !== t.depth || s.kind !== t.kind || (s.key && t.key && s.key !== t.key)) alike = false
    }
    if (alike) for (let d = 1; d <= count; d++) filled.push([i0 + d, j0 + d, 'position'])
  }
  return [...chained, ...filled].sort((a, b) => a[0] - b[0])
}

// ---------------------------------------------------------------- items

function itemSide(item: Item): ItemSide {
  return {label: item.label, marker: item.marker, text: ownText(item), position: item.position}
}

/** The place of an item in its list, whatever its style: (c), (iii), 3. and the third bullet are all 3. */
function ordinal(item: Item, index: number): number {
  const label = item.label
  if (label === null) return index + 1
  switch (item.style) {
    case 'lower-alpha':
    case 'upper-alpha':
      return lettersValue(label)
    case 'lower-roman':
    case 'upper-roman':
      return romanSum(label)
    case 'decimal':
      return Number(label)
    default:
      return index + 1
  }
}

function lonelyItems(node: Paragraph | Item, side: Side): ItemPair[] {
  return itemsOf(node).map((item) => ({
    zh: side === 'zh' ? itemSide(item) : null,
    en: side === 'en' ? itemSide(item) : null,
    by: null,
    anchors: [],
    items: lonelyItems(item, side)
  }))
}

/** Pair the items of `a` (in the first version) with those of `b` (in the second), by label, then anchors, then place. */
function alignItems(a: Paragraph | Item, b: Paragraph | Item, ctx: Context): ItemPair[] {
  const {first: firstSide, byPosition, messages} = ctx
  const left = itemsOf(a)
  const right = itemsOf(b)
  if (left.length === 0 && right.length === 0) return []
  const leftAnchors = left.map((item) => anchorsOf(fullText(item)))
  const rightAnchors = right.map((item) => anchorsOf(fullText(item)))
  const common = new Set(leftAnchors.flat().filter((token) => rightAnchors.some((list) => list.includes(token))))
  const la = leftAnchors.map((list) => list.filter((token) => common.has(token)))
  const ra = rightAnchors.map((list) => list.filter((token) => common.has(token)))
  const lf = left.map((item) => figuresOf(fullText(item)))
  const rf = right.map((item) => figuresOf(fullText(item)))
  const dfL = documentFrequency(la.map((anchors) => ({anchors})))
  const dfR = documentFrequency(ra.map((anchors) => ({anchors})))
  const candidates: (Scored & {labelsDiffer: boolean})[] = []
  left.forEach((x, i) => {
    right.forEach((y, j) => {
      const sameOrdinal = ordinal(x, i) === ordinal(y, j)
      const sameLabel = x.label === null && y.label === null ? sameOrdinal : x.label !== null && x.label === y.label && sameFamily(x, y)
      const relation: NumberRelation = sameLabel || sameOrdinal ? 'same' : 'different'
      const scored = score(i, j, relation, {anchors: la[i]!, figures: lf[i]!}, {anchors: ra[j]!, figures: rf[j]!}, dfL, dfR, 'label')
      if (scored) candidates.push({...scored, score: scored.score - (sameLabel ? 0 : 0.1), labelsDiffer: !sameLabel})
    })
  })
  const chain = bestChain(candidates, right.length)
  const pairs: (Scored & {labelsDiffer: boolean})[] = [...chain]
  if (byPosition) {
    const bounds: [number, number][] = [[-1, -1], ...chain.map((pair): [number, number] => [pair.i, pair.j]), [left.length, right.length]]
    for (let k = 1; k < bounds.length; k++) {
      const [i0, j0] = bounds[k - 1]!
      const [i1, j1] = bounds[k]!
      const x = lf[i0 + 1]
      const y = rf[j0 + 1]
      if (i1 - i0 === 2 && j1 - j0 === 2 && !(x!.length > 0 && y!.length > 0 && sharedAnchors(x!, y!).length === 0)) {
        pairs.push({i: i0 + 1, j: j0 + 1, score: 0, shared: [], relation: 'different', conflict: false, by: 'position', labelsDiffer: true})
      }
    }
    pairs.sort((x, y) => x.i - y.i)
  }
  const byIndex = new Map(pairs.map((pair) => [pair.i, pair]))
  const out: ItemPair[] = []
  mergeOrder(
    left.length,
    right.length,
    pairs.map((pair) => [pair.i, pair.j]),
    (i, j) => {
      const x = i === null ? null : left[i]!
      const y = j === null ? null : right[j]!
      const pair = i !== null && j !== null ? byIndex.get(i)! : null
      const [zhItem, enItem] = firstSide === 'zh' ? [x, y] : [y, x]
      const entry: ItemPair = {
        zh: zhItem ? itemSide(zhItem) : null,
        en: enItem ? itemSide(enItem) : null,
        ...basis(pair)
      }
      if (x && y && pair) {
        const them = counterpart(y, second(firstSide), ctx)
        if (pair.by === 'position') {
          messages.push(
            warn('align/by-position', `${describe(x)} pairs with ${them} by position only: nothing else confirms it`, firstSide, x.position, y.position)
          )
        } else if (pair.labelsDiffer) {
          const basis = pair.relation === 'same' ? 'by its place in the list' : `by shared ${[...new Set(pair.shared)].slice(0, 4).map(anchorLabel).join(', ')}`
          messages.push(warn('align/label-mismatch', `${describe(x)} pairs with ${them} ${basis}; the labels differ`, firstSide, x.position, y.position))
        } else if (pair.conflict) {
          messages.push(
            warn(
              'align/anchor-mismatch',
              `${describe(x)} pairs with ${them} by label, but they share no figure, date or name: check the pair`,
              firstSide,
              x.position,
              y.position
            )
          )
        }
        entry.items = alignItems(x, y, ctx)
      } else {
        const item = (x ?? y)!
        const side: Side = x ? firstSide : firstSide === 'zh' ? 'en' : 'zh'
        messages.push(warn('align/unpaired', `${describe(item)} has no counterpart in the ${otherName(side)} version`, side, item.position, null))
        entry.items = lonelyItems(item, side)
      }
      out.push(entry)
    }
  )
  return out
}

function sameFamily(a: Item, b: Item): boolean {
  const family = (item: Item) => (item.style === 'upper-alpha' ? 'lower-alpha' : item.style === 'upper-roman' ? 'lower-roman' : item.style)
  return family(a) === family(b) || a.label!.toLowerCase() === b.label!.toLowerCase()
}
