/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules that are known
 * with their default levels and docs, one result per message. Columns are
 * UTF-16 code units, as the tree's are.
 */
import {ALL_RULES} from '../registry.js'
import {pageWords} from '../../source.js'
import type {FileResult} from './types.js'

const LEVEL = {error: 'error', warning: 'warning', info: 'note'} as const

export const DOCS_URL = 'https://github.com/legco/legco/blob/main/docs/rules.md'

function uriOf(file: string): string {
  if (file === '<stdin>') return 'stdin'
  return file.split(/[\\/]/).map(encodeURIComponent).join('/')
}

export function toSarif(results: FileResult[], version: string): object {
  const rules = ALL_RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: {text: rule.summary},
    helpUri: `${DOCS_URL}#${rule.id.replace(/\//g, '')}`,
    defaultConfiguration: {level: LEVEL[rule.severity]},
    properties: {category: rule.category}
  }))
  const index = new Map(rules.map((rule, i) => [rule.id, i]))
  const sarifResults = results.flatMap((result) =>
    result.messages.map((m) => {
      const region: Record<string, number> = {startLine: m.place?.start.line ?? 1, startColumn: m.place?.start.column ?? 1}
      if (m.place) {
        region.endLine = m.place.end.line
        region.endColumn = Math.max(m.place.end.column, m.place.end.line === m.place.start.line ? m.place.start.column : 1)
      }
      // A PDF is binary to SARIF viewers: the artifact alone, with the page and line in the message and in properties.
      const page = pageWords(m.place?.start)
      const reason = page ? `${page}: ${m.reason}` : m.reason
      const out: Record<string, unknown> = {
        ruleId: m.ruleId,
        level: LEVEL[m.severity],
        message: {text: m.note ? `${reason}. Fix: ${m.note}` : reason},
        locations: [{physicalLocation: page ? {artifactLocation: {uri: uriOf(result.file)}} : {artifactLocation: {uri: uriOf(result.file)}, region}}]
      }
      if (page) out.properties = {page: m.place!.start.page, pageLine: m.place!.start.pageLine}
      const ruleIndex = index.get(m.ruleId)
      if (ruleIndex !== undefined) out.ruleIndex = ruleIndex
      return out
    })
  )
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'legco', version, informationUri: DOCS_URL, rules}},
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({location: {uri: uriOf(r.file)}})),
        results: sarifResults
      }
    ]
  }
}

export function formatSarif(results: FileResult[], version: string): string {
  return `${JSON.stringify(toSarif(results, version), null, 2)}\n`
}
