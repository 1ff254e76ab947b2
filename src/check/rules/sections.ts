/** Sections: the ones a kind of paper needs, none empty, none twice. */
import {headingForm, headingName} from '../../lang/headings.js'
import type {AnyNode, Section} from '../../tree.js'
import {REPEATABLE_SECTION_KEYS, REQUIRED_SECTIONS} from '../data.js'
import {lintRule} from '../rule.js'
import {sectionsOf, visit} from '../walk.js'

function bodySections(nodes: AnyNode[]): Section[] {
  const found: Section[] = []
  for (const node of nodes) if (node.type === 'section') visit(node, 'section', (section) => void found.push(section))
  return found
}

export const sectionsRequired = lintRule(
  {
    id: 'sections-required',
    severity: 'error',
    category: 'sections',
    summary: 'a section the kind of paper needs is missing (a background brief has Purpose / 目的)'
  },
  (context) => {
    const {kind} = context.tree.meta
    const groups = kind ? REQUIRED_SECTIONS[kind] : undefined
    if (!groups) return
    const keys = new Set(bodySections(context.tree.children).map((section) => section.key))
    // Minutes' attendance lists are an `attendance` node (read apart), wherever they stand: that is the section.
    visit(context.tree, 'attendance', () => void keys.add('attendance'))
    // Shown where the missing heading would go: the first thing after the header.
    const first = context.tree.children.find((node) => node.type !== 'header') ?? context.tree
    for (const group of groups) {
      if (group.some((key) => keys.has(key))) continue
      const names = group.map((key) => {
        return headingName(key, context.zh ? 'hant' : 'en') ?? key
      })
      context.report(
        `a ${kind!.replace(/-/g, ' ')} needs a ${names.join(' or ')} section; none was found`,
        context.locate.startOf(first),
        `add the heading ${names[0]} before the paragraphs it covers`
      )
    }
  }
)

export const sectionEmpty = lintRule(
  {
    id: 'section-empty',
    severity: 'warning',
    category: 'sections',
    summary: 'a heading with nothing under it (an agenda item may have nothing: `Any other business`)'
  },
  (context) => {
    const agenda = context.tree.meta.kind === 'agenda'
    for (const section of sectionsOf(context.tree)) {
      if (section.children.length > 0 || (agenda && section.number !== undefined)) continue
      context.report(
        `section “${section.title}” is empty`,
        context.locate.heading(section, section.title).position,
        'write its text under the heading, or remove the heading'
      )
    }
  }
)

export const sectionDuplicate = lintRule(
  {
    id: 'section-duplicate',
    severity: 'warning',
    category: 'sections',
    summary: 'the same heading twice in one part of the paper'
  },
  (context) => {
    const check = (children: AnyNode[]) => {
      const byTitle = new Map<string, Section>()
      const byKey = new Map<string, Section>()
      for (const node of children) {
        if (node.type !== 'section') continue
        const section = node
        const form = headingForm(section.title)
        const earlier =
          byTitle.get(form) ?? (section.key && section.depth === 1 && !REPEATABLE_SECTION_KEYS.has(section.key) ? byKey.get(section.key) : undefined)
        if (earlier) {
          context.report(
            earlier.title === section.title
              ? `heading “${section.title}” repeats the heading at line ${earlier.position.start.line}`
              : `heading “${section.title}” is a second ${section.key} section (first: “${earlier.title}” at line ${earlier.position.start.line})`,
            context.locate.heading(section, section.title).position,
            'merge the two sections, or give this one its own title'
          )
        } else {
          byTitle.set(form, section)
          if (section.key) byKey.set(section.key, section)
        }
        check(section.children)
      }
    }
    check(context.tree.children)
    for (const node of context.tree.children) if (node.type === 'appendix') check(node.children)
  }
)
