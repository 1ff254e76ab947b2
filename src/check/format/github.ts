/**
 * For GitHub Actions: workflow commands (`::error file=…,line=…::message`)
 * that put each message on its line of the diff, then a summary line.
 */
import {columnOf, lineOf, totals, type FileResult} from './types.js'

/** Escaping for the message part of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping for a property value (file, title). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const

export function formatGithub(results: FileResult[]): string {
  const lines: string[] = []
  for (const result of results) {
    for (const m of result.messages) {
      const props = [`file=${escapeProperty(result.file)}`, `line=${lineOf(m)}`, `col=${columnOf(m)}`]
      if (m.place && m.place.end.line >= m.place.start.line) {
        props.push(`endLine=${m.place.end.line}`)
        if (m.place.end.line === m.place.start.line && m.place.end.column > m.place.start.column) props.push(`endColumn=${m.place.end.column}`)
      }
      props.push(`title=${escapeProperty(`legco ${m.ruleId}`)}`)
      const text = m.note ? `${m.reason}\nfix: ${m.note}` : m.reason
      lines.push(`::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(`${text} (${m.ruleId})`)}`)
    }
  }
  const t = totals(results)
  lines.push(`legco check: ${t.errors} error(s), ${t.warnings} warning(s) in ${t.files} file(s)`)
  return `${lines.join('\n')}\n`
}
