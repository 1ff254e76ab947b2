/**
 * For scripts: a JSON array, one object per message, with the same fields
 * in the same order every time (null where a message has none).
 */
import type {FileResult} from './types.js'

export interface JsonMessage {
  file: string
  line: number
  column: number
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning' | 'info'
  ruleId: string
  message: string
  note: string | null
  source: 'legco'
}

export function toJsonMessages(results: FileResult[]): JsonMessage[] {
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      file: result.file,
      line: m.place?.start.line ?? 1,
      column: m.place?.start.column ?? 1,
      endLine: m.place?.end.line ?? null,
      endColumn: m.place?.end.column ?? null,
      severity: m.severity,
      ruleId: m.ruleId,
      message: m.reason,
      note: m.note ?? null,
      source: 'legco' as const
    }))
  )
}

export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(toJsonMessages(results), null, 2)}\n`
}
