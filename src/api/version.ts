/** The package's version, read from its package.json once (for SARIF and TMX headers). */
import {readFileSync} from 'node:fs'

let version: string | undefined

export function packageVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
    } catch {
      version = '0.0.0'
    }
  }
  return version
}
