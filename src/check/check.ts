/**
 * The runner: `check(tree, text, options)` runs every rule that is on over
 * one parsed paper and returns vfile-like messages sorted by place.
 */
import type {Fix, Message, Severity} from '../message.js'
import type {Paper} from '../tree.js'
import {Locator} from './locate.js'
import {PAIR_RULES, pairSide} from './pair.js'
import {RULES, defaultSeverity} from './registry.js'
import type {CheckOptions, Place, Replacement, RuleContext, RuleMeta, Settings} from './types.js'

/** The severity a rule's messages get, or null when it is off. */
export function severityOf(id: string, settings: Settings = {}): Severity | null {
  const setting = settings[id] ?? defaultSeverity(id) ?? 'warning'
  return setting === 'off' ? null : setting
}

/** Apply settings to messages raised elsewhere (the parser's): drop those turned off, set severities. */
export function applySettings(messages: Message[], settings: Settings = {}): Message[] {
  const out: Message[] = []
  for (const message of messages) {
    if (settings[message.ruleId] === undefined) {
      out.push(message)
      continue
    }
    const severity = severityOf(message.ruleId, settings)
    if (severity) out.push({...message, severity})
  }
  return out
}

export function compareMessages(a: Message, b: Message): number {
  const pa = a.place?.start
  const pb = b.place?.start
  return (pa?.offset ?? -1) - (pb?.offset ?? -1) || a.ruleId.localeCompare(b.ruleId) || a.reason.localeCompare(b.reason)
}

export function check(tree: Paper, text: string, options: CheckOptions = {}): Message[] {
  const settings = options.settings ?? {}
  const locate = new Locator(text, tree)
  const messages: Message[] = []
  // A flood of messages (one a bracket of 100,000 unclosed ones) repeats a few reasons and notes: the messages share
  // one string for each (built by a template, each was a tree of string pieces, ~200 bytes; issue 10).
  const strings = new Map<string, string>()
  const shared = (value: string): string => {
    const known = strings.get(value)
    if (known !== undefined) return known
    strings.set(value, value)
    return value
  }
  const contextFor = (rule: RuleMeta, severity: Severity): RuleContext => ({
    tree,
    text,
    locate,
    zh: tree.lang !== 'en',
    report(reason: string, place: Place, note?: string, replace?: Replacement) {
      const message: Message = {reason: shared(reason), ruleId: rule.id, source: 'legco', severity, place}
      if (note) message.note = shared(note)
      const at = replace?.place ?? place
      if (replace && at) {
        const fix = fixAt(text, at.start.offset, at.end.offset, replace)
        if (fix) message.fix = fix
      }
      messages.push(message)
    }
  })
  for (const rule of RULES) {
    const severity = severityOf(rule.id, settings)
    if (severity) rule.run(contextFor(rule, severity))
  }
  if (options.pair) {
    const other = pairSide(options.pair)
    for (const rule of PAIR_RULES) {
      const severity = severityOf(rule.id, settings)
      if (severity) rule.run(contextFor(rule, severity), other)
    }
  }
  return dedupe(messages.sort(compareMessages))
}

/**
 * One message per rule, place and reason, of messages sorted by `compareMessages`: its order is place, rule, reason,
 * so repeats stand together, and the sort is stable, so the first one raised is kept. One pass, no key string made
 * for each message (a flood of 200,000 had as many keys in a set; issue 10).
 */
export function dedupe(sorted: Message[]): Message[] {
  let kept = 0
  for (let i = 0; i < sorted.length; i++) {
    const message = sorted[i]!
    const last = kept > 0 ? sorted[kept - 1]! : undefined
    if (last && last.ruleId === message.ruleId && last.reason === message.reason && last.place?.start.offset === message.place?.start.offset) continue
    sorted[kept++] = message
  }
  sorted.length = kept
  return sorted
}

/**
 * A fix only where it is safe: the input holds exactly the expected
 * characters at the place (a place that fell back to a node's start, or a
 * span across a joined line, gives none), on one line, and the change keeps
 * the line count (a fix never joins or splits lines).
 */
function fixAt(text: string, start: number, end: number, replace: Replacement): Fix | undefined {
  if (replace.expect === replace.text || end <= start) return undefined
  if (text.slice(start, end) !== replace.expect || /[\r\n]/.test(replace.expect) || /[\r\n]/.test(replace.text)) return undefined
  return {range: [start, end], text: replace.text}
}
