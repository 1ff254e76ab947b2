/** The shapes shared by the check runner, its rules and its formatters. */
import type {Message, Severity} from '../message.js'
import type {Paper, Position} from '../tree.js'
import type {Locator} from './locate.js'

/** A rule's setting: a severity, or off. */
export type Setting = Severity | 'off'

/** Rule id to setting; rules not named keep their default. */
export type Settings = Record<string, Setting>

export type RuleCategory = 'numbering' | 'items' | 'header' | 'sections' | 'references' | 'hygiene' | 'pair' | 'parse'

export interface RuleMeta {
  id: string
  severity: Severity
  category: RuleCategory
  /** One line: what it flags. */
  summary: string
}

/** Where a problem is: a position, or null for the paper as a whole. */
export type Place = Position | null

export interface RuleContext {
  tree: Paper
  text: string
  /** Ways to turn offsets into positions. */
  locate: Locator
  /** Is the paper Chinese? Messages quote the paper's own words where they can. */
  zh: boolean
  /**
   * Raise a message. With `replace`, the message carries a fix: the place's
   * characters, which must read `replace.expect` in the input (else no fix:
   * the place did not map back exactly), become `replace.text`.
   */
  report(reason: string, place: Place, note?: string, replace?: Replacement): void
}

/** What a fix changes at a message's place: the characters it expects there, and what they become. */
export interface Replacement {
  expect: string
  text: string
  /** Where the fix applies, when that is more than the message's place (every full-width figure of a paragraph). */
  place?: Position
}

export interface Rule extends RuleMeta {
  run(context: RuleContext): void
}

/** The other-language version of the paper, for the pair rules. */
export interface PairInput {
  tree: Paper
  text: string
  /** Its name as messages show it. */
  name: string
}

export interface CheckOptions {
  /** Rule settings (from `.legcorc.json` and `--rule`); unnamed rules keep their defaults. */
  settings?: Settings
  /** Compare with the other-language version. */
  pair?: PairInput
}

export type {Message, Severity}
