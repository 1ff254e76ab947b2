/**
 * `legco align --format tmx`: a TMX 1.4 translation memory
 * (https://www.gala-global.org/tmx-14b), one translation unit for each
 * paired paragraph and each paired item, for translation tools. The source
 * language is the first version's. Unpaired entries, and pairs where a side
 * has no words of its own (a paragraph that is only its items), give no
 * unit. Each unit says what it is and what paired it:
 *
 *   <tu tuid="4">
 *     <prop type="x-legco-unit">paragraph 4</prop>
 *     <prop type="x-legco-by">number</prop>
 *     <tuv xml:lang="zh-Hant"><seg>…</seg></tuv>
 *     <tuv xml:lang="en"><seg>…</seg></tuv>
 *   </tu>
 */
import {readFileSync} from 'node:fs'
import type {Alignment, ItemPair, PairBasis, Side} from '../index.js'

let version: string | undefined

function toolVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}).version
    } catch {
      version = '0.0.0'
    }
  }
  return version
}

export function toTmx(alignment: Alignment): string {
  const order: [Side, Side] = alignment.first === 'zh' ? ['zh', 'en'] : ['en', 'zh']
  const lang = (side: Side) => alignment[side].lang
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="legco" creationtoolversion="${attr(toolVersion())}" datatype="plaintext" segtype="paragraph" adminlang="en" srclang="${attr(lang(order[0]))}" o-tmf="legco">`
  ]
  const paperNo = alignment.zh.paperNo ?? alignment.en.paperNo
  if (paperNo) lines.push(`    <prop type="x-legco-paper">${text(paperNo)}</prop>`)
  lines.push('  </header>', '  <body>')
  let id = 0
  const unit = (what: string, by: PairBasis | null, texts: Record<Side, string>) => {
    if (!texts.zh.trim() || !texts.en.trim()) return
    lines.push(`    <tu tuid="${++id}">`, `      <prop type="x-legco-unit">${text(what)}</prop>`)
    if (by) lines.push(`      <prop type="x-legco-by">${by}</prop>`)
    for (const side of order) lines.push(`      <tuv xml:lang="${attr(lang(side))}"><seg>${text(texts[side])}</seg></tuv>`)
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
  for (const pair of alignment.paragraphs) {
    if (!pair.zh || !pair.en) continue
    const number = pair[order[0]]!.number
    const what = number === null ? 'paragraph' : `paragraph ${number}`
    unit(what, pair.by, {zh: pair.zh.text, en: pair.en.text})
    items(pair.items, what)
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF) are dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;')
}
