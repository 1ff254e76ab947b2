/**
 * fast-check generators of LegCo-like text for the fuzz run (test/fuzz.test.ts): the lines the
 * parser's rules look for — standard headings in Chinese and English, paragraph markers (also
 * full-width), items `(a)`, `(i)`, `（一）`, bullets, paper numbers, dates, tables with tabs, page
 * numbers and form feeds, the signature — put together in paper order or at random, with CRLF,
 * zero-width characters and stray brackets mixed in; and raw unicode strings.
 */
import fc from 'fast-check'

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)

const HEADINGS_ZH = ['目的', '背景', '引言', '過往的討論', '議員的主要意見及關注事項', '最新情況', '相關文件', '建議', '徵詢意見', '结论', '背景资料']
const HEADINGS_EN = [
  'PURPOSE',
  'Purpose',
  'Background',
  'BACKGROUND',
  'Previous discussions',
  'Major views and concerns',
  'Latest development',
  'Relevant papers',
  'Advice sought',
  'Question 1'
]
const NUMBERED_HEADINGS = ['一、 背景', '二、目的', '第一部分', '第2部分 建議', 'A. Background', 'I. INTRODUCTION', 'Part 2', '(A) 諮詢']
const APPENDIX = ['附錄 I', '附件A', 'Appendix II', 'Annex A', '附錄']
const PAPER_NUMBERS = [
  '立法會CB(1)369/2024(05)號文件',
  '立法會 CB(2)1218/19-20號文件',
  'LC Paper No. CB(1)369/2024(05)',
  'LC Paper No. CB(4)711/12-13(06)',
  'CB1/PL/ITB',
  '檔號：CB1/PL/ITB',
  'Ref : CB2/PL/SE'
]
const DATES = [
  '2024 年 3 月 28 日',
  '2024年3月28日',
  '二零二四年三月',
  '28 March 2024',
  'March 2024',
  '2024年13月40日',
  '31 February 2024',
  '１９９７年７月１日'
]
const WORDS_ZH = [
  '政府',
  '提出',
  '措施',
  '議員',
  '關注',
  '事務委員會',
  '討論',
  '建議',
  '數字政府',
  '服務',
  '，',
  '。',
  '；',
  '：',
  '及',
  '「',
  '」',
  '（',
  '）',
  '《',
  '》',
  '、'
]
const WORDS_EN = [
  'The',
  'Administration',
  'proposed',
  'the',
  'measures',
  'Members',
  'asked',
  'about',
  'Panel',
  'paragraph 3',
  'see',
  ',',
  '.',
  ';',
  ':',
  'and',
  '(',
  ')',
  '"',
  "'"
]
const PARA_MARKERS = ['1. ', '2. ', '12. ', '２．', '３. ', '1.', '4.\t', '(1) ', '1) ', '第1段 ']
const ITEM_MARKERS = ['(a) ', '(b) ', '(i) ', '(ii) ', '(iv) ', '（一）', '（二）', '(A) ', 'a) ', 'i. ', '（ａ）', '(aa) ', '(h) ', '(j) ']
const BULLETS = ['● ', '• ', '▪', '- ', '* ', '+ ', '◆ ', '○ ', '‧ ', '→ ']
const PAGE_FURNITURE = ['- 2 -', '-3-', '第 2 頁', 'Page 3', '3', '  - 12 -  ', '\f', '\f- 4 -', '立法會CB(1)369/2024(05)號文件', '2']
const SIGNATURE = ['立法會秘書處', '議會事務部1', 'Legislative Council Secretariat', 'Council Business Division 2', '秘書', 'Clerk to Panel']
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']
const BRACKETS = ['(', ')', '（', '）', '「', '」', '《', '》', '[', ']', '【', '】', '〔', '〕', '“', '”']
/** Lines that make a paper a meeting record or a letter, and what those genres read (attendance, speakers, fields, notes). */
const GENRE_TOPS = [
  '會議紀要',
  '財經事務委員會會議紀要',
  'Minutes of meeting',
  'Minutes of the special meeting',
  '議程',
  'Agenda',
  'Revised Agenda',
  '立法會會議過程正式紀錄',
  'OFFICIAL RECORD OF PROCEEDINGS',
  '各位委員：',
  'Dear Members,',
  '敬啟者：'
]
const GENRE_LINES = [
  '出席委員',
  'Members present',
  '缺席委員',
  'Members absent with apologies',
  '出席公職人員',
  'Public Officers attending',
  '列席秘書',
  'Clerk in attendance',
  '林健鋒議員, GBS, JP (主席)',
  'Hon Jeffrey LAM Kin-fung, GBS, JP (Chairman)',
  '日期：2024年3月28日(星期四)',
  'Date : Thursday, 28 March 2024',
  'Time : 10:45 am',
  '地點：立法會綜合大樓會議室1',
  'I. 通過會議紀要',
  'II. Information papers issued',
  'IA. 議員議案',
  'Action',
  '政府當局',
  'Admin',
  '(會後補註：文件已於2024年4月1日發出。)',
  '(Post-meeting note: issued on 1 April 2024.)',
  '主席：',
  '林健鋒議員：',
  'PRESIDENT: ',
  'MR JEFFREY LAM (in Cantonese): ',
  '(休會)',
  '負責答覆的政府官員：',
  'Public Officer to reply : Secretary for Security',
  '此致',
  'Yours sincerely,',
  '致：立法會秘書處',
  'To: Clerk to Panel',
  '主旨：意見書',
  'Subject: Views on the Bill',
  'From: clerk@legco.gov.hk',
  '提交人：陳大文',
  'Name: Chan Tai Man',
  '附件：意見書',
  '[^1]: 見第3段。',
  '1 見第3段。',
  '註：',
  'Encl.'
]
const MARKUP = ['**', '*', '_', '\\', '# ', '## ', '|', '`', '> ', '[^1]', '[^1]: ', '---', '***']

/** A run of words, Chinese or English or mixed. */
const words = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        {weight: 6, arbitrary: pick(WORDS_ZH)},
        {weight: 6, arbitrary: pick(WORDS_EN)},
        {weight: 1, arbitrary: pick(DATES)},
        {weight: 1, arbitrary: pick(BRACKETS)}
      ),
      {
        minLength: 1,
        maxLength: 12
      }
    )
  )
  .map(([spaced, parts]) => parts.join(spaced ? ' ' : ''))

/** One line of a paper, by kind. */
const line: fc.Arbitrary<string> = fc.oneof(
  {weight: 3, arbitrary: pick([...HEADINGS_ZH, ...HEADINGS_EN])},
  {weight: 1, arbitrary: pick(NUMBERED_HEADINGS)},
  {weight: 1, arbitrary: pick(APPENDIX)},
  {weight: 1, arbitrary: pick(PAPER_NUMBERS)},
  {weight: 1, arbitrary: pick(DATES)},
  {weight: 5, arbitrary: fc.tuple(pick(PARA_MARKERS), words).map(([m, w]) => m + w)},
  {weight: 4, arbitrary: fc.tuple(fc.option(pick(BULLETS), {nil: ''}), pick(ITEM_MARKERS), words).map(([b, m, w]) => b + m + w)},
  {weight: 2, arbitrary: fc.tuple(pick(BULLETS), words).map(([b, w]) => b + w)},
  {weight: 6, arbitrary: words},
  {weight: 2, arbitrary: fc.array(fc.oneof(words, pick(['', ' ', '12', '$1,234', '—'])), {minLength: 2, maxLength: 5}).map((cells) => cells.join('\t'))},
  {weight: 1, arbitrary: fc.array(words, {minLength: 1, maxLength: 4}).map((cells) => `| ${cells.join(' | ')} |`)},
  {weight: 2, arbitrary: pick(PAGE_FURNITURE)},
  {weight: 1, arbitrary: pick(SIGNATURE)},
  {weight: 1, arbitrary: fc.tuple(pick(MARKUP), words).map(([m, w]) => m + w)},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 10})},
  {weight: 3, arbitrary: fc.tuple(pick(GENRE_LINES), fc.option(words, {nil: ''})).map(([l, w]) => l + w)}
)

/** Paper order: a header, then headings each followed by numbered paragraphs with items, then a signature. */
const paperOrder = fc
  .tuple(
    fc.array(fc.oneof(pick(PAPER_NUMBERS), pick(DATES), words), {maxLength: 4}),
    fc.array(
      fc.tuple(
        pick([...HEADINGS_ZH, ...HEADINGS_EN, ...NUMBERED_HEADINGS]),
        fc.array(
          fc.tuple(
            pick(PARA_MARKERS),
            words,
            fc.array(fc.tuple(fc.option(pick(BULLETS), {nil: ''}), pick(ITEM_MARKERS), words), {maxLength: 3}),
            fc.option(pick(PAGE_FURNITURE), {nil: null, freq: 4})
          ),
          {minLength: 1, maxLength: 4}
        )
      ),
      {minLength: 1, maxLength: 4}
    ),
    fc.array(pick([...SIGNATURE, ...DATES]), {maxLength: 3})
  )
  .map(([header, sections, signature]) => {
    const out = [...header, '']
    for (const [heading, paras] of sections) {
      out.push(heading, '')
      for (const [marker, text, items, page] of paras) {
        out.push(marker + text)
        for (const [bullet, label, words] of items) out.push(bullet + label + words)
        if (page !== null) out.push('', page, '')
        out.push('')
      }
    }
    out.push(...signature)
    return out
  })

/** Lines at random, with blank lines between some; now and then under a line that makes the paper minutes, an agenda, a Hansard or a letter. */
const shuffled = fc
  .tuple(
    fc.option(pick(GENRE_TOPS), {nil: null, freq: 2}),
    fc.array(fc.oneof({weight: 4, arbitrary: line}, {weight: 1, arbitrary: fc.constant('')}), {maxLength: 40})
  )
  .map(([top, lines]) => (top === null ? lines : [top, '', ...lines]))

/** How the lines end and what is mixed in: CRLF or LF (or both), zero-width characters and brackets here and there. */
const damage = fc.record({
  ending: pick(['\n', '\r\n', 'mixed', '\r']),
  inserts: fc.array(fc.tuple(fc.nat(), fc.oneof(pick(ZERO_WIDTH), pick(BRACKETS), pick([' ', '　', '\t', '\f']))), {maxLength: 4}),
  finalNewline: fc.boolean()
})

/** LegCo-like text: paper order or random lines, then line ends and insertions. */
export const legcoText: fc.Arbitrary<string> = fc.tuple(fc.oneof(paperOrder, shuffled), damage).map(([lines, {ending, inserts, finalNewline}]) => {
  let text = ''
  lines.forEach((value, index) => {
    if (index > 0) text += ending === 'mixed' ? (index % 3 === 0 ? '\r\n' : '\n') : ending
    text += value
  })
  if (finalNewline) text += ending === 'mixed' ? '\n' : ending
  for (const [at, insert] of inserts) {
    const where = text.length ? at % (text.length + 1) : 0
    text = text.slice(0, where) + insert + text.slice(where)
  }
  return text
})

/** Raw unicode: any code points (lone surrogates too), graphemes, and LegCo-like lines with raw pieces among them. */
export const rawText: fc.Arbitrary<string> = fc.oneof(
  fc.string({unit: 'binary', maxLength: 200}),
  fc.string({unit: 'grapheme', maxLength: 80}),
  fc.array(fc.oneof(line, fc.string({unit: 'binary', maxLength: 12}), pick(['\n', '\r\n', '\n\n'])), {maxLength: 30}).map((parts) => parts.join(''))
)

const LABELS = [
  ['(a)', '(b)', '(c)', '(d)'],
  ['(i)', '(ii)', '(iii)', '(iv)'],
  ['（一）', '（二）', '（三）', '（四）'],
  ['(A)', '(B)', '(C)', '(D)']
]

/**
 * A well-formed paper: a paper number, standard headings, paragraphs numbered in order with words
 * that end a sentence, items labelled in order (a bullet before some), a page number between
 * paragraphs now and then, the secretariat's signature and date. The Markdown round trip holds on
 * these today (test/fuzz.test.ts); what breaks it on looser text is kept in fixtures/fuzz/round-trip/.
 */
export const paperText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(pick(PAPER_NUMBERS.slice(0, 4)), {nil: null}),
    fc.array(
      fc.tuple(
        pick([...HEADINGS_ZH.slice(0, 7), ...HEADINGS_EN.slice(0, 8)]),
        fc.array(
          fc.tuple(
            words,
            fc.option(fc.tuple(fc.nat(LABELS.length - 1), fc.option(pick(BULLETS.slice(0, 3)), {nil: ''}), fc.array(words, {minLength: 1, maxLength: 4})), {
              nil: null
            }),
            fc.option(pick(['- 2 -', '\f']), {nil: null, freq: 5})
          ),
          {minLength: 1, maxLength: 4}
        )
      ),
      {minLength: 1, maxLength: 4}
    ),
    fc.boolean()
  )
  .map(([paperNo, sections, signed]) => {
    const out: string[] = []
    if (paperNo) out.push(paperNo, '')
    let n = 0
    for (const [heading, paras] of sections) {
      out.push(heading, '')
      for (const [text, items, page] of paras) {
        n++
        out.push(`${n}. ${text}${items ? '：' : '。'}`)
        if (items) {
          const [style, bullet, list] = items
          list.forEach((item, i) => out.push(`${bullet}${LABELS[style]![i]} ${item}${i === list.length - 1 ? '。' : '；'}`))
        }
        out.push('')
        if (page) out.push(page, '')
      }
    }
    if (signed) out.push('立法會秘書處', '2024 年 3 月 28 日')
    return `${out.join('\n')}\n`
  })

/** Either kind. */
export const anyText: fc.Arbitrary<string> = fc.oneof({weight: 3, arbitrary: legcoText}, {weight: 1, arbitrary: rawText})
