/**
 * Rule settings: `.legcorc.json` (`{"rules": {"paragraph-inferred": "off"}}`)
 * and `--rule id=severity`, the flag winning. Unknown ids and severities are
 * usage errors, so a typo does not silently turn nothing off.
 */
import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {ruleMeta} from './registry.js'
import type {Setting, Settings} from './types.js'

export const CONFIG_FILE = '.legcorc.json'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const SETTING_WORDS: Record<string, Setting> = {
  off: 'off',
  '0': 'off',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  '1': 'warning',
  error: 'error',
  '2': 'error'
}

/** `off`, `info`, `warning` (`warn`), `error`, or ESLint's 0/1/2. */
export function readSetting(value: unknown, where: string): Setting {
  const word: unknown = Array.isArray(value) ? value[0] : value
  // Only a word or a number; an own key of the table (not `constructor`, not an object's `toString`).
  const key = typeof word === 'string' || typeof word === 'number' ? String(word).toLowerCase() : undefined
  if (key === undefined || !Object.hasOwn(SETTING_WORDS, key)) {
    const shown = key === undefined ? (JSON.stringify(word) ?? typeof word) : `"${String(word)}"`
    throw new ConfigError(`${where}: ${shown} is not a severity (use off, info, warning or error)`)
  }
  return SETTING_WORDS[key]!
}

function knownRule(id: string, where: string): string {
  if (!ruleMeta(id)) throw new ConfigError(`${where}: unknown rule "${id}" (see docs/rules.md for the list)`)
  return id
}

/** Read a config file: `{"rules": {"id": "severity"}}`. */
export function readConfig(path: string): Settings {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConfigError(`cannot read ${path}: no such file`)
    if (error instanceof SyntaxError) throw new ConfigError(`${path}: not valid JSON: ${error.message}`)
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(`${path}: expected an object such as {"rules": {"paragraph-inferred": "off"}}`)
  const rules = (data as {rules?: unknown}).rules ?? {}
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new ConfigError(`${path}: "rules" must be an object of rule id to severity`)
  const settings: Settings = {}
  for (const [id, value] of Object.entries(rules)) settings[knownRule(id, path)] = readSetting(value, `${path}: rule ${id}`)
  return settings
}

/** `--rule id=severity` values (each may also hold several, comma-separated). */
export function readRuleFlags(flags: string[]): Settings {
  const settings: Settings = {}
  for (const flag of flags
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter(Boolean)) {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(flag)
    if (!match) throw new ConfigError(`--rule ${flag}: expected id=severity, e.g. --rule paragraph-inferred=off`)
    settings[knownRule(match[1]!, '--rule')] = readSetting(match[2], `--rule ${match[1]}`)
  }
  return settings
}

/** The settings in force: the config file (given, or `.legcorc.json` in `cwd` if there), then the flags. */
export function resolveSettings(options: {config?: string; rule?: string[]; cwd?: string}): Settings {
  const cwd = options.cwd ?? process.cwd()
  let settings: Settings = {}
  if (options.config) settings = readConfig(resolve(cwd, options.config))
  else if (existsSync(resolve(cwd, CONFIG_FILE))) settings = readConfig(resolve(cwd, CONFIG_FILE))
  return {...settings, ...readRuleFlags(options.rule ?? [])}
}
