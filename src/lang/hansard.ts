/**
 * Wording of the Hansard (the official record of proceedings of Council
 * meetings) in zh-Hant, zh-Hans and en: the parts of the agenda it is cut
 * into, how a speaker's turn starts (`林健鋒議員：`, `MR JAMES TO (in
 * Cantonese):`), and what a stage direction says. Tables and patterns
 * only; src/assemble/genres/hansard.ts reads them.
 */
import {NAME_PADDING} from './meetings.js'

/** The parts of a Council meeting's agenda, as the Hansard heads them (the text squeezed: letter-spacing removed). */
export const HANSARD_PARTS: [RegExp, string][] = [
  [/^(?:作出立法會誓言|作出立法会誓言|宣誓|OATHS?|TAKING\s+OF\s+(?:THE\s+)?(?:LEGISLATIVE\s+COUNCIL\s+)?OATHS?)$/i, 'oath'],
  [/^(?:選舉主席|选举主席|ELECTION\s+OF\s+(?:THE\s+)?PRESIDENT)$/i, 'election'],
  [/^(?:提交文件|(?:TABLING\s+OF\s+)?PAPERS)$/i, 'papers'],
  [/^(?:其他文件|OTHER\s+PAPERS?)$/i, 'other-papers'],
  [/^(?:議員質詢的口頭答覆|议员质询的口头答复|(?:ORAL\s+)?ANSWERS?\s+TO\s+(?:ORAL\s+)?QUESTIONS|ORAL\s+ANSWERS\s+TO\s+QUESTIONS)$/i, 'oral-answers'],
  [/^(?:議員質詢的書面答覆|议员质询的书面答复|WRITTEN\s+ANSWERS\s+TO\s+QUESTIONS)$/i, 'written-answers'],
  [/^(?:法案|BILLS)$/i, 'bills'],
  [/^(?:政府議案|政府议案|GOVERNMENT\s+MOTIONS?)$/i, 'government-motions'],
  [/^(?:議員議案|议员议案|MEMBERS'?\s+MOTIONS?)$/i, 'members-motions'],
  [/^(?:議案|议案|MOTIONS?)$/i, 'motions'],
  [/^(?:行政長官答問會|行政长官答问会|CHIEF\s+EXECUTIVE'S\s+QUESTION\s+AND\s+ANSWER\s+SESSION)$/i, 'question-time'],
  [/^(?:聲明|声明|STATEMENTS?)$/i, 'statements'],
  [/^(?:下次會議|下次会议|NEXT\s+MEETING)$/i, 'next-meeting'],
  [/^(?:休會|休会|暫停會議|暂停会议|ADJOURNMENT(?:\s+AND\s+NEXT\s+SITTING)?|SUSPENSION\s+OF\s+MEETING)$/i, 'adjournment']
]

/** The part a heading line names, or null. */
export function hansardPart(squeezed: string): string | null {
  const text = squeezed.replace(/^[#\s]+/, '').trim()
  if (text.length > 60) return null
  for (const [pattern, key] of HANSARD_PARTS) if (pattern.test(text)) return key
  return null
}

/**
 * A Chinese speaker as printed before the colon: a member (`林健鋒議員`, a
 * two-character name padded to the width of three, `楊 森議員`, `李　華明議員`), an
 * office (`勞工及福利局局長`, `財政司司長`, `行政長官`), the chair (`主席`,
 * `代理主席`, `全委會主席`), the clerk (`秘書`, `立法會秘書`); an office with its
 * holder's name after it (`保安局局長李少光`). Ideographs only, 1–20 of them,
 * a single space between two of them.
 */
const HAN = '[\\u3400-\\u9fff]'
const SPEAKER_TITLE_ZH =
  '(?:議員|议员|主席|秘書|秘书|秘書長|秘书长|局長|局长|副局長|副局长|司長|司长|行政長官|行政长官|處長|处长|署長|署长|專員|专员|先生|女士|博士|教授)'
/** An office's title, as it ends a post printed before its holder's name (`保安局局長`, `律政司司長`). */
const POST_TITLE_ZH = '(?:局長|局长|司長|司长|秘書長|秘书长|處長|处长|署長|署长|專員|专员)'
/**
 * What a line may say after an office and before a colon that is no name (`局長表示：`, `司長回答說：`): a verb of
 * saying. A holder's name is two to four ideographs that end in none of these.
 */
const SAYING_ZH =
  '(?:表示|指出|回答|答覆|答复|說|说|稱|称|認為|认为|強調|强调|補充|补充|解釋|解释|提到|提出|問|问|回應|回应|同意|宣布|宣佈|動議|动议|發言|发言)'
const SPEAKER_ZH = `(?:${HAN}(?:[ \\u3000]?${HAN}){0,18}?${POST_TITLE_ZH}(?!${HAN}{0,3}${SAYING_ZH}\\s*[:：])${HAN}{2,4}(?=\\s*(?:[(（][^)）]{1,12}[)）]\\s*)?[:：])|(?:${HAN}[ \\u3000]?){0,18}?${SPEAKER_TITLE_ZH})`
/**
 * An English speaker, in capitals as the record prints them: `THE PRESIDENT`, `MR JAMES TO`, `SECRETARY FOR
 * SECURITY`, `CLERK TO THE COUNCIL`; an office with its holder's name in brackets after it (`SECRETARY FOR
 * SECURITY (Mr Ambrose LEE)`, as the records of the 2000s print an official's first turn).
 */
const SPEAKER_EN =
  "(?:(?:THE\\s+)?(?:PRESIDENT|CHAIRMAN|DEPUTY\\s+(?:PRESIDENT|CHAIRMAN)|(?:DEPUTY\\s+|ASSISTANT\\s+)?CLERK(?:\\s+TO\\s+THE\\s+(?:LEGISLATIVE\\s+)?COUNCIL)?|CHIEF\\s+EXECUTIVE|(?:CHIEF|FINANCIAL)\\s+SECRETARY|SECRETARY\\s+FOR\\s+[A-Z][A-Z ,&'-]{2,80}?|(?:UNDER|DEPUTY|PERMANENT)\\s+SECRETARY\\s+FOR\\s+[A-Z][A-Z ,&'-]{2,80}?|SECRETARY\\s+FOR\\s+JUSTICE|ATTORNEY\\s+GENERAL|(?:(?:IR|DR|PROF)\\s+)*(?:MR|MRS|MS|MISS|DR|PROF|IR)\\s+[A-Z][A-Z'.-]*(?:\\s+[A-Z][A-Z'.-]*){0,4})(?:\\s+[(](?:Mr|Mrs|Ms|Miss|Dr|Prof|Ir|MR|MRS|MS|MISS|DR|PROF|IR)\\s+[A-Za-z][A-Za-z'. -]{1,40}[)])?)"
/** The language the words were spoken in, as printed after the speaker: `(in Cantonese)`, `(譯文)`. */
const LANGUAGE = '[(（]\\s*(?:in\\s+[A-Za-z]+|譯文|译文|英語|英语|普通話|普通话)\\s*[)）]'

/**
 * The start of a speaker's turn at the start of a paragraph's words: group 1
 * the speaker, 2 the language, 3 the colon. Our own Markdown's bold
 * (`**林健鋒議員：**`) may stand around the speaker and its colon.
 */
export const SPEAKER_LEAD = new RegExp(`^(?:\\*\\*)?\\s*(${SPEAKER_ZH}|${SPEAKER_EN})\\s*(?:\\*\\*)?\\s*(${LANGUAGE})?\\s*([:：])(?:\\s*\\*\\*)?\\s*`, 'd')

/** Speaker-like words that label something else: the attendance lists' labels, notes. */
const NOT_SPEAKER = /^(?:出席|缺席|列席|其他出席|应邀|應邀)/

export interface SpeakerLead {
  /** As printed, a name's padding (`楊 森議員`) taken out. */
  speaker: string
  language: string | null
  separator: string
  /** Length of the lead in the text, spaces and bold marks after the colon included. */
  length: number
}

/** The speaker a paragraph's words start with (`主席：多謝…`), or null. */
export function speakerLead(text: string): SpeakerLead | null {
  // Compatibility ideographs (a PDF's U+F92F for 勞) are matched as the ideographs they stand for, one for one.
  const match = SPEAKER_LEAD.exec(text.replace(COMPATIBILITY_IDEOGRAPH, unified))
  if (!match) return null
  const at = (group: number): string | null => {
    const span = match.indices?.[group]
    return span ? text.slice(span[0], span[1]) : null
  }
  if (NOT_SPEAKER.test(match[1]!.trim())) return null
  // A name padded to the width of three (`楊 森議員`) is the speaker unpadded.
  return {speaker: at(1)!.trim().replace(NAME_PADDING, ''), language: at(2), separator: at(3)!, length: match[0].length}
}

const COMPATIBILITY_IDEOGRAPH = /[\uf900-\ufaff]/g

function unified(char: string): string {
  const folded = char.normalize('NFKC')
  return folded.length === 1 ? folded : char
}

/** A line that starts a speaker's turn, numbered as a question (`1. 林健鋒議員：`) or not. */
export function startsSpeech(line: string): boolean {
  return speakerLead(line.replace(QUESTION_NUMBER, '')) !== null
}

/** A question's number before its asker: `1. `, `１．`. */
export const QUESTION_NUMBER = /^\s*(?:\\?)?\d{1,3}\\?\s*[.．]\s*/

/**
 * A stage direction: a whole paragraph in brackets that says what happened
 * in the chamber (`(在傳召鐘響後，多位議員進入會議廳)`, `(梁國雄議員站起來)`,
 * `(After the summoning bell had been rung, a number of Members entered the
 * Chamber)`), not a note or a table's unit (`(1 )`, `(元)`).
 */
const EVENT_WORDS =
  /議員|议员|主席|秘書|秘书|官員|官员|會議廳|会议厅|鐘|钟|選票|选票|投票|點票|点票|監票|监票|休會|休会|暫停|暂停|恢復|恢复|站起|站着|站著|坐下|離開|离开|返回|進入|进入|宣誓|計時器|计时器|響起|响起|席間|席间|眾笑|众笑|笑聲|笑声|掌聲|掌声|叫喊|Members?\b|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Ir)\s+[A-Z]|President|Chairman|Chamber|Clerk|bell|buzzer|vote|suspended|resumed|stood|standing|sat\s+down|left|returned|entered|withdrew|shouted|laughter|applause/i

export function isEvent(text: string): boolean {
  const t = text.trim()
  if (!/^[(（]/.test(t) || !/[)）]$/.test(t)) return false
  // The opening bracket closes at the end, not before.
  let depth = 0
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!
    if (c === '(' || c === '（') depth++
    else if (c === ')' || c === '）') {
      depth--
      if (depth === 0 && i < t.length - 1) return false
    }
  }
  const inner = t.slice(1, -1)
  return inner.trim().length >= 4 && EVENT_WORDS.test(inner)
}

/**
 * Could these words be the title of a question, bill or motion standing above the first turn on it? A title
 * is no sentence: no comma in Chinese, no stop inside (`Sorry, I have to …`), no stage direction run into it (`… hotshot
 * (The buzzer sounded) Sorry …`), no trailing `......`; in English, its words of four letters or more mostly
 * capitalised (`Decline in Number of Visitors to Hong Kong`, not `He is indeed amusing`). A turn cut by the
 * buzzer ends without a stop too: it is none.
 */
export function isTitleLike(words: string): boolean {
  const t = words.trim()
  if (/[。！？；;]|[.!?]\s+[A-Za-z]|\.{3,}|…/.test(t)) return false
  if ([...t.matchAll(/[(（][^()（）]*[)）]/g)].some((m) => isEvent(m[0]))) return false
  // Its brackets pair up (`在座位上發言）` is the end of a stage direction).
  if ((t.match(/[(（]/g)?.length ?? 0) !== (t.match(/[)）]/g)?.length ?? 0)) return false
  // A Chinese title lists with `、`; a comma is a clause's (an English title may hold one: `Expulsion, Return or Extradition`).
  if (/[\u3400-\u9fff]/.test(t)) return !HAS_COMMA.test(t)
  const long = t.split(/\s+/).filter((word) => /^[A-Za-z][a-z'-]{3,}/.test(word))
  return long.length === 0 || long.filter((word) => /^[A-Z]/.test(word)).length * 2 >= long.length
}

/** A stage direction's opening bracket at a line's start, and its closing one at a line's end. */
export const OPENS_EVENT = /^[(（]/
export const CLOSES_EVENT = /[)）]$/
/** Words that end so join the next line's without a space (an ideograph, a full-width bracket). */
export const JOINS_TIGHT = /[\u3400-\u9fff）]$/

/** A comma inside a line (an attendance entry's honours): the line is no heading. */
export const HAS_COMMA = /[,，]/

/** The Hansard's title at the start of a line, with more run onto it (text extracted with no line breaks). */
export const HANSARD_TITLE_START = /^(?:(?:立法[會会])?(?:會議過程正式紀錄|会议过程正式纪录)|OFFICIAL\s+RECORD\s+OF\s+PROCEEDINGS)(?:\s|$)/i

// The papers laid on the table (`提交文件`, `TABLING OF PAPERS`) --------------------------------

/** The value a dot leader points to in a list of tabled instruments: a legal notice number (`138/2012`, `L.N. 78 of 2015`). */
export const LEADER_VALUE = /^(?:L\.\s?N\.\s*)?\d{1,4}(?:\s?\/\s?\d{4}|\s+of\s+\d{4})$/i

/** Words no column head of a tabling list holds: digits, title marks (a wrapped instrument's first line has them). */
export const NOT_COLUMN_HEAD = /[0-9０-９《〈]/

/** A tabled paper: its number and a dash before its title (`第 1號  ─  市區重建局 2011-2012年報`, `No. 91 ─ Language Fund …`). */
export const TABLED_PAPER = /^(第\s?\d{1,3}\s?號|No\.\s?\d{1,3})\s*[─―—–-]\s*(?=\S)/

/** Where a dot leader (four dots or more, spaced or not) starts and ends in a line, the last one; null when there is none. */
export function dotLeader(text: string): {start: number; end: number} | null {
  let end = -1
  let dots = 0
  let start = -1
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!
    if (c === '.') {
      if (end < 0) end = i + 1
      dots++
      start = i
    } else if ((c === ' ' || c === '\t') && end >= 0 && text[i - 1] === '.') {
      // A space between dots: `. . . .`
    } else if (end >= 0) {
      if (dots >= 4) return {start, end}
      end = -1
      dots = 0
    }
  }
  return end >= 0 && dots >= 4 ? {start, end} : null
}

// A record a web mirror ran onto one line ------------------------------------------------------

/**
 * The record's running header with its page number, as a mirror runs it into the text: `LEGISLATIVE
 * COUNCIL ─ 2 March 2011 6055`, `6056 LEGISLATIVE COUNCIL ─ 2 March 2011`, `立法會 ─ 2012年10月10日 8`.
 * Groups: 1 the number before, 2 the header, 3 the number after.
 */
export const RECORD_RUNNING_HEADER =
  /(?:(?<![\d,.])(\d{1,5})\s+)?(LEGISLATIVE\s+COUNCIL\s*[─―—–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|立法會\s*[─―—–-]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s+(\d{1,5})(?![\d,.]))?/g

/**
 * The record's title with its date and start run on after it, in a run-on line: group 1 the title and
 * the spaces after it, group 2 the start (`The Council met at Eleven o'clock`, `上午 11時正會議開始`).
 */
export const RECORD_TITLE_RUN =
  /(OFFICIAL\s+RECORD\s+OF\s+PROCEEDINGS\s+|會議過程正式紀錄\s*|会议过程正式纪录\s*)(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4}\s*年))[\s\S]{0,60}?((?:The\s+Council\s+met\s+at\s+[A-Za-z]+(?:\s+o'clock)?)|(?:上午|下午)\s*\d{1,2}\s*時[\s\S]{0,6}?會議開始)?(?=\s+[A-Z]{3}|\s*$|\s+出席)/g
