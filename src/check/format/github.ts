/**
 * For GitHub Actions: workflow commands (`::error file=…,line=…::message`)
 * that put each message on its line of the diff, then a summary line.
 */
import {pageWords} from '../../source.js'
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
      const page = pageWords(m.place?.start)
      // A PDF has no lines of its own to point at: the file, and the page and line in the message.
      const props = page ? [`file=${escapeProperty(result.file)}`] : [`file=${escapeProperty(result.file)}`, `line=${lineOf(m)}`, `col=${columnOf(m)}`]
      if (!page && m.place && m.place.end.line >= m.place.start.line) {
        props.push(`endLine=${m.place.end.line}`)
        if (m.place.end.line === m.place.start.line && m.place.end.column > m.place.start.column) props.push(`endColumn=${m.place.end.column}`)
      }
      props.push(`title=${escapeProperty(`legco ${m.ruleId}`)}`)
      const reason = page ? `${page}: ${m.reason}` : m.reason
      const text = m.note ? `${reason}\nfix: ${m.note}` : reason
      lines.push(`::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(`${text} (${m.ruleId})`)}`)
    }
  }
  const t = totals(results)
  lines.push(`legco check: ${t.errors} error(s), ${t.warnings} warning(s) in ${t.files} file(s)`)
  return `${lines.join('\n')}\n`
}
