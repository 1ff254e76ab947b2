/**
 * The attendance lists of minutes and the Hansard: from the first label
 * (`Members present :`, `出席議員：`) to the first agenda item or
 * paragraph, one `group` per label with its `person`s. Layouts: one person
 * a line; a name line then post lines (en), post lines then a name line
 * (zh); a label and its first person on one line, or the label's colon at
 * the start of the next line; a label cut in two by the column layout
 * (`Public officers` / `attending`); a run-on list split at the titles;
 * sub-labels (`Agenda item IV`, a bureau) as `caption`s; letter-spaced
 * labels. Page furniture inside a list stays furniture.
 */
import {IN_BRACKETS as BRACKETED_NOTE_LINE, squeeze} from '../../lang/chars.js'
import {standardHeadingKey} from '../../lang/headings.js'
import {
  ACTION_HEADING,
  ATTENDANCE_LABELS,
  ATTENDANCE_SUBLABEL,
  BUREAU_LINE,
  COLUMN_GAP,
  FOR_ITEM_NOTE,
  CHAIR_POST_LINE,
  HONOURS,
  HONOURS_LINE,
  HONOURS_TAIL_ZH,
  POST_AFTER_NAME_EN,
  POST_THEN_NAME_ZH,
  ITEM_NUMERAL,
  ITEM_NUMBERING_HAN,
  BRACKETED_NUMBER_START,
  LABEL_AND_REST,
  LABEL_DASH_REST,
  LABEL_TAIL,
  LEADING_COLON,
  LEADING_COMMA,
  NAME_PADDING,
  PARAGRAPH_START,
  SENTENCE_STOP_ZH,
  PERSON_CUT_ZH,
  PERSON_END_ZH,
  PERSON_SPLIT_EN,
  POST_START_AT_END_EN,
  POST_WORD_EN,
  postsZh,
  PERSON_START_EN,
  TRAILING_COMMA,
  TRAILING_NOTE,
  type AttendanceRole
} from '../../lang/meetings.js'
import type {Line} from '../../normalise/lines.js'
import type {Source} from '../../source.js'
import type {Attendance, Caption, Group, Person, Text} from '../../tree.js'

/** How far into the text the first label may stand (content lines). */
const LOOK = 80

export interface FoundAttendance {
  node: Attendance
  /** Indexes into the line list: the first and last line the lists were read from. */
  first: number
  last: number
}

interface Piece {
  start: number
  end: number
  text: string
}

function roleOf(label: string): AttendanceRole | null {
  for (const [pattern, role] of ATTENDANCE_LABELS) if (pattern.test(label)) return role
  return null
}

interface Label {
  label: string
  separator: string | null
  /** The words after the colon, on the label's line (or the line after a cut label). */
  rest: Piece | null
  role: AttendanceRole
  /** Lines the label took (2 for a cut label). */
  lines: number
}

const COLON = LABEL_AND_REST

function readLabel(line: Line, next: Line | undefined): Label | null {
  const text = squeeze(line.text)
  // A label the column layout cut: `Public officers` / `attending` / `: Mr …`.
  if (next && !next.blank && !COLON.test(text)) {
    const tail = COLON.exec(next.text)
    const word = tail?.[1] ? tail[1] : next.text
    if (LABEL_TAIL.test(word)) {
      const joined = `${text} ${word}`
      const cut = roleOf(joined)
      if (cut) return {label: joined, separator: tail ? tail[2]! : null, rest: tail ? restOf(next, tail[3]!) : null, role: cut, lines: 2}
    }
  }
  const colon = COLON.exec(text)
  if (colon?.[1]) {
    const role = roleOf(colon[1])
    if (role) return {label: colon[1], separator: colon[2]!, rest: restOf(line, colon[3]!), role, lines: 1}
  }
  const role = roleOf(text)
  if (role) return {label: text, separator: null, rest: null, role, lines: 1}
  const dash = LABEL_DASH_REST.exec(text)
  if (dash) {
    const dashed = roleOf(dash[1]!)
    if (dashed) return {label: dash[1]!, separator: dash[2]!, rest: dash[3] ? restOf(line, dash[3]) : null, role: dashed, lines: 1}
  }
  return null
}

/** The piece of a line that its last `length` characters are. */
function restOf(line: Line, words: string): Piece | null {
  if (!words.trim()) return null
  const start = line.end - words.length
  return {start, end: line.end, text: words}
}

function whole(line: Line): Piece {
  return {start: line.start, end: line.end, text: line.text}
}

/** The end of the lists: an agenda item, a numbered paragraph, a standard heading, the Action column's heading, a sentence. */
function endsLists(text: string, zh: boolean, next?: Line): boolean {
  // A Markdown heading (our own output read back), or a table's row (a pipe table: no list of people).
  if (/^#{1,6}\s/.test(text) || text.startsWith('|')) return true
  // The heading of the English minutes' Action column, over the body.
  if (PARAGRAPH_START.test(text) || ACTION_HEADING.test(text)) return true
  if (ITEM_NUMERAL.test(text) && !PERSON_START_EN.test(text)) return true
  // `一、`, `（一）`, `第一項`, `(1)`: an item numbered otherwise than in roman numerals.
  if (ITEM_NUMBERING_HAN.test(text) || BRACKETED_NUMBER_START.test(text)) return true
  if (standardHeadingKey(text)) return true
  if (zh) return SENTENCE_STOP_ZH.test(text) || text.length > 60
  if (text.length <= 70 || PERSON_START_EN.test(text)) return false
  // A sentence, or the first line of one that a wrap cut: the line after it goes on in lower case.
  return /[.;]$/.test(text) || (next !== undefined && /^[a-z]/.test(next.text.trimStart()))
}

export function findAttendance(lines: readonly Line[], source: Source): FoundAttendance | null {
  let seen = 0
  let begin = -1
  for (let i = 0; i < lines.length && seen < LOOK; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    seen++
    if (readLabel(line, nextContent(lines, i))) {
      begin = i
      break
    }
  }
  if (begin < 0) return null
  const zh = /[\u3400-\u9fff]/.test(lines[begin]!.text)
  const groups: Group[] = []
  let group: Group | null = null
  let person: Person | Caption | null = null
  /** zh: post lines waiting for the name line under them. */
  let pending: Piece[] = []
  let last = begin

  const flushPending = () => {
    if (!group || pending.length === 0) return
    for (const person of zh ? postsOnly(pending, source) : [makePerson(pending, null, zh, source)]) group.children.push(person)
    pending = []
  }
  /** en: a line that is a post and no name starts a person of its own (an office whose holder is not printed). */
  const postPerson = (part: Piece): Person => {
    const made: Person = {type: 'person', name: null, honours: null, post: null, note: null, children: [], position: source.position(part.start, part.end)}
    return addPost(made, part, source)
  }
  const addEn = (part: Piece, fresh: boolean, next: Line | undefined) => {
    if (!group) return
    const text = part.text
    if (PERSON_START_EN.test(text)) {
      // The post's first word left on the name line by a wrap (`Mr A B Principal` / `Assistant Secretary …`).
      const wrapped = POST_START_AT_END_EN.exec(text)
      const post = next && !next.blank && wrapped && !PERSON_START_EN.test(next.text) && !readLabel(next, undefined) ? wrapped : null
      const name = post ? sub(part, 0, post.index) : part
      person = makePerson([], name, zh, source)
      if (post) person = addPost(person, sub(part, post.index, text.length), source)
      group.children.push(person)
      return
    }
    // A post line where no person has started, or after a blank line under a person whose post is complete: a person
    // of that post (its holder not printed). A line of no post word at the start is a name printed without a title.
    const current: Person | Caption | null = person
    const post = POST_WORD_EN.test(text)
    if (!current || current.type === 'caption' || (post && fresh && current.post !== null)) {
      person = post ? postPerson(part) : makePerson([], part, zh, source)
      group.children.push(person)
      return
    }
    person = addPost(current, part, source)
  }
  const add = (piece: Piece, fresh = false, next?: Line) => {
    if (!group) return
    const text = piece.text.replace(/^[-–]\s*/, '')
    // A dash bullet starts an entry as a blank line does (our Markdown writes each person as a list item).
    if (text !== piece.text) {
      piece = {start: piece.end - text.length, end: piece.end, text}
      fresh = true
    }
    if (!text) return
    if (ATTENDANCE_SUBLABEL.test(text) || ((person === null || person.type === 'caption') && !zh && BUREAU_LINE.test(text) && !PERSON_START_EN.test(text))) {
      flushPending()
      person = {type: 'caption', children: [textNode(piece, source)], position: source.position(piece.start, piece.end)}
      group.children.push(person)
      return
    }
    // The rest of the entry above wrapped onto this line: its honours (`S.B.ST.J., J.P.`), or more of its name
    // after a comma or hyphen at the line's end (`… LEUNG LAU` is no such end; `… CHUNG-TAI, S.B.S.,` is).
    if (person?.type === 'person' && person.name !== null && person.post === null && pending.length === 0 && wrapsOnto(person, text)) {
      const joined = person.children.map((child) => child.value).join(' ') + ' ' + text
      const parsed = makePerson([], {start: piece.start, end: piece.end, text: joined}, zh, source)
      person.name = parsed.name
      person.honours = parsed.honours
      person.post = parsed.post
      person.note = parsed.note
      person.children.push(textNode(piece, source))
      person.position = source.position(person.position.start.offset, piece.end)
      return
    }
    const cells = columns(piece)
    if (zh) {
      // Two columns on one line: posts then the name (`總主任(2)3   王小明女士`), or names side by side.
      const named = cells.map((cell) => isNameZh(cell.text))
      if (cells.length > 1 && named[named.length - 1] && named.some((is) => !is) && named.slice(0, -1).every((is) => !is)) {
        flushPending()
        person = makePerson(cells.slice(0, -1), cells[cells.length - 1]!, zh, source)
        group.children.push(person)
        return
      }
      const parts = named.every((is) => is) ? cells.flatMap(cutNamesZh) : [piece]
      for (const part of parts) {
        if (isNameZh(part.text)) {
          person = makePerson(pending, part, zh, source)
          pending = []
          group.children.push(person)
        } else pending.push(part)
      }
      return
    }
    // en: a name column and a post column on one line (`Mr A B      Secretary for Housing`).
    if (cells.length === 2 && PERSON_START_EN.test(cells[0]!.text) !== PERSON_START_EN.test(cells[1]!.text)) {
      const [name, post] = PERSON_START_EN.test(cells[0]!.text) ? cells : [cells[1]!, cells[0]!]
      person = addPost(makePerson([], name!, zh, source), post!, source)
      if (post!.start < name!.start) person.children.reverse()
      group.children.push(person)
      return
    }
    // en: a title starts a person (several on a run-on line, or in columns); other lines are the post of the person above.
    const parts = cells.length > 1 && cells.every((cell) => PERSON_START_EN.test(cell.text)) ? cells.flatMap(splitRunOn) : splitRunOn(piece)
    parts.forEach((part, k) => addEn(part, fresh && k === 0, k === parts.length - 1 ? next : undefined))
  }

  for (let i = begin; i < lines.length; i++) {
    const line = lines[i]!
    if (line.blank || line.furniture) continue
    const label = readLabel(line, nextContent(lines, i))
    if (label) {
      flushPending()
      const start = line.start
      group = {type: 'group', label: label.label, separator: label.separator, role: label.role, children: [], position: source.position(start, line.end)}
      groups.push(group)
      person = null
      if (label.lines === 2) i = indexOfNext(lines, i)
      last = i
      if (label.rest) add(label.rest)
      continue
    }
    if (endsLists(squeeze(line.text), zh, nextContent(lines, i))) break
    let piece = whole(line)
    const colon = LEADING_COLON.exec(line.text)
    if (colon && group && group.children.length === 0) {
      group.separator ??= colon[0].trim()
      piece = {start: line.start + colon[0].length, end: line.end, text: line.text.slice(colon[0].length)}
    }
    add(piece, i > 0 && lines[i - 1]!.blank, nextLine(lines, i))
    last = i
  }
  flushPending()
  for (const g of groups) joinEntries(g, zh, source)
  for (const g of groups) {
    const end = g.children.length ? g.children[g.children.length - 1]!.position.end.offset : g.position.end.offset
    g.position = source.position(g.position.start.offset, end)
  }
  const node: Attendance = {
    type: 'attendance',
    children: groups,
    position: source.position(groups[0]!.position.start.offset, groups[groups.length - 1]!.position.end.offset)
  }
  return {node, first: begin, last}
}

/**
 * zh: post lines that no name line followed (a staff list of posts, its names not printed): a person for each
 * post. A line that ends in no post word heads the post of the lines under it (`政務司司長辦公室` over
 * `首席助理秘書長`); a line of several posts (`助理法律顧問1助理法律顧問4`) is a person each; a line in brackets
 * under a post (`(內務委員會秘書)`) is that person's note.
 */
function postsOnly(lines: Piece[], source: Source): Person[] {
  const people: Person[] = []
  let head: Piece[] = []
  for (const line of lines) {
    const text = line.text.trim()
    const last = people[people.length - 1]
    if (head.length === 0 && last && BRACKETED_NOTE_LINE.test(text)) {
      last.note = last.note ?? text
      last.children.push(textNode(line, source))
      last.position = source.position(last.position.start.offset, line.end)
      continue
    }
    const posts = postsZh(line.text)
    if (!posts) {
      head.push(line)
      continue
    }
    if (head.length > 0) {
      people.push(makePerson([...head, line], null, true, source))
      head = []
      continue
    }
    for (const [from, to] of posts) people.push(makePerson([sub(line, from, to)], null, true, source))
  }
  if (head.length > 0) people.push(makePerson(head, null, true, source))
  return people
}

function nextContent(lines: readonly Line[], i: number): Line | undefined {
  const j = indexOfNext(lines, i)
  return j < lines.length ? lines[j] : undefined
}

/** The line right after this one, past furniture only (a blank line stays: the entry ends there). */
function nextLine(lines: readonly Line[], i: number): Line | undefined {
  let j = i + 1
  while (j < lines.length && lines[j]!.furniture) j++
  return lines[j]
}

/** The cells of a line that a wide gap parts (two columns run onto one line); the whole line when there is none. */
function columns(piece: Piece): Piece[] {
  const cells: Piece[] = []
  let from = 0
  for (const gap of piece.text.matchAll(COLUMN_GAP)) {
    if (gap.index > from) cells.push(sub(piece, from, gap.index))
    from = gap.index + gap[0].length
  }
  cells.push(sub(piece, from, piece.text.length))
  return cells.filter((cell) => cell.text)
}

/** zh: entries run together on one line (`甲議員乙議員`), cut after each member's title when every part is a name. */
function cutNamesZh(piece: Piece): Piece[] {
  const parts: Piece[] = []
  let from = 0
  for (const match of piece.text.matchAll(PERSON_CUT_ZH)) {
    const end = match.index + match[0].length
    parts.push(sub(piece, from, end))
    from = end
  }
  parts.push(sub(piece, from, piece.text.length))
  const kept = parts.filter((part) => part.text)
  return kept.length > 1 && kept.every((part) => part.text.length >= 3 && isNameZh(part.text)) ? kept : [piece]
}

/**
 * en: a post line added to a person: its words to `post` (after a line that ended in a note, as a post of its own,
 * after `; `), a `(for Item …)` note at its end to `note`.
 */
function addPost(person: Person, part: Piece, source: Source): Person {
  const previous = person.children.length > 0 && person.post !== null ? person.children[person.children.length - 1]!.value : ''
  let text = part.text
  const note = FOR_ITEM_NOTE.exec(text)
  if (note) {
    person.note = person.note ? `${person.note} ${note[1]}` : note[1]!
    text = text.slice(0, note.index).trim()
  }
  person.children.push(textNode(part, source))
  person.position = source.position(person.children[0]!.position.start.offset, part.end)
  if (text) person.post = person.post ? `${person.post}${FOR_ITEM_NOTE.test(previous) ? '; ' : ' '}${text}` : text
  return person
}

function indexOfNext(lines: readonly Line[], i: number): number {
  let j = i + 1
  while (j < lines.length && (lines[j]!.blank || lines[j]!.furniture)) j++
  return j
}

function isNameZh(text: string): boolean {
  // A comma at the end: the entry's honours go on on the next line (`丁戊己議員，S.B.S.,`).
  const bare = text.replace(TRAILING_COMMA, '').replace(TRAILING_NOTE, '').replace(HONOURS_TAIL_ZH, '').replace(TRAILING_NOTE, '').trim()
  return PERSON_END_ZH.test(bare)
}

function splitRunOn(piece: Piece): Piece[] {
  const out: Piece[] = []
  let from = 0
  for (const match of piece.text.matchAll(PERSON_SPLIT_EN)) {
    const cut = match.index + match[0].length
    if (match.index > from) out.push(sub(piece, from, match.index))
    from = cut
  }
  out.push(sub(piece, from, piece.text.length))
  return out.filter((part) => part.text)
}

function sub(piece: Piece, from: number, to: number): Piece {
  const text = piece.text.slice(from, to)
  const lead = text.length - text.trimStart().length
  const trimmed = text.trim()
  return {start: piece.start + from + lead, end: piece.start + from + lead + trimmed.length, text: trimmed}
}

function textNode(piece: Piece, source: Source): Text {
  return {type: 'text', value: piece.text, position: source.position(piece.start, piece.end)}
}

/** A person from the post lines before the name (zh) and the name line; en posts are added after. */
function makePerson(before: Piece[], name: Piece | null, zh: boolean, source: Source): Person {
  const pieces = name ? [...before, name] : before
  const start = pieces[0]!.start
  const end = pieces[pieces.length - 1]!.end
  const person: Person = {
    type: 'person',
    name: null,
    honours: null,
    post: before.length ? before.map((piece) => piece.text).join(zh ? '' : ' ') : null,
    note: null,
    children: pieces.map((piece) => textNode(piece, source)),
    position: source.position(start, end)
  }
  if (!name) return person
  let text = name.text
  const note = TRAILING_NOTE.exec(text)
  if (note) {
    person.note = note[1]!
    text = text.slice(0, note.index).trim()
  }
  if (zh) {
    text = text.replace(TRAILING_COMMA, '')
    const honours = HONOURS_TAIL_ZH.exec(text)
    if (honours) {
      person.honours = honours[0].replace(LEADING_COMMA, '').trim()
      text = text.slice(0, honours.index).trim()
    }
    // The post before the name on one line: `財經事務及庫務局局長陳家強教授`, `秘書長陳維安先生`.
    const posted = POST_THEN_NAME_ZH.exec(text)
    if (posted && before.length === 0) {
      person.post = posted[1]!
      text = posted[2]!
    }
    // A two-character name padded to the width of three (`楊 森議員`) is the name unpadded.
    person.name = text.replace(NAME_PADDING, '')
  } else {
    const parts = text.split(/\s*,\s*/).filter((part) => part)
    let cut = parts.length
    // The post after the name and honours: `MR KENNETH CHEN WEI-ON, S.B.S., SECRETARY GENERAL`.
    if (cut > 1 && POST_AFTER_NAME_EN.test(parts[cut - 1]!)) {
      person.post = person.post ? `${parts[cut - 1]} ${person.post}` : parts[cut - 1]!
      cut--
    }
    const named = cut
    while (cut > 1 && HONOURS.test(parts[cut - 1]!)) cut--
    person.name = parts.slice(0, cut).join(', ')
    person.honours = cut < named ? parts.slice(cut, named).join(', ') : null
  }
  return person
}

/** Is `text` the rest of the person's entry, wrapped: honours only, or any words after a line ending in a comma? */
function wrapsOnto(person: Person, text: string): boolean {
  if (HONOURS_LINE.test(text)) return true
  const last = person.children[person.children.length - 1]!.value
  return TRAILING_COMMA.test(last) && !PERSON_START_EN.test(text) && !POST_WORD_EN.test(text) && !isNameZh(text)
}

/**
 * The chair's post printed over the holder's name (`THE PRESIDENT` / `THE HONOURABLE JASPER TSANG`, `主席` /
 * `曾鈺成議員`): one person, the post that. Also an entry wrapped over two lines, its honours on the second
 * (`… CHUNG-TAI, S.B.S.,` / `S.B.ST.J., J.P.`): one person, the honours read from the lines joined.
 */
function joinEntries(group: Group, zh: boolean, source: Source): void {
  const out: (Person | Caption)[] = []
  for (const child of group.children) {
    const last = out[out.length - 1]
    if (
      child.type === 'person' &&
      last?.type === 'person' &&
      last.post === null &&
      last.honours === null &&
      last.name !== null &&
      CHAIR_POST_LINE.test(last.name) &&
      child.name !== null &&
      child.post === null
    ) {
      out[out.length - 1] = {
        ...child,
        post: last.name,
        children: [...last.children, ...child.children],
        position: source.position(last.position.start.offset, child.position.end.offset)
      }
      continue
    }
    out.push(child)
  }
  group.children = out
  void zh
}
