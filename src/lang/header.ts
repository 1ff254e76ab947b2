/**
 * The words of a paper's header: the council line, the committee, the
 * meeting the paper is for, the kind of paper. Each pattern is built once
 * here and named for its role (paper numbers and file references: papers.ts).
 */
import type {PaperKind} from '../tree.js'
import {PAPER_NUMBER} from './papers.js'

/** The council line at the top of a paper. */
export const COUNCIL_LINE =
  /^(?:(?:香港特別行政區|香港特别行政区)?(?:臨時)?立法[會会](?:\s*(?:Provisional\s+)?Legislative\s+Council)?|(?:Provisional\s+)?Legislative\s+Council(?:\s*(?:臨時)?立法[會会])?|PROVISIONAL LEGISLATIVE COUNCIL|LEGISLATIVE COUNCIL)$/i

/**
 * The council line at the start of a longer line, read from `lastIndex`
 * (sticky), where a web mirror ran the header's lines together
 * (`立法會Legislative Council立法會CB(2)…`): a `立法會` that a paper number
 * follows is that number's wording, not more of the council line.
 */
export const COUNCIL_LEAD = new RegExp(
  String.raw`(?:(?:香港特別行政區|香港特别行政区)?(?:臨時)?立法[會会](?:\s*(?:Provisional\s+)?Legislative\s+Council)?|(?:Provisional\s+)?Legislative\s+Council(?:\s*(?:臨時)?立法[會会](?!\s*(?:` +
    PAPER_NUMBER.source +
    String.raw`)))?)`,
  'iy'
)

/** `內務委員會文件`, a paper for the House Committee: the committee the paper goes to (group 1), with the word for paper. */
export const COMMITTEE_PAPER_LINE = /^([^\s\d年月日:：，。、]{1,24}?(?:委員會|委员会))(?:文件)$/

/** The same line at the start of a longer one, read from `lastIndex` (sticky), as a web mirror runs it into the title after it. */
export const COMMITTEE_PAPER_LEAD = /([^\s\d年月日:：，。、]{1,24}?(?:委員會|委员会))文件/y

/**
 * The end of a title (`…小組委員會報告`, `…背景資料簡介`, `… Report`): a
 * standard heading right after it is the body's first heading, not more of
 * the title, where a web mirror ran the two together.
 */
export const TITLE_END = /(?:報告|报告|報告書|报告书|簡介|简介|摘要|文件|建議|建议|Report|Paper|Brief|Note)$/

/** A line naming a committee (the header's committee field). */
export const COMMITTEE_LINE =
  /(?:委員會|委员会|Panel|Committee|Subcommittee|Sub-committee|Commission)$|^(?:Legislative\s+Council\s+)?(?:Panel|Subcommittee|Bills\s+Committee|Select\s+Committee|House\s+Committee|Finance\s+Committee)\b/i

/** Words that show a committee line is something else (a paper title, a report). */
export const NOT_COMMITTEE = /報告|报告|文件|摘要|簡介|简介|Report|Paper|Brief|Minutes/i

/** A line about the meeting the paper is for. A date must also be on it or on the next line. */
export const MEETING_LINE = /會議|会议|Meeting|meeting|for\s+discussion|for\s+information|討論|讨论|省覽/i

/** `For discussion on` / `For information on` alone on a line: the date follows on the next. */
export const MEETING_LEAD = /^(?:For\s+(?:discussion|information)(?:\s+on)?|Paper\s+for\s+the\s+.+\s+(?:meeting|Meeting)(?:\s+on)?)$/i

/** Header lines saying what kind of paper this is. */
export const KIND_LINES: [RegExp, PaperKind][] = [
  [/背景資料簡介|背景资料简介|Background\s+brief/i, 'background-brief'],
  [/法律事務部.*報告|法律事务部.*报告|Legal\s+Service\s+Division.*Report/i, 'lsd-report'],
  [/紀要|纪要|Minutes\s+of/i, 'minutes'],
  [/意見書|意见书|Submission/i, 'submission'],
  [/政府當局|政府当局|Administration'?s?\s+paper|Paper\s+(?:prepared|provided)\s+by\s+the\s+Administration/i, 'administration-paper'],
  [/報告|报告|\bReport\b/i, 'report'],
  [/參考資料摘要|参考资料摘要|Information\s+note|Reference\s+brief/i, 'paper']
]

/**
 * A signature line of the Government: a bureau, department, office or branch (`Transport and Logistics Bureau`,
 * `運輸及物流局`, `香港警務處`, `Economic Services Branch`). With a line saying what the paper is for
 * (`For discussion on …`, `討論文件`) it makes an Administration paper that names no kind.
 */
export const GOVERNMENT_SIGNER =
  /(?:\bBureau|\bDepartment|\bBranch|\bGovernment\s+Secretariat|^Office\s+of\s+the\s+.+|\bOffice|\bPolice\s+Force)$|^(?:\S{1,20}(?:局|署|處|处|科|辦公室|办公室)|政府總部|政府总部)$/i

/** A signature of the Council's own staff (the Secretariat, its Legal Service Division): never the Administration. */
export const COUNCIL_SIGNER =
  /立法會|立法会|Legislative\s+Council|Legal\s+Service\s+Division|法律事務部|法律事务部|議會事務部|议会事务部|Council\s+Business\s+Division/i

/** A header line saying what the paper is for at a meeting (`For discussion on 14 May 2025`, `討論文件`, `供參考`). */
export const FOR_MEETING_LINE =
  /^(?:For\s+(?:discussion|information)\b|(?:討論|讨论|資料|资料|參考|参考)文件$|(?:\d{4}\s*年.{1,10}日)?(?:會議|会议)?(?:討論|讨论)文件)/i

/** The kinds a kind line names that hold against an attendance list under it: a brief for a meeting lists who attends, and is no minutes. */
export const KIND_OVER_ATTENDANCE: ReadonlySet<PaperKind> = new Set<PaperKind>(['paper', 'background-brief', 'lsd-report'])

/**
 * A kind line that ends the title it follows: a Chinese Legal Service Division report is titled
 * `《…條例草案》` then `法律事務部報告` (in English the words come first: `Legal Service Division
 * Report on …`, one title line).
 */
export const TITLE_ENDING_KIND = /^(?:法律事務部(?:進一步)?報告|法律事务部(?:进一步)?报告)$/

/** A header line naming a committee's meeting (`修改《基本法》機制小組委員會會議`): group 1, the committee that meets. */
export const COMMITTEE_MEETING_LINE = /^(\S.{0,40}?(?:委員會|委员会))\s*(?:會議|会议)$/

/** The end of a submission's title as the Secretariat words it (`…於2026年6月10日提交的意見書`): the title is whole there. */
export const SUBMISSION_TITLE_END = /(?:提交的意見書|提交的意见书|提交的意見|提交的意见)$/

/** A kind line that says what the paper is for, never its title (`討論文件`, `For information`). */
export const PURPOSE_LINE = /^(?:討論文件|讨论文件|資料文件|资料文件|參考文件|参考文件|For\s+(?:discussion|information))$/i

/** A header line that only says who prepared the paper. */
export const KIND_ONLY_LINE =
  /^(?:討論文件|讨论文件|資料文件|资料文件|參考文件|参考文件|For\s+discussion|For\s+information|Background\s+brief\s+prepared\s+by.*|(?:Paper|Information\s+note)\s+prepared\s+by.*|議員參考資料摘要|议员参考资料摘要|法律事務部報告|法律事务部报告|Legal\s+Service\s+Division\s+(?:Further\s+)?Report|由立法會秘書處擬備的背景資料簡介|立法會秘書處擬備的背景資料簡介)$/i

/** `Paper for the House Committee Meeting on ...`, `2024年4月8日內務委員會會議`: group 1 is the committee named in a meeting line. */
export const COMMITTEE_IN_MEETING =
  /(?:for\s+the\s+)?((?:House|Finance|Establishment|Public\s+Works)\s+(?:Sub)?[Cc]ommittee|Panel\s+on\s+[^,]+?|(?<=^|[\s\d年月日]|立法會|立法会|臨時立法會|临时立法会)(?!立法會|立法会|臨時立法會|临时立法会)[^\s\d年月日]+?委員會)\s*(?:[Mm]eeting|會議)/
