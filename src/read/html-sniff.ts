/**
 * Is it an HTML page, and what character set does it declare? Looked at in
 * the first bytes only, with no HTML parser loaded: the dispatch in
 * `input.ts` asks this of every input.
 */

/** Bytes looked at for the sniff and the charset declaration (HTML's own prescan looks at 1024). */
const PRESCAN = 1024

/** Elements a page may start with (after a BOM, whitespace, an XML declaration, a doctype or comments). */
const LEADING = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|base|link|style|script)[\s>/]/i

/** The file name says HTML. */
export function hasHtmlExtension(name: string): boolean {
  return /\.x?html?$/i.test(name)
}

/** The start of the bytes, as Latin-1 (every byte one character), after a UTF-8 or UTF-16 BOM. */
function head(bytes: Uint8Array): string {
  let start = 0
  let step = 1
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  // UTF-16: the ASCII byte of each code unit (low byte first in LE, second in BE).
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [start, step] = [2, 2]
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [start, step] = [3, 2]
  let out = ''
  const end = Math.min(bytes.length, start + PRESCAN * step)
  for (let i = start; i < end; i += step) out += String.fromCharCode(bytes[i]!)
  return out
}

/** HTML by content: a doctype, `<html>` or another leading tag of a page. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return LEADING.test(head(bytes))
}

/** The charset a page declares: `<meta charset>`, `http-equiv` content type, or an XML declaration; lower case, or null. */
export function declaredCharset(bytes: Uint8Array): {label: string; offset: number} | null {
  const text = head(bytes)
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(text)
  if (meta) return {label: meta[1]!.toLowerCase(), offset: meta.index}
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(text)
  if (xml) return {label: xml[1]!.toLowerCase(), offset: xml.index}
  return null
}

/** A charset label to the family our decoder knows, or null for one it does not. */
export function charsetFamily(label: string): 'utf-8' | 'big5' | 'gb18030' | 'utf-16' | 'latin1' | null {
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(label)) return 'utf-8'
  if (/^(?:big5|big5-hkscs|x-x-big5|x-big5|cn-big5|csbig5|ms950|cp950|windows-950)$/.test(label)) return 'big5'
  if (/^(?:gb2312|gbk|gb18030|x-gbk|euc-cn|cp936|windows-936|csgb2312|chinese|hz-gb-2312)$/.test(label)) return 'gb18030'
  if (/^utf-?16(?:le|be)?$/.test(label)) return 'utf-16'
  if (/^(?:iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii|windows-1252|cp1252|iso-8859-15)$/.test(label)) return 'latin1'
  return null
}
