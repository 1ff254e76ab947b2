/** What every formatter is given: the messages of each file checked. */
import type {Message} from '../../message.js'

export interface FileResult {
  /** The name as given on the command line (or `<stdin>`). */
  file: string
  messages: Message[]
}

export interface Totals {
  errors: number
  warnings: number
  infos: number
  files: number
  filesWithProblems: number
}

export function totals(results: FileResult[]): Totals {
  const all = results.flatMap((r) => r.messages)
  return {
    errors: all.filter((m) => m.severity === 'error').length,
    warnings: all.filter((m) => m.severity === 'warning').length,
    infos: all.filter((m) => m.severity === 'info').length,
    files: results.length,
    filesWithProblems: results.filter((r) => r.messages.length > 0).length
  }
}

export function lineOf(message: Message): number {
  return message.place?.start.line ?? 1
}

export function columnOf(message: Message): number {
  return message.place?.start.column ?? 1
}
