/**
 * Letters and submissions: a letter's parts around the body a paper's modes
 * read.
 *
 *   letterhead, reference, date, addressee, subject    the header (fields `fileRef`, `date`, `addressee`, `title`, `note`)
 *   salutation                                         a `salutation` node (`各位委員：`, `Dear Members,`)
 *   body                                               sections, paragraphs, items as in any paper
 *   closing                                            a `closing` node (`此致` + the addressee line, `Yours sincerely,`)
 *   signature                                          the sender and date (`Uber 香港團隊 / 2026 年 6 月 4 日`)
 *   attachment                                         `附件：…` / `Annex` opens an appendix: a cover letter and its paper
 *
 * `frameLetter` finds the salutation among the first lines (the header is
 * everything above it, and a short subject line right under it); the
 * `LETTER` modes read the body: a paper's, with the closing, a signature
 * that no signature word starts (a short last block, or short lines down
 * to a date), and attachment lines; `letterMeta` reads the addressee, the
 * committee it names, the subject, the date and the kind.
 */
import {displayWidth, endsSentence, joiner, squeeze, startsContinuation} from '../../lang/chars.js'
import {findDates, firstDate, isDateLine} from '../../lang/dates.js'
import {COMMITTEE_LINE, COUNCIL_LINE, KIND_ONLY_LINE, NOT_COMMITTEE} from '../../lang/header.js'
import {appendixHeading, standardHeadingKey} from '../../lang/headings.js'
import {
  ADDRESSEE_LABEL,
  CLOSING_LEAD,
  EMAIL_FIELD,
  EMAIL_SENT_FIELD,
  CLAUSE_MARK,
  HAN_WORDS,
  SIGNING_FORMULA,
  LETTER_REF,
  LETTERHEAD_LINE,
  MEETING_DATE_AFTER,
  MEETING_DATE_BEFORE,
  SIGNATURE_LABEL,
  SUBJECT_LABEL,
  SUBMISSION_WORDS,
  addresseeCommittee,
  titleCommittee,
  attachmentLine,
  isClosing,
  isEnglishHeadingWords,
  isSalutation,
  isSubmissionTitle
} from '../../lang/letters.js'
import {HEADING_NUMBERING, PARAGRAPH_MARKER, headingNumber} from '../../lang/numbering.js'
import {FILE_REF_LINE, PAPER_NUMBER_LINE} from '../../lang/papers.js'
import {isSenderLine, isSignatureStart, signatureLabelRest} from '../../lang/signature.js'
import type {Line} from '../../normalise/lines.js'
import type {Source} from '../../source.js'
import type {Closing, Field, FieldName, Header, Meta, Salutation, TopContent} from '../../tree.js'
import {isFull, type Block, type ParaBlock, type TextBlock} from '../blocks.js'
import {FOOTNOTE_LINE, type Handler, type Handlers} from '../builder.js'
import {continues, endsWithDatedLines, headingLike} from '../shapes.js'
import {NO, PAPER, first} from '../index.js'
import type {HeaderHooks} from './header.js'

export type LetterKind = 'letter' | 'submission'

/** Content lines searched for a salutation, an addressee and a printed e-mail's head. */
const LOOK = 40
/** Lines searched for the words that say a letter is a submission. */
const KIND_LOOK = 15
/** Content lines searched for a submission's title (the top of the paper: a paper number, the title). */
const TITLE_LOOK = 6
/** A line of a signature or closing: no wider than this. */
const SIGN_WIDTH = 60
/** The last content lines searched for a signing formula. */
const SIGNED_TAIL = 4
/** Lines under a closing read for the sender's. */
const SIGNED_LOOK = 2

/**
 * Is this text a letter or a submission, from its parts: a salutation near
 * the top, the head of a printed e-mail (sender and subject), a
 * submission's signature labels (`提交人：`, `所屬團體：`), a closing
 * under an addressee line, or a letterhead (`Tel No. :`) and a date at the
 * top; or a submission's title at the top (`Submission from …`, `Views of
 * … on …`, `就…提交的意見書`), where it has none of a letter's parts; or
 * a signing formula at its end (`會長周國强謹啟`) under no salutation (a
 * paper of views sent in: a submission). A
 * submission names itself near the top (`意見書`, `submission`) or signs
 * with labels.
 */
export function detectLetter(lines: readonly Line[]): LetterKind | null {
  let seen = 0
  let salutation = false
  let addressee = false
  let email = 0
  let subject = false
  let closing = false
  let named = false
  let letterhead = false
  let dateTop = false
  let titled = false
  const labels = new Set<string>()
  /** The content lines after the last closing formula: a sender signs under it. */
  let after: string[] | null = null
  for (const line of lines) {
    if (line.blank || line.furniture) continue
    seen++
    if (after && after.length < SIGNED_LOOK) after.push(line.text)
    if (line.text.length > 160) continue
    const text = squeeze(line.text.trim())
    if (seen <= LOOK) {
      if (isSalutation(text)) salutation = true
      if (ADDRESSEE_LABEL.test(text)) addressee = true
      if (EMAIL_FIELD.test(text)) email++
      if (SUBJECT_LABEL.test(text)) subject = true
      if (seen <= KIND_LOOK && SUBMISSION_WORDS.test(text)) named = true
      if (seen <= KIND_LOOK && LETTERHEAD_LINE.test(text)) letterhead = true
      if (seen <= KIND_LOOK && isDateLine(text)) dateTop = true
      if (seen <= TITLE_LOOK && isSubmissionTitle(text)) titled = true
    }
    if (isClosing(text)) {
      closing = true
      after = []
    }
    const label = SIGNATURE_LABEL.exec(text)
    if (label) labels.add(label[0].replace(/\s/g, ''))
  }
  const signedWithLabels = labels.size >= 2
  // Signed with a formula among the last lines (`會長周國强謹啟`) under no greeting: a paper of views sent in.
  const content = lines.filter((line) => !line.blank && !line.furniture)
  const formula = content.slice(-SIGNED_TAIL).some((line) => SIGNING_FORMULA.test(squeeze(line.text.trim())))
  // With no salutation: a closing with the sender's short lines under it (`此致` / `…小組委員會` / `離島居民協會`, `Yours sincerely,` / `Chan Tai Man`).
  const signed = after !== null && after.length > 0 && after.every((text) => signLine(text) && !isClosing(text))
  const views = formula && !salutation && email < 2
  if (!(titled || views || salutation || (email >= 2 && subject) || signedWithLabels || (closing && (addressee || signed)) || (letterhead && dateTop)))
    return null
  return titled || views || named || signedWithLabels ? 'submission' : 'letter'
}

/** Where a letter's parts stand among its lines: the salutation's line, and a subject line right under it. */
export interface LetterFrame {
  salutation: Line
  /** A short line under the salutation that is the letter's title (`Uber 就「…」提交政策意見書`). */
  subject: Line | null
  /** The lines above the body (the header's, and the subject's). */
  top: Line[]
  /** The lines of the body, from under the salutation (or the subject) on. */
  body: Line[]
}

export function frameLetter(lines: readonly Line[]): LetterFrame | null {
  let seen = 0
  for (let s = 0; s < lines.length; s++) {
    const line = lines[s]!
    if (line.blank || line.furniture) continue
    if (++seen > LOOK) break
    if (!isSalutation(line.text)) continue
    let t = s + 1
    while (t < lines.length && (lines[t]!.blank || lines[t]!.furniture)) t++
    const next = lines[t]
    let after = t + 1
    while (after < lines.length && lines[after]!.furniture) after++
    const subject =
      next &&
      (SUBJECT_LABEL.test(squeeze(next.text)) ||
        (displayWidth(next.text) <= SIGN_WIDTH &&
          !endsSentence(next.text) &&
          !PARAGRAPH_MARKER.test(next.text) &&
          !numberedHeadingLine(next.text) &&
          !isClosing(next.text) &&
          (after >= lines.length || lines[after]!.blank)))
        ? next
        : null
    const top = lines.slice(0, s).concat(subject ? [subject] : [])
    return {salutation: line, subject, top, body: lines.slice(subject ? t + 1 : s + 1)}
  }
  return null
}

/** The salutation as a node. */
export function salutationNode(line: Line, source: Source): Salutation {
  const position = source.position(line.start, line.end)
  return {type: 'salutation', children: [{type: 'text', value: source.text.slice(line.start, line.end), position}], position}
}

// The header ------------------------------------------------------------------

/**
 * Each line of a letter's header is a field of its own (an address is not
 * run together with the subject under it): letterhead lines and the fields
 * of an e-mail's head are notes, a date line is the letter's `date`, a
 * labelled addressee (`致：`, `To:`) the `addressee`, a subject line or any
 * other line a `title` (`letterMeta` then tells the addressee block apart).
 */
export const LETTER_HEADER: HeaderHooks = {
  ends(raw) {
    return isSalutation(raw) || numberedHeadingLine(raw)
  },
  name(raw): FieldName | null {
    const text = squeeze(raw.trim())
    if (PAPER_NUMBER_LINE.test(text) || FILE_REF_LINE.test(text) || COUNCIL_LINE.test(text) || KIND_ONLY_LINE.test(text)) return null
    if (COMMITTEE_LINE.test(text) && !NOT_COMMITTEE.test(text)) return null
    if (SUBJECT_LABEL.test(text)) return 'title'
    if (ADDRESSEE_LABEL.test(text)) return 'addressee'
    if (EMAIL_FIELD.test(text) || LETTERHEAD_LINE.test(text)) return 'note'
    if (isDateLine(text)) return 'date'
    if (LETTER_REF.test(text)) return 'fileRef'
    return 'title'
  }
}

/** `A. Our concerns`, `I. Introduction`, `一、審慎推出`: a numbered heading, where the body starts (no field of the header). */
function numberedHeadingLine(raw: string): boolean {
  const text = squeeze(raw.trim())
  if (!HEADING_NUMBERING.test(text) || displayWidth(text) > SIGN_WIDTH || endsSentence(text)) return false
  const found = headingNumber(text)
  if (!found) return false
  return HAN_WORDS.test(found.rest) ? !CLAUSE_MARK.test(found.rest) : isEnglishHeadingWords(found.rest, false)
}

/** Fields that a blank line does not part: one printed block of the header. */
function fieldGroups(fields: readonly Field[], source: Source): Field[][] {
  const groups: Field[][] = []
  for (const field of fields) {
    const last = groups[groups.length - 1]
    const previous = last?.[last.length - 1]
    const between = previous ? source.text.slice(previous.position.end.offset, field.position.start.offset) : ''
    if (last && !/\n[ \t]*\r?\n/.test(between)) last.push(field)
    else groups.push([field])
  }
  return groups
}

/**
 * A letter's meta from its header and signature: the addressee (a labelled
 * line, or the block of lines under the date, or the council and committee
 * lines above the salutation), the committee it names, the subject as the
 * title, the letter's date as the issue date when the signature has none,
 * and the kind. A date at the top of a letter is its date, not a meeting's.
 */
export function letterMeta(children: TopContent[], meta: Meta, source: Source, kind: LetterKind, framed: boolean): void {
  const header = children[0]?.type === 'header' ? (children[0] as Header) : null
  const fields = header?.children ?? []
  const groups = fieldGroups(fields, source)
  // A labelled addressee (`致：…小組委員會`) is the addressee though it names a committee.
  let addressee: Field[] = fields.filter((field) => field.name === 'addressee' || ADDRESSEE_LABEL.test(squeeze(field.value)))
  const dated = groups.findIndex((group) => group.some((field) => field.name === 'date'))
  if (addressee.length === 0 && dated >= 0) {
    // The block under the date, when the subject stands apart under it (or nothing does): name, post, address.
    const block = groups[dated + 1]
    if (block && block.length >= 2 && block.every((field) => field.name === 'title' || field.name === 'committee' || field.name === 'council'))
      addressee = block
  }
  if (addressee.length === 0 && framed) {
    // Above a salutation: the council and committee lines, and the notes (an e-mail address) under them.
    const at = fields.findIndex((field) => field.name === 'council' || field.name === 'committee')
    if (at >= 0) {
      let end = at
      while (end + 1 < fields.length && ['council', 'committee', 'note'].includes(fields[end + 1]!.name)) end++
      addressee = fields.slice(at, end + 1)
    }
  }
  for (const field of addressee) if (field.name === 'title') field.name = 'addressee'
  meta.addressee = addressee.map((field) => ADDRESSEE_LABEL.exec(squeeze(field.value))?.[1]?.trim() ?? field.value)
  // No addressee above the letter: the line under its `此致` names it (`此致` / `渡輪服務小組委員會`).
  if (meta.addressee.length === 0) {
    const under = closingAddressee(children)
    if (under) meta.addressee = [under]
  }
  if (!meta.committee || addressee.some((field) => field.name === 'committee')) {
    for (const line of meta.addressee) {
      const committee = addresseeCommittee(line)
      if (committee) {
        meta.committee = committee
        break
      }
    }
  }
  // A title that says whom the paper is sent to (`Submission to the Panel on Transport`) names the committee no line of its own names.
  if (!meta.committee) {
    for (const field of fields) {
      const committee = field.name === 'title' ? titleCommittee(field.value) : null
      if (committee) {
        meta.committee = committee
        break
      }
    }
  }
  // The title: the subject line, or the other title lines, without the addressee's.
  // A title the paper's issuer gave it (`…於2026年6月10日提交的意見書`) comes before the sender's subject line.
  // A subject wrapped over lines: the title lines right under it in its printed block go on with it.
  const titles = fields.filter((field) => field.name === 'title')
  const subject = titles.find((field) => SUBJECT_LABEL.test(squeeze(field.value)))
  const subjectGroup = subject ? groups.find((group) => group.includes(subject)) : undefined
  const wrapped: Field[] = []
  if (subject && subjectGroup) {
    for (const field of subjectGroup.slice(subjectGroup.indexOf(subject) + 1)) {
      if (field.name !== 'title' || SUBJECT_LABEL.test(squeeze(field.value))) break
      wrapped.push(field)
    }
  }
  const own = titles.filter((field) => field !== subject && !wrapped.includes(field))
  const joined = (parts: string[]) => parts.reduce((all, part) => (all ? all + joiner(all, part) : '') + part, '')
  if (own.length > 0) meta.title = joined(own.map((field) => field.value))
  else if (subject) meta.title = joined([SUBJECT_LABEL.exec(squeeze(subject.value))![1]!.trim(), ...wrapped.map((field) => field.value.trim())])
  else meta.title = null
  const reference = fields.find((field) => field.name === 'fileRef')
  if (reference && !meta.fileRef) meta.fileRef = LETTER_REF.exec(squeeze(reference.value))?.[1]?.trim() ?? null
  const date = fields.find((field) => field.name === 'date')
  // A printed e-mail with no date signed is dated by its head's `已傳送：` / `Sent:` line.
  const sent = fields.find((field) => field.name === 'note' && EMAIL_SENT_FIELD.test(squeeze(field.value.trim())))
  if (!meta.issueDate) meta.issueDate = signatureLabelDate(children) ?? (date ? firstDate(date.value) : null) ?? (sent ? firstDate(sent.value) : null)
  if (date && meta.meetingDate === firstDate(date.value)) meta.meetingDate = null
  meta.meetingDate ??= mentionedMeeting(children, source)
  if (meta.kind !== 'submission') meta.kind = kind
}

/** The addressee's line under a closing's `此致`, or null. */
function closingAddressee(nodes: readonly TopContent[]): string | null {
  for (const node of nodes) {
    if (node.type === 'closing') {
      const [lead, line] = node.children
      if (lead && line && CLOSING_LEAD.test(squeeze(lead.value))) return line.value.trim()
    } else if (node.type === 'section') {
      const found = closingAddressee(node.children as TopContent[])
      if (found) return found
    }
  }
  return null
}

/** How many paragraphs of the letter's start are read for the meeting it is for. */
const MEETING_LOOK = 3

/** The date of the meeting the letter's first paragraphs say it is for (`…將於 2026 年 6 月 8 日討論…`), or null. */
function mentionedMeeting(children: readonly TopContent[], source: Source): string | null {
  let seen = 0
  const visit = (nodes: readonly unknown[]): string | null => {
    for (const node of nodes as {type: string; children?: unknown[]; position: {start: {offset: number}; end: {offset: number}}}[]) {
      if (seen >= MEETING_LOOK) return null
      if (node.type === 'paragraph') {
        seen++
        const text = source.text.slice(node.position.start.offset, node.position.end.offset)
        for (const match of findDates(text)) {
          if (!match.iso) continue
          if (
            MEETING_DATE_BEFORE.test(text.slice(Math.max(0, match.start - 80), match.start)) ||
            MEETING_DATE_AFTER.test(text.slice(match.end, match.end + 12))
          )
            return match.iso
        }
      } else if (node.type === 'section' || node.type === 'appendix') {
        const found = visit(node.children ?? [])
        if (found) return found
      }
    }
    return null
  }
  return visit(children)
}

/** `日期：2026年6月4日` in a submission's signature block. */
function signatureLabelDate(children: TopContent[]): string | null {
  for (const node of children) {
    if (node.type !== 'signature') continue
    for (const line of node.children) {
      if (SIGNATURE_LABEL.test(squeeze(line.value))) {
        const date = firstDate(line.value)
        if (date) return date
      }
    }
  }
  return null
}

// The body --------------------------------------------------------------------

/** A line a signature may hold: short, and no sentence (a signature's word, or a label alone, `提交人：`, may end in a stop). */
function signLine(text: string): boolean {
  return displayWidth(text) <= SIGN_WIDTH && (!endsSentence(text) || isSignatureStart(text) || signatureLabelRest(text) === '')
}

/** `附件：「…」政策意見書` / `Annex`: the attached paper begins, an appendix titled by the rest of the line. */
const attachment: Handler<TextBlock> = (b, block, i) => {
  const line = block.lines[0]!
  const found = attachmentLine(line.text)
  if (!found || !b.hasBody()) return NO
  b.openAppendix(found.label, found.marker, line.start)
  const opened = b.out[b.out.length - 1]
  if (opened?.type === 'appendix') {
    opened.title = found.title
    opened.position = b.source.position(line.start, line.end)
  }
  b.mode = 'appendix'
  if (block.lines.length > 1) return b.take({...block, lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false}, i)
  return i
}

/** `此致` (with the addressee's line under it), `Yours sincerely,`: the closing; the signature follows. */
const closing: Handler<TextBlock> = (b, block, i) => {
  const line = block.lines[0]!
  if (!b.hasBody() || !isClosing(line.text)) return NO
  const lines = [line]
  let used = i
  let rest = block.lines.slice(1)
  if (CLOSING_LEAD.test(squeeze(line.text))) {
    // `此致` / `立法會…委員會`: the addressee's line belongs to the closing (the sender's, `…謹啟`, does not).
    const following = b.blocks[i + 1]
    const next = rest[0] ?? (following?.kind === 'text' && following.lines.length === 1 ? following.lines[0] : undefined)
    if (next && signLine(next.text) && !isSignatureStart(next.text) && !isDateLine(next.text) && !endsSentence(next.text)) {
      lines.push(next)
      if (rest[0] === next) rest = rest.slice(1)
      else used = i + 1
    }
  }
  const node: Closing = {
    type: 'closing',
    children: lines.map((one) => ({type: 'text', value: b.source.text.slice(one.start, one.end), position: b.source.position(one.start, one.end)})),
    position: b.source.position(lines[0]!.start, lines[lines.length - 1]!.end)
  }
  b.out.push(node)
  b.unit = null
  b.mode = 'closed'
  if (rest.length > 0) return b.take({...block, lines: rest, pieces: block.pieces.slice(block.lines.length - rest.length), gapBefore: false}, used)
  return used
}

/** After the closing: the signature, whatever words start it. */
const signAfterClosing: Handler<TextBlock> = (b, block, i) => {
  if (!signLine(block.lines[0]!.text)) {
    b.mode = 'signed'
    return b.take(block, i)
  }
  const {used, rest} = b.sign(block, i)
  b.mode = 'signed'
  return rest ? b.take(rest, used) : used
}

/** The last words of a paragraph or item, or null. */
function lastText(node: {children: readonly {type: string; value?: string}[]}): string | null {
  const last = node.children[node.children.length - 1]
  return last?.type === 'text' ? (last.value ?? null) : null
}

/** Does this block end the letter's own text (an attachment, an appendix, a note or nothing follows)? */
function endsLetter(next: Block | undefined): boolean {
  if (!next) return true
  if (next.kind === 'table' || next.kind === 'heading') return true
  if (next.kind !== 'text') return false
  const text = next.lines[0]!.text
  return attachmentLine(text) !== null || appendixHeading(text) !== null || FOOTNOTE_LINE.test(text)
}

/**
 * A signature that no signature word starts: a submission's labelled
 * block (`提交人：…`), or a few short lines that are the letter's last
 * (`(Mrs Carrie Yau)` / `Director of Administration`) or end in a date
 * (`Uber 香港團隊` / `2026 年 6 月 4 日`).
 */
const letterSignature: Handler<TextBlock> = (b, block, i) => {
  if (!b.hasBody()) return NO
  const labelled = SIGNATURE_LABEL.test(squeeze(block.lines[0]!.text))
  if (!labelled) {
    // The end of a paragraph a page cut (no gap wider than the page's, the sentence unfinished) is no sender.
    const last = b.unit ? lastText(b.unit.node) : null
    if (block.pageTurn && !block.wideGap && last !== null && !endsSentence(last)) return NO
    let count = 0
    let dated = false
    let end = i
    for (let j = i; j < b.blocks.length && !dated; j++) {
      const here = j === i ? block : b.blocks[j]!
      if (here.kind !== 'text' || (j > i && endsLetter(here))) break
      for (const line of here.lines) {
        // A name, a post, a group or a date: no body sentence left without its stop, no heading.
        if (!signLine(line.text) || !(isDateLine(line.text) || isSenderLine(line.text))) return NO
        count++
        if (isDateLine(line.text)) dated = true
      }
      end = j
    }
    if (count === 0 || count > 6 || !(dated ? count > 1 : endsLetter(b.blocks[end + 1]))) return NO
  }
  const {used, rest} = b.sign(block, i)
  b.mode = 'signed'
  return rest ? b.take(rest, used) : used
}

/**
 * A body sentence left without its stop above a letter's sender and date (`希望政府今年內檢討票價` /
 * `離島居民協會` / `2031年3月3日`) is the body's, not the signature's first line: where a paper's rule would
 * sign the short lines down to the date, the lines down to the last one that names no sender are
 * prose (or more of the paragraph a page cut), and the rest is read afresh.
 */
const unsignedSentence: Handler<TextBlock> = (b, block, i) => {
  if (!b.hasBody() || SIGNATURE_LABEL.test(squeeze(block.lines[0]!.text)) || !endsWithDatedLines(block, b.blocks, i)) return NO
  let cut = -1
  block.lines.forEach((line, k) => {
    if (!isDateLine(line.text) && !isSenderLine(line.text)) cut = k
  })
  if (cut < 0) return NO
  const head: TextBlock = {...block, lines: block.lines.slice(0, cut + 1), pieces: block.pieces.slice(0, cut + 1)}
  if (b.unit && continues(b.unit.node, head, b.width, b.source.paged, b.unitSuffix, b.blocks[i + 1])) b.extend(head)
  else b.prose(head)
  if (cut + 1 < block.lines.length)
    return b.take({...block, lines: block.lines.slice(cut + 1), pieces: block.pieces.slice(cut + 1), gapBefore: false, pageTurn: false}, i)
  return i
}

/**
 * A letter's numbered point is one printed block (letters and submissions
 * are written with a blank line between paragraphs): a block after it is a
 * paragraph of its own, not more of the point (`1.人為製造稀缺…` / `在管理經濟學中…`),
 * and so is a closing sentence after the last point. A page break that cuts
 * the point is left to the paper's rules, and so is text after the point's
 * items (its own words). In text that is not from a PDF, a blank line ends
 * the point only after a finished sentence (a blank line there may be layout
 * damage). Ends the point and lets the paper's rules read the block.
 */
const pointEnds: Handler<TextBlock> = (b, block) => {
  const paragraph = b.paragraph
  if (!paragraph || paragraph.number === null || !block.gapBefore || (block.pageTurn && !block.wideGap)) return NO
  const last = paragraph.children[paragraph.children.length - 1]
  if (last?.type !== 'text' || !(b.source.paged || endsSentence(last.value))) return NO
  b.endParagraph()
  return NO
}

/**
 * `1. Background`, `2. Artificially Capping Supply Drives Up Costs for Citizens`: in an English letter or
 * submission a number before a few words with no stop is a heading, told apart from a numbered point by
 * what follows. A block of its own with prose under it (not the next point: `1. More ferries` / `2.
 * Lower fares` is a list of points), or, where the paragraph goes on in the same block, a line in Title
 * Case that the wrap did not cut. A section whose number and marker finish() splits off its title, as a
 * paper's are. Chinese points (`1.人為製造稀缺`) stay numbered paragraphs: their headings are told by
 * their own numbering (`一、`).
 */
const numberedHeading: Handler<ParaBlock> = (b, block, i) => {
  if (b.markdown) return NO
  const line = block.lines[0]!
  const found = headingNumber(line.text.trim())
  if (!found || found.number !== block.token.number) return NO
  const own = block.lines.length === 1
  if (!isEnglishHeadingWords(found.rest, !own)) return NO
  if (own) {
    const next = b.blocks[i + 1]
    if (!next || !(next.kind === 'text' || next.kind === 'table') || endsLetter(next)) return NO
    if (next.kind === 'text' && (isClosing(next.lines[0]!.text) || isSenderLine(next.lines[0]!.text))) return NO
  } else if (isFull(line.text, b.width) && displayWidth(line.text) >= 0.9 * b.width) return NO
  b.heading(line.text.trim(), null, null, line.start, line.end)
  if (own) return i
  return b.take({kind: 'text', lines: block.lines.slice(1), pieces: block.pieces.slice(1), gapBefore: false, pageTurn: false}, i)
}

/** The most a heading of no number runs to, in display columns (36 Chinese characters, 72 letters), over all its lines. */
const HEADING_WIDTH = 72

/**
 * A heading is short: a block of words with no sentence end that runs over three lines or more, or wider
 * than a heading in all, is prose however it ends, as the informal submissions are written (`10000架網約車太少
 * 的士成日都無車 … 有試過` / `等半個鐘一架的士都無 但call Uber 5分鐘內即有`, no stop in it). A numbered
 * heading (`二、 政策建議：…`), a standard one and an attachment's line are the paper's rules' to read; so
 * is a block that goes on with the paragraph before.
 */
const longProse: Handler<TextBlock> = (b, block, i) => {
  if (b.markdown) return NO
  const first = squeeze(block.lines[0]!.text.trim())
  if (standardHeadingKey(first) || appendixHeading(first) || attachmentLine(first) || HEADING_NUMBERING.test(first)) return NO
  const width = block.lines.reduce((sum, line) => sum + displayWidth(line.text.trim()), 0)
  if (block.lines.length < 3 && width <= HEADING_WIDTH) return NO
  if (!headingLike(block, b.blocks[i + 1], b.width)) return NO
  if (b.unit && continues(b.unit.node, block, b.width, b.source.paged, b.unitSuffix, b.blocks[i + 1])) return NO
  b.prose(block)
  return i
}

/**
 * In a letter read from a PDF, a gap between lines ends the paragraph above even where it has no sentence
 * end (the reader writes a blank line only for a gap wider than the line spacing, an indented first line or
 * a heading's line: the page shows a new block): informal submissions leave their stops out. In text, a
 * blank line after a line that stops short of the measure does the same (the wrap did not cut it), and
 * after a paragraph of one line (each paragraph a line, as Markdown is written). Not at
 * a page turn (a paragraph cut by the page goes on), not a block that starts as the rest of a sentence
 * (`，…`). A numbered point ends so too (pointEnds).
 */
const gapEnds: Handler<TextBlock> = (b, block, i) => {
  const paragraph = b.paragraph
  if (!block.gapBefore || (block.pageTurn && !block.wideGap) || !paragraph || paragraph.number !== null) return NO
  if (b.unit?.node !== paragraph || startsContinuation(block.lines[0]!.text)) return NO
  // In text, where a blank line may be damage inside a paragraph: only after a line that stops short of the measure,
  // or after a paragraph of one line (as our Markdown and web text write each paragraph).
  const above = b.blocks[i - 1]
  const lines = above && above.kind !== 'part' && above.kind !== 'table' ? above.lines : []
  const last = lines[lines.length - 1]
  if (!b.source.paged && (!last || b.width <= 0 || (isFull(last.text, b.width) && lines.length > 1))) return NO
  b.endParagraph()
  return NO
}

/** The modes of a letter: a paper's, with its closing, its signature and its attachments. */
export const LETTER = {
  ...PAPER,
  body: {
    ...PAPER.body,
    para: first(numberedHeading, PAPER.body.para),
    text: first(attachment, closing, letterSignature, unsignedSentence, pointEnds, gapEnds, longProse, PAPER.body.text)
  },
  closed: {...PAPER.signed, text: first(attachment, signAfterClosing)},
  signed: {...PAPER.signed, text: first(attachment, PAPER.signed.text)},
  appendix: {...PAPER.appendix, text: first(attachment, PAPER.appendix.text)}
} satisfies Record<string, Handlers>
