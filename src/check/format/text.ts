/**
 * For people: one line per message, `file:line:column  severity  message
 * rule-id` (for a PDF `file:pPAGE:line:column`, the line counted within the page), columns aligned within a file, the fix on the line below,
 * files apart, and a summary line.
 */
import {displayWidth} from '../../lang/chars.js'
import {placeLabel} from '../../source.js'
import {totals, type FileResult} from './types.js'

function pad(value: string, width: number): string {
  return value + ' '.repeat(Math.max(0, width - displayWidth(value)))
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function formatText(results: FileResult[], options: {notes?: boolean} = {}): string {
  const notes = options.notes ?? true
  const blocks: string[] = []
  for (const result of results) {
    if (result.messages.length === 0) continue
    const rows = result.messages.map((m) => ({
      place: `${result.file}:${placeLabel(m.place?.start)}`,
      severity: m.severity,
      reason: m.reason,
      rule: m.ruleId,
      note: m.note
    }))
    const placeWidth = rows.reduce((most, r) => Math.max(most, displayWidth(r.place)), -Infinity)
    const severityWidth = rows.reduce((most, r) => Math.max(most, r.severity.length), -Infinity)
    const reasonWidth = Math.min(
      100,
      rows.reduce((most, r) => Math.max(most, displayWidth(r.reason)), -Infinity)
    )
    const lines = [result.file]
    for (const row of rows) {
      lines.push(`${pad(row.place, placeWidth)}  ${pad(row.severity, severityWidth)}  ${pad(row.reason, reasonWidth)}  ${row.rule}`)
      if (notes && row.note) lines.push(`${' '.repeat(placeWidth + severityWidth + 4)}fix: ${row.note}`)
    }
    blocks.push(lines.join('\n'))
  }
  const t = totals(results)
  const problems = t.errors + t.warnings + t.infos
  const summary =
    problems === 0
      ? `no problems in ${plural(t.files, 'file')}`
      : `${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}${t.infos ? `, ${t.infos} info` : ''}) in ${t.filesWithProblems} of ${plural(t.files, 'file')}`
  blocks.push(summary)
  return `${blocks.join('\n\n')}\n`
}
