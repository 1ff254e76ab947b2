/**
 * Cross-references inside a paper and to other texts: to its paragraphs
 * (`上文第 6 段`, `paragraphs 3 to 5 below`), to its appendices (`附錄 II`,
 * `Annex A`), to ordinances (`第 486 章`, `Cap. 486`), and the words that
 * show a mention belongs to another document.
 */

// ---------------------------------------------------------------------------
// Cross-references to paragraphs

/**
 * Phrasings that point at paragraphs of the same paper. Group `side` is the
 * word saying where the target is (mapped through SIDE_WORDS), group `list`
 * the paragraph numbers (`6`, `3 至 5`, `3、4 及 5`, `6(b)`).
 */
export const PARAGRAPH_REFERENCES: RegExp[] = [
  // 上文第 6 段, 下文第 3 至 5 段, 上文第 6(b) 段, 下文第 12 及 13 段
  /(?<side>上文|下文|上述|前文|后文|後文)\s*第\s*(?<list>[0-9０-９]+(?:\s*[(（][a-zA-Zａ-ｚivx]+[)）])?(?:\s*(?:至|到|及|和|與|与|、|，|,|-|–)\s*(?:第\s*)?[0-9０-９]+(?:\s*[(（][a-zA-Zａ-ｚivx]+[)）])?)*)\s*段/g,
  // paragraph 6 above, paragraphs 3 to 5 below, para. 6(b) above, paragraphs 3, 4 and 5 above
  /\b(?:paragraphs?|paras?\.?)\s+(?<list>\d+(?:\s*\([a-z]+\))?(?:\s*(?:to|and|or|,|-|–)\s*\d+(?:\s*\([a-z]+\))?)*)\s+(?<side>above|below|hereof)\b/gi
]

/** Words that say where a target is. */
export const SIDE_WORDS: Record<string, 'above' | 'below' | null> = {
  上文: 'above',
  上述: 'above',
  前文: 'above',
  下文: 'below',
  後文: 'below',
  后文: 'below',
  above: 'above',
  below: 'below',
  hereof: null
}

/** Words inside a number list that make it a range (`3 至 5`, `3 to 5`). */
export const RANGE_WORDS = /^(?:至|到|to|-|–)$/i

// ---------------------------------------------------------------------------
// Cross-references to appendices

/**
 * A mention of an appendix of this paper: `附錄`, `附件 A`, `附錄二`,
 * `Appendix I`, `Annex A`, `Appendices I and II`. Group `word`, and
 * `labels` (one or more labels, or none).
 */
export const APPENDIX_REFERENCES: RegExp[] = [
  /(?<word>附錄|附录|附件)(?!所|內|内)\s*(?<labels>(?:[A-ZＡ-Ｚ]\d*|[IVX]{1,5}|[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?:\s*(?:至|及|和|、)\s*(?:[A-ZＡ-Ｚ]\d*|[IVX]{1,5}|[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}))*)?(?![A-Za-z0-9０-９])/g,
  /\b(?<word>Appendix|Appendices|Annex|Annexes)\b(?:\s+(?<labels>(?:[A-Z]\d*|[IVX]{1,5}|\d{1,2})\b(?:\s*(?:to|and|,|-|–)\s*(?:[A-Z]\d*|[IVX]{1,5}|\d{1,2})\b)*))?/g
]

/**
 * Text right before or after an appendix mention showing that it belongs to
 * another document (`…號文件附錄`, `Appendix I to LC Paper No. …`,
 * `the Administration's paper at Annex`): such a mention is not checked.
 */
export const OTHER_DOCUMENT_BEFORE = /(?:文件|報告|报告|條例|条例|草案|規例|规例|函件|文件的|號|号|paper|report|Bill|Ordinance|letter)\s*(?:的)?\s*$/i
export const OTHER_DOCUMENT_AFTER = /^\s*(?:to|of)\s+(?:the\s+)?(?:LC\s+Paper|Paper|paper|report|Report|Bill|Ordinance|letter|minutes|CB\(|LS)/

/** The parts of a number list of a paragraph reference, read half-width: numbers (`6`, `6(b)`), words (`至`, `and`), separators. For matching all. */
export const TARGET_LIST_TOKENS = /\d+(?:\s*\([a-zA-Z]+\))?|[^\d\s(),，、]+|[,，、]/g

/** What separates the labels of an appendix mention (`I 及 II`, `A to C`, `A, B`). */
export const LABEL_SEPARATOR = /\s*(?:至|及|和|、|to|and|,|-|–)\s*/i

/** An ordinance chapter: `第 486 章`, `Cap. 486`, `Chapter 486A`; group 1 (Chinese) or 2 (English) is the number. For scanning. */
export const CHAPTER = /第\s*(\d+[A-Z]{0,2})\s*章|\b(?:Cap\.?|Chapter)\s*(\d+[A-Z]{0,2})\b/g
