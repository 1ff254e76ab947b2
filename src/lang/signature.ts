/**
 * The words of a signature block: who signs (the Secretariat, a division,
 * a clerk), what is enclosed, who prepared the paper.
 */
import {endsSentence, squeeze} from './chars.js'
import {standardHeadingKey} from './headings.js'
import {SIGNATURE_LABEL} from './letters.js'

/** First line of a signature block. */
export const SIGNATURE_START =
  /^(?:(?:香港特別行政區|香港特别行政区)?(?:臨時)?立法[會会]秘[書书][處处]|(?:Provisional\s+)?Legislative\s+Council\s+Secretariat|Prepared\s+by|Encl\.?|Enclosure|連附件|连附件|議會事務部.*|议会事务部.*|法律事務部|法律事务部|Council\s+Business\s+Division.*|Legal\s+Service\s+Division|Clerk\s+to\s+.+|.+秘書|.+謹啟|.+谨启)$/i

/** Is this line the first of a signature block (letter-spaced or not)? */
export function isSignatureStart(text: string): boolean {
  return text.length <= 80 && SIGNATURE_START.test(squeeze(text))
}

/** Lines of a signature that say what is enclosed or who prepared it rather than who issues it. */
export const SIGNATURE_NOT_ISSUER = /^(?:連附件|连附件|Encl\.?|Enclosure|Prepared\s+by)$/i

/** The label of a signature's date (`日期：2026年6月4日`, `Date: 4 June 2026`, `Dated:`): the label belongs to the date, not to the sender. */
export const SIGNATURE_DATE_LABEL = /^(?:(?:簽署|签署|提交)?日[ \u3000]*期|Date[d]?)\s*[:：]\s*/i

/** The words after a signature's date label (`2026年6月4日`, or `` when the date is on the next line), or null for a line without the label. */
export function signatureDateRest(raw: string): string | null {
  const text = squeeze(raw.trim())
  const found = SIGNATURE_DATE_LABEL.exec(text)
  return found ? text.slice(found[0].length).trim() : null
}

/** Labels of a signature whose value names no sender: a telephone, an e-mail, a fax, a signature's own line. */
export const SIGNATURE_NOT_SENDER_LABEL = /^(?:聯絡電話|联络电话|電話|电话|傳真|传真|電郵|电邮|簽署|签署|Tel|Telephone|Phone|Fax|E-?mail|Signature)\s*[:：]/i

/**
 * The words after any label of a signature (`提交人：陳大文` -> `陳大文`, `Name:` -> ``, the date's
 * label too), or null for a line without one. A label alone names nothing itself: the line under it is its value.
 */
export function signatureLabelRest(raw: string): string | null {
  const text = squeeze(raw.trim())
  const found = SIGNATURE_DATE_LABEL.exec(text) ?? SIGNATURE_LABEL.exec(text)
  return found ? text.slice(found[0].length).trim() : null
}

/**
 * The end of a Chinese line that names a sender: a group (`…協會`, `…聯會`, `Uber 香港團隊`, `…有限公司`), a
 * post or a person (`…主席`, `…先生`, `市民`, `…的人`), a signing formula (`…謹啟`, `…敬上`).
 */
export const SENDER_END_ZH =
  /(?:會|会|團隊|团队|公司|集團|集团|組織|组织|中心|聯盟|联盟|社|黨|党|局|署|處|处|部|辦公室|办公室|大學|大学|學院|学院|基金|小組|小组|組|组|居民|街坊|聯席|联席|關注組|关注组|團體|团体|車行|车行|銀行|银行|廠|厂|店|主席|秘書|秘书|代表|成員|成员|議員|议员|先生|女士|小姐|太太|博士|教授|律師|律师|醫生|医生|司機|司机|車主|车主|市民|居民|人|謹啟|谨启|敬啟|敬启|敬上|謹上|谨上|[)）])$/

/** Words of a sentence, which no sender's line holds (`希望政府今年檢討票價`, `但需要加強監管其質素`): a verb of asking or thinking, a pronoun, a connective, a comma. */
export const SENTENCE_WORDS_ZH =
  /希望|認為|认为|建議|建议|要求|促請|促请|我們|我们|本人認|應該|应该|應當|应当|是否|必須|必须|不能|未能|需要|以免|因此|但是|然而|如果|因為|因为|所以|而且|請|请|謝謝|谢谢|感謝|感谢|[，,；;。！？]/

/** Lower-case words of an English line that a name, post or group may hold (`for Secretary for Transport`, `Member of the Council`). */
const NAME_JOINERS = new Set([
  'of',
  'for',
  'the',
  'and',
  'on',
  'to',
  'in',
  'at',
  'de',
  'da',
  'van',
  'von',
  'der',
  'du',
  'la',
  'le',
  'c.c.',
  'cc',
  'on behalf of',
  'behalf'
])

/**
 * Could this line of a letter's last block name its sender (a name, a post, a group, a signing
 * formula), where no closing and no signature word says a signature starts? Not a body sentence
 * left without its stop (`We ask the Government to review them`, `希望政府今年檢討票價`), a heading
 * (`Conclusion`, `總結`, `Ferry services at night`): a Chinese line names a person in two to four
 * characters, or ends in a group's, a post's or a formula's word, with no word of a sentence; an
 * English line's words are capitalised but for the few that join a name (`of`, `for`, `the`).
 */
export function isSenderLine(raw: string): boolean {
  const text = squeeze(raw.trim())
  if (text.length === 0 || text.length > 60 || standardHeadingKey(text)) return false
  if (isSignatureStart(text)) return true
  if (endsSentence(text) && !/^[(（].*[)）]$/.test(text)) return false
  if (/[\u3400-\u9fff]/.test(text)) {
    if (SENTENCE_WORDS_ZH.test(text)) return false
    const han = text.replace(/[^\u3400-\u9fff]/g, '')
    // A name of two to four characters; a group, post or formula by its end; words in Latin letters (`Uber 香港團隊`) or
    // a post and a name apart (`主席 陳大文`).
    return (han.length >= 2 && han.length <= 4 && han === text) || SENDER_END_ZH.test(text) || /[A-Za-z]{2}/.test(text) || /\S[ \u3000]+\S/.test(text)
  }
  const words = text
    .replace(/[()（）,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const lower = words.filter((word) => /^[a-z]/.test(word) && !NAME_JOINERS.has(word) && !/@/.test(word))
  // A pronoun and a verb start a sentence (`We support`, `I hope`), however short.
  if (/^(?:We|I|Our|This|It|They|Please|Thank)\s+[a-z]/.test(text)) return false
  return lower.length <= 1
}
