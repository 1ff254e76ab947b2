/**
 * The English minutes' Action column: a narrow column beside the text,
 * headed `Action`, where the clerk writes who is to act on a paragraph
 * (`Admin`, `Clerk`, `ALA2`). In text extracted from a PDF the column comes
 * out as short lines of their own among the paragraph's lines, before it, or
 * as the tail of a line after a wide gap (a tab, several spaces).
 *
 * Read on the lines, before tokenising: the column's heading becomes
 * furniture (it stands at the top of the column, on every page, like a
 * running header); the column's words are taken out of the text and become
 * the `action` of the paragraph they stand beside (`attachActions`, once the
 * tree is built). Only where the record has the column (its heading is
 * printed), so that a short line elsewhere is never taken for one; a line
 * `Action: Admin` (our Markdown's way of writing it) is one anywhere.
 */
import {squeeze} from '../../lang/chars.js'
import {ACTION_HEADING, ACTION_LABELLED, ACTION_WORD, COLUMN_GAP, PARAGRAPH_START} from '../../lang/meetings.js'
import type {Line} from '../../normalise/lines.js'
import type {Paper, Paragraph} from '../../tree.js'
import {paragraphsOf} from '../../walk.js'

/** An action read from the column: its words, and an offset inside the text it stands beside. */
export interface Action {
  value: string
  at: number
}

/** Longest line of the column (a post's initials, two or three of them). */
const MAX_ACTION = 40

/**
 * Read the Action column of `lines` from index `from` (the body: after the
 * attendance lists). Changes `lines` in place: the heading becomes
 * furniture, a line whose tail is the column loses its tail. Returns the
 * actions, the lines that held nothing but the column (to leave out of
 * the tokens), and furniture cut out of lines (a heading at a line's end, the
 * label of `Action: Admin`).
 */
export function readActionColumn(lines: Line[], from: number): {actions: Action[]; dropped: Set<Line>; furniture: Line[]} {
  const actions: Action[] = []
  const dropped = new Set<Line>()
  const furniture: Line[] = []
  const content = (line: Line) => !line.blank && !line.furniture
  let column = false
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!
    // The heading repeated on every page may already be a running header.
    if (line.blank || (line.furniture && line.furniture !== 'running-header')) continue
    if (ACTION_HEADING.test(squeeze(line.text))) {
      column = true
      line.furniture = 'running-header'
    } else if (!line.furniture && ACTION_HEADING.test(columnTail(line.text)?.words ?? '')) column = true
  }
  // Runs of the column's lines, read together (`Admin` / `Clerk` beside one paragraph): indices of consecutive lines.
  let run: number[] = []
  const flush = () => {
    if (run.length === 0) return
    const held = run.map((k) => lines[k]!)
    const words: string[] = []
    for (const line of held) {
      const labelled = ACTION_LABELLED.exec(line.text)
      if (!labelled) {
        words.push(line.text)
        continue
      }
      // `Action:` is a label, not the action's words: furniture (our Markdown's markup).
      const at = line.text.length - labelled[1]!.length
      furniture.push(piece(line, 0, line.text.slice(0, at).trimEnd().length, 'markup'))
      words.push(labelled[1]!)
    }
    const value = words.join(' ')
    actions.push({value, at: besides(lines, run[0]!, run[run.length - 1]! + 1, ACTION_LABELLED.test(held[0]!.text), from)})
    for (const line of held) dropped.add(line)
    run = []
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!
    if (!content(line)) {
      flush()
      continue
    }
    const text = squeeze(line.text)
    const labelled = ACTION_LABELLED.test(line.text)
    if (labelled || (column && text.length <= MAX_ACTION && ACTION_WORD.test(text))) {
      // A labelled line starts an action of its own.
      if (labelled) flush()
      run.push(i)
      continue
    }
    flush()
    if (!column) continue
    // `… was requested to provide the figures<tab>Admin`: the column's words at the line's end.
    const tail = columnTail(line.text)
    if (!tail || tail.words.length > MAX_ACTION || !(ACTION_WORD.test(tail.words) || ACTION_HEADING.test(tail.words))) continue
    const head = line.text.slice(0, tail.gap).trimEnd()
    // `IV.   MTR`: words after a number alone are the line's own (a heading), not the column.
    if (!/\s/.test(head)) continue
    if (ACTION_HEADING.test(tail.words)) furniture.push(piece(line, tail.start, line.text.length, 'running-header'))
    else actions.push({value: line.text.slice(tail.start), at: line.start})
    // The tail is measured on the line as it was: cut it after.
    line.text = head
    line.end = line.start + head.length
    line.tabbedEnd = false
  }
  flush()
  return {actions, dropped, furniture}
}

/** What follows a line's last wide gap (where its words start, where the gap starts, the words squeezed), or null. */
function columnTail(text: string): {start: number; gap: number; words: string} | null {
  let last: RegExpExecArray | null = null
  for (const match of text.matchAll(COLUMN_GAP)) last = match
  if (!last || last.index === 0) return null
  const start = last.index + last[0].length
  if (start >= text.length) return null
  return {start, gap: last.index, words: squeeze(text.slice(start))}
}

/** The characters `from`…`to` of a line's text, as a line of furniture of their own. */
function piece(line: Line, from: number, to: number, kind: 'markup' | 'running-header'): Line {
  return {...line, start: line.start + from, end: line.start + to, text: line.text.slice(from, to), indent: 0, furniture: kind, tabbed: false, tabbedEnd: false}
}

/**
 * Where the column's lines `first`…`end - 1` stand: before the paragraph
 * that starts on the next line, when one does (and no blank line parts them
 * from it while none parts them from the text above); else beside the text
 * above (the paragraph they interrupt or end). `labelled` lines (our
 * Markdown's) always follow their paragraph.
 */
function besides(lines: Line[], first: number, end: number, labelled: boolean, from: number): number {
  let above: Line | null = null
  let blankAbove = false
  for (let k = first - 1; k >= from; k--) {
    const line = lines[k]!
    if (line.blank) blankAbove = true
    else if (!line.furniture) {
      above = line
      break
    }
  }
  let below: Line | null = null
  let blankBelow = false
  for (let k = end; k < lines.length; k++) {
    const line = lines[k]!
    if (line.blank) blankBelow = true
    else if (!line.furniture) {
      below = line
      break
    }
  }
  const before = !labelled && below !== null && PARAGRAPH_START.test(below.text) && !(blankBelow && !blankAbove && above !== null)
  if (before || !above) return below ? below.start : lines[first]!.start
  return above.start
}

/**
 * Give each action to the paragraph it stands beside: the innermost one
 * holding its offset, else the first paragraph after it, else the last one.
 */
export function attachActions(tree: Paper, actions: readonly Action[]): void {
  if (actions.length === 0) return
  const paragraphs = paragraphsOf(tree)
  if (paragraphs.length === 0) return
  for (const action of actions) {
    let target: Paragraph | undefined
    for (const paragraph of paragraphs) {
      if (paragraph.position.start.offset <= action.at && action.at < paragraph.position.end.offset) target = paragraph
    }
    target ??= paragraphs.find((paragraph) => paragraph.position.start.offset >= action.at) ?? paragraphs[paragraphs.length - 1]!
    target.action = target.action ? `${target.action} ${action.value}` : action.value
  }
}
