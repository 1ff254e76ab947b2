/**
 * The examples of the rule documentation (src/check/rules/*.md, read by
 * scripts/rules-doc.mjs) as texts and as files, by `<doc>/<example>`
 * (`paragraph-numbering/flag-gap.txt`, `pair/flag.zh.txt`).
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {readRuleDocs, type RuleDoc} from '../../scripts/rules-doc.mjs'

export const ruleDocs: RuleDoc[] = readRuleDocs()

export function exampleText(path: string): string {
  const [doc, name] = path.split('/')
  const found = ruleDocs.find((d) => d.name === doc)?.examples.find((e) => e.name === name)
  if (!found) throw new Error(`no example ${path} in src/check/rules/${doc}.md`)
  return found.input
}

let dir: string | null = null

/** The example written to a file (in one temporary folder per test process), for the CLI. */
export function exampleFile(path: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'legco-examples-'))
  const file = join(dir, path)
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, exampleText(path))
  return file
}
