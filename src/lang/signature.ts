/**
 * The words of a signature block: who signs (the Secretariat, a division,
 * a clerk), what is enclosed, who prepared the paper.
 */
import {squeeze} from './chars.js'
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
