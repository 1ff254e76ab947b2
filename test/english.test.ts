// English papers: PDF-style lines, footnotes, hyphenation, signatures without the Secretariat.
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import type {Footnote, FootnoteReference, Signature} from '../src/tree.js'
import {all, firstInferred, fixture, numbering, ownText, paragraphs, sections} from './helpers/tree.js'

describe('an English paper as PDF text, one line per printed line (en-pdf-lines.txt)', () => {
  const {tree} = parseText(fixture('en-pdf-lines.txt'))
  it('reads the header over several lines', () => {
    expect(tree.meta).toMatchObject({
      paperNo: 'CB(1)812/2024(04)',
      meetingDate: '2024-06-12',
      committee: 'Legislative Council Panel on Economic Development',
      title: 'Review of the Travel Industry Ordinance: progress of the licensing regime'
    })
  })
  it('takes ALL CAPS standard headings and a sub-heading', () => {
    expect(sections(tree).map((s) => [s.depth, s.title, s.key])).toEqual([
      [1, 'PURPOSE', 'purpose'],
      [1, 'BACKGROUND', 'background'],
      [2, 'Licensing of travel agents', null],
      [1, 'ADVICE SOUGHT', 'advice-sought']
    ])
  })
  it('reads a number alone on its line and "3.At" with no space', () => {
    expect(numbering(tree)).toEqual(firstInferred(5))
    expect(ownText(paragraphs(tree)[1]!)).toBe(
      'The Travel Industry Authority was established in 2020 to regulate travel agents, tourist guides and tour escorts. The Authority co-ordinates the work of the former council and the Government.'
    )
    expect(ownText(paragraphs(tree)[2]!)).toBe('At the meeting on 3 May 2023, Members asked for an update.')
  })
  it('reads a bureau signature dated by month', () => {
    expect(all<Signature>(tree, 'signature')[0]!.children.map((t) => t.value)).toEqual([
      'Tourism Commission',
      'Culture, Sports and Tourism Bureau',
      'June 2024'
    ])
    expect(tree.meta.issuedBy).toEqual(['Tourism Commission', 'Culture, Sports and Tourism Bureau'])
    expect(tree.meta.issueDate).toBeNull()
  })
})

describe('a footnote in the middle of a paragraph (en-footnote.txt)', () => {
  const {tree} = parseText(fixture('en-footnote.txt'))
  it('links the marker glued to a word to the note', () => {
    const [one] = paragraphs(tree)
    expect(one!.children.map((c) => c.type)).toEqual(['text', 'footnoteReference', 'text'])
    expect((one!.children[1] as FootnoteReference).identifier).toBe('1')
    expect(ownText(one!)).toBe('This paper sets out the progress of the scheme for small and medium enterprises (SMEs).')
  })
  it('reads the paragraph on past the note and the page number', () => {
    expect(ownText(paragraphs(tree)[1]!)).toBe(
      'The scheme opened for applications in 2023 and has approved 420 applications so far. The Government will review it in 2025.'
    )
    const [note] = all<Footnote>(tree, 'footnote')
    expect(note!.identifier).toBe('1')
    expect(note!.children).toEqual([expect.objectContaining({type: 'text', value: 'In this paper, SMEs are enterprises with fewer than 50 employees.'})])
    expect(tree.furniture.map((f) => f.value)).toEqual(['- 1 -'])
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', '3'])
  })
})

describe('hyphens at line ends (en-hyphen.txt)', () => {
  const {tree} = parseText(fixture('en-hyphen.txt'))
  it('keeps a real hyphen and drops a break hyphen the paper spells without', () => {
    expect(ownText(paragraphs(tree)[0]!)).toBe(
      'The Office co-ordinates the work of the bureaux on information security, and reports on information security to the Panel.'
    )
    expect(ownText(paragraphs(tree)[1]!)).toBe('The review was a long-standing request of Members.')
  })
})
