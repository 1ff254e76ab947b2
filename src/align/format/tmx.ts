/**
 * `legco align --format tmx`: a TMX 1.4 translation memory
 * (https://www.gala-global.org/tmx-14b) for translation tools, in reading
 * order: a unit for the title, each header field, each section heading
 * (and appendix title), each paired paragraph and item, and the signature.
 * The source language is the first version's. Unpaired entries, and pairs
 * where a side has no words of its own (a paragraph that is only its
 * items), give no unit. Each unit says what it is and what paired it:
 *
 *   <tu tuid="4">
 *     <prop type="x-legco-unit">paragraph 4</prop>     (title, field committee, heading background, item 4(a), signature)
 *     <prop type="x-legco-by">number</prop>
 *     <tuv xml:lang="zh-Hant"><seg>…</seg></tuv>
 *     <tuv xml:lang="en"><seg>…</seg></tuv>
 *   </tu>
 *
 * The language tags are the papers' (`zh-Hant` or `zh-Hans`, `en`) unless
 * given (`--zh-tag zh-HK`, `--en-tag en-GB`); `creationdate` is the time of
 * the run (UTC), `creationtool`/`creationtoolversion` the package's.
 */
import {packageVersion} from '../../api/version.js'
import type {Alignment, ItemPair, PairBasis, Side} from '../index.js'

export interface TmxOptions {
  /** Language tags for the two versions (BCP 47). */
  zhTag?: string
  enTag?: string
  /** The creation date written in the header (default: now). */
  date?: Date
}

export function toTmx(alignment: Alignment, options: TmxOptions = {}): string {
  const order: [Side, Side] = alignment.first === 'zh' ? ['zh', 'en'] : ['en', 'zh']
  const tags: Record<Side, string> = {zh: options.zhTag ?? alignment.zh.lang, en: options.enTag ?? alignment.en.lang}
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="legco" creationtoolversion="${attr(packageVersion())}" creationdate="${tmxDate(options.date ?? new Date())}" datatype="plaintext" segtype="paragraph" adminlang="en" srclang="${attr(tags[order[0]])}" o-tmf="legco">`
  ]
  const paperNo = alignment.zh.paperNo ?? alignment.en.paperNo
  if (paperNo) lines.push(`    <prop type="x-legco-paper">${text(paperNo)}</prop>`)
  lines.push('  </header>', '  <body>')
  let id = 0
  const unit = (what: string, by: PairBasis | null, texts: Record<Side, string | null | undefined>) => {
    const zh = texts.zh?.trim()
    const en = texts.en?.trim()
    if (!zh || !en) return
    lines.push(`    <tu tuid="${++id}">`, `      <prop type="x-legco-unit">${text(what)}</prop>`)
    if (by) lines.push(`      <prop type="x-legco-by">${by}</prop>`)
    for (const side of order) lines.push(`      <tuv xml:lang="${attr(tags[side])}"><seg>${text(side === 'zh' ? zh : en)}</seg></tuv>`)
    lines.push('    </tu>')
  }
  const items = (list: ItemPair[], where: string) => {
    for (const pair of list) {
      if (!pair.zh || !pair.en) continue
      const label = pair[order[0]]!.label ?? pair[order[0]]!.marker
      const here = `${where} item ${label}`
      unit(here, pair.by, {zh: pair.zh.text, en: pair.en.text})
      items(pair.items, here)
    }
  }

  unit('title', null, {zh: alignment.zh.title, en: alignment.en.title})
  for (const field of alignment.header) if (field.name !== 'title') unit(`field ${field.name}`, null, field)
  // Headings in reading order: each before the first paragraph it holds, the rest where they fall.
  let nextSection = 0
  const headingsTo = (index: number) => {
    for (; nextSection <= index && nextSection < alignment.sections.length; nextSection++) {
      const pair = alignment.sections[nextSection]!
      const what = `${pair.zh?.kind ?? pair.en?.kind ?? 'section'} ${pair.zh?.key ?? pair.en?.key ?? nextSection + 1}`
      unit(what.replace(/^section /, 'heading '), pair.by, {zh: pair.zh?.title, en: pair.en?.title})
    }
  }
  for (const pair of alignment.paragraphs) {
    if (pair.section !== null) headingsTo(pair.section)
    if (!pair.zh || !pair.en) continue
    const number = pair[order[0]]!.number
    const what = number === null ? 'paragraph' : `paragraph ${number}`
    unit(what, pair.by, {zh: pair.zh.text, en: pair.en.text})
    items(pair.items, what)
  }
  headingsTo(alignment.sections.length - 1)
  const signature = alignment.signature
  if (signature) unit('signature', null, {zh: signature.zh?.join(' '), en: signature.en?.join(' ')})
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}

/** TMX's date form: `20240328T101500Z`. */
function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF) are dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;')
}
