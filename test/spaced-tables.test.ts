/**
 * Tables laid out with spaces (src/tokenise/index.ts, spacedTables): the text that `pdftotext -layout`
 * and typewritten papers give, each row a line, its cells three spaces or more apart.
 */
import {describe, expect, it} from 'vitest'
import {parseText} from '../src/parse.js'
import type {Table} from '../src/tree.js'
import {all, fixture, ownText, paragraphs, positionErrors, unaccounted} from './helpers/tree.js'

const cells = (table: Table) => table.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')))

describe('a table laid out with spaces', () => {
  const text = fixture('en-spaced-table.txt')
  const {tree} = parseText(text)

  it('is a table, its columns kept: an empty corner over the first column, a row of one figure, figures set to the right', () => {
    const tables = all<Table>(tree, 'table')
    expect(tables).toHaveLength(1)
    expect(cells(tables[0]!)).toEqual([
      ['', 'Travel agents', 'Tourist guides'],
      ['2022', '1,620', '6,512'],
      ['2023', '835', ''],
      ['2024', '1,720', '7,003']
    ])
  })

  it('ends at a line at the margin under it; a label and its words are an item, and spaces inside a sentence no cells', () => {
    // The source line under the table is a paragraph of no number, between 2 and 3.
    expect(paragraphs(tree).map((p) => p.number)).toEqual(['1', '2', null, '3'])
    expect(all(tree, 'item')).toHaveLength(2)
    expect(ownText(paragraphs(tree)[2]!)).toBe('Source: the Travel Industry Authority.')
    expect(unaccounted(text, tree)).toEqual([])
    expect(positionErrors(text, tree)).toEqual([])
  })

  it('needs three lines in columns: two lines with wide gaps are text', () => {
    const {tree: two} = parseText('1. Figures.\n\n      2022        1,620\n      2023          835\n')
    expect(all(two, 'table')).toHaveLength(0)
    const {tree: apart} = parseText('1. Figures.\n\nA     b\nccccccccccccccc     d\ne     f\n')
    expect(all(apart, 'table')).toHaveLength(0)
  })
  it('takes no line of more cells than a table has, nor pads a run of more columns (linear on text made so)', () => {
    const wide = `${Array.from({length: 5_000}, (_, k) => `w${k}`).join('   ')}\n`
    const {tree: many} = parseText(`1. Cells.\n\n${wide}${wide}${wide}`)
    expect(all(many, 'table')).toHaveLength(0)
    // Rows in columns (h, x) whose last cell stands in a column of its own: more columns than any table has, so
    // the rows are kept as printed, three cells each, and no column of empty cells is put in.
    const staggered = Array.from({length: 60}, (_, k) => `h   x${' '.repeat(5 + k * 6)}c${k}`).join('\n')
    const {tree: kept} = parseText(`1. Rows.\n\n${staggered}\n`)
    const rows = all<Table>(kept, 'table').flatMap((table) => table.children)
    expect(rows).toHaveLength(60)
    expect(rows.every((row) => row.children.length === 3)).toBe(true)
  })
})
