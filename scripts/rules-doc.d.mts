// Types of scripts/rules-doc.mjs, for the tests that import it.
export interface ExpectedMessage {
  line: number
  column: number
  reason: string
  /** The rule that raises it. */
  rule: string
}

export interface Example {
  kind: 'ok' | 'not ok' | 'other version'
  name: string
  /** The example it is checked against with `--pair`, if any. */
  pair: string | null
  /** Line of its heading in the documentation file. */
  line: number
  /** The fenced text plus a final newline. */
  input: string
  /** What the rule alone raises on it, in order (none for ok). */
  messages: ExpectedMessage[]
  /** A not-ok example of a rule that fixes: the input as `--fix` (that rule alone) leaves it; null when not given. */
  fixed: string | null
}

export interface RuleDoc {
  /** File name in src/check/rules/, e.g. `paragraph-numbering.md`. */
  file: string
  /** The file name without `.md`: examples are named `<name>/<example>`. */
  name: string
  /** The ids the file documents, in order. */
  rules: string[]
  lines: string[]
  examples: Example[]
}

export const RULE_DOCS: string
export const RULES_MD: string
export const FIXED: string
export function readRuleDocs(dir?: string): RuleDoc[]
export function messageLine(message: {line: number; column: number; reason: string}): string
export function renderRulesDoc(allRules: {id: string; severity: string; category: string; summary: string}[], dir?: string): string
