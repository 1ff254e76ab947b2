/**
 * The header of a meeting record, as hooks for the header builder: where
 * it ends (the first agenda item, time slot or numbered paragraph) and how
 * its lines are named (`日期:`/`Time :`/`地點:` lines are meeting fields
 * each; the record's own title line — `會議紀要`, `議程`, `Minutes of
 * meeting held on …` — is the title, not run together with them).
 */
import {squeeze} from '../../lang/chars.js'
import {findDates} from '../../lang/dates.js'
import {
  CLAUSE_MARKS,
  CLOCK_EN,
  CLOCK_ZH,
  CLOSE_BRACKET,
  GENRE_LINES,
  ITEM_NUMERAL,
  ITEM_NUMBERING_HAN,
  PERSON_START_EN,
  ITEM_NUMERAL_SPACED,
  MEETING_COMMITTEE_LINE,
  MEETING_FIELD_LINE,
  MEETING_ON,
  PARAGRAPH_START,
  paperNumber1990s,
  isSeenByAdministration,
  SEEN_BY_ADMINISTRATION_START,
  SENTENCE_END,
  TIME_SLOT,
  VENUE_LINE
} from '../../lang/meetings.js'
import type {FieldName} from '../../tree.js'

export interface HeaderHooks {
  /** Does this line start the body (the header ends before it)? */
  ends(text: string): boolean
  /** The field name the genre gives the line, or null to let the header decide. */
  name(text: string): FieldName | null
  /** Is this line more of the line above it (`previous`, its lines so far), one field with it? */
  joins?(previous: string, text: string): boolean
}

/** Longest a broken note of the header may grow while its bracket is still open. */
const OPEN_NOTE = 120

export const MEETING_HEADER: HeaderHooks = {
  ends(raw) {
    const text = squeeze(raw)
    return (
      ITEM_NUMERAL_SPACED.test(text) ||
      /^I(?=[A-Z\u3400-\u9fff])/.test(text) ||
      ITEM_NUMBERING_HAN.test(text) ||
      TIME_SLOT.test(text) ||
      PARAGRAPH_START.test(text)
    )
  },
  name(raw) {
    const text = squeeze(raw)
    // `(These minutes have been seen by the Administration)`: a note of its own (meta.seenByAdministration).
    if (isSeenByAdministration(text)) return 'note'
    // `立法局95-96年度第CB(2)1342號文件`: the paper number as printed before 1997 (meetingMeta reads it).
    if (paperNumber1990s(text)) return 'paperNo'
    if (MEETING_FIELD_LINE.test(text) || MEETING_ON.test(text) || VENUE_LINE.test(text)) return 'meeting'
    // `福利事務委員會會議`, `LegCo Panel on Transport`: the committee holding the meeting.
    if (MEETING_COMMITTEE_LINE.test(text)) return 'committee'
    // `Minutes of meeting held on 9 May 1997`: a meeting line (its date is the meeting's); meta takes the title from it too.
    if (GENRE_LINES.some(([pattern]) => pattern.test(text))) return ITEM_NUMERAL.test(text) || findDates(text).length > 0 ? null : 'title'
    // `Friday, 14 December 2001, at 8:30 am in the Chamber…`, `2014年4月30日星期三上午11時正` (a clock with its half
    // of the day, as the English one has its am or pm): the meeting's date and time.
    if ((CLOCK_EN.test(text) || CLOCK_ZH.exec(text)?.[1] !== undefined) && findDates(text).length > 0) return 'meeting'
    return null
  },
  // `(These minutes have been` / `seen by the Administration)`, `(此份會議紀要業經` / `政府當局審閱)`: one note over lines.
  joins(previous, raw) {
    const above = squeeze(previous)
    if (!SEEN_BY_ADMINISTRATION_START.test(above) || CLOSE_BRACKET.test(above)) return false
    const joined = squeeze(`${previous} ${raw}`)
    return isSeenByAdministration(joined) || (!CLOSE_BRACKET.test(raw) && joined.length <= OPEN_NOTE)
  }
}

/** An agenda-item heading of a meeting record: `I. Election of Chairman`, `II 續議事項`, `IIIInformation…`; short, no sentence. */
export function isItemHeading(raw: string): boolean {
  const text = squeeze(raw)
  if (text.length > 120 || PARAGRAPH_START.test(text)) return false
  return ITEM_NUMERAL.test(text) && !SENTENCE_END.test(text) && !PERSON_START_EN.test(text)
}

/** An agenda item numbered in Chinese numerals (`一、通過會議紀要`, `（二）續議事項`, `第三項 其他事項`); short, no sentence, no clause (a question's points `(一) 有否…；` are none). */
export function isHanItemHeading(raw: string): boolean {
  const text = squeeze(raw)
  return text.length <= 80 && ITEM_NUMBERING_HAN.test(text) && !SENTENCE_END.test(text) && !CLAUSE_MARKS.test(text)
}
