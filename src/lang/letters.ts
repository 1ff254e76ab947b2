/**
 * The words of letters and submissions (zh-Hant, zh-Hans, en): the
 * salutation (`各位委員：`, `Dear Members,`), the closing (`此致`, `Yours
 * sincerely`), the addressee (`致：…小組委員會`, `To: Bills Committee on …`),
 * the subject line (`主旨：`, `Re:`), the fields of a printed e-mail
 * (`寄件者：`, `From:`), the labels of a submission's signature block
 * (`提交人`, `所屬團體`, `日期`), the line that starts an attachment
 * (`附件：`, `Annex`, `Attachment`), and the words that say a letter is a
 * submission (`意見書`, `submission`).
 */
import {squeeze} from './chars.js'
import {PARAGRAPH_MARKER} from './numbering.js'

/** Lines longer than this are sentences, not a salutation or a closing. */
const SHORT = 48

/** A salutation: `各位委員：`, `致立法會相關小組委員會主席及各委員：`, `敬啟者：`, `Dear Dr. LEONG,`, `Honourable Members,`. */
export const SALUTATION = [
  /^(?:尊敬的|敬愛的|親愛的|亲爱的|敬爱的)?[^，。；！？,]{0,36}?(?:各位|列位|諸位|诸位)?(?:委員|委员|議員|议员|主席|先生|女士|小姐|閣下|阁下|官員|官员|鈞鑒|钧鉴|台鑒|台鉴|同事)(?:們|们)?[:：]$/,
  /^(?:敬啟者|敬启者|逕啟者|迳启者)[:：]?$/,
  /^(?:My\s+)?Dear\s+[^!?;]{1,60}?[,:;]?$/i,
  /^(?:The\s+)?(?:Honourable|Hon\.?)\s+(?:Members?|Chairman|Chairperson|President)[^.!?;]{0,40}?[,:]?$/i,
  /^(?:Sir|Sirs|Madam|Sir\s*\/\s*Madam|Sir\s+or\s+Madam|Gentlemen|To\s+whom\s+it\s+may\s+concern)[,:]?$/i
]

/**
 * A salutation longer than a short line: `Dear` and whom it greets, up to a line of a page, with no
 * comma or other stop inside and a comma or colon at its end (`Dear Ms. … and Members of the … Bureau,`).
 * A wrapped first line of a paragraph (`Dear Members, I am writing …`) has its comma inside.
 */
export const LONG_SALUTATION = /^(?:My\s+)?Dear\s+[^,;:!?]{1,110}[,:]$/i

/** A closing formula: `此致`, `敬祝 安康`, `Yours sincerely,`, `Regards`, `Many thanks!`. */
export const CLOSING = [
  /^(?:此致|謹致|谨致|敬祝|順祝|顺祝|順頌|顺颂|祝[^，。]{0,4}(?:安|好|祺)|耑此|专此|專此)(?:[\s\u3000]*(?:敬禮|敬礼|安康|鈞安|钧安|台安|崇祺|時祺|时祺))?[，,。]?$/,
  /^(?:Yours\s+(?:sincerely|faithfully|truly|respectfully)|Sincerely(?:\s+yours)?|Faithfully(?:\s+yours)?|Respectfully(?:\s+yours)?|(?:With\s+)?(?:best|kind|warm|warmest|kindest)\s+regards|Regards|Best\s+wishes|Many\s+thanks|Thank\s+you|Thanks)[,.!]?$/i
]

/** After `此致`, the addressee's line (`立法會交通事務委員會`, `主席`): short, no sentence, no date. */
export const CLOSING_LEAD = /^(?:此致|謹致|谨致)/

/** `致：…`, `To: …`, `收件人：…`: the addressee, labelled. */
export const ADDRESSEE_LABEL = /^(?:致|呈|To|Attn\.?|Attention)\s*[:：]\s*(.+)$/i

/** A subject line: `主旨：網約車`, `事由：…`, `Subject: …`, `Re: …`. */
export const SUBJECT_LABEL = /^(?:主旨|主題|主题|事由|標題|标题|有關|有关|關於|关于|Subject|Re|RE)\s*[:：]\s*(.+)$/

/** The fields of a printed e-mail's head: sender, time sent, recipients, copies. */
export const EMAIL_FIELD = /^(?:寄件者|寄件人|發件人|发件人|已傳送|已发送|傳送日期|发送时间|收件者|收件人|副本|抄送|From|Sent|To|Cc|Date)\s*[:：]/i

/** The field of a printed e-mail's head that says when it was sent: `已傳送：`, `傳送日期：`, `Sent:`, `Date:`. */
export const EMAIL_SENT_FIELD = /^(?:已傳送|已发送|傳送日期|传送日期|發送時間|发送时间|寄件日期|Sent|Date)\s*[:：]/i

/** The labels of a submission's signature block: `提交人：`, `所屬團體：`, `日期：`, `Name:`, `Organisation:`. */
export const SIGNATURE_LABEL =
  /^(?:提交人|提交者|意見提交人|所屬團體|所属团体|團體名稱|团体名称|機構名稱|机构名称|代表團體|代表团体|聯絡人|联络人|聯絡電話|联络电话|日期|姓名|簽署|签署|Name|Submitted\s+by|Organi[sz]ation|Date|Signature)\s*[:：]/i

/** A line that starts an attachment: `附件：…`, `附件一`, `Annex`, `Attachment 1` (an `Encl.` line under a signature lists enclosures: it starts nothing). */
export const ATTACHMENT = /^(附件|附夾|附夹|Annex|Attachment)\s*([一二三四五六七八九十0-9A-Z]*)\s*(?:[:：]\s*(.*))?$/i

/** Words near the top that say the paper is a submission (views sent to a committee). */
export const SUBMISSION_WORDS = /意見書|意见书|提交的意見|提交的意见|意見陳述|意见陈述|\bsubmission\b|\bviews?\s+on\b/i

/**
 * A submission's title, which names the paper a submission where it has no salutation or closing:
 * `Submission from the … Association`, `Submission by …`, `Joint submission of …`, `Views of … on …`,
 * `…的意見書`, `就…提交的意見書`, `…對…的意見`. A title line: short, not a sentence (a paper that speaks of
 * `the submissions received` or `views on the proposal` in its text is no submission).
 */
export const SUBMISSION_TITLE = [
  /^(?:(?:A|Joint|Written|Further|Supplementary)\s+)?[Ss]ubmission\s+(?:from|by|of|to|on)\s+\S/,
  /^(?:(?:The|Our)\s+)?Views?\s+(?:of|from)\s+.+?\s+on\s+\S/,
  /^就.{1,60}?(?:提交|呈交|遞交|递交)的?(?:意見書|意见书|意見|意见)/,
  /(?:意見書|意见书)(?:[(（][^)）]{0,20}[)）])?$/
]

/** Is this line a submission's title? */
export function isSubmissionTitle(raw: string): boolean {
  const text = squeeze(raw.trim())
  if (text.length > 120 || /[。！？；.!?;]$/.test(text) || PARAGRAPH_MARKER.test(text)) return false
  return SUBMISSION_TITLE.some((pattern) => pattern.test(text))
}

/** The most words of an English heading in sentence case (not Title Case). */
const SENTENCE_CASE_WORDS = 3

/** Words of an English heading that stay lower-case in Title Case (`Drives Up Costs for Citizens`). */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'for',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'into',
  'than',
  'vs',
  'via',
  'per',
  'its',
  'our'
])

/**
 * Are these the words of an English numbered heading in a letter or submission (`Background`, `Our
 * concerns`, `Healthy Market Competition Drives Better Quality of Service`), the number taken off?
 * Words in Latin letters, a capital first, a dozen words at most, no stop, comma or colon at the end and
 * no sentence inside; in Title Case (every word of four letters or more capitalised but the minor ones),
 * or of three words at most. `titleCase`: Title Case only (a heading printed over its paragraph with no
 * gap, where only its case tells it from a sentence's start).
 */
export function isEnglishHeadingWords(raw: string, titleCase: boolean): boolean {
  const text = raw.trim()
  if (!/^[A-Z\u2018\u201c"'(]/.test(text) || /[\u3400-\u9fff]/.test(text) || /[.,;:!?]$/.test(text) || /[a-z][.!?]\s+[A-Z]/.test(text)) return false
  const words = text.split(/\s+/)
  if (words.length > 12) return false
  const cased = words.every((word) => !/^[a-z]{4,}/.test(word) || MINOR_WORDS.has(word.toLowerCase()))
  // In sentence case a heading is a few words (`Our concerns`, `What we ask`): a longer phrase (`Quotas make
  // licences scarce`) is a point's opening words, a numbered paragraph as the outlines record it.
  return cased || (!titleCase && words.length <= SENTENCE_CASE_WORDS)
}

/** A signing formula after the sender's name (`智慧出行聯合商會 / 會長周國强謹啟`). */
export const SIGNING_FORMULA = /^\S.{0,30}(?:謹啟|谨启|敬啟|敬启|謹上|谨上|敬上)$/

/** Chinese words in a heading's title (`審慎推出，動態調整`), and the marks of a clause it holds no heading with. */
export const HAN_WORDS = /[\u3400-\u9fff]/
export const CLAUSE_MARK = /[，。；,;]/

/** The committee an addressee names: `Chairman of the House Committee` -> `House Committee`, `…小組委員會主席` -> `…小組委員會`. */
export const ADDRESSEE_COMMITTEE = [
  /([^\s，。、：:致]*?(?:小組委員會|小组委员会|事務委員會|事务委员会|委員會|委员会))/,
  /((?:[A-Z][\w'’()-]*\s+)*(?:Committee|Subcommittee|Panel)(?:\s+(?:on|for)\s+[^,;]+)?)/
]

function short(text: string): boolean {
  return text.length <= SHORT
}

/** Is this line a letter's salutation? (Not a numbered paragraph: `2. 議員：` is a paragraph's lead-in.) */
export function isSalutation(raw: string): boolean {
  const text = squeeze(raw.trim())
  if (PARAGRAPH_MARKER.test(text)) return false
  return short(text) ? SALUTATION.some((pattern) => pattern.test(text)) : LONG_SALUTATION.test(text)
}

/** Is this line a closing formula? */
export function isClosing(raw: string): boolean {
  const text = squeeze(raw.trim())
  return short(text) && CLOSING.some((pattern) => pattern.test(text))
}

/** The attachment line's marker and title (`附件`, `「…」政策意見書`), or null. */
export function attachmentLine(raw: string): {marker: string; label: string | null; title: string | null} | null {
  const text = squeeze(raw.trim())
  if (text.length > 120) return null
  const found = ATTACHMENT.exec(text)
  if (!found) return null
  const title = found[3]?.trim() || null
  const label = found[2] || null
  // The marker as printed, with its colon (`附件：`, `Annex:`); a label is the appendix's own (`附件A：` is `附件：` and `A`, as `附件A` is `附件` and `A`).
  const before = title ? text.slice(0, text.lastIndexOf(title)).trim() : text
  const marker = label ? found[1]! + before.slice(before.indexOf(label, found[1]!.length) + label.length).trim() : before
  return {marker, label, title}
}

/** The committee an addressee names, or null. */
export function addresseeCommittee(text: string): string | null {
  for (const pattern of ADDRESSEE_COMMITTEE) {
    const found = pattern.exec(text)
    if (found?.[1]) return found[1].trim()
  }
  return null
}

/** A capitalised word of a committee's name in a title (`Transport`, `(Amendment)`, `2031`). */
const NAME_WORD = String.raw`(?:[A-Z(][\w'’()-]*|\d{4})`

/**
 * The committee a title says the paper goes to, where no line of its own
 * names it: `Submission to the Panel on Transport`, `Views to LegCo Panel on
 * Transport on …` (the committee's name is its capitalised words: `on the
 * review of …` after it is the subject), `致立法會交通事務委員會的意見書`,
 * `向交通事務委員會提交的意見書`, `提交予…小組委員會的意見書`.
 */
export const TITLE_COMMITTEE = [
  new RegExp(
    String.raw`\b[Tt]o\s+(?:the\s+)?((?:${NAME_WORD}\s+)*?(?:Bills\s+Committee|Committee|Subcommittee|Sub-committee|Panel)(?:\s+(?:on|for)\s+(?:the\s+)?${NAME_WORD}(?:\s+(?:(?:and|of|the|for|in|&)\s+)*${NAME_WORD})*)?)`
  ),
  /(?:致|向|呈交?|提交(?:予|給|给|至))[\s\u3000]*([^\s，。、：:（）()「」]{0,30}?(?:小組委員會|小组委员会|事務委員會|事务委员会|委員會|委员会))/
]

/** The committee a submission's title sends it to, or null (`Report of the Subcommittee on …` names its author: no `to`). */
export function titleCommittee(raw: string): string | null {
  const text = squeeze(raw.trim())
  for (const pattern of TITLE_COMMITTEE) {
    const found = pattern.exec(text)
    if (found?.[1]) return found[1].trim()
  }
  return null
}

/** A letter's own file reference on a line of its own: `CSO / ADM CR 14/3231/97(99) Pt. 13`, `Our ref.: TC 12/3`. */
export const LETTER_REF =
  /^(?:(?:Our|Your)\s+ref(?:erence)?\.?(?:\s+No\.?)?\s*[:：]?\s*|本署檔號\s*[:：]\s*|來函檔號\s*[:：]\s*|本函檔號\s*[:：]\s*)?((?=[^\s]*[A-Z]{2})(?=.*\d)(?=.*\/)[A-Z][A-Z0-9 ()./&-]*?(?:\s+(?:Pt|Part|Vol)\.?\s*\d+)?)$/

/** Letterhead lines: telephone, fax, e-mail, website. */
export const LETTERHEAD_LINE = /^[(（]?(?:Tel|Telephone|Fax|Facsimile|E-?mail|Website|電話|电话|傳真|传真|電郵|电邮|網址|网址|地址)\.?\s*(?:No\.?)?\s*[:：]/i

/**
 * Words around a date that make it the date of the meeting a letter or submission is for: before it
 * `將於` / `will … on` / `meeting on`, after it `討論` / `舉行會議` / `會議上` (`小組委員會將於 2026 年 6 月 8 日討論…`,
 * `the Subcommittee will discuss the Regulation at its meeting on 8 June 2026`).
 */
export const MEETING_DATE_BEFORE =
  /(?:將於|将于|定於|定于)\s*$|\bmeeting\s+(?:on|of|held\s+on|to\s+be\s+held\s+on)\s*$|\bwill\s+(?:discuss|consider|meet|examine)\b[^.;]{0,80}?\bon\s*$/i
export const MEETING_DATE_AFTER = /^\s*(?:[(（][^)）]{0,8}[)）]\s*)?(?:舉行的?會議|举行的?会议|的?會議|的?会议|討論|讨论|商議|商议|審議|审议|研究)/

/** The words around the date a submission's title gives (`於 … 提交`, `submitted on …`): before it, and after it. */
export const SUBMITTED_BEFORE = /(?:於|于|submitted\s+on|dated)\s*$/i
export const SUBMITTED_AFTER = /^\s*(?:提交|遞交|递交|呈交|$|[)）,.])/
