/**
 * HTML bytes to the pipeline's text and the way back to the page: the
 * character set (a BOM, else the page's declaration checked against what
 * the bytes are), then the page read by `html.ts`. Loaded only for HTML input.
 */
import {decode, type Decoded} from './decode.js'
import {readHtml} from './html.js'
import type {Origin} from './html-map.js'
import {charsetFamily, declaredCharset} from './html-sniff.js'

export interface LoadedHtml {
  text: string
  encoding: string
  origin: Origin
}

const NAMES: Record<string, string> = {'utf-8': 'UTF-8', big5: 'Big5', gb18030: 'GB18030', 'utf-16': 'UTF-16', latin1: 'Windows-1252'}

function familyOf(encoding: string): string {
  return encoding.startsWith('utf-16') ? 'utf-16' : encoding
}

/** Decode a page; a failure is the decoder's (empty, binary, unknown encoding) and is the caller's to report. */
export function loadHtml(bytes: Uint8Array): LoadedHtml | Extract<Decoded, {ok: false}> {
  const detected = decode(bytes)
  if (!detected.ok && detected.reason !== 'unknown-encoding') return detected
  const declared = declaredCharset(bytes)
  const family = declared ? charsetFamily(declared.label) : null
  const notes: Origin['notes'] = []
  let source: string
  let encoding: string
  const warn = (reason: string, text: string) => {
    const at = Math.max(0, text.search(/<meta\s[^>]*charset|<\?xml[^>]*encoding/i))
    notes.push({severity: 'warning', ruleId: 'read/html-charset', reason, start: at, end: at})
  }
  if (detected.ok) {
    source = detected.text
    encoding = detected.encoding
    const ascii = detected.encoding === 'utf-8' && !/[^\x00-\x7f]/.test(detected.text)
    if (declared && family && !detected.bom && !ascii && family !== familyOf(detected.encoding)) {
      warn(
        `the page declares charset ${declared.label} but its bytes are ${NAMES[familyOf(detected.encoding)]}: read as ${NAMES[familyOf(detected.encoding)]}`,
        source
      )
    } else if (declared && !family && !ascii) {
      warn(`the page declares charset ${declared.label}, which legco does not read: the bytes were read as ${NAMES[familyOf(detected.encoding)]}`, source)
    }
  } else if (family === 'latin1') {
    source = new TextDecoder('windows-1252').decode(bytes)
    encoding = 'windows-1252'
  } else if (family && family !== 'utf-16') {
    source = new TextDecoder(family).decode(bytes)
    encoding = family
    const bad = (source.match(/\ufffd/g) ?? []).length
    warn(`the page declares charset ${declared!.label} but ${bad} byte sequences are not valid ${NAMES[family]}: they are shown as U+FFFD`, source)
  } else {
    return detected
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1)
  const read = readHtml(source)
  read.origin.notes.unshift(...notes)
  return {text: read.text, encoding: `html (${NAMES[familyOf(encoding)] ?? encoding})`, origin: read.origin}
}
