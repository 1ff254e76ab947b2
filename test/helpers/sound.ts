/** The soundness every parse owes, for the tests that ask it of many inputs: nothing lost, schema-valid, positions in range; Markdown that comes back as the same tree. */
import {expect} from 'vitest'
import {toMarkdown} from '../../src/emit/markdown.js'
import {parseText} from '../../src/parse.js'
import type {Paper} from '../../src/tree.js'
import {positionErrors, schemaErrors, shape, unaccounted} from './tree.js'

/** Parses the input and expects its tree sound: every character accounted for, schema-valid, positions in range. */
export function parseSound(input: string): Paper {
  const {tree} = parseText(input)
  expect(unaccounted(input, tree)).toEqual([])
  expect(schemaErrors(tree)).toEqual([])
  expect(positionErrors(input, tree)).toEqual([])
  return tree
}

/** Expects the tree's Markdown to parse back to the same tree (compared by `compare`: `shape`, unless given), nothing lost. */
export function expectMarkdownRoundTrip(tree: Paper, compare: (tree: Paper) => unknown = shape): {markdown: string; again: Paper} {
  const markdown = toMarkdown(tree)
  const again = parseText(markdown).tree
  expect(compare(again)).toEqual(compare(tree))
  expect(unaccounted(markdown, again)).toEqual([])
  return {markdown, again}
}
