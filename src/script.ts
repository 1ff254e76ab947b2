/**
 * Traditional/Simplified Chinese conversion of a paper tree (OpenCC, via opencc-js).
 *
 * opencc-js is loaded lazily, with dynamic imports only, and only the dictionaries a
 * direction needs: `opencc-js/core` (15 kB, the `Trie`) plus the `opencc-js/dict/NAME`
 * modules. The bundled entry points (`opencc-js`, `opencc-js/cn2t`, `opencc-js/t2cn`)
 * and the presets (`opencc-js/preset*`) all import more than one direction needs; in
 * particular every Traditional-to-Traditional direction (hk↔t↔tw) would otherwise parse
 * the 1 MB `STPhrases` dictionary for nothing. Only Simplified → Traditional needs it.
 *
 * The conversion chains below are those of opencc-js 1.4.2 (`dist/esm-lib/preset/full.js`,
 * the OpenCC configs s2t, s2hk, s2tw, t2s, hk2s, tw2s, t2hk, t2tw, hk2t, tw2t): the same
 * normalisation, segmentation and dictionary order, so the output is the library's own;
 * test/script.test.ts checks that against the library's `Converter` in every direction.
 */

import type {Lang, Meta, Paper} from './tree.js'
import {visit} from './walk.js'

/**
 * `hans`: Simplified Chinese, mainland standard (OpenCC `cn`);
 * `hant`: Traditional Chinese, OpenCC standard (OpenCC `t`);
 * `hk`: Traditional Chinese, Hong Kong variants (OpenCC `hk`);
 * `tw`: Traditional Chinese, Taiwan variants (OpenCC `tw`).
 */
export type Script = 'hans' | 'hant' | 'hk' | 'tw'

export const SCRIPTS: readonly Script[] = Object.freeze(['hans', 'hant', 'hk', 'tw'] as const)

export function isScript(value: string): value is Script {
  return (SCRIPTS as readonly string[]).includes(value)
}

/**
 * The script a tree is written in: `from` when given, else from the tree's `lang`
 * (`zh-Hans` → `hans`; `zh-Hant` → `hk`, as LegCo papers are in Hong Kong Traditional;
 * `en` → `hk` too, for the Chinese names and terms an English paper quotes).
 */
export function sourceScript(lang: Lang, from?: Script): Script {
  if (from) return from
  return lang === 'zh-Hans' ? 'hans' : 'hk'
}

// The dictionaries of opencc-js, one module each, by the conversions that use them. Literal specifiers, so bundlers can follow them.

/** Simplified to Traditional. */
const ST_DICTS = {
  STCharacters: () => import('opencc-js/dict/STCharacters'),
  STPhrases: () => import('opencc-js/dict/STPhrases'),
  STPhrases_GeneratedFromRegionalPhrases: () => import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases')
}

/** Traditional to Simplified. */
const TS_DICTS = {
  TSCharacters: () => import('opencc-js/dict/TSCharacters'),
  TSPhrases: () => import('opencc-js/dict/TSPhrases')
}

/** Traditional (OpenCC standard) to Hong Kong variants, and back (`Rev`). */
const HK_DICTS = {
  HKVariants: () => import('opencc-js/dict/HKVariants'),
  HKVariantsPhrases: () => import('opencc-js/dict/HKVariantsPhrases'),
  HKVariantsRev: () => import('opencc-js/dict/HKVariantsRev'),
  HKVariantsRevPhrases: () => import('opencc-js/dict/HKVariantsRevPhrases')
}

/** Traditional (OpenCC standard) to Taiwan variants, and back (`Rev`). */
const TW_DICTS = {
  TWVariants: () => import('opencc-js/dict/TWVariants'),
  TWVariantsPhrases: () => import('opencc-js/dict/TWVariantsPhrases'),
  TWVariantsRev: () => import('opencc-js/dict/TWVariantsRev'),
  TWVariantsRevPhrases: () => import('opencc-js/dict/TWVariantsRevPhrases')
}

/** Every dictionary by name; every conversion first normalises the CJK compatibility ideographs. */
const DICTS = {
  CJK_Compatibility_Ideographs: () => import('opencc-js/dict/CJK_Compatibility_Ideographs'),
  ...ST_DICTS,
  ...TS_DICTS,
  ...HK_DICTS,
  ...TW_DICTS
} satisfies Record<string, () => Promise<{default: string}>>

type DictName = keyof typeof DICTS

/** A group of dictionaries merged into one trie; earlier ones win on equal keys (as in OpenCC). */
type Group = readonly DictName[]

interface Chain {
  /** Splits the text first; each stage then converts each segment separately (OpenCC's segmentation). */
  segmentation?: Group
  /** The stages, applied one after the other. */
  stages: readonly Group[]
}

const S2T: Group = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters']
const S2T_SEGMENTS: Group = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases']
const T2S: Group = ['TSPhrases', 'TSCharacters']
const T2HK: Group = ['HKVariantsPhrases', 'HKVariants']
const HK2T: Group = ['HKVariantsRevPhrases', 'HKVariantsRev']
const T2TW: Group = ['TWVariantsPhrases', 'TWVariants']
const TW2T: Group = ['TWVariantsRevPhrases', 'TWVariantsRev']

/** Every direction between two different scripts, keyed `from>to`. */
const CHAINS: Record<string, Chain> = {
  'hans>hant': {stages: [S2T]},
  'hans>hk': {segmentation: S2T_SEGMENTS, stages: [S2T, T2HK]},
  'hans>tw': {segmentation: S2T_SEGMENTS, stages: [S2T, T2TW]},
  'hant>hans': {stages: [T2S]},
  'hant>hk': {stages: [T2HK]},
  'hant>tw': {stages: [T2TW]},
  'hk>hans': {segmentation: ['TSPhrases'], stages: [HK2T, T2S]},
  'hk>hant': {stages: [HK2T]},
  // No OpenCC config for hk↔tw: opencc-js chains the two locales (`from.hk` then `to.tw`).
  'hk>tw': {stages: [HK2T, T2TW]},
  'tw>hans': {segmentation: ['TSPhrases'], stages: [TW2T, T2S]},
  'tw>hant': {stages: [TW2T]},
  'tw>hk': {stages: [TW2T, T2HK]}
}

const identity = (s: string): string => s

const cache = new Map<string, Promise<(s: string) => string>>()

/**
 * Returns a converter string → string from `from` (default `hk`, the script of LegCo papers;
 * see `sourceScript` to take it from a tree) to `target`. Same script: the identity, and
 * opencc-js is not loaded. Otherwise loads `opencc-js/core` and the dictionaries the
 * direction needs, once per process and direction.
 */
export async function loadConverter(target: Script, from: Script = 'hk'): Promise<(s: string) => string> {
  if (target === from) return identity
  const key = `${from}>${target}`
  const chain = CHAINS[key]
  if (!chain) throw new Error(`No conversion from ${from} to ${target}`)
  let converter = cache.get(key)
  if (!converter) {
    converter = build(chain)
    cache.set(key, converter)
    // A failed load (say, opencc-js missing) may be retried.
    converter.catch(() => cache.delete(key))
  }
  return converter
}

async function build(chain: Chain): Promise<(s: string) => string> {
  const names = new Set<DictName>(['CJK_Compatibility_Ideographs', ...(chain.segmentation ?? []), ...chain.stages.flat()])
  const [{Trie}, ...loaded] = await Promise.all([import('opencc-js/core'), ...[...names].map(async (name) => [name, (await DICTS[name]()).default] as const)])
  const dicts = new Map<DictName, string>(loaded)
  const trie = (group: Group) => {
    const t = new Trie()
    t.loadDictGroup(group.map((name) => dicts.get(name)!))
    return t
  }
  const normalize = trie(['CJK_Compatibility_Ideographs'])
  const segmentation = chain.segmentation ? trie(chain.segmentation) : null
  const stages = chain.stages.map(trie)
  const convertSegment = (s: string) => {
    for (const stage of stages) s = stage.convert(s)
    return s
  }
  return (s: string) => {
    if (s === '') return s
    const normalized = normalize.convert(s)
    if (!segmentation) return convertSegment(normalized)
    return segmentation.segment(normalized).map(convertSegment).join('')
  }
}

/**
 * Converts in place every user-visible string of the tree: text `value`s, section and appendix
 * `title`s, appendix, paragraph and item `marker`s, field `value`s, every string in `meta`
 * (including each line of `issuedBy`; not `kind`, a key) and furniture `value`s. Keys and
 * identifiers (`type`, `key`, `label`, `identifier`, `number`, `name`, `lang`) and positions
 * are left as they are: positions still point into the input as given. Returns the tree.
 */
export function convertTree(tree: Paper, convert: (s: string) => string): Paper {
  convertMeta(tree.meta, convert)
  for (const f of tree.furniture) f.value = convert(f.value)
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'field') node.value = convert(node.value)
    else if ((node.type === 'section' || node.type === 'appendix') && typeof node.title === 'string') node.title = convert(node.title)
    if ('marker' in node && typeof node.marker === 'string') node.marker = convert(node.marker)
  })
  return tree
}

function convertMeta(meta: Meta, convert: (s: string) => string): void {
  // Generic over the fields, so a string field added to Meta later is converted too.
  const record = meta as unknown as Record<string, unknown>
  for (const [name, value] of Object.entries(record)) {
    if (name === 'kind') continue
    if (typeof value === 'string') record[name] = convert(value)
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] === 'string') value[i] = convert(value[i])
      }
    }
  }
}
