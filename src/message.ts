/**
 * Messages attached to places in the input, as vfile messages are: a reason,
 * the rule that raised it, a severity and a position. Nothing in the
 * pipeline throws for a problem in the input; it reports a message.
 */
import type {Position} from './tree.js'

export type Severity = 'error' | 'warning' | 'info'

export interface Message {
  reason: string
  /** Id of the rule or stage that raised it, e.g. `paragraph-numbering`, `parse/no-structure`. */
  ruleId: string
  source: 'legco'
  severity: Severity
  place: Position | null
  /** A hint on how to fix it, when there is one. */
  note?: string
  /**
   * The fix `--fix` applies, when the rule can make it safely: replace the
   * characters [range[0], range[1]) of the checked text (offsets of the
   * input, as the place's) with `text`, as ESLint's fixes do.
   */
  fix?: Fix
}

export interface Fix {
  range: [number, number]
  text: string
}

export class MessageList {
  readonly messages: Message[] = []

  add(severity: Severity, ruleId: string, reason: string, place: Position | null, note?: string): Message {
    const message: Message = {reason, ruleId, source: 'legco', severity, place}
    if (note) message.note = note
    this.messages.push(message)
    return message
  }

  warn(ruleId: string, reason: string, place: Position | null, note?: string): Message {
    return this.add('warning', ruleId, reason, place, note)
  }

  info(ruleId: string, reason: string, place: Position | null, note?: string): Message {
    return this.add('info', ruleId, reason, place, note)
  }
}
