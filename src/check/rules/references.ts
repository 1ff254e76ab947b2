/**
 * Cross-references inside the paper: `見上文第 6 段`, `下文第 3 至 5 段`,
 * `paragraph 6 above`, `paragraphs 3 to 5 below` must name paragraphs
 * that exist on the stated side; `附錄`, `附件 A`, `Appendix I`, `Annex A`
 * must name an appendix the paper has.
 */
import {toHalfWidth} from '../../lang/chars.js'
import type {Appendix, Node, Paragraph} from '../../tree.js'
import {APPENDICES_UNREAD} from '../data.js'
import {
  APPENDIX_REFERENCES,
  LABEL_SEPARATOR,
  OTHER_DOCUMENT_AFTER,
  OTHER_DOCUMENT_BEFORE,
  PARAGRAPH_REFERENCES,
  RANGE_WORDS,
  SIDE_WORDS,
  TARGET_LIST_TOKENS
} from '../../lang/references.js'
import {labelKey} from '../../lang/numbering.js'
import {lintRule} from '../rule.js'
import {appendicesOf, blocksOf, halfWidthOf, paragraphRuns, placeIn, visit} from '../walk.js'
import {matchAll} from '../../matches.js'

interface Target {
  number: number
  item: string | null
}

/** `3 至 5`, `3、4 及 5`, `6(b)` -> the paragraphs named. */
export function readTargets(list: string): Target[] {
  const tokens = toHalfWidth(list).match(TARGET_LIST_TOKENS) ?? []
  const targets: Target[] = []
  let range = false
  for (const token of tokens) {
    const number = /^(\d+)(?:\s*\(([a-zA-Z]+)\))?$/.exec(token)
    if (number) {
      const n = Number(number[1])
      const previous = targets[targets.length - 1]
      if (range && previous && n > previous.number && n - previous.number <= 50) {
        for (let k = previous.number + 1; k < n; k++) targets.push({number: k, item: null})
      }
      targets.push({number: n, item: number[2] ?? null})
      range = false
    } else if (RANGE_WORDS.test(token)) range = true
  }
  return targets
}

/** The item labels anywhere inside a paragraph (computed once a paragraph). */
function itemLabels(cache: Map<Paragraph, Set<string>>, paragraph: Paragraph): Set<string> {
  let labels = cache.get(paragraph)
  if (!labels) {
    const found = new Set<string>()
    visit(paragraph, 'item', (node) => {
      if (node.label !== null) found.add(node.label)
    })
    cache.set(paragraph, (labels = found))
  }
  return labels
}

/** A run of paragraphs indexed once: by number, and the range of its numbers. */
interface Scope {
  byNumber: Map<string, Paragraph[]>
  range: string
}

function scopeOf(paragraphs: Paragraph[]): Scope {
  const byNumber = new Map<string, Paragraph[]>()
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const paragraph of paragraphs) {
    if (paragraph.number === null) continue
    const list = byNumber.get(paragraph.number)
    if (list) list.push(paragraph)
    else byNumber.set(paragraph.number, [paragraph])
    const n = Number(paragraph.number)
    if (n < low) low = n
    if (n > high) high = n
  }
  const range = byNumber.size > 0 ? `: the paragraphs run ${low} to ${high}` : ': the paper has no numbered paragraphs'
  return {byNumber, range}
}

export const referenceParagraph = lintRule(
  {
    id: 'reference-paragraph',
    severity: 'error',
    category: 'references',
    summary: 'a reference to a paragraph that does not exist or is on the other side: 見上文第 6 段, paragraph 6 above'
  },
  (context) => {
    const runs = paragraphRuns(context.tree)
    // Each run indexed once; a paragraph knows its run's index (a reference is looked up, not searched for).
    const scopeOfParagraph = new Map<Paragraph, Scope>()
    const scopes = runs.map((run) => scopeOf(run.paragraphs))
    runs.forEach((run, index) => {
      for (const paragraph of run.paragraphs) scopeOfParagraph.set(paragraph, scopes[index]!)
    })
    const labels = new Map<Paragraph, Set<string>>()
    const hasItem = (candidates: Paragraph[], label: string) => candidates.some((p) => itemLabels(labels, p).has(label))
    for (const block of blocksOf(context.tree, context.locate)) {
      if (!block.prose) continue
      const scope = (block.paragraph && scopeOfParagraph.get(block.paragraph)) ?? scopes[0]!
      const from = (block.paragraph ?? block.owner).position.start.offset
      const half = halfWidthOf(block)
      for (const pattern of PARAGRAPH_REFERENCES) {
        for (const match of matchAll(pattern, half)) {
          const groups = match.groups!
          const side = SIDE_WORDS[groups.side!.toLowerCase()] ?? SIDE_WORDS[groups.side!] ?? null
          const quoted = block.value.slice(match.index, match.index + match[0].length)
          // Where it is, worked out only for a reference that is wrong (most are not).
          let at: ReturnType<typeof placeIn> | undefined
          const place = () => (at ??= placeIn(context.locate, block, match.index, match.index + match[0].length))
          for (const target of readTargets(groups.list!)) {
            const candidates = scope.byNumber.get(String(target.number)) ?? []
            if (candidates.length === 0) {
              context.report(`“${quoted}” points to paragraph ${target.number}, which does not exist${scope.range}`, place(), 'correct the paragraph number')
              continue
            }
            if (side) {
              const onSide = candidates.filter((p) => (side === 'above' ? p.position.start.offset < from : p.position.start.offset > from))
              if (onSide.length === 0) {
                const actual = candidates[0]!.position.start.offset === from ? 'this paragraph itself' : side === 'above' ? 'below' : 'above'
                const other = context.zh ? (side === 'above' ? '下文' : '上文') : side === 'above' ? 'below' : 'above'
                context.report(
                  `“${quoted}” says paragraph ${target.number} is ${side}, but it is ${actual} (line ${candidates[0]!.position.start.line})`,
                  place(),
                  actual === 'this paragraph itself' ? 'point to another paragraph, or drop the reference' : `write ${other}, or correct the number`
                )
                continue
              }
              if (target.item && !hasItem(onSide, target.item)) {
                context.report(
                  `“${quoted}” points to item (${target.item}) of paragraph ${target.number}, which has no such item`,
                  place(),
                  'correct the item label'
                )
              }
            } else if (target.item && !hasItem(candidates, target.item)) {
              context.report(
                `“${quoted}” points to item (${target.item}) of paragraph ${target.number}, which has no such item`,
                place(),
                'correct the item label'
              )
            }
          }
        }
      }
    }
  }
)

export {labelKey}

function appendixName(appendix: Appendix): string {
  return [appendix.marker, appendix.label].filter(Boolean).join(' ') || appendix.title || 'an unnamed appendix'
}

export const referenceAppendix = lintRule(
  {
    id: 'reference-appendix',
    severity: 'error',
    category: 'references',
    summary: 'a reference to an appendix the paper does not have: 附錄 II, Annex B'
  },
  (context) => {
    if (context.tree.meta.kind && APPENDICES_UNREAD.has(context.tree.meta.kind)) return
    const appendices = appendicesOf(context.tree)
    const labelled = appendices.filter((a) => a.label !== null)
    const keys = new Set(labelled.map((a) => labelKey(a.label!)))
    const inside = (node: Node) =>
      appendices.some((a) => a.position.start.offset <= node.position.start.offset && node.position.start.offset < a.position.end.offset)
    for (const block of blocksOf(context.tree, context.locate)) {
      if (!block.prose || inside(block.owner)) continue
      const half = halfWidthOf(block)
      for (const pattern of APPENDIX_REFERENCES) {
        for (const match of matchAll(pattern, half)) {
          const before = half.slice(Math.max(0, match.index - 12), match.index)
          const after = half.slice(match.index + match[0].length, match.index + match[0].length + 40)
          if (OTHER_DOCUMENT_BEFORE.test(before) || OTHER_DOCUMENT_AFTER.test(after)) continue
          const quoted = block.value.slice(match.index, match.index + match[0].length).trim()
          const place = placeIn(context.locate, block, match.index, match.index + quoted.length)
          if (appendices.length === 0) {
            context.report(
              `“${quoted}” is referred to, but the paper has no appendix`,
              place,
              'attach the appendix under its heading (附錄 / Appendix) after the signature, or remove the reference'
            )
            continue
          }
          const labels = match.groups!.labels
          if (!labels || labelled.length === 0) continue
          for (const label of labels.split(LABEL_SEPARATOR).filter(Boolean)) {
            if (keys.has(labelKey(label))) continue
            context.report(
              `“${quoted}” names appendix ${label}, which the paper does not have (it has ${labelled.map(appendixName).join(', ')})`,
              place,
              'correct the label, or attach the appendix'
            )
          }
        }
      }
    }
  }
)
