/**
 * The damage a paper suffers on its way to users, applied to a clean text:
 * hard wrapping at a PDF line width, page numbers and running headers,
 * full-width numbering, CRLF line ends.
 */
import {displayWidth} from '../../src/lang/chars.js'

const WORD_CHAR = /[A-Za-z0-9.,()\-/*'"]/

/** Hard-wrap every line wider than `width` cells, breaking between CJK characters or at spaces, never inside a Latin word or number. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.includes('\t') || displayWidth(line) <= width ? [line] : wrapLine(line, width)))
    .join('\n')
}

function wrapLine(line: string, width: number): string[] {
  const out: string[] = []
  let rest = line
  while (displayWidth(rest) > width) {
    let cut = 0
    let used = 0
    for (const char of rest) {
      const w = displayWidth(char)
      if (used + w > width) break
      used += w
      cut += char.length
    }
    // Do not break inside a word or a number: back off to its start.
    let at = cut
    while (at > 0 && WORD_CHAR.test(rest[at - 1]!) && WORD_CHAR.test(rest[at]!)) at--
    if (at === 0) at = cut
    out.push(rest.slice(0, at).trimEnd())
    rest = rest.slice(at).trimStart()
  }
  if (rest) out.push(rest)
  return out
}

/** Insert a page footer (`- n -`) and a running header every `every` lines, with blank lines around them as extraction leaves them. */
export function paginate(text: string, every: number, header: string, blankLines = true): string {
  const lines = text.split('\n')
  const out: string[] = []
  let page = 1
  lines.forEach((line, index) => {
    out.push(line)
    if ((index + 1) % every === 0 && index < lines.length - 1) {
      page++
      if (blankLines) out.push('', `- ${page - 1} -`, '', header, '')
      else out.push(`- ${page - 1} -`, header)
    }
  })
  return out.join('\n')
}

const FULL_DIGITS = '０１２３４５６７８９'

/** `2.` → `２．`, `(a)` → `（ａ）`: paragraph and item markers in full-width forms. */
export function fullWidthNumbering(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\d{1,3})\. ?/, (_, digits: string) => [...digits].map((d) => FULL_DIGITS[Number(d)]).join('') + '．')
        .replace(
          /^(- )?\(([a-z])\)/,
          (_, bullet: string | undefined, letter: string) => `${bullet ?? ''}（${String.fromCharCode(letter.charCodeAt(0) + 0xfee0)}）`
        )
    )
    .join('\n')
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/** A naive wrapper (`fold -w`): every line, table rows too, cut at the width; a tab counts four cells. */
export function fold(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = []
      let current = ''
      let used = 0
      for (const char of line) {
        const cells = char === '\t' ? 4 : displayWidth(char)
        if (used + cells > width && current) {
          out.push(current)
          current = ''
          used = 0
        }
        current += char
        used += cells
      }
      out.push(current)
      return out
    })
    .join('\n')
}
