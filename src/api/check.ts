/**
 * `legco/check`: `legco check` as a library — the runner, the rules,
 * their settings and the output formats of `--format`.
 *
 *   import {parseText} from 'legco'
 *   import {check, formatText, formatSarif} from 'legco/check'
 *   const {tree, messages} = parseText(text)
 *   const results = [{file: 'paper.txt', messages: [...messages, ...check(tree, text)]}]
 *   process.stdout.write(formatText(results))      // or formatJson, formatGithub, formatSarif
 */
import {formatSarif as sarifText, toSarif as sarifObject} from '../check/format/sarif.js'
import type {FileResult} from '../check/format/types.js'
import {packageVersion} from './version.js'

export * from '../check/index.js'

/** SARIF 2.1.0 for the results, as JSON text; `version` (the tool's) defaults to the package's. */
export function formatSarif(results: FileResult[], version: string = packageVersion()): string {
  return sarifText(results, version)
}

/** SARIF 2.1.0 for the results, as an object; `version` (the tool's) defaults to the package's. */
export function toSarif(results: FileResult[], version: string = packageVersion()): object {
  return sarifObject(results, version)
}
