/**
 * Wording of meeting records — minutes, agendas and the Hansard — in
 * zh-Hant, zh-Hans and en: how each genre names itself, the labels of its
 * attendance lists, the titles people carry, agenda-item numerals, notes
 * and time slots. Tables and patterns only; the genre code in
 * src/assemble/genres/ reads them.
 */
import {isHan, joiner} from './chars.js'
import {NUMBER_WORDS} from './figures.js'
import {HAN_NUMERAL, hanNumber} from './numbering.js'
import {PAPER_NUMBER} from './papers.js'

export type Genre = 'minutes' | 'agenda' | 'hansard'

/** Lines near the top that name the genre, strongest first (the text is squeezed: letter-spacing removed). */
export const GENRE_LINES: [RegExp, Genre][] = [
  [/^(?:(?:立法[會会])?會議過程正式紀錄|(?:立法[会會])?会议过程正式纪录|OFFICIAL\s+RECORD\s+OF\s+PROCEEDINGS)$/i, 'hansard'],
  [/^(?:修訂)?議程$|^(?:修订)?议程$|^(?:Revised\s+)?Agenda$/i, 'agenda'],
  [/^(?:[^\s]{0,30}?)?會議紀要$|^(?:[^\s]{0,30}?)?会议纪要$|^Minutes\s+of\s+(?:the\s+)?(?:\w+\s+)*?(?:meeting|Meeting)/, 'minutes']
]

/** The role an attendance label gives its people. */
export type AttendanceRole = 'present' | 'absent' | 'attending' | 'officers' | 'clerks' | 'staff' | 'other'

/** Attendance labels (squeezed, colon removed) and their role. */
export const ATTENDANCE_LABELS: [RegExp, AttendanceRole][] = [
  [/^(?:Members?\s+(?:present|absent\s+with\s+apologies)|MEMBERS?\s+PRESENT|出席(?:委員|議員|委员|议员|成員|成员)|出席者)$/i, 'present'],
  [/^(?:Members?\s+absent|MEMBERS?\s+ABSENT|缺席(?:委員|議員|委员|议员|成員|成员)|缺席者)$/i, 'absent'],
  [
    /^(?:(?:Other\s+|Non-(?:Panel|Committee|Subcommittee)\s+)?Members?\s+(?:attending|in\s+attendance)|(?:其他)?(?:出席|列席)(?:議員|议员)|其他出席(?:委員|委员)|(?:不屬|不属).{1,12}的其他出席(?:議員|议员|委員|委员))$/i,
    'attending'
  ],
  [
    /^(?:Public\s+[Oo]fficers?(?:\s+attending)?|PUBLIC\s+OFFICERS?\s+ATTENDING|出席(?:的)?(?:公職人員|公职人员|政府官員|政府官员)|列席(?:的)?(?:公職人員|公职人员|政府官員|政府官员))$/i,
    'officers'
  ],
  [/^(?:Clerks?\s+in\s+attendance|CLERKS?\s+IN\s+ATTENDANCE|列席秘書|列席秘书)$/i, 'clerks'],
  [/^(?:Staff\s+in\s+attendance|列席職員|列席职员)$/i, 'staff'],
  [/^(?:Attendance\s+by\s+invitation|In\s+attendance|Also\s+(?:present|in\s+attendance)|應邀出席者|应邀出席者|應邀出席|应邀出席|列席者)$/i, 'other']
]

/** The first words of a label the column layout cut (`Public officers` / `attending`). */
export const LABEL_TAIL = /^(?:attending|in\s+attendance|present|absent)$/i

/** English titles that start a person's entry; a run-on list is split before each. */
export const PERSON_START_EN =
  /^(?:(?:Dr|Ir|Prof|Professor)\s+)*(?:Hon|Mr|Ms|Miss|Mrs|Mdm|Madam|Prof|Professor|Dr|Ir|Sr|Sir|Rev|MR|MRS|MS|MISS|DR|PROF|IR|THE\s+HONOURABLE|DR\s+THE\s+HONOURABLE|IR\s+DR\s+THE\s+HONOURABLE|PROF\s+THE\s+HONOURABLE)\b/

/** Where a line holding several English entries splits: before each `Hon`, `Dr Hon`, `Ir Dr Hon`, `THE HONOURABLE`. */
export const PERSON_SPLIT_EN = /(?<!\b(?:Dr|Ir|Prof|DR|IR|PROF))\s+(?=(?:(?:Dr|Ir|Prof|DR|IR|PROF)\s+)*(?:Hon\s+[A-Z]|THE\s+HONOURABLE\b))/g

/** A Chinese entry's name ends with a title: `陳鑑林議員`, `梁小琴女士` (then a note or honours may follow). */
export const PERSON_END_ZH = /(?:議員|议员|女士|先生|小姐|博士|教授|醫生|医生|夫人|太太|法官|主席|副主席)$/

/**
 * Where a post ends in a Chinese staff list (`助理秘書長2`, `總主任(申訴)`, `總主任(2)3`, `高級助理法律顧問1`): its
 * post word, then the serials and sections printed after it. A line of posts with no names (two columns run
 * together: `助理法律顧問1助理法律顧問4`, `公共資訊總主任總主任(內務委員會)`) splits after each.
 */
export const POST_END_ZH = /(?:秘書長|秘书长|顧問|顾问|主任|秘書(?![處处])|秘书(?![處处])|經理|经理|主管)(?:\s*(?:\d+|[(（][^()（）]*[)）]))*/g

/** The posts a line of posts holds, as [start, end] in the line; null unless the line is posts from end to end. */
export function postsZh(text: string): [number, number][] | null {
  const posts: [number, number][] = []
  let from = 0
  for (const match of text.matchAll(POST_END_ZH)) {
    const end = match.index + match[0].length
    posts.push([from, end])
    from = end
  }
  return posts.length > 0 && text.slice(from).trim() === '' ? posts : null
}

/** A space, ASCII or full-width, between two ideographs of a name: the padding of a two-character name. */
export const NAME_PADDING = /(?<=[\u3400-\u9fff\uf900-\ufaff])[ \u3000](?=[\u3400-\u9fff\uf900-\ufaff])/g

/** Honours and decorations after a Chinese entry's name: ` , G.B.S., J.P.`, `, 大紫荊勳賢`. */
export const HONOURS_TAIL_ZH = /(?:\s*[,，、]\s*(?:Ph\.?\s?D\.?|(?:[A-Z]{1,4}\.?){1,4}(?:[A-Z]{1,4}\.?)*|[\u3400-\u9fff]{1,6}(?:勳賢|勋贤)))+\s*$/

/** Honours after an English name: `SBS, JP`, `G.B.S., J.P.`, `MH`, `S.B.ST.J.` (two letters between dots). */
export const HONOURS = /^(?:[A-Z]\.?){2,4}$|^(?:[A-Z]{1,2}\.){2,5}$/

/** A line of honours only, the end of an entry wrapped onto it (`S.B.ST.J., J.P.` under `… CHUNG-TAI, S.B.S.,`). */
export const HONOURS_LINE = /^[,，]?\s*(?:(?:[A-Z]{1,2}\.){1,5}|[A-Z]{2,4})(?:\s*[,，]\s*(?:(?:[A-Z]{1,2}\.){1,5}|[A-Z]{2,4}))*\s*$/

/**
 * An English entry's post after its name and honours, the last of its comma parts (`MR KENNETH CHEN, S.B.S.,
 * SECRETARY GENERAL`, `MR A B, CLERK TO THE COUNCIL`): a post word and no personal title.
 */
export const POST_AFTER_NAME_EN =
  /^(?:(?:DEPUTY|ASSISTANT|Deputy|Assistant)\s+)?(?:SECRETARY\s+GENERAL|Secretary\s+General|CLERK\s+TO\s+THE\s+(?:LEGISLATIVE\s+)?COUNCIL|Clerk\s+to\s+the\s+(?:Legislative\s+)?Council|LEGAL\s+ADVISER|Legal\s+Adviser)$/

/** The chair's post printed on a line of its own over the holder's name: `THE PRESIDENT`, `主席`. */
export const CHAIR_POST_LINE = /^(?:THE\s+)?(?:PRESIDENT|CHAIRMAN|DEPUTY\s+PRESIDENT)$|^(?:主席|副主席|代理主席)$/

/**
 * A Chinese entry whose post and name share the line (`財經事務及庫務局局長陳家強教授`, `秘書長陳維安先生`,
 * `立法會秘書甲丁先生`, `主席曾鈺成議員`): group 1 the post, 2 the name (two to four ideographs and a title).
 */
export const POST_THEN_NAME_ZH =
  /^([\u3400-\u9fff（）()]*?(?:秘書長|秘书长|局長|局长|司長|司长|處長|处长|署長|署长|專員|专员|秘書|秘书|副主席|主席))([\u3400-\u9fff]{2,4}(?:先生|女士|小姐|博士|教授|醫生|医生|議員|议员|夫人|太太))$/

/** A note in brackets at the end of an entry: `(Chairman)`, `(主席)`, `(for Item EC(98-99)14)`. */
export const TRAILING_NOTE = /\s*([(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）])\s*$/

/** A sub-label among officers: `Agenda item IV`, `議程第III項`, `Item II`. */
export const ATTENDANCE_SUBLABEL =
  /^(?:(?:For\s+)?(?:Agenda\s+)?[Ii]tems?\s+[IVXLC]+(?:\s*(?:,|and|&|-)\s*[IVXLC]+)*|議程第\s*[IVXLC0-9]+\s*(?:及\s*[IVXLC0-9]+\s*)?項|议程第\s*[IVXLC0-9]+\s*(?:及\s*[IVXLC0-9]+\s*)?项)\s*[:：]?$/

/**
 * A line that names an office rather than a person (a bureau heading among officers): capitalised words and the
 * small words between them (`Commerce and Economic Development Bureau`, `Office of the Government Chief Information
 * Officer`, `Department of Justice`), ending in the office's word or starting with it before `of`.
 */
export const BUREAU_LINE =
  /^(?:(?:[A-Z][a-z]+|and|of|for|the|&)\s+)*?(?:Bureau|Department|Office|Commission|Authority|Council|Corporation|Agency|Secretariat|Division)(?:\s+\([^)]*\))?$|^(?:The\s+)?(?:[A-Z][a-z]+\s+)?(?:Bureau|Department|Office|Commission)\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|and|of|the|&))*$|(?:局|署|處|处|辦公室|办公室|委員會|委员会|部門|部门)$/

/**
 * A word that names a post in an English entry (`Secretary for the Environment`, `Deputy Director of …`, `Chief
 * Council Secretary (4)3`, `Assistant Legal Adviser 5`): a line holding one and no personal title is a post, not
 * a name.
 */
export const POST_WORD_EN =
  /\b(?:Secretary|Director|Officer|Commissioner|Adviser|Advisor|Counsel|Clerk|Controller|Manager|Head|Chief|Administrator|Registrar|Inspector|Superintendent|Engineer|Coordinator|Co-ordinator|Solicitor|Attorney|Treasury|Prosecutions|Draftsman|Surveyor|Architect|Planner|Officers?|Executive|Consultant|Analyst|Accountant|Economist|Statistician|Postmaster|Ombudsman|Auditor)\b|\b(?:SECRETARY|DIRECTOR|COMMISSIONER|OFFICER)\b/

/**
 * The first word of a post left at the end of a name line when the entry wraps (`Mr Joe WONG Chi-cho Principal` /
 * `Assistant Secretary for …`). Group 1 is the word with the space before it.
 */
export const POST_START_AT_END_EN =
  /(\s+(?:Principal|Deputy|Assistant|Senior|Chief|Permanent|Under|Acting|Director|Secretary|Commissioner|Head|Government|Council|Legal))$/

/** A note naming the item an officer attends for, at the end of a post line: `(for Item EC(98-99)14)`, `(for items III and IV)`. Group 1 is the note. */
export const FOR_ITEM_NOTE = /\s*([(（]\s*for\s+(?:agenda\s+)?items?\b(?:[^()（）]|[(（][^()（）]*[)）])*[)）])\s*$/i

/** Titles after which a run of Chinese entries on one line is cut (`甲議員乙議員`): a member's, never inside a name. */
export const PERSON_CUT_ZH = /(?:議員|议员)(?=[\u3400-\u9fff])/g

/** An agenda item's numeral at the start of its heading: `I.`, `II`, `III`, `IV.`, glued or spaced. Group 1 is the numeral. */
export const ITEM_NUMERAL = /^([IVXL]{1,6})(?:\s*[.．、]\s*|\s+|(?=[A-Z\u3400-\u9fff]))/

/**
 * An agenda item numbered in Chinese numerals at the start of its heading: `一、`, `（一）`, `第一項`, then
 * its title. Group 1, 2 or 3 is the numeral.
 */
export const ITEM_NUMBERING_HAN = new RegExp(
  String.raw`^(?:(${HAN_NUMERAL}{1,3})\s*[、．.]|[(（](${HAN_NUMERAL}{1,3})[)）]|第(${HAN_NUMERAL}{1,3})[項项])\s*(?=\S)`
)

/** What an item's title never holds and a point of a question or a list always does: a clause's stop inside, or a lead-in's end (`；`, `？`, a closing `，`, `及`). */
export const CLAUSE_MARKS = /[；;？?]|[，,、：:及或和]$/

/** A line opening with an item's number in brackets, `(1)`, `（2）` (pre-1997 House Committee minutes number their items so): no person of a list. */
export const BRACKETED_NUMBER_START = /^[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*\S/

/** An agenda item's number in brackets, as pre-1997 minutes print it (`(1)`, `（２）`): the marker whole. Group 1 is the number. */
export const BRACKETED_ITEM_NUMBER = /^[(（]\s*([0-9０-９]{1,2})\s*[)）]$/

/** The same number at the start of a heading's title (`(1) 通過…紀要`, as our Markdown writes the heading). Group 1 is the number. */
export const BRACKETED_ITEM_NUMBER_START = /^[(（]\s*([0-9０-９]{1,2})\s*[)）]\s*(?=\S)/

/** After an item numeral, a capital and a stop (`IA.`): an item inserted after I, not I glued to its title's first word. */
export const ITEM_LETTER_SUFFIX = /^[A-Z]\s*[.．]/

/**
 * An item put in before an item of the sequence, its numeral with a letter (`IA.` before `I.`, `IIB.`):
 * group 1 the numeral, 2 the letter (not one of a roman numeral), what follows the mark.
 */
export const INSERTED_ITEM_NUMERAL = /^([IVXL]{1,6})([ABEFGHJKNOPQRSTUWYZ])\s*[.．、]\s*(?=\S)/

/** The officer an agenda names under a question or bill (`Public Officer to reply : Secretary for Education`, `負責答覆的政府官員：`): a line of its own. */
export const REPLYING_OFFICER_LINE =
  /^(?:(?:Other\s+)?Public\s+Officers?\s+to\s+(?:reply|attend)|負責答覆的政府官員|负责答复的政府官员|出席.{0,20}的其他政府官員|出席.{0,20}的其他政府官员)\s*[:：]/i

/** A post-meeting note: `(Post-meeting note: …)`, `(會後備註 : …)`. */
export const POST_MEETING_NOTE = /^[(（]\s*(?:Post-?\s*meeting\s+note|會後備註|会后备注|會後補註|会后补注)\s*[:：]/i

/** The time slot under an agenda item: `(8:30 am - 8:35 am)`, `(11:00 am - 12:00 noon)`, `(10:30 am onwards)`, `(12:45 pm onward)`, `(下午2時30分至2時35分)`, `(由下午12時25分起)`. */
export const TIME_SLOT =
  /^[(（]\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|noon)?\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|noon)|\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?\s*onwards?|由?(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?(?:\s*至\s*(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?|\s*起))\s*[)）]$/i

/** A clock time, English (`2:15 p.m.`, `9:40 am`) or Chinese (`上午10時40分`). */
export const CLOCK_EN = /\b(\d{1,2})[:.](\d{2})\s*([ap])\.?\s*m\b\.?/i
/**
 * A clock time spelled out, as the Hansard prints the start (`The Council met at Eleven o'clock`, `at half-past
 * Two o'clock`, `at a quarter past Nine o'clock`): group 1 the part of the hour, 2 the hour's word, 3 what
 * follows (`in the morning`, `noon`).
 */
export const CLOCK_SPELLED_EN =
  /\b(?:(half[-\s]past|a\s+quarter\s+past|a\s+quarter\s+to)\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]\s?clock\b(\s+(?:in\s+the\s+(?:morning|afternoon|evening)|noon|midnight|[ap]\.?m\.?))?/i
/** The hours of {@link CLOCK_SPELLED_EN}'s words. */
export const HOUR_WORDS: Record<string, number> = {one: 1, ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([, n]) => n <= 12))}
/** The minutes a part of the hour adds (or takes off the hour: `a quarter to`). */
export const HOUR_PARTS: Record<string, number> = {'half-past': 30, 'half past': 30, 'a quarter past': 15, 'a quarter to': -15}
/**
 * The last hour of the morning a spelled-out start may name when it does not say which half of the day: the
 * Council sits from the morning (`Nine o'clock`, `Eleven o'clock`) into the evening (`half-past Two o'clock` is
 * 14:30); no sitting starts before eight.
 */
export const MORNING_FROM = 8

/** The half of the day that adds 12 hours. */
export const AFTERNOON = /^(?:下午|晚上)$/
/**
 * `下午2時30分`, `上午10時`, and in Chinese numerals `下午四時`, `上午十時三十分`, `下午二時半`, `上午九時零五分`:
 * group 1 the half of the day, 2 the hour, 3 the minutes, 4 `半` (half past). Read by {@link clockNumber}.
 */
export const CLOCK_ZH =
  /(上午|下午|中午|晚上)?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[時时](?:\s*(\d{1,2}|[零〇]?[一二三四五六七八九十]{1,3})\s*分|\s*(半))?/

/** An hour or minutes of {@link CLOCK_ZH}, in digits or Chinese numerals (`四`, `十二`, `三十`, `零五`); NaN when neither. */
export function clockNumber(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : hanNumber(value.replace(/^[零〇]/, ''))
}

/** Minutes' header lines with a label: `日期:`, `時 間 :`, `地點:`, `Date :`, `Time :`, `Venue :`. Group 1 label, 2 value. */
export const MEETING_FIELD_LINE = /^(日\s?期(?:及時間)?|时\s?间|時\s?間|地\s?點|地\s?点|Date|Time|Venue|Place)\s*[:：]\s*(.+)$/i
export const MEETING_FIELD_NAMES: Record<string, 'date' | 'time' | 'venue'> = {
  日期: 'date',
  date: 'date',
  時間: 'time',
  时间: 'time',
  time: 'time',
  地點: 'venue',
  地点: 'venue',
  venue: 'venue',
  place: 'venue'
}

/**
 * `held on Friday, 9 May 1997, at 2:15 pm in Conference Room B`: the venue after `in`; or the venue printed before
 * the date, `held at the Legislative Council Chamber on Wednesday, 16 December 1998, at 8:30 am`. Group 1 or 2 is the venue.
 */
export const VENUE_IN_SENTENCE =
  /\b(?:at\s+\d{1,2}[:.]\d{2}\s*[ap]\.?\s*m\.?,?\s+)(?:in|at)\s+(?:the\s+)?(.+?)\s*$|\bheld\s+(?:in|at)\s+(?:the\s+)?(.+?),?\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/i

/** Spaces inside a label as printed (`日 期`): the label's name is looked up without them. */
export const LABEL_SPACES = /\s+/g

/**
 * The note that the Administration has seen the minutes, whole (squeezed, its
 * lines joined): `(These minutes have been seen by the Administration)`,
 * `(此份會議紀要業經政府當局審閱)`.
 */
export const SEEN_BY_ADMINISTRATION =
  /^[(（]?\s*(?:These\s+minutes\s+have\s+been\s+seen\s+by\s+the\s+Administration|此份會議紀要業經政府當局審閱|此份会议纪要业经政府当局审阅)\s*[.。]?\s*[)）]?$/i
/** Spaces between two Chinese characters (where a note's lines were joined). */
const HAN_GAP = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g

/** Is this (squeezed) text the whole note that the Administration has seen the minutes, its lines joined with or without a space? */
export function isSeenByAdministration(text: string): boolean {
  return SEEN_BY_ADMINISTRATION.test(text.replace(HAN_GAP, ''))
}

/** The note's first line when it is broken over lines: `(These minutes have been`, `(此份會議紀要業經`. */
export const SEEN_BY_ADMINISTRATION_START = /^[(（]\s*(?:These\s+minutes|此份會議紀要|此份会议纪要)/i

/** A label, its colon and what follows on the line. */
export const LABEL_AND_REST = /^(.*?)\s*([:：])\s*(.*)$/
/** A label and its first entry parted by a dash, as a converter flattens a two-column table (`列席秘書- 總主任(2)3`; our Markdown writes the label `列席秘書-` alone). */
export const LABEL_DASH_REST = /^(\S(?:.*?\S)?)\s*([-–—])(?:\s+(\S.*))?$/
/** The colon of a label at the start of the next line (two-column layout). */
export const LEADING_COLON = /^[:：]\s*/
/** A comma at the end of an entry's line: its honours go on on the next line (`丁戊己議員，S.B.S.,`). */
export const TRAILING_COMMA = /\s*[,，]\s*$/
/** A comma before honours. */
export const LEADING_COMMA = /^\s*[,，、]\s*/
/** A numbered paragraph's start: the attendance lists have ended. */
export const PARAGRAPH_START = /^\d{1,3}\s*[.．]\s*\S/
/** A Chinese sentence's end inside a line. */
export const SENTENCE_STOP_ZH = /[。？！]/
/** An item numeral followed by a stop or a space. Group 1 the numeral, 2 what follows it. */
export const ITEM_NUMERAL_SPACED = /^([IVXL]{1,6})(\s*[.．、]\s*|\s+)(?=\S)/
/** The brackets around a time slot. */
export const SLOT_BRACKETS = /^[(（]\s*|\s*[)）]$/g

/** A line that ends a sentence: not a heading. */
export const SENTENCE_END = /[.。]$/
/** A title never ends as a sentence does, with a stop, an exclamation or a question mark. */
export const TITLE_ENDS_SENTENCE = /[.。！!？?]$/

// Agendas ---------------------------------------------------------------------

/**
 * A paper listed under an agenda item, at the start of its line: `立法會CB(2)832/04-05號文件`,
 * `LC Paper No. CB(1)562/01-02`, the Legislative Council's before 1997 (`立法局95-96年度第CB(2)901號文件`), two numbers run together (`…(07)CB(2)833/04-05(03)號文件`).
 * Group 1 is the entry's number with its words; what follows is its issue note or description.
 */
export const AGENDA_PAPER = new RegExp(
  String.raw`^((?:(?:P?LC|LegCo)\s+Paper\s+No\.?\s*|臨時立法[會会]|立法[會会]|臨立會|临立会|立法局(?:\d{2}-\d{2}年度)?第?)\s*(?:${PAPER_NUMBER.source}\s*(?:,|及|and)?\s*)+(?:號文件|号文件)?)`,
  'i'
)

/**
 * A note mark glued before a listed paper's number (`*立法會CB(2)889/98-99(04)號文件`, `*CB(2)123/96-97`): where the
 * record explains `*` in a note, the mark points to it. Group 1 is the mark, `*` as printed or `\*` as our Markdown
 * escapes it (read as text: `| \*LC Paper No. … |`).
 */
export const MARK_BEFORE_PAPER = new RegExp(
  String.raw`^(\\?\*)(?=\s*(?:(?:(?:P?LC|LegCo)\s+Paper\s+No\.?|臨時立法[會会]|立法[會会]|臨立會|临立会|立法局(?:\d{2}-\d{2}年度)?第?)\s*)?${PAPER_NUMBER.source})`,
  'i'
)

/** The separator before a paper's description (`-Minutes of…`, `- 待議事項一覽表`, `--`). Group 1 is the separator as printed. */
export const DESCRIPTION_DASH = /^\s*([-–—－─]{1,2})\s*/

/** A dash anywhere in a line: where a paper's number ends and its description starts (`LC Paper No. CB(1)538/01-02(01)-Train…`). */
export const DASH = /[-–—－─]/
/** Brackets, half and full width. */
export const OPEN_BRACKET = /[(（]/
export const CLOSE_BRACKET = /[)）]/

/** A note in brackets about a listed paper or an item: `(隨附於後)`, `(只備中文本)`, `(issued on 17 October 2003)`, `(立法會CB(2)1414/07-08號文件)`. */
export const BRACKETED_LINE = /^[(（].*[)）]$/

/**
 * The Legislative Council's paper number before 1997, its session first: `立法局95-96年度第CB(2)1342號文件`. Group 1
 * is the session, 2 the number.
 */
const COUNCIL_PAPER_LINE_1990S = new RegExp(String.raw`^立法局\s*(\d{2}-\d{2})\s*年度\s*第\s*(${PAPER_NUMBER.source})\s*號文件$`)

/** The paper number such a line states, written as the English record writes it (`CB(2)1342/95-96`); null for any other line. */
export function paperNumber1990s(text: string): string | null {
  const match = COUNCIL_PAPER_LINE_1990S.exec(text.trim())
  return match ? `${match[2]!.replace(/\s+/g, '')}/${match[1]}` : null
}

/** A line in brackets naming a paper, round or square: `(立法會CB(2)285/98-99(01)號文件)`, `[CB(2)1158/98-99(04)号文件]`, `(LC Paper No. CB(1)65/00-01)`. */
const REFERENCE_BRACKETS = /^(?:[(（].*[)）]|[[［].*[\]］])$/
const PAPER_WORDING_START = /^\s*(?:(?:P?LC|LegCo)\s+Papers?\s+Nos?\.?|臨時立法[會会]|立法[會会]|臨立會|临立会)/i
const PAPER_WORDING_END = /(?:號文件|号文件)\s*$/

/** Is the line only a reference to a paper, in brackets (under a minutes item's title, the title's own)? */
export function isPaperReferenceLine(text: string): boolean {
  if (text.length > 100 || !REFERENCE_BRACKETS.test(text)) return false
  const inner = text.slice(1, -1)
  return PAPER_NUMBER.test(inner) && (PAPER_WORDING_START.test(inner) || PAPER_WORDING_END.test(inner))
}

/**
 * What goes between a heading's title and the paper reference under it: nothing for a Chinese reference
 * (`…的紀要(立法會CB(2)901/29-30號文件)`, `…刊登)(臨立會LS46號文件容後奉上)`), else the space a wrapped line takes
 * (`Confirmation of minutes (LC Paper No. CB(1)65/00-01)`).
 */
export function referenceGlue(title: string, reference: string): string {
  for (let k = 0; k < reference.length; k++) if (isHan(reference.charCodeAt(k))) return ''
  return joiner(title, reference)
}

/**
 * A note mark printed before an agenda item (`*VI`, `* III.`, `*二、`, `*（三）`, `*第四項`): its note follows the
 * items. Group 1 is the mark as printed.
 */
export const ITEM_MARK = new RegExp(String.raw`^(\*+\s*)(?=[IVXL]|${HAN_NUMERAL}|[(（]${HAN_NUMERAL}|第${HAN_NUMERAL})`)

/** An agenda that revises an earlier one: its title line. */
export const REVISED_AGENDA = /^(?:修訂議程|修订议程|Revised\s+agenda)$/i

/** `福利事務委員會會議`, `LegCo Panel on Transport meeting`: the committee holding the meeting; group 1 is the committee without the word meeting. */
export const COMMITTEE_MEETING = /^(.*?(?:委員會|委员会|小組委員會|Panel\s+on\s+.+|Committee|Subcommittee))\s*(?:會議|会议|[Mm]eeting)?$/

/** A committee line of a meeting record's header that the paper header does not know: `LegCo Panel on Transport`, `Establishment Subcommittee of the Finance Committee of the Legislative Council` (its lines joined). */
export const MEETING_COMMITTEE_LINE =
  /^(?:LegCo\s+|Legislative\s+Council\s+)?(?:Panel\s+on\s+\S.*|(?:\S+\s+){0,6}(?:Bills\s+)?(?:Sub)?[Cc]ommittee(?:\s+of\s+the\s+Legislative\s+Council)?)$|(?:委員會|委员会)(?:會議|会议)?$/

/** `Meeting on` alone on a header line: the date follows. */
export const MEETING_ON = /^Meeting\s+on$/i

/** `in the Chamber of the Legislative Council Building`, `in Conference Room B`: a header line naming the venue. Group 1 is the venue. */
export const VENUE_LINE = /^(?:in|at)\s+(?:the\s+)?((?:Chamber|Conference\s+Room|Room|Legislative\s+Council)\b.*?)[.,;]?$/i

// The English minutes' Action column ---------------------------------------------

/** The heading of the Action column, printed above it (at the top of each page): `Action`. */
export const ACTION_HEADING = /^Action$/i

/**
 * What the Action column says beside a paragraph: who is to act, as printed —
 * `Admin`, `Adm`, `Clerk`, `Secretariat`, `Members`, a post's initials
 * (`ALA2`, `SALA`, `CCS(4)3`, `DS(Tr)1`), several joined (`Admin/Clerk`,
 * `Admin & ALA`).
 */
export const ACTION_WORD = (() => {
  const owner = String.raw`(?:Admin\.?|Adm\.?|Clerks?|Secretariat|(?:Deputy\s+)?Chairman|(?:All\s+)?[Mm]embers|Legal\s+Adviser|Research\s+(?:Division|Office)|[A-Z]{2,6}\d{0,2}(?:\s?\([A-Za-z0-9]{1,6}\)\d{0,2})?)`
  return new RegExp(String.raw`^${owner}(?:\s*(?:[/,&]|and)\s*${owner})*$`)
})()

/** `Action: Admin` on a line of its own (as our Markdown writes the column): the action of the paragraph above. Group 1 is the action. */
export const ACTION_LABELLED = /^Action\s*:\s*(\S(?:.{0,58}\S)?)$/

/** A wide gap inside a line, tabs or three spaces and more: the column beside the text may follow the last one. */
export const COLUMN_GAP = /[\t \u00a0]*\t[\t \u00a0]*|[ \u00a0]{3,}/g

/** An attendance label with its colon inside a line a mirror ran together (`… O'clock MEMBERS PRESENT: THE PRESIDENT …`). */
export const ATTENDANCE_LABEL_INLINE =
  /(?<=\s)(?:MEMBERS?\s+PRESENT|MEMBERS?\s+ABSENT|PUBLIC\s+OFFICERS?\s+ATTENDING|CLERKS?\s+IN\s+ATTENDANCE|出席議員|缺席議員|出席政府官員|列席秘書|出席议员|缺席议员|出席政府官员|列席秘书)\s*[:：]/g
