// Letters and submissions: src/lang/letters (the words) and assemble/genres/letter (the parts of the tree).
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {detectLetter} from '../src/assemble/genres/letter.js'
import {LETTER_REF, SUBJECT_LABEL, addresseeCommittee, attachmentLine, isClosing, isSalutation, isSubmissionTitle} from '../src/lang/letters.js'
import {isSenderLine} from '../src/lang/signature.js'
import {splitLines} from '../src/normalise/lines.js'
import {parseText} from '../src/parse.js'
import {parseDocument} from '../src/index.js'
import {toMarkdown} from '../src/emit/markdown.js'
import type {Appendix, Closing, Footnote, FootnoteReference, Header, Item, Salutation, Section, Signature} from '../src/tree.js'
import {all, fixture, ownText, paragraphs, positionErrors, schemaErrors, unaccounted} from './helpers/tree.js'

const squash = (value: string) => value.replace(/\s+/g, '')

describe('lang/letters', () => {
  it('knows a salutation in each language, and not a label or a sentence', () => {
    for (const line of [
      '各位委員：',
      '致立法會相關小組委員會主席及各委員：',
      '尊敬的局長及相關官員：',
      '敬啟者：',
      '各位委员：',
      'Dear Dr. LEONG,',
      'Honourable Members,',
      'Dear Sir/Madam,',
      'Dear Ms. Mable Chan and Members of the Transport and Logistics Bureau,'
    ])
      expect(isSalutation(line), line).toBe(true)
    for (const line of [
      '日期：',
      '本文件旨在匯報下列事項：',
      'Dear Members, I am writing to express my concerns about the proposed regulations.',
      'Dear Members, I am writing to express my concerns about the proposed changes,',
      'Members present :'
    ])
      expect(isSalutation(line), line).toBe(false)
  })

  it('knows a closing formula, and not a sentence of thanks', () => {
    for (const line of ['此致', '敬祝 安康', 'Yours sincerely,', 'Yours faithfully', 'Regards', 'Many thanks!', 'Sincerely,'])
      expect(isClosing(line), line).toBe(true)
    for (const line of ['感謝閣下撥冗參閱意見書。', 'Thank you for your attention to this matter.']) expect(isClosing(line), line).toBe(false)
  })

  it('reads an attachment line, the subject, the letter reference and the committee an addressee names', () => {
    expect(attachmentLine('附件：居民問卷調查結果')).toEqual({marker: '附件：', label: null, title: '居民問卷調查結果'})
    expect(attachmentLine('Attachment 2')).toEqual({marker: 'Attachment', label: '2', title: null})
    // The label is the appendix's, not the marker's too (fixtures/fuzz/attachment-label.txt).
    expect(attachmentLine('附件A：問卷')).toEqual({marker: '附件：', label: 'A', title: '問卷'})
    expect(attachmentLine('Annex B: Survey')).toEqual({marker: 'Annex:', label: 'B', title: 'Survey'})
    expect(attachmentLine('附件資料顯示，班次不足。')).toBeNull()
    expect(SUBJECT_LABEL.exec('主旨: 渡輪')?.[1]).toBe('渡輪')
    expect(LETTER_REF.exec('TB CR 5/1/2030 Pt. 2')?.[1]).toBe('TB CR 5/1/2030 Pt. 2')
    expect(LETTER_REF.test('Further to our letter of 3/4')).toBe(false)
    expect(addresseeCommittee('Chairman of the House Committee')).toBe('House Committee')
    expect(addresseeCommittee('To: Bills Committee on Ferry Services Bill')).toBe('Bills Committee on Ferry Services Bill')
    expect(addresseeCommittee('致渡輪服務小組委員會主席')).toBe('渡輪服務小組委員會')
  })
})

describe('detectLetter', () => {
  const detect = (text: string) => detectLetter(splitLines(text))
  it('sees a letter by its salutation, a submission by its name or its signature labels', () => {
    expect(detect('2031年3月3日\n\n各位委員：\n\n本會支持建議。\n')).toBe('letter')
    expect(detect('渡輪意見書\n\n各位委員：\n\n本會支持建議。\n')).toBe('submission')
    expect(detect('本會支持建議。\n\n提交人：陳大文\n所屬團體：離島居民協會\n日期：2031年3月3日\n')).toBe('submission')
    expect(detect('From: A Resident\nSent: 3 March 2031\nTo: Panel mailbox\nSubject: Ferries\n\nMore ferries, please.\n')).toBe('letter')
  })
  it('leaves a paper without a letter part alone', () => {
    expect(detect(fixture('zh-sections.txt'))).toBeNull()
    expect(detect(fixture('en-basic.txt'))).toBeNull()
  })
})

describe('a letter (en-letter.txt)', () => {
  const {tree} = parseText(fixture('en-letter.txt'))
  it('reads the header: reference, date, addressee block, subject', () => {
    const header = tree.children[0] as Header
    expect(header.children.map((field) => field.name)).toEqual(['fileRef', 'note', 'note', 'date', 'addressee', 'addressee', 'addressee', 'addressee', 'title'])
    expect(tree.meta).toMatchObject({
      kind: 'letter',
      fileRef: 'TB CR 5/1/2030',
      committee: 'Panel on Transport',
      title: 'Ferry Services to the Outlying Islands',
      meetingDate: null,
      issueDate: '2031-03-03',
      addressee: ['Clerk to the Panel on Transport', 'Legislative Council Complex', '1 Legislative Council Road', 'Central, Hong Kong'],
      issuedBy: ['(Chan Tai-man)', 'for Secretary for Transport']
    })
  })
  it('has a salutation, the body paragraphs, a closing and the signature, in order', () => {
    expect(tree.children.map((node) => node.type)).toEqual(['header', 'salutation', 'paragraph', 'paragraph', 'closing', 'signature'])
    expect(((tree.children[1] as Salutation).children[0] as {value: string}).value).toBe('Dear Madam,')
    expect((tree.children[4] as Closing).children.map((line) => line.value)).toEqual(['Yours sincerely,'])
    expect(paragraphs(tree)).toHaveLength(2)
  })
})

describe('a submission with an attachment (zh-submission-letter.txt)', () => {
  const {tree} = parseText(fixture('zh-submission-letter.txt'))
  it('takes the subject under the salutation as the title, the committee from the addressee', () => {
    expect(tree.meta).toMatchObject({
      kind: 'submission',
      paperNo: 'CB(4)120/2031(05)',
      committee: '渡輪服務小組委員會',
      title: '海島居民渡輪意見書',
      issueDate: '2031-03-03',
      addressee: ['立法會', '渡輪服務小組委員會']
    })
  })
  it('keeps 此致 with the addressee line under it as the closing, the sender and date as the signature', () => {
    const closing = tree.children.find((node) => node.type === 'closing') as Closing
    expect(closing.children.map((line) => line.value)).toEqual(['此致', '渡輪服務小組委員會'])
    const signature = tree.children.find((node) => node.type === 'signature') as Signature
    expect(signature.children.map((line) => line.value)).toEqual(['離島居民協會 謹啟', '2031年3月3日'])
  })
  it('reads the attached paper as an appendix titled by the 附件 line', () => {
    const appendix = tree.children[tree.children.length - 1] as Appendix
    expect(appendix).toMatchObject({type: 'appendix', marker: '附件：', title: '居民問卷調查結果'})
    expect(appendix.children.map((node) => node.type)).toEqual(['paragraph'])
  })
})

describe("a submission's numbered points (zh-submission-points.txt)", () => {
  const tree = parseText(fixture('zh-submission-points.txt')).tree
  it('reads the block under a finished point as a paragraph of its own, and the closing sentence after the last', () => {
    expect(paragraphs(tree).map((p) => [p.number, ownText(p)])).toEqual([
      [null, '本會就渡輪班次提出兩點意見。'],
      ['1', '增加繁忙時段的班次，以紓緩擠迫情況。'],
      [null, '現時早上七時至九時的班次每半小時一班，乘客經常未能登船。'],
      // In text (not a PDF) a blank line after an unfinished point may be layout damage: the block is still the point's.
      ['2', '檢討票價票價應按乘客的實際需要訂定，並為長者提供優惠。'],
      [null, '懇請委員會考慮上述意見。']
    ])
  })
})

describe('a letter without salutation or closing', () => {
  it('ends with a signature of short lines after the last paragraph', () => {
    const text =
      'Tel No. : 2345 6789\n\n3 March 2031\n\nMs Wong\nChairman of the Panel on Transport\n\nWe shall reply in full next week, when the figures for the ferry services to the outlying islands in the last quarter are ready.\n\n(Chan Tai-man)\nfor Secretary for Transport\n'
    const {tree} = parseText(text)
    expect(tree.meta.kind).toBe('letter')
    expect(tree.children.map((node) => node.type)).toEqual(['header', 'paragraph', 'signature'])
    expect(tree.meta).toMatchObject({addressee: ['Ms Wong', 'Chairman of the Panel on Transport'], committee: 'Panel on Transport', title: null})
    expect(tree.meta.issuedBy).toEqual(['(Chan Tai-man)', 'for Secretary for Transport'])
  })
  it('reads a printed e-mail: its subject is the title, its head is not', () => {
    const text = 'From: A Resident\nSent: 3 March 2031\nTo: Panel mailbox\nSubject: Ferries at night\n\nMore ferries after midnight would help shift workers.\n'
    const {tree} = parseText(text)
    expect(tree.meta.title).toBe('Ferries at night')
    expect(paragraphs(tree)).toHaveLength(1)
  })
  it("reads a subject wrapped over lines as one title, and no part of it as the issuer's title", () => {
    const en = parseText(
      'From: A Resident\nSent: 3 March 2031\nTo: Panel mailbox\nSubject: Ferries at night for the\nworkers of the eastern islands\n\nMore ferries after midnight would help shift workers.\n'
    ).tree
    expect(en.meta.title).toBe('Ferries at night for the workers of the eastern islands')
    const zh = parseText(
      '測試團體於2031年3月3日提交的意見書\n\n主旨：夜間渡輪服務及\n離島居民的交通需要\n\n各位委員：\n\n請增加夜間渡輪。\n\n此致\n\n測試團體\n'
    ).tree
    expect(zh.meta.title).toBe('測試團體於2031年3月3日提交的意見書')
  })
})

describe('the meeting a letter or submission is for', () => {
  it('is the date its first paragraphs name as the meeting (zh: 將於 … 討論; en: at its meeting on …)', () => {
    const zh = parseText(
      '致：測試小組委員會\n\n各位委員：\n\n測試小組委員會將於 2030 年 6 月 8 日討論規管事宜。我們謹提交意見。\n\n此致\n\n測試團體\n2030 年 6 月 4 日\n'
    ).tree
    expect(zh.meta).toMatchObject({meetingDate: '2030-06-08', issueDate: '2030-06-04'})
    const en = parseText(
      'To: Bills Committee on Testing Bill\n\nDear Members,\n\nWe understand that the Bills Committee will discuss the Bill at its meeting on 8 June 2030. Our views follow.\n\nYours sincerely,\n\nTesting Association\n4 June 2030\n'
    ).tree
    expect(en.meta.meetingDate).toBe('2030-06-08')
  })

  it('is no other date of the letter: an event it recalls, its own date', () => {
    const tree = parseText(
      '致：測試小組委員會\n\n各位委員：\n\n政府於 2030 年 5 月 2 日刊登規例。我們謹提交意見。\n\n此致\n\n測試團體\n2030 年 6 月 4 日\n'
    ).tree
    expect(tree.meta.meetingDate).toBeNull()
  })
})

describe('endnotes numbered in square brackets (a submission written in Word)', () => {
  const text = fixture('submission-endnotes.txt')
  const {tree} = parseText(text)
  const notes = all<Footnote>(tree, 'footnote')
  const references = all<FootnoteReference>(tree, 'footnoteReference')

  it('reads the list at the end as footnotes, each with its lines, and the [n] in the text as their references', () => {
    expect(notes.map((note) => [note.identifier, note.marker, squash(ownText(note))])).toEqual([
      ['1', '[1]', 'https://example.org/regulation'],
      ['2', '[2]', 'https://example.org/licences(2024年版)'],
      ['3', '[3]', 'https://example.org/figures']
    ])
    expect(references.map((reference) => [reference.identifier, reference.marker])).toEqual([
      ['1', '[1]'],
      ['2', '[2]'],
      ['3', '[3]']
    ])
    // The letter's parts are still its own: the notes are not lines of its signature (its date is).
    const signed = all<Signature>(tree, 'signature').flatMap((s) => s.children.map((t) => t.value))
    expect(signed).toContain('2025年3月1日')
    expect(signed.join('')).not.toContain('https')
    expect(unaccounted(text, tree)).toEqual([])
    expect(positionErrors(text, tree)).toEqual([])
    expect(schemaErrors(tree)).toEqual([])
  })

  it('keeps a bracketed number with no note for it, or a note list nothing refers to, as text', () => {
    const unreferenced = parseText('1. 見下文。\n\n[1] https://example.org/a\n').tree
    expect(all<Footnote>(unreferenced, 'footnote')).toEqual([])
    const noNote = parseText('1. 規管[1]，本港亦應跟隨。\n').tree
    expect(all<FootnoteReference>(noNote, 'footnoteReference')).toEqual([])
    expect(ownText(paragraphs(noNote)[0]!)).toContain('規管[1]')
  })

  it('comes back from our Markdown with the same notes and references', () => {
    const again = parseText(toMarkdown(tree)).tree
    expect(all<Footnote>(again, 'footnote').map((note) => [note.identifier, squash(ownText(note))])).toEqual(
      notes.map((note) => [note.identifier, squash(ownText(note))])
    )
    expect(all<FootnoteReference>(again, 'footnoteReference').map((reference) => reference.identifier)).toEqual(['1', '2', '3'])
  })
})

describe('a list of short items with no punctuation, then the text under it (submissions set their points so)', () => {
  it('ends the last item at the blank line: the sentence after the list is not the item’s', () => {
    for (const text of [
      '1. 本會建議：\n\n(a) 增加的士牌照\n\n(b) 規管網約車\n\n本會希望政府考慮上述建議。\n\n2. 其次，本會認為應加強執法。\n',
      '1. We propose:\n\n- more taxi licences\n\n- rules for ride-hailing\n\nWe hope the Government will consider them.\n\n2. Second, enforcement.\n'
    ]) {
      const {tree} = parseText(text)
      const items = all<Item>(tree, 'item')
      expect(items.map((item) => squash(ownText(item)))).toEqual(
        text.startsWith('1. 本會') ? ['增加的士牌照', '規管網約車'] : ['moretaxilicences', 'rulesforride-hailing']
      )
      // The sentence is paragraph 1's again, after its list (a paragraph's later blocks are its own).
      const [first] = paragraphs(tree)
      expect(first?.children.map((child) => child.type)).toEqual(['text', 'item', 'item', 'text'])
      expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2'])
      expect(unaccounted(text, tree)).toEqual([])
    }
  })

  it('keeps a block between two items of one list as the first one’s, and a long item cut by a lost page as one', () => {
    // `1. 有關…的議案` / its status line / `2. …`: the list goes on after the block.
    const between = parseText('議程\n\n(a) 有關“旅遊業”的議案\n\n甲議員已作出預告。\n\n(b) 有關“青年政策”的議案\n').tree
    expect(all<Item>(between, 'item').map((item) => squash(ownText(item)))).toEqual(['有關“旅遊業”的議案甲議員已作出預告。', '有關“青年政策”的議案'])
    const cut = parseText(
      '1. 本會認為：\n\n(a) 實證調查顯示，在六百四十名目前需要更換車輛的司機受訪者中，高達一半表示會考慮轉用新型號的車輛，以及\n\n更換車輛的成本。\n'
    ).tree
    expect(all<Item>(cut, 'item')).toHaveLength(1)
    expect(ownText(all<Item>(cut, 'item')[0]!)).toContain('更換車輛的成本。')
  })
})

describe('a title that names the committee, and a signature whose date is labelled', () => {
  const meta = (text: string) => parseText(text).tree.meta
  const body = '\n\nDear Members,\n\nWe write to share our views on the ferry fares.\n\nYours sincerely,\n\nFerry Users Group\n'
  it('takes the committee a submission is sent to from its title, and keeps the title whole', () => {
    expect(meta(`Submission to the Panel on Transport${body}`)).toMatchObject({
      kind: 'submission',
      title: 'Submission to the Panel on Transport',
      committee: 'Panel on Transport'
    })
    // The committee's name is its capitalised words; the subject after it is not.
    expect(meta(`Submission to the Legislative Council Panel on Transport on the review of ferry fares${body}`).committee).toBe(
      'Legislative Council Panel on Transport'
    )
    expect(meta(`致立法會交通事務委員會的意見書${body}`).committee).toBe('立法會交通事務委員會')
    expect(meta(`向渡輪服務小組委員會提交的意見書${body}`).committee).toBe('渡輪服務小組委員會')
    // A report of a subcommittee names its author, not whom it is sent to.
    expect(meta(`Report of the Subcommittee on Ferry Services${body}`).committee).toBeNull()
  })
  it('gives the date its label: the labelled date is the issue date, and neither is the sender', () => {
    const sign = (lines: string) => {
      const {tree} = parseText(`各位委員：\n\n本會支持建議。\n\n此致\n立法會交通事務委員會\n\n${lines}\n`)
      const signature = tree.children.find((node) => node.type === 'signature') as Signature
      return {issuedBy: tree.meta.issuedBy, issueDate: tree.meta.issueDate, lines: signature.children.map((line) => line.value)}
    }
    expect(sign('渡輪乘客協會\n日期：2031年6月4日')).toEqual({
      issuedBy: ['渡輪乘客協會'],
      issueDate: '2031-06-04',
      lines: ['渡輪乘客協會', '日期：2031年6月4日']
    })
    // The label alone, the date on the line under it: both are the signature's (not an appendix after it).
    expect(sign('渡輪乘客協會\n日期：\n2031年6月4日')).toEqual({
      issuedBy: ['渡輪乘客協會'],
      issueDate: '2031-06-04',
      lines: ['渡輪乘客協會', '日期：', '2031年6月4日']
    })
    expect(sign('提交人：陳大文\n所屬團體：渡輪乘客協會\n日期：2031年6月4日').issuedBy).toEqual(['陳大文', '渡輪乘客協會'])
    expect(sign('Ferry Users Group\nDated: 4 June 2031')).toMatchObject({issuedBy: ['Ferry Users Group'], issueDate: '2031-06-04'})
  })
})

describe('the last words of a paper, and a closing formula, are no headings', () => {
  it('reads a submission of one short line as a paragraph, and a closing and name under the text as no sections', () => {
    const one = parseText('陳大文先生於2031年6月10日提交的意見書\n\n渡輪班次太少\n').tree
    expect(all(one, 'section')).toHaveLength(0)
    expect(paragraphs(one).map(ownText)).toEqual(['渡輪班次太少'])
    const signed = parseText(
      'Views of a Resident on Ferry Fares\n\nThe fares are too high for the families of the islands.\n\nSincerely,\n\nChan Tai Man\n'
    ).tree
    expect(all(signed, 'section')).toHaveLength(0)
  })
})

describe("a signature's labels are labels, not the sender (zh/en-submission-signature-labels.txt)", () => {
  for (const [name, sender, group, date] of [
    ['zh-submission-signature-labels.txt', '陳大文', '離島居民協會', '2031-03-03'],
    ['en-submission-signature-labels.txt', 'Chan Tai Man', 'Island Residents Association', '2031-03-03']
  ] as const) {
    it(`names the sender by the words after a label, or by the line under a label alone (${name})`, () => {
      const text = fixture(name)
      const {tree} = parseText(text)
      const signature = tree.children.find((node) => node.type === 'signature') as Signature
      // Every line of the block is the signature's, the labels alone too (after the closing, not an appendix).
      const block = text.trim().split('\n\n').at(-1)!.split('\n')
      expect(signature.children.map((line) => line.value)).toEqual(block)
      expect(all(tree, 'appendix')).toEqual([])
      // The sender: the name under `提交人：` / `Name:` and the group after its label; no label, no telephone.
      expect(tree.meta.issuedBy).toEqual([sender, group])
      expect(tree.meta.issueDate).toBe(date)
      expect(unaccounted(text, tree)).toEqual([])
    })
  }
})

describe('a letter with no salutation (zh/en-letter-no-salutation.txt)', () => {
  it('is seen by its closing and the short sender lines under it', () => {
    for (const name of ['zh-letter-no-salutation.txt', 'en-letter-no-salutation.txt']) {
      const text = fixture(name)
      const {tree} = parseText(text)
      expect(tree.meta.kind, name).toBe('letter')
      expect(tree.children.map((node) => node.type).slice(-2), name).toEqual(['closing', 'signature'])
      expect(unaccounted(text, tree)).toEqual([])
    }
    expect(parseText(fixture('en-letter-no-salutation.txt')).tree.meta.issuedBy).toEqual(['Chan Tai Man', 'Island Residents Association'])
  })
  it('takes the line under 此致 as the addressee, and the committee it names', () => {
    const {tree} = parseText(fixture('zh-letter-no-salutation.txt'))
    expect(tree.meta).toMatchObject({addressee: ['渡輪服務小組委員會'], committee: '渡輪服務小組委員會', issuedBy: ['離島居民協會'], issueDate: '2031-03-03'})
  })
  it('reads a labelled addressee above it as the addressee, without its label', () => {
    const {tree} = parseText(`致：渡輪服務小組委員會\n\n${fixture('zh-letter-no-salutation.txt')}`)
    expect(tree.meta).toMatchObject({addressee: ['渡輪服務小組委員會'], committee: '渡輪服務小組委員會'})
  })
  it('is not seen in a paper whose closing words stand under a sentence, not a sender', () => {
    expect(detectLetter(splitLines('The Panel is invited to note the paper.\n\nThank you\n\nThe Administration will report again in June.\n'))).toBeNull()
  })
})

describe('a submission named by its title, with no salutation and no closing (zh/en-submission-title.txt)', () => {
  it('knows a submission title in each form, and not a sentence about submissions or views', () => {
    for (const line of [
      'Submission from the Island Residents Association',
      'Joint submission by the ferry operators',
      'Views of the Island Residents Association on Ferry Fares',
      '離島居民協會就渡輪票價提交的意見書',
      '渡輪乘客協會意見書',
      '陳大文先生於2031年3月3日提交的意見書'
    ])
      expect(isSubmissionTitle(line), line).toBe(true)
    for (const line of [
      'The Administration has received 50 submissions.',
      'Views on the proposal were sought from the public.',
      '1. Submission from the operators',
      '委員會收到的意見書已上載網頁。'
    ])
      expect(isSubmissionTitle(line), line).toBe(false)
    // A paper that speaks of submissions in its text is no submission.
    expect(detectLetter(splitLines('Purpose\n\nThe Panel received views on the fares from 12 deputations.\n'))).toBeNull()
  })

  for (const [name, sender, sentence] of [
    [
      'en-submission-title.txt',
      'Island Residents Association',
      'We ask the Government to review the fares this year, and to give the residents of the islands a monthly pass'
    ],
    ['zh-submission-title.txt', '離島居民協會', '希望政府今年內檢討票價，並為離島居民提供月票']
  ] as const) {
    it(`is a submission signed by its sender and date at the end; its last sentence, unstopped, is the body's (${name})`, () => {
      const text = fixture(name)
      const {tree, messages} = parseText(text)
      expect(tree.meta).toMatchObject({kind: 'submission', issuedBy: [sender], issueDate: '2031-03-03'})
      expect(tree.children.map((node) => node.type)).toEqual(['header', 'paragraph', 'paragraph', 'signature'])
      expect(ownText(paragraphs(tree)[1]!)).toBe(sentence)
      // Its structure is its own parts: no warning that it has none.
      expect(messages.map((message) => message.ruleId)).not.toContain('parse/no-structure')
      expect(unaccounted(text, tree)).toEqual([])
      expect(schemaErrors(tree)).toEqual([])
    })
  }

  it('takes no body sentence, heading or cut paragraph end for the sender', () => {
    for (const line of [
      'Island Residents Association',
      '(Mrs Carrie Yau)',
      'for Secretary for Transport',
      '陳大文',
      '新星的士同業聯會',
      'Uber 香港團隊',
      '香港市民陳先生',
      '離島居民協會 謹啟'
    ])
      expect(isSenderLine(line), line).toBe(true)
    for (const line of [
      'We ask the Government to review the fares',
      'Ferry services at night',
      'Conclusion',
      '希望政府今年檢討票價',
      '但需要加強監管其質素',
      '總結'
    ])
      expect(isSenderLine(line), line).toBe(false)
    const head = 'Views of the Island Residents Association on Ferry Fares\n\nThe fares are too high for the families of the islands.\n\n'
    for (const last of ['We ask the Government to review them this year', 'Ferry services at night']) {
      const {tree} = parseText(`${head}${last}\n`)
      expect(all(tree, 'signature'), last).toEqual([])
      expect(tree.meta.issuedBy).toEqual([])
    }
    const zh = parseText('陳大文先生就渡輪票價提交的意見書\n\n票價太高，離島家庭難以負擔。\n\n希望政府今年檢討票價\n').tree
    expect(all(zh, 'signature')).toEqual([])
  })

  it('has a no-structure warning still where it has no part at all', () => {
    const {messages} = parseText('Views of a Resident on Ferry Fares\n\nThe fares are too high.\n\nPlease lower them.\n')
    expect(messages.map((message) => message.ruleId)).toContain('parse/no-structure')
  })
})

describe('English numbered headings in a letter or submission (en-submission-numbered-headings.txt, en-letter-lettered-headings.txt)', () => {
  const heads = (text: string) => all<Section>(parseText(text).tree, 'section').map((section) => [section.number, section.marker, section.title])
  it('reads `1. Background` over prose, and a Title Case line over its paragraph, as sections with number, marker and title', () => {
    const text = fixture('en-submission-numbered-headings.txt')
    const {tree} = parseText(text)
    expect(heads(text)).toEqual([
      ['1', '1.', 'Background'],
      ['2', '2.', 'Night Ferries Serve the Shift Workers of the Islands'],
      ['3', '3.', 'Our proposals']
    ])
    // The paragraph printed under the Title Case heading with no gap is the section's, whole.
    const second = all<Section>(tree, 'section')[1]!
    expect(ownText(second.children[0] as Parameters<typeof ownText>[0])).toMatch(/^Workers who finish after midnight .* instead\.$/)
    // A list of short numbered points under a lead-in stays a list: the next point follows each, no prose.
    expect(all<Item>(tree, 'item').map((item) => item.marker)).toEqual(['1.', '2.'])
    expect(tree.meta).toMatchObject({kind: 'submission', issuedBy: ['Island Residents Association'], issueDate: '2031-03-03'})
    expect(unaccounted(text, tree)).toEqual([])
    expect(positionErrors(text, tree)).toEqual([])
  })
  it('reads `A. Our concerns` under the salutation as a section, not the subject', () => {
    const text = fixture('en-letter-lettered-headings.txt')
    const {tree} = parseText(text)
    expect(heads(text)).toEqual([
      ['A', 'A.', 'Our concerns'],
      ['B', 'B.', 'What we ask']
    ])
    expect(tree.meta.title).toBeNull()
    expect(heads(`Submission from a Resident\n\nI. Introduction\n\nThe fares are too high.\n\nII. Proposals\n\nLower them.\n\nChan Tai Man\n`)).toEqual([
      ['I', 'I.', 'Introduction'],
      ['II', 'II.', 'Proposals']
    ])
  })
  it('keeps numbered points as paragraphs: a sentence, a list of points, a Chinese point', () => {
    expect(heads('Submission from a Resident\n\n1. The fares are too high.\n\nThey rose again.\n\nChan Tai Man\n')).toEqual([])
    expect(heads('Submission from a Resident\n\n1. More ferries\n\n2. Lower fares\n\nChan Tai Man\n')).toEqual([])
    // A point's opening words in sentence case, longer than a heading's few: paragraph 1 (in text the block under
    // an unfinished point is still the point's, as in zh-submission-points.txt; a PDF's is its own, test/pdf-layout.test.ts).
    const pointText = 'Submission from a Resident\n\n1. Quotas make licences scarce\n\nThe drivers wait for years.\n\nChan Tai Man\n'
    const point = parseText(pointText).tree
    expect(heads(pointText)).toEqual([])
    expect(paragraphs(point).map((p) => p.number)).toEqual(['1'])
    expect(heads('Submission from a Resident\n\n1. the fares, which rose again\n\nin March.\n\nChan Tai Man\n')).toEqual([])
    expect(heads('陳大文先生提交的意見書\n\n1.人為製造稀缺\n\n在管理經濟學中，供給受限。\n\n陳大文\n')).toEqual([])
  })
})

describe("a heading is short, and a gap ends a letter's paragraph (zh-submission-long-unpunctuated.txt, a PDF made here)", () => {
  it('reads a block of three lines with no stop as a paragraph, not a heading, and the paragraph after it as its own', () => {
    const text = fixture('zh-submission-long-unpunctuated.txt')
    const {tree} = parseText(text)
    expect(all(tree, 'section')).toEqual([])
    expect(paragraphs(tree).map((p) => squash(ownText(p)))).toEqual([
      '渡輪班次太少晚上十時後每小時只有一班有時等足一個鐘都未有船返工返學都好唔方便屋企人都要請假陪長者出市區睇醫生政府應該盡快增加班次',
      '希望委員會考慮居民的意見。'
    ])
    expect(tree.meta.issuedBy).toEqual(['陳大文'])
    expect(unaccounted(text, tree)).toEqual([])
    // A short line with no stop over text is still a heading.
    const headed = parseText('陳大文先生於2031年3月3日提交的意見書\n\n班次不足\n\n晚上十時後每小時只有一班。\n\n陳大文\n').tree
    expect(all<Section>(headed, 'section').map((section) => section.title)).toEqual(['班次不足'])
  })

  it('in a letter PDF, ends a paragraph with no stop at the gap under it, and keeps one that a page cuts', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const put = (page: ReturnType<typeof doc.addPage>, text: string, y: number) => page.drawText(text, {x: 72, y, size: 11, font})
    const one = doc.addPage([595, 842])
    put(one, 'Dear Members,', 770)
    // Lines 14 pt apart, paragraphs 28 pt: the first paragraph has no stop at its end.
    put(one, 'The ferries after midnight are too few for the shift workers of the islands and', 742)
    put(one, 'the wait for the first one is more than an hour', 728)
    put(one, 'We ask for a ferry every hour after midnight, and a monthly pass for residents.', 700)
    // The last paragraph runs to the foot of the page and on over the page, mid-sentence.
    for (let k = 0; k < 44; k++)
      put(
        one,
        k === 43 ? 'The Government should also review the fares of the' : 'The fares have risen three times in five years for the families of the islands',
        672 - 14 * k
      )
    const two = doc.addPage([595, 842])
    put(two, 'night ferries this year.', 770)
    put(two, 'Yours sincerely,', 742)
    put(two, 'Chan Tai Man', 714)
    const {tree} = await parseDocument(await doc.save())
    const texts = paragraphs(tree).map(ownText)
    expect(tree.meta.kind).toBe('letter')
    expect(texts[0]).toBe('The ferries after midnight are too few for the shift workers of the islands and the wait for the first one is more than an hour')
    expect(texts[1]).toMatch(/^We ask for a ferry/)
    expect(texts[2]).toMatch(/review the fares of the night ferries this year\.$/)
    expect(texts).toHaveLength(3)
  })
})

describe('a paper signed with a formula under no salutation is a submission (zh-submission-signed-formula.txt)', () => {
  it('is seen by the formula at its end (`主席陳大文謹啟`), signed by its sender and date, with no no-structure warning', () => {
    const text = fixture('zh-submission-signed-formula.txt')
    const {tree, messages} = parseText(text)
    expect(tree.meta).toMatchObject({
      kind: 'submission',
      title: '渡輪服務不足，離島居民出行困難',
      issuedBy: ['離島居民協會', '主席陳大文謹啟'],
      issueDate: '2031-03-03'
    })
    expect(tree.children.map((node) => node.type)).toEqual(['header', 'paragraph', 'paragraph', 'signature'])
    expect(messages.map((message) => message.ruleId)).not.toContain('parse/no-structure')
    expect(unaccounted(text, tree)).toEqual([])
  })
  it('leaves a letter with a salutation a letter, and a formula inside the text no signature', () => {
    expect(detectLetter(splitLines('各位委員：\n\n本會支持建議。\n\n離島居民協會謹啟\n'))).toBe('letter')
    expect(detectLetter(splitLines('目的\n\n1. 本文件提供背景資料。\n\n2. 信末寫上謹啟的做法源自書信禮儀。\n\n3. 委員會備悉本文件。\n'))).toBeNull()
  })
})

describe("a printed e-mail's date", () => {
  it("is the date of its head's sent line where nothing is dated under it (zh and en)", () => {
    const en = parseText('From: A Resident\nSent: Saturday, June 13, 2026 1:05 PM\nTo: Panel mailbox\nSubject: Ferries\n\nMore ferries, please.\n').tree
    expect(en.meta).toMatchObject({kind: 'letter', title: 'Ferries', issueDate: '2026-06-13'})
    const zh = parseText(
      '寄件者: 居民\n已傳送: 下午 1:05:51 (2026 年 6 月 13 日星期六)\n收件者: 小組委員會\n主旨: 渡輪\n\n請增加渡輪班次。\n\n離島居民協會\n'
    ).tree
    expect(zh.meta).toMatchObject({title: '渡輪', issueDate: '2026-06-13', issuedBy: ['離島居民協會']})
    // A date signed under the text is the letter's own.
    const signed = parseText('From: A Resident\nSent: 13 June 2026\nSubject: Ferries\n\nMore ferries, please.\n\nChan Tai Man\n20 June 2026\n').tree
    expect(signed.meta.issueDate).toBe('2026-06-20')
  })
})
