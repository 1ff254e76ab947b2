/**
 * Bytes to text, with a clear verdict on input that is not text.
 *
 * Order of decisions:
 *   1. empty input                                → 'empty'
 *   2. byte order mark (UTF-8, UTF-16LE/BE, GB18030; UTF-32 is refused)
 *   3. whitespace-only bytes                      → 'empty'
 *   4. NUL bytes: UTF-16 without BOM if one byte order reads as plausible
 *      text, otherwise                             → 'binary'
 *   5. many C0 control bytes: BOM-less UTF-16 of pure CJK text (no NUL
 *      byte, see 7) if it reads as such, otherwise → 'binary'
 *   6. valid UTF-8                                → 'utf-8'
 *   7. Big5 / GB18030 (and BOM-less, NUL-less UTF-16): each fatal decoding
 *      that succeeds is scored by the share of its Han characters that are
 *      common characters (src/lang/common-hanzi.ts); the best convincing one
 *      wins, otherwise                             → 'unknown-encoding'
 *
 * Big5 is decoded by Node's ICU decoder, which is Windows-950 flavoured:
 * Big5-HKSCS characters come out as Private Use code points (U+E000-U+F8FF).
 *
 * Never throws.
 */
import {createRequire} from 'node:module'
import {commonHanziScore, isCommonHanzi} from '../lang/common-hanzi.js'

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030'
export type DecodeFailure = 'empty' | 'binary' | 'unknown-encoding'
export type Decoded = {ok: true; text: string; encoding: Encoding; bom: boolean} | {ok: false; reason: DecodeFailure; message: string}

/** Bytes looked at for scoring and statistics; the full input is decoded only once a verdict is reached. */
const SAMPLE_BYTES = 64 * 1024
/** Minimum share of Han characters that must be common characters for a Chinese decoding to be accepted. */
const MIN_HANZI_SCORE = 0.4
/** More C0 control characters (other than \t \n \r \f) than this share means binary. */
const MAX_CONTROL_SHARE = 0.05
/** Minimum share of "ordinary text" code units for a BOM-less UTF-16 reading. */
const MIN_UTF16_TEXT_SHARE = 0.5
/** BOM-less UTF-16 with no NUL bytes at all must show at least this many Han characters. */
const MIN_HAN_UTF16_NO_NUL = 4

const UNKNOWN_MESSAGE = 'unknown text encoding: not UTF-8, UTF-16, Big5 or GB18030'

const ENCODING_NAME: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  big5: 'Big5',
  gb18030: 'GB18030'
}

/**
 * True when the bytes are a PDF: "%PDF-" at the start, or later within the
 * first 1024 bytes (junk before the header, which readers tolerate) only
 * when the file also ends as a PDF does, with "%%EOF" in its last 1024
 * bytes. A text file that mentions "%PDF-1.7" near its top is text.
 */
export function isPdf(bytes: Uint8Array): boolean {
  try {
    const header = find(bytes, PDF_HEADER, 0, Math.min(1024 + PDF_HEADER.length - 1, bytes.length))
    if (header < 0) return false
    if (header === 0) return true
    return find(bytes, PDF_END, Math.max(header + PDF_HEADER.length, bytes.length - 1024), bytes.length) >= 0
  } catch {
    return false
  }
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const PDF_END = [0x25, 0x25, 0x45, 0x4f, 0x46] // %%EOF

/** Index of `needle` wholly inside bytes[from, to), or -1. */
function find(bytes: Uint8Array, needle: number[], from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

export function decode(bytes: Uint8Array): Decoded {
  try {
    return decodeBytes(bytes)
  } catch (err) {
    // Defensive: nothing above is expected to throw.
    const detail = err instanceof Error ? err.message : String(err)
    return fail('unknown-encoding', `could not decode input: ${detail}`.split('\n')[0]!)
  }
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes == null || bytes.length === 0) return fail('empty', 'input is empty')

  const bom = sniffBom(bytes)
  if (bom !== undefined) return decodeWithBom(bytes, bom)

  if (isWhitespaceBytes(bytes)) return fail('empty', 'input contains only whitespace')

  const firstNul = bytes.indexOf(0)
  if (firstNul >= 0) {
    const utf16 = bytes.length % 2 === 0 ? utf16WithoutBom(bytes) : undefined
    if (utf16 !== undefined) return utf16
    return fail('binary', `input looks binary (NUL bytes at offset ${firstNul})`)
  }

  const controls = controlShare(bytes.subarray(0, SAMPLE_BYTES))
  if (controls > MAX_CONTROL_SHARE) {
    // BOM-less UTF-16 of pure CJK text has no NUL byte but many low bytes < 0x20.
    const utf16 = bytes.length % 2 === 0 ? decodeChinese(bytes, ['utf-16le', 'utf-16be']) : undefined
    return utf16?.ok ? utf16 : binaryByControls(controls)
  }

  const utf8 = strictDecode('utf-8', bytes)
  if (utf8 !== undefined) return accept(utf8, 'utf-8', false)

  const labels: Encoding[] = ['big5', 'gb18030']
  if (bytes.length % 2 === 0) labels.push('utf-16le', 'utf-16be')
  return decodeChinese(bytes, labels)
}

// ---------------------------------------------------------------------------
// BOM

type Bom = {encoding: Encoding; length: number} | {encoding: 'utf-32'; length: number}

function sniffBom(b: Uint8Array): Bom | undefined {
  const n = b.length
  // UTF-32 first: its LE BOM starts with the UTF-16LE BOM.
  if (n >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return {encoding: 'utf-32', length: 4}
  if (n >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return {encoding: 'utf-32', length: 4}
  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return {encoding: 'utf-8', length: 3}
  if (n >= 2 && b[0] === 0xff && b[1] === 0xfe) return {encoding: 'utf-16le', length: 2}
  if (n >= 2 && b[0] === 0xfe && b[1] === 0xff) return {encoding: 'utf-16be', length: 2}
  // GB18030 encodes U+FEFF as 84 31 95 33.
  if (n >= 4 && b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return {encoding: 'gb18030', length: 4}
  return undefined
}

function decodeWithBom(bytes: Uint8Array, bom: Bom): Decoded {
  if (bom.encoding === 'utf-32') {
    return fail('unknown-encoding', 'unsupported text encoding: UTF-32 (byte order mark found); convert the file to UTF-8')
  }
  const encoding = bom.encoding
  const body = bytes.subarray(bom.length)
  if (body.length === 0) return fail('empty', 'input is empty (only a byte order mark)')

  const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be'
  if (!isUtf16) {
    const nul = body.indexOf(0)
    if (nul >= 0) return fail('binary', `input looks binary (NUL bytes at offset ${nul + bom.length})`)
    const controls = controlShare(body.subarray(0, SAMPLE_BYTES))
    if (controls > MAX_CONTROL_SHARE) return binaryByControls(controls)
  }

  const text = strictDecode(encoding, body)
  const name = ENCODING_NAME[encoding]
  if (text === undefined) {
    const why = isUtf16 && body.length % 2 === 1 ? ' (odd number of bytes)' : ''
    return fail('unknown-encoding', `input starts with a ${name} byte order mark but is not valid ${name}${why}`)
  }
  if (isUtf16) {
    const nul = text.indexOf('\u0000')
    if (nul >= 0) return fail('binary', `input looks binary (NUL characters at offset ${bom.length + 2 * nul})`)
    const controls = controlShareText(text.slice(0, SAMPLE_BYTES / 2))
    if (controls > MAX_CONTROL_SHARE) return binaryByControls(controls)
  }
  return accept(text, encoding, true)
}

// ---------------------------------------------------------------------------
// BOM-less UTF-16 (input has NUL bytes)

/**
 * Input with NUL bytes and an even length: read it as UTF-16 in both byte
 * orders and keep the order whose text looks like ordinary text (ASCII,
 * common Han characters, CJK punctuation, kana, Hangul, ...). Mostly-ASCII
 * UTF-16 has a NUL in every other byte, which one byte order reads as ASCII
 * and the other as rare CJK characters, so the content decides the order.
 */
function utf16WithoutBom(bytes: Uint8Array): Decoded | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const whole = sample.length === bytes.length
  // Parity of the zero bytes gives the tie-break: for UTF-16LE, ASCII's zero byte is at an odd offset.
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const order: Encoding[] = oddZeros >= evenZeros ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le']

  let best: {encoding: Encoding; text: string; share: number} | undefined
  for (const encoding of order) {
    const text = strictDecode(encoding, sample, !whole)
    if (text === undefined || text.includes('\u0000')) continue
    if (controlShareText(text) > MAX_CONTROL_SHARE) continue
    const share = ordinaryTextShare(text)
    if (share < MIN_UTF16_TEXT_SHARE) continue
    if (best === undefined || share > best.share) best = {encoding, text, share}
  }
  if (best === undefined) return undefined

  const text = whole ? best.text : strictDecode(best.encoding, bytes)
  if (text === undefined || text.includes('\u0000')) return undefined
  return accept(text, best.encoding, false)
}

/** Share of code units that are ordinary text characters (see utf16WithoutBom). */
function ordinaryTextShare(text: string): number {
  if (text.length === 0) return 0
  let good = 0
  for (let i = 0; i < text.length; i++) {
    if (isOrdinaryTextUnit(text.charCodeAt(i))) good++
  }
  return good / text.length
}

function isOrdinaryTextUnit(c: number): boolean {
  if (c < 0x80) return c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d
  if (c < 0x3000) {
    return (
      (c >= 0xa0 && c <= 0x24f) || // Latin-1, Latin Extended-A/B
      (c >= 0x370 && c <= 0x4ff) || // Greek, Cyrillic
      (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, bullet, ellipsis
      (c >= 0x2030 && c <= 0x203b) || // per mille, primes, ※
      (c >= 0x2460 && c <= 0x24ff) || // ① ⑴ ⒈
      (c >= 0x25a0 && c <= 0x25ff) // ■ ● ◆
    )
  }
  return (
    c <= 0x30ff || // CJK punctuation, hiragana, katakana
    isCommonHanzi(c) ||
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0xff01 && c <= 0xff5e) // full-width ASCII forms
  )
}

// ---------------------------------------------------------------------------
// Big5 / GB18030 (and BOM-less UTF-16 without NUL bytes)

interface Candidate {
  encoding: Encoding
  /** Decoding of the sample (the whole input when it fits). */
  text: string
  han: number
  score: number
}

/**
 * Decodes the sample with each of `labels` (fatal decoders), scores each
 * success by the share of its Han characters that are common characters,
 * and accepts the best convincing one.
 */
function decodeChinese(bytes: Uint8Array, labels: Encoding[]): Decoded {
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const whole = sample.length === bytes.length

  const candidates: Candidate[] = []
  for (const encoding of labels) {
    const text = strictDecode(encoding, sample, !whole)
    if (text === undefined) continue
    const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be'
    const {han, score} = commonHanziScore(text)
    if (han === 0 || score <= MIN_HANZI_SCORE) continue
    // UTF-16 with no NUL byte at all can only be (nearly) pure CJK text; demand more evidence.
    if (isUtf16 && (han < MIN_HAN_UTF16_NO_NUL || ordinaryTextShare(text) < MIN_UTF16_TEXT_SHARE || controlShareText(text) > MAX_CONTROL_SHARE)) {
      continue
    }
    candidates.push({encoding, text, han, score})
  }
  // Best score first; ties keep the order above (Big5 before GB18030: this is Hong Kong).
  candidates.sort((a, b) => b.score - a.score)

  for (const c of candidates) {
    const text = whole ? c.text : strictDecode(c.encoding, bytes)
    if (text !== undefined) return accept(text, c.encoding, false)
  }

  if (candidates.length > 0) {
    const name = ENCODING_NAME[candidates[0]!.encoding]
    return fail('unknown-encoding', `input looks like ${name} but contains byte sequences that are not valid ${name}`)
  }
  const utf8 = utf8Evidence(bytes)
  if (utf8.valid >= 4 && utf8.valid >= 4 * utf8.invalid) {
    const where = utf8.firstInvalid >= 0 ? ` (first bad byte at offset ${utf8.firstInvalid})` : ''
    return fail('unknown-encoding', `input looks like UTF-8 but is not valid UTF-8${where}`)
  }
  return fail('unknown-encoding', UNKNOWN_MESSAGE)
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and invalid bytes, to tell
 * "UTF-8 with a few bad bytes" from other encodings in the failure message.
 * (Lenient about overlongs and surrogates; only used for the message.)
 */
function utf8Evidence(b: Uint8Array): {valid: number; invalid: number; firstInvalid: number} {
  let valid = 0
  let invalid = 0
  let firstInvalid = -1
  let i = 0
  while (i < b.length) {
    const x = b[i]!
    if (x < 0x80) {
      i++
      continue
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1
    let ok = need > 0
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const y = b[i + k]
        if (y === undefined || (y & 0xc0) !== 0x80) {
          ok = false
          break
        }
      }
    }
    if (ok) {
      valid++
      i += need + 1
    } else {
      invalid++
      if (firstInvalid < 0) firstInvalid = i
      i++
    }
  }
  return {valid, invalid, firstInvalid}
}

// ---------------------------------------------------------------------------
// helpers

/** One fatal decoder per encoding, made on first use (a decoder holds no state between whole-buffer, non-streaming calls; a failed call resets it). */
const decoders = new Map<Encoding, TextDecoder>()
function decoder(encoding: Encoding): TextDecoder {
  let found = decoders.get(encoding)
  if (!found) decoders.set(encoding, (found = new TextDecoder(encoding, {fatal: true, ignoreBOM: true})))
  return found
}

function strictDecode(encoding: Encoding, bytes: Uint8Array, stream = false): string | undefined {
  if (encoding === 'big5' && !isBig5Structure(bytes, stream)) return undefined
  let text: string
  try {
    // A streaming decode keeps state between calls: it gets a decoder of its own.
    text = stream ? new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes, {stream}) : decoder(encoding).decode(bytes)
  } catch {
    return undefined
  }
  return encoding === 'big5' && !stream && PRIVATE_USE.test(text) ? big5Hkscs(bytes) : text
}

/** Node's Big5 decoder gives Hong Kong (HKSCS) characters as Private Use code points (嘅 9D EE as U+ECD0). */
const PRIVATE_USE = /[\ue000-\uf8ff]/

/**
 * Big5 with the Hong Kong Supplementary Character Set, read by iconv-lite
 * (its big5hkscs table maps 嘅 㗎 啲 … to Unicode), loaded only for Big5
 * text that has such characters. Synchronous: the bundled CLI passes
 * `require`; the ES modules make one.
 */
function big5Hkscs(bytes: Uint8Array): string {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url)
  const iconv = load('iconv-lite') as {decode(bytes: Uint8Array, encoding: string): string}
  return iconv.decode(bytes, 'big5hkscs')
}

/**
 * Node's ICU Big5 decoder is Windows-950 flavoured and, even when fatal,
 * accepts lone bytes 0x80 and 0xFF (as U+0080, U+F8F8). Check the byte
 * structure the WHATWG way instead: a byte >= 0x81 is a lead byte and must be
 * followed by a trail byte 0x40-0x7E or 0xA1-0xFE; 0x80 and 0xFF are invalid.
 * With `stream`, a lead byte at the very end is allowed (cut sample).
 */
function isBig5Structure(b: Uint8Array, stream: boolean): boolean {
  const n = b.length
  for (let i = 0; i < n; i++) {
    const x = b[i]!
    if (x < 0x80) continue
    if (x === 0x80 || x === 0xff) return false
    if (i + 1 === n) return stream
    const y = b[++i]!
    if (!((y >= 0x40 && y <= 0x7e) || (y >= 0xa1 && y <= 0xfe))) return false
  }
  return true
}

function accept(text: string, encoding: Encoding, bom: boolean): Decoded {
  if (text.trim() === '') return fail('empty', 'input contains only whitespace')
  return {ok: true, text, encoding, bom}
}

function fail(reason: DecodeFailure, message: string): Decoded {
  return {ok: false, reason, message}
}

function binaryByControls(share: number): Decoded {
  return fail('binary', `input looks binary (${Math.round(share * 100)}% control characters)`)
}

function isWhitespaceBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!
    if (x !== 0x20 && (x < 0x09 || x > 0x0d)) return false
  }
  return true
}

function isControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d
}

/** Share of C0 control bytes other than \t \n \r \f (multi-byte encodings here never use bytes < 0x20 inside a character). */
function controlShare(b: Uint8Array): number {
  if (b.length === 0) return 0
  let n = 0
  for (let i = 0; i < b.length; i++) if (isControl(b[i]!)) n++
  return n / b.length
}

function controlShareText(t: string): number {
  if (t.length === 0) return 0
  let n = 0
  for (let i = 0; i < t.length; i++) if (isControl(t.charCodeAt(i))) n++
  return n / t.length
}
