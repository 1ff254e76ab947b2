/**
 * A rule in the remark-lint manner: `lintRule(meta, run)` joins what the
 * registry, the docs and `--rule` read (id, default severity, category,
 * summary) to the function that checks a paper.
 */
import type {Rule, RuleContext, RuleMeta} from './types.js'

export function lintRule(meta: RuleMeta, run: (context: RuleContext) => void): Rule {
  return {...meta, run}
}
