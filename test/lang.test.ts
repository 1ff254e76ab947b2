// The heading tables: standard words, their variants by who is named, and lines that only look like them.
import {describe, expect, it} from 'vitest'
import {standardHeadingKey} from '../src/lang/headings.js'

describe('standardHeadingKey', () => {
  it('reads the standard words in three scripts, any case, numbered or spaced out', () => {
    expect(['目的', 'Purpose', 'PURPOSE', 'I. Purpose', '目 的', '背景', '过往的讨论', 'Relevant papers'].map(standardHeadingKey)).toEqual([
      'purpose',
      'purpose',
      'purpose',
      'purpose',
      'purpose',
      'background',
      'previous-discussions',
      'relevant-papers'
    ])
  })

  it('reads variants that name who deliberated, discussed or raised concerns', () => {
    const cases: [string, string][] = [
      ['事務委員會的商議工作', 'deliberations'],
      ['Deliberations of the Panel', 'deliberations'],
      ['事務委員會以往的討論', 'previous-discussions'],
      ['Previous discussions of the Panel', 'previous-discussions'],
      ['議員提出的意見及關注事項', 'concerns'],
      ['Issues raised by Members', 'concerns'],
      ['在立法會會議上提出的質詢及議案', 'council-questions'],
      ['List of relevant papers', 'relevant-papers']
    ]
    for (const [heading, key] of cases) expect([heading, standardHeadingKey(heading)]).toEqual([heading, key])
  })

  it('leaves sub-headings and pieces of wrapped sentences alone', () => {
    for (const line of ['成立“數字政策辦公室”', '推動電子政務', '討論相關議題時所表達的主要意見和關注事項', '相關文件一覽表', '政府當局的回應']) {
      expect([line, standardHeadingKey(line)]).toEqual([line, null])
    }
  })
})
