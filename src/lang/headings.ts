/**
 * Standard section headings of LegCo papers, in Traditional Chinese,
 * Simplified Chinese and English. A line that is one of these words is a
 * top-level (depth 1) section heading, and its key is language-independent
 * so that a Chinese and an English version can be aligned by it. Below the
 * tables, the lookups: is this line a standard heading, an appendix heading?
 */
import {squeeze, toHalfWidth} from './chars.js'
import {HAN_NUMERAL, HEADING_NUMBERING, PARAGRAPH_MARKER} from './numbering.js'
import {TITLE_END} from './header.js'

export interface HeadingWord {
  key: string
  hant: string[]
  hans: string[]
  en: string[]
}

export const HEADINGS: HeadingWord[] = [
  {key: 'purpose', hant: ['目的', '本文件目的'], hans: ['目的', '本文件目的'], en: ['Purpose', 'Purposes']},
  {key: 'introduction', hant: ['引言', '導言'], hans: ['引言', '导言'], en: ['Introduction']},
  {key: 'background', hant: ['背景', '背景資料'], hans: ['背景', '背景资料'], en: ['Background', 'Background information']},
  {
    key: 'previous-discussions',
    hant: ['過往的討論', '過往討論', '議員過往的討論', '委員會過往的討論', '事務委員會的討論', '事務委員會過往的討論'],
    hans: ['过往的讨论', '过往讨论', '议员过往的讨论', '委员会过往的讨论', '事务委员会的讨论', '事务委员会过往的讨论'],
    en: ['Previous discussions', 'Previous discussion', 'Past discussions', "Members' previous discussions", 'Discussions of the Panel']
  },
  {
    key: 'deliberations',
    hant: ['商議工作', '委員會的商議工作', '小組委員會的商議工作', '法案委員會的商議工作', '討論'],
    hans: ['商议工作', '委员会的商议工作', '小组委员会的商议工作', '法案委员会的商议工作', '讨论'],
    en: [
      'Deliberations',
      'Deliberations of the Subcommittee',
      'Deliberations of the Bills Committee',
      'Deliberations of the Committee',
      'Discussion',
      'Discussions'
    ]
  },
  {
    key: 'concerns',
    hant: ['議員的主要意見及關注事項', '主要意見及關注事項', '議員提出的主要關注事項', '主要關注事項', '關注事項'],
    hans: ['议员的主要意见及关注事项', '主要意见及关注事项', '议员提出的主要关注事项', '主要关注事项', '关注事项'],
    en: ['Major views and concerns', 'Major concerns', 'Major issues', 'Issues raised', 'Concerns raised by Members', 'Major views and concerns of Members']
  },
  {
    key: 'council-questions',
    hant: ['在立法會會議上提出的質詢', '立法會質詢', '議員質詢'],
    hans: ['在立法会会议上提出的质询', '立法会质询', '议员质询'],
    en: ['Council questions', 'Questions raised at Council meetings', 'Council questions and motions']
  },
  {
    key: 'latest-development',
    hant: ['最新情況', '最新發展', '最新進展'],
    hans: ['最新情况', '最新发展', '最新进展'],
    en: ['Latest development', 'Latest developments', 'Latest position', 'Latest situation', 'Recent developments']
  },
  {
    key: 'relevant-papers',
    hant: ['相關文件', '有關文件', '參考文件'],
    hans: ['相关文件', '有关文件', '参考文件'],
    en: ['Relevant papers', 'Relevant documents', 'Reference papers', 'References']
  },
  {
    key: 'advice-sought',
    hant: ['徵詢意見', '徵求意見', '要求議員提供意見', '提請議員注意'],
    hans: ['征询意见', '征求意见', '要求议员提供意见', '提请议员注意'],
    en: ['Advice sought', 'Advice Sought', 'Views sought', 'Action required', 'For information']
  },
  {
    key: 'recommendation',
    hant: ['建議', '建議事項', '提議'],
    hans: ['建议', '建议事项', '提议'],
    en: ['Recommendation', 'Recommendations', 'Proposal', 'Proposals', 'The proposal']
  },
  {key: 'conclusion', hant: ['結論', '總結'], hans: ['结论', '总结'], en: ['Conclusion', 'Conclusions', 'Summary']},
  {key: 'comments', hant: ['意見', '評論'], hans: ['意见', '评论'], en: ['Comments', 'Comment', 'Observations']},
  {key: 'justifications', hant: ['理據', '理由'], hans: ['理据', '理由'], en: ['Justification', 'Justifications']},
  {
    key: 'financial-implications',
    hant: ['財務影響', '對財政的影響', '財政影響'],
    hans: ['财务影响', '对财政的影响', '财政影响'],
    en: ['Financial implications', 'Financial implication']
  },
  {key: 'implications', hant: ['建議的影響', '影響'], hans: ['建议的影响', '影响'], en: ['Implications of the proposal', 'Implications']},
  {key: 'public-consultation', hant: ['公眾諮詢', '諮詢'], hans: ['公众咨询', '咨询'], en: ['Public consultation', 'Consultation']},
  {
    key: 'panel-consultation',
    hant: ['諮詢立法會事務委員會', '諮詢事務委員會'],
    hans: ['咨询立法会事务委员会', '咨询事务委员会'],
    en: ['Consultation with LegCo Panel', 'Consultation with the Panel']
  },
  {
    key: 'way-forward',
    hant: ['未來路向', '未來工作路向', '下一步工作', '未來路向及建議'],
    hans: ['未来路向', '未来工作路向', '下一步工作'],
    en: ['Way forward', 'The way forward', 'Next steps']
  },
  {
    key: 'object-of-bill',
    hant: ['條例草案目的', '條例草案的目的'],
    hans: ['条例草案目的', '条例草案的目的'],
    en: ['Object of the Bill', 'Objects of the Bill']
  },
  {
    key: 'the-bill',
    hant: ['條例草案', '條例草案的內容', '條例草案的主要條文'],
    hans: ['条例草案', '条例草案的内容', '条例草案的主要条文'],
    en: ['The Bill', 'Provisions of the Bill', 'The Bill and the proposal']
  },
  {key: 'legco-brief', hant: ['立法會參考資料摘要'], hans: ['立法会参考资料摘要'], en: ['LegCo Brief', 'LegCo Brief Reference']},
  {key: 'first-reading', hant: ['首讀日期'], hans: ['首读日期'], en: ['Date of First Reading', 'Date of first reading']},
  {key: 'subsidiary-legislation', hant: ['附屬法例'], hans: ['附属法例'], en: ['The subsidiary legislation', 'Subsidiary legislation']},
  {key: 'legal-aspects', hant: ['法律及草擬方面', '法律方面'], hans: ['法律及草拟方面', '法律方面'], en: ['Legal and drafting aspects', 'Legal aspects']},
  {
    key: 'implementation',
    hant: ['推行時間表', '實施時間表', '推行計劃'],
    hans: ['推行时间表', '实施时间表', '推行计划'],
    en: ['Implementation timetable', 'Implementation plan', 'Implementation']
  },
  {
    key: 'members',
    hant: ['委員', '小組委員會', '法案委員會'],
    hans: ['委员', '小组委员会', '法案委员会'],
    en: ['Membership', 'The Subcommittee', 'The Bills Committee']
  },
  {
    key: 'attendance',
    hant: ['出席委員', '出席議員', '缺席委員', '缺席議員', '出席公職人員', '列席秘書', '列席職員', '出席情況'],
    hans: ['出席委员', '出席议员', '缺席委员', '缺席议员', '出席公职人员', '列席秘书', '列席职员', '出席情况'],
    en: ['Members present', 'Members absent', 'Members attending', 'Public officers attending', 'Clerk in attendance', 'Staff in attendance', 'Attendance']
  },
  {key: 'progress', hant: ['進展', '工作進度'], hans: ['进展', '工作进度'], en: ['Progress', 'Progress update']}
]

/**
 * Heading forms that vary in who they name (`事務委員會的商議工作`,
 * `Deliberations of the Panel`): matched on the heading's comparison form
 * (half-width, lower case, no spaces between CJK), whole heading only.
 */
const WHO = String.raw`(?:議員|议员|委員|委员|(?:事務|事务|小組|小组|法案|內務|内务|財務|财务|專責|专责)?(?:委員會|委员会)|(?:代表)?(?:團體|团体))`
const BY = String.raw`(?:of|by) (?:the )?[a-z' -]{2,60}`

/** Words one of which every pattern below needs: a cheap test before the patterns (compiling them costs a cold start). */
export const HEADING_PATTERN_HINTS = [
  '商議',
  '商议',
  '討論',
  '讨论',
  '關注',
  '关注',
  '質詢',
  '质询',
  'deliberation',
  'discussion',
  'concern',
  'views',
  'issues',
  'question',
  'relevant',
  'progress',
  '進展',
  '进展',
  '進度',
  '进度'
]

export const HEADING_PATTERNS: [RegExp, string][] = [
  [new RegExp(String.raw`^${WHO}(?:的)?(?:商議工作|商议工作)$|^deliberations ${BY}$`), 'deliberations'],
  [new RegExp(String.raw`^${WHO}?(?:過往|以往|过往)的?(?:討論|讨论)$|^(?:previous|past) (?:discussions?|deliberations)(?: ${BY})?$`), 'previous-discussions'],
  [
    new RegExp(
      String.raw`^${WHO}(?:提出)?的?(?:主要)?(?:意見|意见)?及?(?:關注事項|关注事项)$|^(?:major |main )?(?:views|issues|concerns)(?: and concerns)?(?: raised| expressed)? (?:by|of) (?:the )?(?:members|deputations)$`
    ),
    'concerns'
  ],
  [
    /^(?:在)?(?:立法會|立法会)(?:會議|会议)?(?:上)?(?:提出的)?(?:質詢|质询)(?:及議案|及议案)?$|^(?:council )?questions(?: and motions)?(?: (?:at|raised at) council meetings)?$/,
    'council-questions'
  ],
  [/^(?:list of )?relevant (?:papers|documents)$/, 'relevant-papers'],
  // An Administration paper's yearly update: `Progress Since Last Reporting`, `Progress made since the last report`, `自上次匯報以來的進展`.
  [
    /^(?:(?:overall|work|further) )?progress(?: update| report| made| to date)?(?: (?:since|in|during) (?:the )?(?:last|previous|past) [a-z' -]{2,40})?$|^自上次(?:匯報|汇报|報告|报告|會議|会议)(?:以來|以来)的?(?:工作)?(?:進展|进展)$|^(?:整體|整体|工作)?(?:進展|进展|進度|进度)(?:情況|情况|報告|报告)$/,
    'progress'
  ]
]

/** Words that head an appendix (the label, if any, follows). */
export const APPENDIX_WORDS = {
  hant: ['附錄', '附件', '附表'],
  hans: ['附录', '附件', '附表'],
  en: ['Appendix', 'Annex', 'Enclosure', 'Attachment', 'Schedule']
}

// ---------------------------------------------------------------------------
// Lookups

/** The form a heading is compared in: half-width, no spaces or trailing colon, lower case. */
export function headingForm(value: string): string {
  return toHalfWidth(value)
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '')
}

/** The first (usual) words of a standard heading in a script, to name it in a message: `purpose` is 目的 / Purpose. */
export function headingName(key: string, script: 'hant' | 'hans' | 'en'): string | undefined {
  return HEADINGS.find((heading) => heading.key === key)?.[script][0]
}

const HEADING_KEYS = new Map<string, string>()
for (const heading of HEADINGS) {
  for (const word of [...heading.hant, ...heading.hans, ...heading.en]) HEADING_KEYS.set(headingForm(word), heading.key)
}

/** No standard heading is longer than this (in UTF-16 units, numbering and spaces included). */
const LONGEST_HEADING = 64

/** Answers for lines already asked about: the same line is asked about by several stages. */
const KEY_CACHE = new Map<string, string | null>()

/** The key of a standard heading, or null. Numbering before the words is allowed. */
export function standardHeadingKey(line: string): string | null {
  if (line.length > LONGEST_HEADING) return null
  let key = KEY_CACHE.get(line)
  if (key !== undefined) return key
  const form = headingForm(line)
  const bare = form.replace(HEADING_NUMBERING, '')
  key = HEADING_KEYS.get(form) ?? HEADING_KEYS.get(bare) ?? null
  if (key === null && HEADING_PATTERN_HINTS.some((hint) => bare.includes(hint))) {
    key = HEADING_PATTERNS.find(([pattern]) => pattern.test(bare))?.[1] ?? null
  }
  if (KEY_CACHE.size > 50_000) KEY_CACHE.clear()
  KEY_CACHE.set(line, key)
  return key
}

const APPENDIX_LINE = new RegExp(
  String.raw`^(` +
    [...new Set([...APPENDIX_WORDS.hant, ...APPENDIX_WORDS.hans, ...APPENDIX_WORDS.en])].join('|') +
    String.raw`)\s*([A-Z]{1,2}\d*|[IVX]{1,6}|\d{1,2}|${HAN_NUMERAL}{1,3})?\s*$`,
  'i'
)

/** `附錄`, `附件A`, `Annex A`, `Appendix II` alone on a line: the word and the label. */
export function appendixHeading(line: string): {marker: string; label: string | null} | null {
  if (line.length > 40) return null
  const match = APPENDIX_LINE.exec(toHalfWidth(squeeze(line)).trim())
  if (!match) return null
  // "Schedule" and "Attachment" alone are ordinary words in a sentence; require a label for them.
  if (!match[2] && /^(?:schedule|attachment|enclosure)$/i.test(match[1]!)) return null
  return {marker: match[1]!, label: match[2] ?? null}
}

// ---------------------------------------------------------------------------
// A header run into the body (a web mirror's flattened text)

/** The standard headings a paper's body opens with: 目的 / Purpose, 引言 / Introduction, 背景 / Background. */
const OPENING_KEYS = ['purpose', 'introduction', 'background']

/** Their words, longest first (`背景資料` before `背景`). */
const OPENING_WORDS = HEADINGS.filter((heading) => OPENING_KEYS.includes(heading.key))
  .flatMap((heading) => [...heading.hant, ...heading.hans, ...heading.en])
  .filter((word, i, all) => all.indexOf(word) === i)
  .sort((a, b) => b.length - a.length)

/** How a paper's first paragraph opens: `本文件…`, `本報告…`, `This paper…`. */
export const FIRST_PARAGRAPH_START = /^(?:本文件|本文|本報告|本报告|本資料|本资料|此文件|This\s+(?:paper|note|report|brief)\b|The\s+purpose\b)/

/**
 * Where the body's first heading stands in a title run together with it
 * (`…小組委員會報告目的本文件旨在…`): the first opening heading word that
 * ends a title (`報告`, `簡介` before it) or is followed by a first
 * paragraph's words or a paragraph number. A word inside the
 * title (`…的背景資料簡介`) is none of these. Null when there is none.
 */
export function openingHeadingIn(text: string): {start: number; end: number} | null {
  let best: {start: number; end: number} | null = null
  for (const word of OPENING_WORDS) {
    for (let at = text.indexOf(word); at >= 0 && (!best || at < best.start); at = text.indexOf(word, at + 1)) {
      const end = at + word.length
      const after = text.slice(end).trimStart()
      if (after.length === 0) break
      const before = text.slice(0, at).trimEnd()
      if (TITLE_END.test(before) || FIRST_PARAGRAPH_START.test(after) || PARAGRAPH_MARKER.test(after)) {
        best = {start: at, end}
        break
      }
    }
  }
  return best
}

/** English words a title leaves in lower case (`Background for Setting Up the Information …`). */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'under', 'over'])

/**
 * An English line in title case: three words or more, every word but the minor ones capitalised, no
 * sentence end (`Background for Setting Up the Information Infrastructure Advisory Committee`). A
 * heading however long, where a sentence has lower-case words.
 */
export function isTitleCase(text: string): boolean {
  const words = text.trim().split(/\s+/)
  if (words.length < 3 || words.length > 16 || /[.;:!?,]$/.test(text.trim())) return false
  let capitals = 0
  for (const word of words) {
    const letters = word.replace(/^[("'‘“]+|[)"'’”,]+$/g, '')
    if (!letters) continue
    if (/^[A-Z0-9]/.test(letters)) capitals++
    else if (!MINOR_WORDS.has(letters.toLowerCase())) return false
  }
  return capitals >= 3 && /^[A-Z]/.test(words[0]!)
}
