/**
 * Page furniture and notes: page numbers, web-page footers, the marks that
 * start a footnote or a note line. (Running headers are found by
 * repetition, not by words; paper-number stamps: papers.ts.)
 */

/** Page numbers printed as their own line: `1`, `-1-`, `- 2 -`, `第 1 頁`, `Page 3 of 9`, `P.2`. */
export const PAGE_NUMBER_LINE =
  /^(?:[-–—~]\s*\d{1,4}\s*[-–—~]|\d{1,4}|第\s*\d{1,4}\s*[頁页](?:\s*[,，]?\s*共\s*\d+\s*[頁页])?|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|P\.\s*\d{1,4}|\d{1,4}\s*\/\s*\d{1,4})$/i

/** Footers that web pages add: `Last Updated on 23 October 1997`. */
export const WEB_FOOTER_LINE = /^(?:Last\s+(?:Updated|Revision\s+Date)\s*(?:on|:)?\s*.*|最後更新日期.*|最后更新日期.*|上次更新日期.*)$/i

/** The mark that starts a note line under the text: `*`, `註 1：`, `注:`, `Note 2:`, `#` (`\*`, `\#` as our Markdown escapes them), and the space after it. */
export const NOTE_LINE_MARK = /^\\?(?:\*+|註\s*\d*[:：]?|注\s*\d*[:：]?|Note\s*\d*[:：]|#)\s*/
