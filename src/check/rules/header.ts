/**
 * The header: the paper number, file reference, committee and dates a
 * paper of its kind carries, each well formed, and dates in order.
 */
import {findDates} from '../../lang/dates.js'
import {
  BRANCHED_PREFIXES,
  FILE_REF_FORM,
  FILE_REF_SEPARATOR,
  padEnclosure,
  FILE_REF_LINE,
  PAPER_NUMBER_INTENT,
  PAPER_NUMBER_LINE,
  normalisePaperNumber
} from '../../lang/papers.js'
import type {Field, Header, Paper, Position} from '../../tree.js'
import {HEADER_NEED_NAMES, HEADER_NEEDS, ISSUED_AFTER_MEETING, type HeaderNeed} from '../data.js'
import {lintRule} from '../rule.js'
import type {RuleContext} from '../types.js'

function headerOf(tree: Paper): Header | null {
  const first = tree.children[0]
  return first && first.type === 'header' ? first : null
}

function fields(tree: Paper): Field[] {
  return headerOf(tree)?.children ?? []
}

/** Where a paper-level problem is shown: the header, else the first line. */
function headerPlace(context: RuleContext): Position {
  const header = headerOf(context.tree)
  return context.locate.startOf(header ?? context.tree)
}

/** Header lines meant to state the paper number. */
function paperNumberFields(tree: Paper): Field[] {
  return fields(tree).filter((field) => field.name === 'paperNo' || PAPER_NUMBER_INTENT.test(field.value.trim()))
}

export const headerFields = lintRule(
  {
    id: 'header-fields',
    severity: 'warning',
    category: 'header',
    summary: 'a header field the paper needs is missing: paper number, file reference, committee, meeting date'
  },
  (context) => {
    const {meta} = context.tree
    const needs = new Set<HeaderNeed>((meta.kind && HEADER_NEEDS[meta.kind]) || HEADER_NEEDS.all)
    for (const need of needs) {
      if (meta[need] !== null) continue
      if (need === 'paperNo' && paperNumberFields(context.tree).length > 0) continue // malformed: header-paper-number says so
      if (need === 'meetingDate' && fields(context.tree).some((field) => findDates(field.value).some((date) => date.iso === null))) continue // date-valid says so
      const name = HEADER_NEED_NAMES[need]
      const kind = meta.kind ? ` (${meta.kind.replace(/-/g, ' ')})` : ''
      context.report(`the header has no ${name.en}${kind}`, headerPlace(context), `add a line such as: ${name.example}`)
    }
  }
)

/** The session years of a paper number: `/09-10` -> [2009, 2010], `/2024` -> [2024, 2024]. */
export function sessionOf(paperNo: string): {from: number; to: number; printed: string; calendar: boolean} | null {
  const session = /\/(\d{2})-(\d{2})/.exec(paperNo)
  const century = (yy: number) => (yy >= 90 ? 1900 : 2000) + yy
  if (session) return {from: century(Number(session[1])), to: century(Number(session[2])), printed: `${session[1]}-${session[2]}`, calendar: false}
  const year = /\/(\d{4})(?!\d)/.exec(paperNo)
  if (year) return {from: Number(year[1]), to: Number(year[1]), printed: year[1]!, calendar: true}
  return null
}

export const headerPaperNumber = lintRule(
  {
    id: 'header-paper-number',
    severity: 'error',
    category: 'header',
    summary: 'a paper number that is not well formed: CB(1)369/2024(05), CB(2)1218/09-10, LS37'
  },
  (context) => {
    for (const field of paperNumberFields(context.tree)) {
      const value = field.value.trim()
      const lead = field.value.indexOf(value)
      const match = PAPER_NUMBER_LINE.exec(value)
      if (!match) {
        context.report(
          `the paper number line “${value}” does not hold a well-formed paper number`,
          context.locate.within(field, lead, lead + value.length),
          'write it as CB(n)NNN/YYYY(NN), CB(n)NNN/YY-YY(NN) or LSNN, e.g. 立法會 CB(1)369/2024(05)號文件 / LC Paper No. CB(1)369/2024(05)'
        )
        continue
      }
      const printed = match[1]!
      const at = lead + value.indexOf(printed)
      const place = context.locate.within(field, at, at + printed.length)
      const number = normalisePaperNumber(printed)
      const prefix = /^[A-Z]+/.exec(number)![0]
      if (BRANCHED_PREFIXES.has(prefix) && !/^[A-Z]+\(\d\)/.test(number)) {
        context.report(
          `paper number ${number} has no branch: ${prefix} numbers carry it in brackets`,
          place,
          `write it as ${prefix}(n)${number.slice(prefix.length)}, n being the branch (1 to 4)`
        )
      }
      const session = sessionOf(number)
      if (session && !session.calendar && session.to !== session.from + 1) {
        const fixed = `${session.printed.slice(0, 2)}-${String((session.from + 1) % 100).padStart(2, '0')}`
        context.report(`paper number ${number}: session ${session.printed} is not one legislative year`, place, `a session spans two years in a row: ${fixed}`)
      }
      if (session?.calendar && (session.from < 1997 || session.from > new Date().getUTCFullYear() + 1)) {
        context.report(`paper number ${number}: ${session.printed} is not a year of the Council`, place, 'check the year in the number')
      }
      const enclosure = /\((\d)\)(?:-\(\d+\))?$/.exec(number)
      if (enclosure && /\/\d/.test(number)) {
        // The fix pads the printed enclosure (in whatever width it is printed), checked by reading the result back.
        const padded = padEnclosure(printed)
        const wanted = number.replace(/\((\d)\)((?:-\(\d+\))?)$/, '(0$1)$2')
        context.report(
          `paper number ${number}: enclosure (${enclosure[1]}) has one digit`,
          place,
          `write it with two digits: (0${enclosure[1]})`,
          padded !== printed && normalisePaperNumber(padded) === wanted ? {expect: printed, text: padded} : undefined
        )
      }
    }
  }
)

export const headerFileReference = lintRule(
  {
    id: 'header-file-reference',
    severity: 'error',
    category: 'header',
    summary: 'a file reference that is not in the form CB1/PL/ITB'
  },
  (context) => {
    for (const field of fields(context.tree)) {
      const match = FILE_REF_LINE.exec(field.value.trim())
      if (!match) continue
      const reference = match[1]!.trim()
      const compact = reference.replace(/\s*\/\s*/g, '/')
      if (FILE_REF_FORM.test(compact)) continue
      const at = field.value.indexOf(reference)
      // Fixable when only the separators (- \ ／ or spaced slashes) or the case are wrong: CB1-PL-ITB, cb1/pl/itb.
      // Dashes stand for the slashes only where no slash is written (in CB4/PL/ITB-1 a dash is part of a name).
      const slashed = (reference.includes('/') ? reference.replace(/\s*\/\s*/g, '/') : reference.replace(FILE_REF_SEPARATOR, '/')).toUpperCase()
      context.report(
        `file reference “${reference}” is not in the form CB1/PL/ITB`,
        context.locate.within(field, at, at + reference.length),
        'write the office, then the file path in capitals separated by slashes, e.g. CB1/PL/ITB or CB4/PL/ITB/1',
        FILE_REF_FORM.test(slashed) ? {expect: reference, text: slashed} : undefined
      )
    }
  }
)

function datePlace(context: RuleContext, wanted: string): Position | null {
  for (const field of fields(context.tree)) {
    for (const date of findDates(field.value)) if (date.iso === wanted) return context.locate.within(field, date.start, date.end)
  }
  return null
}

function signatureDatePlace(context: RuleContext, wanted: string): Position | null {
  for (const node of context.tree.children) {
    if (node.type !== 'signature') continue
    for (const line of node.children) {
      for (const date of findDates(line.value)) if (date.iso === wanted) return context.locate.within(line, date.start, date.end)
    }
  }
  return null
}

export const headerDates = lintRule(
  {
    id: 'header-dates',
    severity: 'error',
    category: 'header',
    summary: 'the meeting date before the issue date, or dates outside the session of the paper number'
  },
  (context) => {
    const {meta} = context.tree
    const {meetingDate, issueDate} = meta
    if (meetingDate && issueDate) {
      const place = datePlace(context, meetingDate) ?? headerPlace(context)
      if (meta.kind && ISSUED_AFTER_MEETING.has(meta.kind)) {
        if (issueDate < meetingDate) {
          context.report(
            `the ${meta.kind} are dated ${issueDate}, before the meeting of ${meetingDate} they record`,
            signatureDatePlace(context, issueDate) ?? place,
            'check the meeting date and the date under the signature'
          )
        }
      } else if (meetingDate < issueDate) {
        context.report(
          `the meeting date ${meetingDate} is before the issue date ${issueDate}`,
          place,
          'a paper is issued before the meeting it is for: check the meeting date in the header and the date under the signature'
        )
      }
    }
    if (meta.paperNo) {
      const session = sessionOf(meta.paperNo)
      const date = issueDate ?? meetingDate
      if (session && date && session.to >= session.from) {
        // A session runs from the summer of its first year to the autumn of its second; a calendar-year number may serve a meeting early next year.
        const from = session.calendar ? `${session.from}-01-01` : `${session.from}-06-01`
        const to = session.calendar ? (issueDate ? `${session.to}-12-31` : `${session.to + 1}-06-30`) : `${session.to}-10-31`
        if (date < from || date > to) {
          const field = paperNumberFields(context.tree)[0]
          context.report(
            `paper number ${meta.paperNo} is of ${session.calendar ? 'the year' : 'session'} ${session.printed}, but the paper is dated ${date}`,
            field ? context.locate.startOf(field) : headerPlace(context),
            'check the year in the paper number and the dates'
          )
        }
      }
    }
  }
)
