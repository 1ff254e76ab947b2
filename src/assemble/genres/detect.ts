/**
 * Which genre of meeting record a text is, from its first lines: a line
 * naming it (`會議紀要`, `議 程`, `Revised agenda`, `會議過程正式紀錄`), or
 * for an agenda that does not name itself, item headings with time slots;
 * an attendance label near the top is minutes.
 * Cheap: it reads at most the first 60 lines and stops at the first answer,
 * so papers of other kinds pay almost nothing.
 */
import {squeeze} from '../../lang/chars.js'
import {ATTENDANCE_LABELS, GENRE_LINES, LABEL_AND_REST, TIME_SLOT, type Genre} from '../../lang/meetings.js'
import {HANSARD_TITLE_START} from '../../lang/hansard.js'
import {PARAGRAPH_MARKER} from '../../lang/numbering.js'
import type {Line} from '../../normalise/lines.js'

export type {Genre}

/** Lines (content only) searched for a genre's own name, and for time slots. */
const NAME_LOOK = 25
const LOOK = 60

export function detectGenre(lines: readonly Line[]): Genre | null {
  let seen = 0
  let slots = 0
  for (const line of lines) {
    if (line.blank) continue
    // A time slot repeated under each item may have been taken for a running header: it still counts.
    if (line.furniture) {
      if (line.furniture === 'running-header' && TIME_SLOT.test(squeeze(line.text))) slots++
      continue
    }
    if (++seen > LOOK) break
    if (line.text.length > 160) continue
    const text = squeeze(line.text)
    if (seen <= NAME_LOOK) {
      for (const [pattern, genre] of GENRE_LINES) if (pattern.test(text)) return genre
      if (HANSARD_TITLE_START.test(text)) return 'hansard'
      // An attendance label near the top (`出席議員：`, `Members present :`) is a record of a meeting.
      const label = LABEL_AND_REST.exec(text)?.[1] ?? text
      if (label.length <= 40 && ATTENDANCE_LABELS.some(([pattern]) => pattern.test(label))) return 'minutes'
    }
    // A slot a list numbered with the items (`2. (8:30 am - 8:35 am)`) counts too.
    if (TIME_SLOT.test(text.replace(PARAGRAPH_MARKER, ''))) slots++
  }
  return slots >= 2 ? 'agenda' : null
}
