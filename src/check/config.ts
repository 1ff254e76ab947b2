/**
 * Rule settings, found the way ESLint and remark-lint find theirs.
 *
 * - For each checked file, the nearest configuration walking up from its
 *   folder: `.legcorc.json`, `.legcorc.yaml` (or `.yml`), or a `legco` key
 *   in `package.json`, the first of these in the nearest folder that has
 *   one (configurations do not merge: the nearest is the whole of it).
 *   Standard input is looked up from the current folder (or from the folder
 *   of `--stdin-filename`).
 * - `--config FILE` uses that file for every input instead; `--no-config`
 *   uses none (the rules' defaults and `--rule`).
 * - In a file: `rules` (id to setting), `kinds` (a paper kind, `meta.kind`,
 *   to its own `rules`), `overrides` (a list of `{files, excludedFiles?,
 *   rules}`: globs relative to the configuration's folder). Applied in that
 *   order, then `--rule` flags, each later one winning.
 *
 * Unknown keys, kinds and rule ids and bad severities are usage errors (exit
 * 2) that name the closest valid word, so that a typo never silently turns
 * nothing off. YAML is read by the `yaml` package, imported only when a
 * `.legcorc.yaml` is met.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {PaperKind} from '../tree.js'
import {globToRegExp} from '../cli/inputs.js'
import {PAPER_KINDS} from './data.js'
import {ALL_RULES, ruleMeta} from './registry.js'
import type {Setting, Settings} from './types.js'

export const CONFIG_FILE = '.legcorc.json'
/** The names looked for in each folder, in this order; then `package.json` with a `legco` key. */
export const CONFIG_FILES = ['.legcorc.json', '.legcorc.yaml', '.legcorc.yml'] as const

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

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}

/** The valid word closest to `word`, if one is close enough to be the one meant. */
export function closest(word: string, valid: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  const lower = word.toLowerCase()
  for (const candidate of valid) {
    const d = distance(lower, candidate.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

function unknown(what: string, word: string, valid: readonly string[], where: string, listed: string): ConfigError {
  const near = closest(word, valid)
  return new ConfigError(`${where}: unknown ${what} "${word}"${near ? ` (did you mean "${near}"?)` : ''}; ${listed}`)
}

/** `off`, `info`, `warning` (`warn`), `error`, or ESLint's 0/1/2. */
export function readSetting(value: unknown, where: string): Setting {
  const word: unknown = Array.isArray(value) ? value[0] : value
  // Only a word or a number; an own key of the table (not `constructor`, not an object's `toString`).
  const key = typeof word === 'string' || typeof word === 'number' ? String(word).toLowerCase() : undefined
  if (key === undefined || !Object.hasOwn(SETTING_WORDS, key)) {
    const shown = key === undefined ? (JSON.stringify(word) ?? typeof word) : `"${String(word)}"`
    const near = key === undefined ? undefined : closest(key, ['off', 'info', 'warning', 'error'])
    throw new ConfigError(`${where}: ${shown} is not a severity${near ? ` (did you mean "${near}"?)` : ''} (use off, info, warning or error)`)
  }
  return SETTING_WORDS[key]!
}

const RULE_IDS = ALL_RULES.map((rule) => rule.id)

function knownRule(id: string, where: string): string {
  if (!ruleMeta(id)) throw unknown('rule', id, RULE_IDS, where, 'see docs/rules.md for the list')
  return id
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkKeys(data: Record<string, unknown>, valid: readonly string[], where: string): void {
  for (const key of Object.keys(data)) if (!valid.includes(key)) throw unknown('key', key, valid, where, `the keys are ${valid.join(', ')}`)
}

function readRules(value: unknown, where: string): Settings {
  if (value === undefined) return {}
  if (!isObject(value)) throw new ConfigError(`${where}: "rules" must be an object of rule id to severity`)
  const settings: Settings = {}
  for (const [id, setting] of Object.entries(value)) settings[knownRule(id, where)] = readSetting(setting, `${where}: rule ${id}`)
  return settings
}

/** A configuration as read: where from, the folder its globs are relative to, what it sets. */
export interface Config {
  path: string
  dir: string
  rules: Settings
  kinds: Partial<Record<PaperKind, Settings>>
  overrides: {files: string[]; excludedFiles: string[]; match: (relativePath: string) => boolean; rules: Settings}[]
}

const TOP_KEYS = ['rules', 'kinds', 'overrides'] as const
const OVERRIDE_KEYS = ['files', 'excludedFiles', 'rules'] as const
const KIND_KEYS = ['rules'] as const

function globs(value: unknown, where: string): string[] {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))
    throw new ConfigError(`${where}: expected a glob or a list of globs (such as "minutes/**")`)
  return list as string[]
}

/** A glob of a configuration against a path relative to its folder: `minutes/**`; a pattern with no `/` matches a name at any depth, as in ESLint. */
function globMatcher(patterns: string[]): (relativePath: string) => boolean {
  const expressions = patterns.map((pattern) => {
    const clean = pattern.replace(/^\.\//, '')
    return globToRegExp(clean.includes('/') ? clean : `**/${clean}`)
  })
  return (path) => expressions.some((expression) => expression.test(path))
}

/** A configuration's data (the parsed file, or package.json's `legco` value) to a Config. */
export function toConfig(data: unknown, path: string): Config {
  if (!isObject(data)) throw new ConfigError(`${path}: expected an object such as {"rules": {"paragraph-inferred": "off"}}`)
  checkKeys(data, TOP_KEYS, path)
  const config: Config = {path, dir: dirname(path), rules: readRules(data.rules, path), kinds: {}, overrides: []}
  if (data.kinds !== undefined) {
    if (!isObject(data.kinds)) throw new ConfigError(`${path}: "kinds" must be an object of paper kind to {"rules": {...}}`)
    for (const [kind, value] of Object.entries(data.kinds)) {
      const where = `${path}: kinds.${kind}`
      if (!(PAPER_KINDS as readonly string[]).includes(kind))
        throw unknown('paper kind', kind, PAPER_KINDS, `${path}: kinds`, `the kinds are ${PAPER_KINDS.join(', ')}`)
      if (!isObject(value)) throw new ConfigError(`${where}: expected {"rules": {...}}`)
      checkKeys(value, KIND_KEYS, where)
      config.kinds[kind as PaperKind] = readRules(value.rules, where)
    }
  }
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) throw new ConfigError(`${path}: "overrides" must be a list of {"files": [...], "rules": {...}}`)
    data.overrides.forEach((value: unknown, index) => {
      const where = `${path}: overrides[${index}]`
      if (!isObject(value)) throw new ConfigError(`${where}: expected {"files": [...], "rules": {...}}`)
      checkKeys(value, OVERRIDE_KEYS, where)
      if (value.files === undefined) throw new ConfigError(`${where}: "files" is required (globs relative to ${dirname(path)})`)
      const files = globs(value.files, `${where}.files`)
      const excludedFiles = value.excludedFiles === undefined ? [] : globs(value.excludedFiles, `${where}.excludedFiles`)
      const included = globMatcher(files)
      const excluded = globMatcher(excludedFiles)
      config.overrides.push({files, excludedFiles, match: (p) => included(p) && !excluded(p), rules: readRules(value.rules, where)})
    })
  }
  return config
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConfigError(`cannot read ${path}: no such file`)
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`)
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`)
  }
}

const isYaml = (path: string) => /\.ya?ml$/i.test(path)

/** Read a configuration file: JSON, or YAML for a `.yaml`/`.yml` name (the yaml package loaded then only); `package.json`: its `legco` key. */
export async function loadConfig(path: string): Promise<Config> {
  const text = readText(path)
  let data: unknown
  if (isYaml(path)) {
    const {parse} = await import('yaml')
    try {
      data = parse(text)
    } catch (error) {
      throw new ConfigError(`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`)
    }
    // An empty file is an empty configuration.
    if (data === null || data === undefined) data = {}
  } else data = parseJson(text, path)
  if (path.endsWith(`${sep}package.json`) || path === 'package.json') {
    if (!isObject(data) || data.legco === undefined) throw new ConfigError(`${path}: no "legco" key`)
    data = data.legco
  }
  return toConfig(data, path)
}

/** Read a JSON configuration file's settings (its `rules`; kinds and overrides need a file and a tree: see ConfigResolver). */
export function readConfig(path: string): Settings {
  return toConfig(parseJson(readText(path), path), path).rules
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

/** The configuration file of one folder, if it has one (the first of CONFIG_FILES, then package.json with a `legco` key). */
function configFileIn(dir: string): string | null {
  for (const name of CONFIG_FILES) {
    const path = join(dir, name)
    if (isFile(path)) return path
  }
  const pkg = join(dir, 'package.json')
  if (isFile(pkg)) {
    let data: unknown
    try {
      data = JSON.parse(readFileSync(pkg, 'utf8'))
    } catch {
      return null // a package.json that is not JSON is not ours to judge
    }
    if (isObject(data) && data.legco !== undefined) return pkg
  }
  return null
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export interface ResolverOptions {
  /** A file for every input (`--config`), or false for none (`--no-config`); undefined: found per file. */
  config?: string | false
  rule?: string[]
  cwd?: string
}

/** The settings in force for each checked file: its configuration (found, given or none), its kind, overrides, then flags. */
export class ConfigResolver {
  private readonly cwd: string
  private readonly flags: Settings
  private readonly byDir = new Map<string, Promise<Config | null>>()
  private readonly byPath = new Map<string, Promise<Config>>()
  private readonly given: Promise<Config> | null

  constructor(options: ResolverOptions = {}) {
    this.cwd = options.cwd ?? process.cwd()
    this.flags = readRuleFlags(options.rule ?? [])
    this.given = typeof options.config === 'string' ? this.load(resolve(this.cwd, options.config)) : null
    if (options.config === false) this.byDir.set('', Promise.resolve(null))
    this.none = options.config === false
  }

  private readonly none: boolean

  private load(path: string): Promise<Config> {
    let config = this.byPath.get(path)
    if (!config) this.byPath.set(path, (config = loadConfig(path)))
    return config
  }

  /** Throws ConfigError for a given file that is missing or wrong (call before reading inputs). */
  async ready(): Promise<void> {
    if (this.given) await this.given
  }

  /** The configuration for a file (`null`: standard input, looked up from the current folder). */
  async configFor(file: string | null): Promise<Config | null> {
    if (this.none) return null
    if (this.given) return this.given
    return this.find(file === null ? this.cwd : dirname(resolve(this.cwd, file)))
  }

  private find(dir: string): Promise<Config | null> {
    let found = this.byDir.get(dir)
    if (!found) {
      const path = configFileIn(dir)
      const parent = dirname(dir)
      found = path ? this.load(path) : parent === dir ? Promise.resolve(null) : this.find(parent)
      this.byDir.set(dir, found)
    }
    return found
  }

  /** The settings for one paper: its file (null for standard input) and kind. */
  async settingsFor(file: string | null, kind: PaperKind | null): Promise<Settings> {
    const config = await this.configFor(file)
    if (!config) return {...this.flags}
    const settings: Settings = {...config.rules, ...(kind ? config.kinds[kind] : undefined)}
    if (file !== null && config.overrides.length > 0) {
      const path = relative(config.dir, resolve(this.cwd, file)).split(sep).join('/')
      for (const override of config.overrides) if (override.match(path)) Object.assign(settings, override.rules)
    }
    return {...settings, ...this.flags}
  }
}

/** The settings for a run with no file in view (`--config` or `.legcorc.json` in `cwd`, then flags): as before discovery, for the library. */
export function resolveSettings(options: {config?: string; rule?: string[]; cwd?: string}): Settings {
  const cwd = options.cwd ?? process.cwd()
  let settings: Settings = {}
  if (options.config) settings = readConfig(resolve(cwd, options.config))
  else if (existsSync(resolve(cwd, CONFIG_FILE))) settings = readConfig(resolve(cwd, CONFIG_FILE))
  return {...settings, ...readRuleFlags(options.rule ?? [])}
}
