/**
 * `--pair-by name`: which files of a batch are the two language versions of
 * one paper, by the names the Council's papers go by: a language prefix
 * (`zh_x.txt` / `en_x.txt`, also `-`) or a language part before the
 * extension (`x.zh.pdf` / `x.en.pdf`, also `_zh`, `-en`). Two files pair
 * when they are in the same folder and their names differ only in that
 * part. Files that match no convention, or whose other version is not in
 * the batch, are unpaired.
 */
import {basename, dirname, join} from 'node:path'

/** The language parts of names, as people write them (ASCII tags only: a name's language is said in Latin letters). */
const LANGUAGE_TAGS: Record<string, 'zh' | 'en'> = {
  zh: 'zh',
  'zh-hant': 'zh',
  'zh-hk': 'zh',
  'zh-tw': 'zh',
  chi: 'zh',
  chn: 'zh',
  tc: 'zh',
  en: 'en',
  eng: 'en'
}

export interface NamePairs {
  /** Chinese first, English second. */
  pairs: [string, string][]
  unpaired: string[]
}

/** The language a name carries and the name with it taken out (the pairing key), or null. */
export function languageOfName(name: string): {lang: 'zh' | 'en'; key: string} | null {
  const tag = (word: string) => (Object.hasOwn(LANGUAGE_TAGS, word.toLowerCase()) ? LANGUAGE_TAGS[word.toLowerCase()] : undefined)
  const prefix = /^([A-Za-z-]+?)[_-](.+)$/.exec(name)
  if (prefix && tag(prefix[1]!)) return {lang: tag(prefix[1]!)!, key: `*_${prefix[2]}`}
  const suffix = /^(.+?)([._-])([A-Za-z-]+)(\.[^.]+)$/.exec(name)
  if (suffix && tag(suffix[3]!)) return {lang: tag(suffix[3]!)!, key: `${suffix[1]}${suffix[2]}*${suffix[4]!.toLowerCase()}`}
  return null
}

export function pairByName(paths: string[]): NamePairs {
  const groups = new Map<string, {zh: string[]; en: string[]}>()
  const unpaired: string[] = []
  for (const path of paths) {
    const found = path === '-' ? null : languageOfName(basename(path))
    if (!found) {
      unpaired.push(path)
      continue
    }
    const key = join(dirname(path), found.key)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = {zh: [], en: []}))
    group[found.lang].push(path)
  }
  const pairs: [string, string][] = []
  for (const group of groups.values()) {
    if (group.zh.length === 1 && group.en.length === 1) pairs.push([group.zh[0]!, group.en[0]!])
    else unpaired.push(...group.zh, ...group.en)
  }
  return {pairs, unpaired}
}
