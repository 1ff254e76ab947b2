/**
 * paragraph-numbering: paragraph numbers run 1, 2, 3 … without a gap, a
 * repeat, a step back or a restart. The body is one run; each appendix
 * numbers its own paragraphs.
 */
import type {Paragraph} from '../../tree.js'
import {lintRule} from '../rule.js'
import {paragraphRuns} from '../walk.js'

export const paragraphNumbering = lintRule(
  {
    id: 'paragraph-numbering',
    severity: 'error',
    category: 'numbering',
    summary: 'paragraph numbers with a gap, a duplicate, a step back or a restart'
  },
  (context) => {
    for (const run of paragraphRuns(context.tree)) {
      const numbered = run.paragraphs.filter((p) => p.number !== null && /^\d+$/.test(p.number))
      let seen = new Map<number, Paragraph>()
      let highest = 0
      // The last index each number is printed at: "does k come later?" without copying the rest of the run.
      const lastAt = new Map<number, number>()
      numbered.forEach((p, index) => lastAt.set(Number(p.number), index))
      for (let i = 0; i < numbered.length; i++) {
        const paragraph = numbered[i]!
        const n = Number(paragraph.number)
        // Where its number is, worked out only for a paragraph that is reported.
        const place = () => context.locate.marker(paragraph, paragraph.marker)
        if (i === 0) {
          if (n > 1) {
            const missing = n === 2 ? '1' : `1 to ${n - 1}`
            context.report(
              `paragraph numbering starts at ${n}: ${missing} missing`,
              place(),
              `number the first paragraph 1, or restore the paragraphs before it`
            )
          }
        } else if (n === 1 && highest > 1) {
          context.report(
            `paragraph numbering restarts at 1 after ${highest}`,
            place(),
            `continue the numbering (${highest + 1}.) or, if this starts an annex, give it an annex heading (附件 / Annex)`
          )
          seen = new Map()
          highest = 0
        } else if (seen.has(n)) {
          const first = seen.get(n)!
          context.report(
            `paragraph ${n} is numbered twice (first at line ${first.position.start.line})`,
            place(),
            `renumber: this paragraph follows ${highest}, so it should be ${highest + 1}.`
          )
        } else if (n < highest) {
          context.report(`paragraph ${n} comes after paragraph ${highest}`, place(), `put the paragraphs in order or renumber them`)
        } else if (n > highest + 1) {
          const missing: number[] = []
          for (let k = highest + 1; k < n; k++) if (!((lastAt.get(k) ?? -1) > i)) missing.push(k)
          if (missing.length > 0) {
            const list = missing.length > 3 ? `${missing[0]} to ${missing[missing.length - 1]}` : missing.join(', ')
            context.report(
              `paragraph ${n} follows ${highest}: ${list} ${missing.length === 1 ? 'is' : 'are'} missing`,
              place(),
              `renumber it ${highest + 1}. or restore the missing paragraph${missing.length === 1 ? '' : 's'}`
            )
          }
        }
        seen.set(n, seen.get(n) ?? paragraph)
        highest = Math.max(highest, n)
      }
    }
  }
)

export const paragraphInferred = lintRule(
  {
    id: 'paragraph-inferred',
    severity: 'warning',
    category: 'numbering',
    summary: 'a paragraph whose number is not printed and had to be inferred from its place'
  },
  (context) => {
    for (const run of paragraphRuns(context.tree)) {
      for (const paragraph of run.paragraphs) {
        if (!paragraph.inferred) continue
        context.report(
          `paragraph ${paragraph.number} has no printed number; it was read as ${paragraph.number} from its place`,
          context.locate.startOf(paragraph),
          `print the number (${paragraph.number}.) at the start of the paragraph, or turn this rule off if your house style leaves the first paragraph unnumbered`
        )
      }
    }
  }
)
