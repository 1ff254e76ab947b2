/**
 * A clerk's checks of meeting records (minutes, agendas, the Hansard): the
 * agenda items in order, no one listed both present and absent, and the
 * minutes' paragraph numbers running on across the items. Each runs only on
 * the genres that have what it reads.
 */
import {squeeze} from '../../lang/chars.js'
import {markerOpensBracket, numeralAt, numeralOf, type NumeralKind} from '../../lang/numbering.js'
import type {AnyNode, Paper, PaperKind, Paragraph, Person, Section} from '../../tree.js'
import {lintRule} from '../rule.js'
import {paragraphsOf, visit} from '../../walk.js'

const ITEM_KINDS: ReadonlySet<PaperKind> = new Set(['minutes', 'agenda'])
const ATTENDANCE_KINDS: ReadonlySet<PaperKind> = new Set(['minutes', 'hansard'])

/** The numbered sections (agenda items) among each parent's children, one list per parent. */
function itemLists(tree: Paper): Section[][] {
  const lists: Section[][] = []
  const collect = (children: readonly AnyNode[]) => {
    const items = children.filter((node): node is Section => node.type === 'section' && node.number !== undefined)
    if (items.length > 0) lists.push(items)
    for (const node of children) if (node.type === 'section' || node.type === 'appendix') collect(node.children)
  }
  collect(tree.children)
  return lists
}

/** One sequence of item numbers among siblings: its kind of numerals, whether they are bracketed (`（一）` runs apart from `一、`). */
interface Sequence {
  kind: NumeralKind
  bracketed: boolean
  highest: number
  seen: Map<number, Section>
}

/** A single roman letter (`I`, `V`, `X`) that is the next letter of an open sequence of letters is that letter (`H`, `I`, `J`). */
function readAs(number: string, sequences: readonly Sequence[], bracketed: boolean): {kind: NumeralKind; value: number} | null {
  const read = numeralOf(number)
  if (!read || !/^(?:upper|lower)-roman$/.test(read.kind) || number.length !== 1) return read
  const letters = read.kind === 'upper-roman' ? 'upper-alpha' : 'lower-alpha'
  const open = sequences.find((s) => s.kind === letters && s.bracketed === bracketed)
  const place = number.toLowerCase().charCodeAt(0) - 96
  return open && open.highest + 1 === place ? {kind: letters, value: place} : read
}

export const agendaItemOrder = lintRule(
  {
    id: 'agenda-item-order',
    severity: 'warning',
    category: 'sections',
    summary: 'agenda items of minutes or an agenda out of order: a gap, a repeat or a step back in I, II, III…, 1, 2, 3…, 一、二、三… or (1), (2)…'
  },
  (context) => {
    if (!context.tree.meta.kind || !ITEM_KINDS.has(context.tree.meta.kind)) return
    for (const items of itemLists(context.tree)) {
      // Each kind of numbering among the siblings is a sequence of its own (`I.`… beside `（一）`…).
      const sequences: Sequence[] = []
      for (const item of items) {
        const bracketed = markerOpensBracket(item.marker ?? '')
        const read = readAs(item.number!, sequences, bracketed)
        if (!read) continue
        let sequence = sequences.find((s) => s.kind === read.kind && s.bracketed === bracketed)
        const first = sequence === undefined
        if (!sequence) {
          sequence = {kind: read.kind, bracketed, highest: 0, seen: new Map()}
          sequences.push(sequence)
        }
        const {value} = read
        const {highest, seen} = sequence
        const kind = read.kind
        const label = (n: number) => numeralAt(n, kind)
        const place = context.locate.marker(item, item.marker ?? null)
        if (first && value > 1) {
          const missing = value === 2 ? label(1) : `${label(1)} to ${label(value - 1)}`
          context.report(`agenda items start at ${item.number}: ${missing} missing`, place, `number the first item ${label(1)}, or restore the items before it`)
        } else if (seen.has(value)) {
          context.report(
            `agenda item ${item.number} is numbered twice (first at line ${seen.get(value)!.position.start.line})`,
            place,
            `renumber: this item follows ${label(highest)}, so it should be ${label(highest + 1)}`
          )
        } else if (!first && value < highest) {
          context.report(`agenda item ${item.number} comes after item ${label(highest)}`, place, 'put the items in order or renumber them')
        } else if (!first && value > highest + 1) {
          const missing = value === highest + 2 ? `${label(highest + 1)} is` : `${label(highest + 1)} to ${label(value - 1)} are`
          context.report(
            `agenda item ${item.number} follows ${label(highest)}: ${missing} missing`,
            place,
            `renumber it ${label(highest + 1)}, or restore the missing item`
          )
        }
        if (!seen.has(value)) seen.set(value, item)
        sequence.highest = Math.max(highest, value)
      }
    }
  }
)

/** A person's name as the lists compare it: without spaces or case (`楊 森議員` is `楊森議員`). */
function personKey(person: Person): string {
  const name = person.name ?? person.children.map((child) => child.value).join(' ')
  return squeeze(name).replace(/\s+/g, '').normalize('NFKC').toLowerCase()
}

function personName(person: Person): string {
  return person.name ?? person.children.map((child) => child.value).join(' ')
}

export const attendancePresentAbsent = lintRule(
  {
    id: 'attendance-present-absent',
    severity: 'error',
    category: 'header',
    summary: 'a person listed both as present (or attending) and as absent in the attendance of minutes or the Hansard'
  },
  (context) => {
    if (!context.tree.meta.kind || !ATTENDANCE_KINDS.has(context.tree.meta.kind)) return
    const present = new Map<string, Person>()
    const absent: Person[] = []
    visit(context.tree, 'group', (group) => {
      for (const child of group.children) {
        if (child.type !== 'person') continue
        if (group.role === 'present' || group.role === 'attending') {
          const key = personKey(child)
          if (!present.has(key)) present.set(key, child)
        } else if (group.role === 'absent') absent.push(child)
      }
    })
    for (const person of absent) {
      const there = present.get(personKey(person))
      if (!there) continue
      context.report(
        `${personName(person)} is listed as absent and as present (line ${there.position.start.line})`,
        context.locate.startOf(person),
        'take the name off the list it does not belong to'
      )
    }
  }
)

/** The numbered paragraphs of a section, its own and its sub-sections', in order. */
function numberedIn(section: Section): Paragraph[] {
  const found: Paragraph[] = []
  visit(section, 'paragraph', (paragraph) => {
    if (paragraph.number !== null && /^\d+$/.test(paragraph.number)) found.push(paragraph)
  })
  return found
}

export const minutesParagraphRun = lintRule(
  {
    id: 'minutes-paragraph-run',
    severity: 'warning',
    category: 'numbering',
    summary: 'minutes whose paragraph numbers start again under an agenda item instead of running on across the items'
  },
  (context) => {
    if (context.tree.meta.kind !== 'minutes') return
    // Where each numbered paragraph stands in the body's order, to know what came before an item.
    const order = new Map<Paragraph, number>()
    paragraphsOf(context.tree).forEach((paragraph, index) => order.set(paragraph, index))
    const body = paragraphsOf(context.tree).filter((paragraph) => paragraph.number !== null && /^\d+$/.test(paragraph.number))
    for (const items of itemLists(context.tree)) {
      for (let i = 1; i < items.length; i++) {
        const first = numberedIn(items[i]!)[0]
        if (!first) continue
        const at = order.get(first)!
        const before = body.filter((paragraph) => order.get(paragraph)! < at)
        if (before.length === 0) continue
        const highest = Math.max(...before.map((paragraph) => Number(paragraph.number)))
        if (Number(first.number) > highest) continue
        context.report(
          `paragraph ${first.number} starts item ${items[i]!.number}, but the paragraphs before it went up to ${highest}: minutes number their paragraphs on across the items`,
          context.locate.marker(first, first.marker),
          `number on from ${highest + 1}. under this item`
        )
      }
    }
  }
)
