/**
 * Files `legco check` leaves out: the patterns of `.legcoignore` (the
 * nearest one walking up from the current folder; gitignore syntax, each
 * pattern relative to the file's folder) and of `--ignore-pattern`
 * (relative to the current folder). They apply to the papers folders and
 * globs give; a file named on the command line that they match is left out
 * with a warning, never in silence.
 *
 * The matching is the `ignore` package's (what ESLint and Prettier use for
 * theirs): gitignore's rules (negation with `!`, `dir/` for a folder and
 * all below it, anchoring by a leading `/`, `**`, escaped spaces) are many
 * and subtle, and a small, well-kept library with no dependencies gets them
 * right where a copy here would drift. It is loaded only when there is a
 * `.legcoignore` or an `--ignore-pattern`.
 */
import {readFileSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'

export const IGNORE_FILE = '.legcoignore'

export interface IgnoreList {
  /** Why a path is left out (the file or flag whose pattern matches it), or null. */
  why(path: string): string | null
}

interface Matcher {
  ignores(path: string): boolean
}

/** The nearest `.legcoignore` from `dir` up, or null. */
export function findIgnoreFile(dir: string): string | null {
  let current = resolve(dir)
  for (;;) {
    const path = join(current, IGNORE_FILE)
    try {
      if (statSync(path).isFile()) return path
    } catch {}
    const parent = dirname(current)
    if (parent === current) return null
    current = parent
  }
}

/** A path below `base` in `/` form, or null when it is outside (gitignore patterns cannot name it). */
function below(base: string, path: string): string | null {
  const rel = relative(base, resolve(path))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return rel.split(sep).join('/')
}

export async function loadIgnore(cwd: string, patterns: string[]): Promise<IgnoreList | null> {
  const file = findIgnoreFile(cwd)
  if (!file && patterns.length === 0) return null
  const {default: ignore} = (await import('ignore')) as unknown as {default: () => Matcher & {add(patterns: string | string[]): Matcher}}
  const rules: {base: string; matcher: Matcher; name: string}[] = []
  if (file) rules.push({base: dirname(file), matcher: ignore().add(readFileSync(file, 'utf8')), name: file})
  if (patterns.length > 0) rules.push({base: resolve(cwd), matcher: ignore().add(patterns), name: '--ignore-pattern'})
  return {
    why(path) {
      for (const rule of rules) {
        const rel = below(rule.base, path)
        if (rel !== null && rule.matcher.ignores(rel))
          return `matched by ${rule.name === '--ignore-pattern' ? '--ignore-pattern' : relative(cwd, rule.name) || IGNORE_FILE}`
      }
      return null
    }
  }
}
