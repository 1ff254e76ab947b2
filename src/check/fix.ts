/**
 * `--fix` as ESLint applies fixes: the fixes of one run sorted by place,
 * each applied unless it overlaps (or touches) one applied before it in the
 * same pass; the text is then checked again and the next pass applies what
 * is left, up to MAX_PASSES, until no message carries a fix.
 */
import type {Fix, Message} from '../message.js'

export const MAX_PASSES = 10

export interface Applied {
  text: string
  /** Fixes applied. */
  applied: Fix[]
  /** Fixes left for a later pass (they overlapped an applied one). */
  deferred: Fix[]
}

/** Apply the non-overlapping fixes of these messages to the text. */
export function applyFixes(text: string, messages: readonly Message[]): Applied {
  const fixes = messages
    .map((m) => m.fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const applied: Fix[] = []
  const deferred: Fix[] = []
  let out = ''
  let last = -1
  for (const fix of fixes) {
    const [start, end] = fix.range
    if (start <= last || start < 0 || end > text.length) {
      deferred.push(fix)
      continue
    }
    out += text.slice(Math.max(last, 0), start) + fix.text
    last = end
    applied.push(fix)
  }
  out += text.slice(Math.max(last, 0))
  return {text: applied.length > 0 ? out : text, applied, deferred}
}

export interface FixOutcome {
  /** The text after every pass. */
  text: string
  /** The messages of the final text (what is left to fix by hand). */
  messages: Message[]
  /** Fixes applied over all passes. */
  fixed: number
  passes: number
}

/**
 * Fix a text until it holds no fixable message (or MAX_PASSES): `run`
 * checks a text and returns its messages (offsets into that text).
 */
export async function fixText(text: string, run: (text: string) => Message[] | Promise<Message[]>, maxPasses = MAX_PASSES): Promise<FixOutcome> {
  let current = text
  let messages = await run(current)
  let fixed = 0
  let passes = 0
  while (passes < maxPasses) {
    const result = applyFixes(current, messages)
    if (result.applied.length === 0 || result.text === current) break
    passes++
    fixed += result.applied.length
    current = result.text
    messages = await run(current)
  }
  return {text: current, messages, fixed, passes}
}

/**
 * A unified diff (`diff -u`, 3 lines of context) of two texts with the same
 * lines (fixes never add or remove a line break), headed `--- a/NAME` and
 * `+++ b/NAME`; empty when they are the same.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return ''
  const a = before.split('\n')
  const b = after.split('\n')
  if (a.length !== b.length) throw new Error('unifiedDiff: the texts have different line counts')
  const changed: number[] = []
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push(i)
  const out = [`--- a/${name}`, `+++ b/${name}`]
  let index = 0
  while (index < changed.length) {
    // A hunk takes the changed lines whose context windows meet.
    let last = index
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context) last++
    const from = Math.max(0, changed[index]! - context)
    // The final empty "line" after a closing newline is not a line.
    const lineCount = before.endsWith('\n') ? a.length - 1 : a.length
    const to = Math.min(lineCount, changed[last]! + context + 1)
    const body: string[] = []
    for (let i = from; i < to; i++) {
      if (a[i] === b[i]) body.push(` ${a[i]}`)
      else body.push(`-${a[i]}`)
      if (a[i] !== b[i]) {
        // Consecutive changed lines: all the old ones, then all the new ones.
        let j = i
        while (j + 1 < to && a[j + 1] !== b[j + 1]) body.push(`-${a[++j]}`)
        for (let k = i; k <= j; k++) body.push(`+${b[k]}`)
        i = j
      }
    }
    const count = to - from
    out.push(`@@ -${from + 1},${count} +${from + 1},${count} @@`, ...body)
    index = last + 1
  }
  return `${out.join('\n')}\n`
}
