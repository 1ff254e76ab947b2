/**
 * Wording of LegCo papers other than headings and dates: the council line,
 * paper numbers, file references, committees, signature blocks, page
 * furniture. Each pattern is built once here and named for its role.
 */

import {squeeze} from './chars.js'

/** The council line at the top of a paper. */
export const COUNCIL_LINE =
  /^(?:(?:香港特別行政區|香港特别行政区)?(?:臨時)?立法[會会](?:\s*(?:Provisional\s+)?Legislative\s+Council)?|(?:Provisional\s+)?Legislative\s+Council(?:\s*(?:臨時)?立法[會会])?|PROVISIONAL LEGISLATIVE COUNCIL|LEGISLATIVE COUNCIL)$/i

/**
 * A paper number without its wording: `CB(1)369/2024(05)`, `CB(2) 96`,
 * `CB(2)1218/09-10`, `LS37`, `LS 169/98-99`, `FCR(2024-25)12`, with
 * `(351)-(400)` ranges in bundles.
 */
const PAPER_NUMBER_BODY =
  String.raw`(?:\d+\/\d{2}-\d{2}(?=\s*號文件)|(?:FCR|PWSCI?|ESC)\s*\(\s*\d{4}\s*-\s*\d{2}\s*\)\s*\d+|(?:CB|LS|FC|FCR|PWSC|ESC|HC|AS|CMI|PLC|ECI)\s*(?:\(\s*\d\s*\))?\s*\d+(?:\s*\/\s*\d{2,4}(?:\s*-\s*\d{2})?)?(?:\s*\(\s*\d+\s*\)(?:\s*-\s*\(\s*\d+\s*\))?)?)`

export const PAPER_NUMBER = new RegExp(PAPER_NUMBER_BODY)

/** A line that states the paper number: `立法會 CB(1)369/2024(05)號文件`, `LC Paper No. CB(4)711/12-13(06)`. */
export const PAPER_NUMBER_LINE = new RegExp(
  String.raw`^(?:(?:(?:P?LC|LegCo)\s+Paper\s+No\.?\s*)|(?:臨時立法[會会]|立法[會会]|臨立會|临立会)\s*)(` +
    PAPER_NUMBER_BODY +
    String.raw`)\s*(?:號文件|号文件)?\s*$`,
  'i'
)

/** A paper-number line as a PDF stamp prints it at the top of each paper of a bundle. */
export const STAMP_LINE = new RegExp(
  String.raw`^(?:立法[會会]|LC\s+Paper\s+No\.?)\s*(` + PAPER_NUMBER_BODY + String.raw`)\s*(?:號文件|号文件)?`,
  'i'
)

export function normalisePaperNumber(value: string): string {
  return value.replace(/\s+/g, '')
}

/** `檔號：CB1/PL/ITB`, `Ref : CB4/PL/ITB/1`, `File Ref: ...`. Group 1 is the reference. */
export const FILE_REF_LINE = /^(?:檔號|档号|檔案編號|File\s+Ref(?:erence)?\.?|Ref\.?|Our\s+Ref\.?)\s*[:：]\s*(.+)$/i

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
export const KIND_LINES: [RegExp, import('../tree.js').PaperKind][] = [
  [/背景資料簡介|背景资料简介|Background\s+brief/i, 'background-brief'],
  [/法律事務部.*報告|法律事务部.*报告|Legal\s+Service\s+Division.*Report/i, 'lsd-report'],
  [/紀要|纪要|Minutes\s+of/i, 'minutes'],
  [/意見書|意见书|Submission/i, 'submission'],
  [/政府當局|政府当局|Administration'?s?\s+paper|Paper\s+(?:prepared|provided)\s+by\s+the\s+Administration/i, 'administration-paper'],
  [/報告|报告|\bReport\b/i, 'report'],
  [/參考資料摘要|参考资料摘要|Information\s+note|Reference\s+brief/i, 'paper']
]

/** A header line that only says who prepared the paper. */
export const KIND_ONLY_LINE =
  /^(?:討論文件|讨论文件|資料文件|资料文件|參考文件|参考文件|For\s+discussion|For\s+information|Background\s+brief\s+prepared\s+by.*|(?:Paper|Information\s+note)\s+prepared\s+by.*|議員參考資料摘要|议员参考资料摘要|法律事務部報告|法律事务部报告|Legal\s+Service\s+Division\s+(?:Further\s+)?Report|由立法會秘書處擬備的背景資料簡介|立法會秘書處擬備的背景資料簡介)$/i

/** First line of a signature block. */
export const SIGNATURE_START =
  /^(?:(?:香港特別行政區|香港特别行政区)?(?:臨時)?立法[會会]秘[書书][處处]|(?:Provisional\s+)?Legislative\s+Council\s+Secretariat|Prepared\s+by|Encl\.?|Enclosure|連附件|连附件|議會事務部.*|议会事务部.*|法律事務部|法律事务部|Council\s+Business\s+Division.*|Legal\s+Service\s+Division|Clerk\s+to\s+.+|.+秘書|.+謹啟|.+谨启)$/i

/** Is this line the first of a signature block (letter-spaced or not)? */
export function isSignatureStart(text: string): boolean {
  return text.length <= 80 && SIGNATURE_START.test(squeeze(text))
}

/** Lines inside a signature block after its start. */
export const SIGNATURE_LINE =
  /秘[書书][處处]|Secretariat|Division|部$|辦事處|办事处|Adviser|Legal|Clerk|顧問|顾问|秘書|Secretary|主任/i

/** Page numbers printed as their own line: `1`, `-1-`, `- 2 -`, `第 1 頁`, `Page 3 of 9`, `P.2`. */
export const PAGE_NUMBER_LINE =
  /^(?:[-–—~]\s*\d{1,4}\s*[-–—~]|\d{1,4}|第\s*\d{1,4}\s*[頁页](?:\s*[,，]?\s*共\s*\d+\s*[頁页])?|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|P\.\s*\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/i

/** Footers that web pages add: `Last Updated on 23 October 1997`. */
export const WEB_FOOTER_LINE = /^(?:Last\s+(?:Updated|Revision\s+Date)\s*(?:on|:)?\s*.*|最後更新日期.*|最后更新日期.*|上次更新日期.*)$/i

/** A footnote marker glued to the word before it (`technology (IT)1.`): one or two digits after a letter or a closing bracket, before punctuation or a space. */
export const FOOTNOTE_MARKER = /(?<=[A-Za-z)\]])(\d{1,2})(?=[.,;:)]?(?:\s|$))/g

/** Bullets that start an unlabelled item. */
export const BULLETS = '-*+•●○▪■□◆◇►▶‧・–'
