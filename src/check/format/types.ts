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

/** One pass over the messages, no copy of them (a flood of 150,000 messages was copied, then filtered three times). */
export function totals(results: FileResult[]): Totals {
  const counts: Totals = {errors: 0, warnings: 0, infos: 0, files: results.length, filesWithProblems: 0}
  for (const result of results) {
    if (result.messages.length > 0) counts.filesWithProblems++
    for (const message of result.messages) {
      if (message.severity === 'error') counts.errors++
      else if (message.severity === 'warning') counts.warnings++
      else if (message.severity === 'info') counts.infos++
    }
  }
  return counts
}

export function lineOf(message: Message): number {
  return message.place?.start.line ?? 1
}

export function columnOf(message: Message): number {
  return message.place?.start.column ?? 1
}
