/**
 * Page furniture and notes: page numbers, web-page footers, the marks that
 * start a footnote or a note line. (Running headers are found by
 * repetition, not by words; paper-number stamps: papers.ts.)
 */

/** Page numbers printed as their own line: `1`, `-1-`, `- 2 -`, `第 1 頁`, `Page 3 of 9`, `P.2`. */
export const PAGE_NUMBER_LINE =
  /^(?:[-–—~]\s*\d{1,4}\s*[-–—~]|\d{1,4}|第\s*\d{1,4}\s*[頁页](?:\s*[,，]?\s*共\s*\d+\s*[頁页])?|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|P\.\s*\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/i

/**
 * A line `N/M` that is no page number: a number over a year (the legal notice `138/2012` of a
 * Hansard's tabling list), or one past the count (`15/12`).
 */
export function isNumberOverYear(text: string): boolean {
  const m = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(text)
  if (!m) return false
  const [n, of] = [Number(m[1]), Number(m[2])]
  return n > of || (m[2]!.length === 4 && of >= 1900 && of <= 2099)
}

/** Footers that web pages add: `Last Updated on 23 October 1997`. */
export const WEB_FOOTER_LINE = /^(?:Last\s+(?:Updated|Revision\s+Date)\s*(?:on|:)?\s*.*|最後更新日期.*|最后更新日期.*|上次更新日期.*)$/i

/** The last line of a document mirror's page head (`File Type:pdf, Size:1020Kb`): it and the lines above it (the mirror's title, `Total Page:16`) are the site's, not the paper's. */
export const MIRROR_HEAD_END = /^File\s+Type\s*:\s*\w+\s*,\s*Size\s*:\s*[\d.]+\s*[KMG]?b$/i

/** The mark that starts a note line under the text: `*`, `註 1：`, `注:`, `Note 2:`, `#` (`\*`, `\#` as our Markdown escapes them), and the space after it. */
export const NOTE_LINE_MARK = /^\\?(?:\*+|註\s*\d*[:：]?|注\s*\d*[:：]?|Note\s*\d*[:：]|#)\s*/
