/**
 * A fast reader of the well-formed common case: a page whose every element
 * is closed in order (what pydocx, word processors' "save as HTML" and the
 * LegCo site write), built into the same tree hast-util-from-html gives for
 * it (same nodes, text values and source offsets; the properties `html.ts`
 * reads), in one pass over the source.
 *
 * Anything where the HTML standard's tree construction would do more than
 * nest what is written (an implied end tag, a `<p>` closed by a block, text
 * moved out of a table, a formatting element reopened, an entity this table
 * does not know, a `<pre>`'s first newline, a form control, foreign content,
 * a missing `</body>` or `</html>`, a NUL) makes it decline: `fastTree`
 * returns null and the caller uses the standard parser. Declining is always
 * safe; the test (test/html-fast.test.ts) holds the two trees equal on the
 * fixtures and the corpus pages.
 */
import type {HComment, HElement, HNode, HText} from './html.js'

const DECLINE = Symbol('decline')
/** Where the last page declined (the line of this module), for tests and profiling. */
export let declined = ''
function decline(why = ''): never {
  if (process.env.LEGCO_HTML_FAST_DEBUG) declined = `${why} ${new Error().stack?.split('\n')[2]?.trim() ?? ''}`
  throw DECLINE
}

/** Entities decoded here; any other `&name` or `&#` form declines. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  bull: '•',
  times: '×',
  deg: '°',
  sect: '§',
  para: '¶',
  laquo: '«',
  raquo: '»',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009'
}

const VOID = new Set(['br', 'hr', 'img', 'wbr'])
/** Ordinary elements of a body (formatting ones included: well nested, they are only nested). */
const ORDINARY = new Set(
  'div span p strong b em i u s small big strike tt code font sup sub a center blockquote ol ul li dl dt dd h1 h2 h3 h4 h5 h6 address article aside section header footer main nav figure figcaption hgroup abbr cite q dfn kbd samp var mark time label ins del bdi bdo data table'.split(
    ' '
  )
)
/** Start tags that close an open `p` (then the tree is not what is written). */
const CLOSES_P = new Set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form table hr xmp li dd dt plaintext'.split(
    ' '
  )
)
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** The boundaries of "button scope". */
const SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'button'])
/** The standard's special elements (the parts of them a body here can hold). */
const SPECIAL = new Set(
  'address article aside blockquote body br center dd details dir div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html img li main menu nav ol p section summary table tbody td tfoot th thead tr ul wbr script style'.split(
    ' '
  )
)
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr'])
/** The attributes `html.ts` reads, by attribute name: the hast property each becomes. */
const KEPT: Record<string, string> = {
  class: 'className',
  id: 'id',
  style: 'style',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  start: 'start',
  type: 'type',
  reversed: 'reversed',
  value: 'value'
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13
const isAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
const isAlnum = (c: number): boolean => isAlpha(c) || (c >= 48 && c <= 57)

function allSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

/** Character references decoded as the standard does, for the forms this reader accepts. */
function decode(raw: string): string {
  let text = raw
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (!text.includes('&')) return text
  let out = ''
  let last = 0
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const next = text.charCodeAt(i + 1)
    if (next === 35) {
      const m = /^&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/.exec(text.slice(i, i + 12))
      if (!m) decline()
      const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2])
      const fine =
        code === 9 ||
        code === 10 ||
        (code >= 0x20 && code < 0x7f) ||
        (code >= 0xa0 && code < 0xd800) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff)
      if (!fine || (code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)) decline()
      out += text.slice(last, i) + String.fromCodePoint(code)
      last = i + m[0].length
    } else if (isAlnum(next)) {
      const m = /^&([A-Za-z][A-Za-z0-9]{0,9});/.exec(text.slice(i, i + 13))
      const value = m ? ENTITIES[m[1]!] : undefined
      if (value === undefined || !m) decline()
      out += text.slice(last, i) + value
      last = i + m[0].length
    }
    // Else a literal `&` (followed by a space, punctuation or the end).
  }
  return out + text.slice(last)
}

function element(tagName: string, properties: Record<string, unknown>, start: number, end: number): HElement {
  return {type: 'element', tagName, properties, children: [], position: {start: {offset: start}, end: {offset: end}}}
}

/** Append text to a parent, merged into its last child when that is text (as the standard's parser does). */
function appendText(parent: {children: HNode[]}, value: string, start: number, end: number): void {
  if (value.length === 0) return
  const last = parent.children[parent.children.length - 1]
  if (last && last.type === 'text') {
    last.value += value
    last.position!.end.offset = end
    return
  }
  const node: HText = {type: 'text', value, position: {start: {offset: start}, end: {offset: end}}}
  parent.children.push(node)
}

type Mode = 'initial' | 'beforeHead' | 'inHead' | 'afterHead' | 'inBody' | 'afterBody' | 'afterAfterBody'

interface Tag {
  name: string
  properties: Record<string, unknown>
  selfClosing: boolean
  /** Offset just after the `>`. */
  end: number
}

/** The page's html, head or body element, opened by `tag` as the last child of `parent` (declines any other tag there). */
function opened(name: 'html' | 'head' | 'body', tag: Tag, lt: number, parent: {children: HNode[]}, stack: HElement[]): HElement {
  if (tag.name !== name || tag.selfClosing) decline()
  const el = element(name, tag.properties, lt, tag.end)
  parent.children.push(el)
  stack.push(el)
  return el
}

/** A start tag at `source[at] === '<'`: its name, the kept attributes as hast properties, and its end. */
function startTag(source: string, at: number): Tag {
  let i = at + 1
  while (i < source.length && !isSpace(source.charCodeAt(i)) && source[i] !== '/' && source[i] !== '>') i++
  const name = source.slice(at + 1, i).toLowerCase()
  if (!/^[a-z][a-z0-9]*$/.test(name)) decline()
  const properties: Record<string, unknown> = {}
  const seen = new Set<string>()
  for (;;) {
    while (i < source.length && isSpace(source.charCodeAt(i))) i++
    if (i >= source.length) decline()
    const c = source[i]
    if (c === '>') return {name, properties, selfClosing: false, end: i + 1}
    if (c === '/') {
      if (source[i + 1] !== '>') decline()
      return {name, properties, selfClosing: true, end: i + 2}
    }
    const from = i
    while (i < source.length && !isSpace(source.charCodeAt(i)) && source[i] !== '/' && source[i] !== '>' && source[i] !== '=') i++
    const attribute = source.slice(from, i).toLowerCase()
    if (/["'<]/.test(attribute) || attribute.length === 0) decline()
    let j = i
    while (j < source.length && isSpace(source.charCodeAt(j))) j++
    let value = ''
    if (source[j] === '=') {
      j++
      while (j < source.length && isSpace(source.charCodeAt(j))) j++
      const quote = source[j]
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, j + 1)
        if (close < 0) decline()
        value = source.slice(j + 1, close)
        i = close + 1
        const after = source.charCodeAt(i)
        if (!(isSpace(after) || after === 47 || after === 62)) decline()
      } else {
        let k = j
        while (k < source.length && !isSpace(source.charCodeAt(k)) && source[k] !== '>') k++
        value = source.slice(j, k)
        if (value.length === 0 || /["'<=`]/.test(value)) decline()
        i = k
      }
    }
    // else: an attribute without a value; `i` stays after its name.
    if (seen.has(attribute)) continue // the first of a repeated attribute wins
    seen.add(attribute)
    const property = KEPT[attribute]
    if (property === undefined) continue
    const text = decode(value)
    if (property === 'className') {
      const trimmed = text.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '')
      properties.className = trimmed ? trimmed.split(/[ \t\n\r\f]+/g) : []
    } else if (property === 'colSpan' || property === 'rowSpan' || property === 'start') {
      // hastscript: a number when the value reads as one, else the string.
      properties[property] = text && !Number.isNaN(Number(text)) ? Number(text) : text
    } else if (property === 'reversed') {
      properties.reversed = text === '' || text.toLowerCase() === 'reversed' ? true : text
    } else properties[property] = text
  }
}

/** The offset after `</name>` at `at`, or decline (attributes or junk in an end tag). */
function endTagEnd(source: string, at: number, name: string): number {
  let i = at + 2 + name.length
  while (i < source.length && isSpace(source.charCodeAt(i))) i++
  if (source[i] !== '>') decline()
  return i + 1
}

/**
 * The tree hast-util-from-html gives for a well-formed page, or null when
 * the page needs the standard's full tree construction.
 */
export function fastTree(source: string): HNode | null {
  try {
    return build(source)
  } catch (error) {
    if (error === DECLINE) return null
    throw error
  }
}

function build(source: string): HNode {
  if (source.includes('\0')) decline()
  const root = {type: 'root' as const, children: [] as HNode[], position: {start: {offset: 0}, end: {offset: source.length}}}
  const stack: HElement[] = []
  let mode: Mode = 'initial'
  let html: HElement | undefined
  let head: HElement | undefined
  let body: HElement | undefined
  /** Implied `tbody`s (no position) on the stack. */
  const implied = new Set<HElement>()
  /** Formatting elements popped with a p, waiting for their end tags (text or a start tag before those declines). */
  const stale: string[] = []
  const current = (): HElement => stack[stack.length - 1]!

  const text = (raw: string, start: number, end: number): void => {
    switch (mode) {
      case 'initial':
      case 'beforeHead':
        if (!allSpace(raw)) decline()
        return // dropped
      case 'inHead':
        if (!allSpace(raw)) decline()
        appendText(head!, decode(raw), start, end)
        return
      case 'afterHead':
        if (!allSpace(raw)) decline()
        appendText(html!, decode(raw), start, end)
        return
      case 'inBody': {
        if (stale.length > 0) decline('text would reopen a formatting element')
        const node = current()
        if (TABLE_CONTEXT.has(node.tagName) && !allSpace(raw)) decline()
        appendText(node, decode(raw), start, end)
        return
      }
      default:
        if (!allSpace(raw)) decline()
        appendText(body!, decode(raw), start, end)
    }
  }

  const comment = (node: HComment): void => {
    switch (mode) {
      case 'initial':
      case 'afterAfterBody':
        root.children.push(node)
        return
      case 'beforeHead':
      case 'afterHead':
      case 'afterBody':
        html!.children.push(node)
        return
      case 'inHead':
        head!.children.push(node)
        return
      default:
        current().children.push(node)
    }
  }

  /** A raw-text element's content (`style`, `script`, `title`) up to its end tag; returns the offset after it. */
  const rawText = (el: HElement, from: number, decoded: boolean): number => {
    const name = el.tagName
    const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'ig')
    pattern.lastIndex = from
    const found = pattern.exec(source)
    if (!found) decline()
    const content = source.slice(from, found.index)
    if (name === 'script' && content.includes('<!--')) decline()
    if (content.length > 0) {
      const value = decoded ? decode(content) : content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content
      appendText(el, value, from, found.index)
    }
    const end = endTagEnd(source, found.index, name)
    el.position!.end.offset = end
    return end
  }

  const pInButtonScope = (): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const name = stack[k]!.tagName
      if (name === 'p') return true
      if (SCOPE.has(name)) return false
    }
    return false
  }

  const bodyStart = (tag: Tag, at: number, again = false): number => {
    const name = tag.name
    const node = current()
    const push = (parent: HElement): HElement => {
      const el = element(name, tag.properties, at, tag.end)
      parent.children.push(el)
      stack.push(el)
      return el
    }
    if (TABLE_CONTEXT.has(node.tagName)) {
      if (tag.selfClosing) decline()
      if (node.tagName === 'table') {
        if (name === 'tbody' || name === 'thead' || name === 'tfoot') push(node)
        else if (name === 'tr') {
          const tbody: HElement = {type: 'element', tagName: 'tbody', properties: {}, children: []}
          node.children.push(tbody)
          stack.push(tbody)
          implied.add(tbody)
          push(tbody)
        } else decline()
      } else if (node.tagName === 'tr') {
        if (name === 'td' || name === 'th') push(node)
        else decline()
      } else if (name === 'tr') push(node)
      else decline()
      return tag.end
    }
    if (name === 'script' || name === 'style') {
      if (tag.selfClosing) decline()
      const end = rawText(push(node), tag.end, false)
      stack.pop()
      return end
    }
    if (stale.length > 0 && !again) decline(`<${name}> would reopen <${stale.join('>, <')}>, at ${at}`)
    if (CLOSES_P.has(name) && pInButtonScope()) {
      // The standard closes the p first (a later `</p>` then makes an empty one): done here when the p is
      // the current node, its end where hast puts an unclosed element's, at its last child's end.
      // the current node or holds it through elements the standard just pops (not formatting ones: those it
      // would reopen), each ended where hast puts an unclosed element's end: at its last child's end.
      if (name === 'table') decline(`<${name}> in a p, at ${at}`)
      for (;;) {
        const open = stack.pop()!
        if (implied.has(open) || !open.position) decline(`<${name}> in a p, at ${at}`)
        // A formatting element popped stays in the standard's list of them until its own end tag.
        if (FORMATTING.has(open.tagName)) stale.push(open.tagName)
        const last = open.children[open.children.length - 1]
        open.position.end.offset = last?.position ? last.position.end.offset! : at
        if (open.tagName === 'p') break
      }
      return bodyStart(tag, at, true)
    }
    if (VOID.has(name)) {
      node.children.push(element(name, tag.properties, at, tag.end))
      return tag.end
    }
    if (!ORDINARY.has(name) || tag.selfClosing) decline()
    if (HEADINGS.has(name) && HEADINGS.has(node.tagName)) decline()
    if (name === 'li' || name === 'dd' || name === 'dt') {
      for (let k = stack.length - 1; k >= 0; k--) {
        const open = stack[k]!.tagName
        if (open === 'li' || ((name === 'dd' || name === 'dt') && (open === 'dd' || open === 'dt'))) {
          if (name === 'li' ? open === 'li' : true) decline()
        }
        if (SPECIAL.has(open) && open !== 'address' && open !== 'div' && open !== 'p') break
      }
    }
    if (name === 'a' && stack.some((open) => open.tagName === 'a')) decline()
    push(node)
    return tag.end
  }
  let i = 0
  let textStart = 0
  const flushText = (upTo: number): void => {
    if (upTo > textStart) text(source.slice(textStart, upTo), textStart, upTo)
  }
  const length = source.length
  while (i < length) {
    const lt = source.indexOf('<', i)
    if (lt < 0) {
      i = length
      break
    }
    const next = source.charCodeAt(lt + 1)
    if (!(isAlpha(next) || next === 47 || next === 33 || next === 63)) {
      i = lt + 1 // a literal `<`
      continue
    }
    flushText(lt)
    if (next === 33) {
      // <!-- comment -->, <!DOCTYPE>
      if (source.startsWith('<!--', lt)) {
        const close = source.indexOf('-->', lt + 4)
        if (close < 0) decline()
        const value = source.slice(lt + 4, close)
        if (value.startsWith('>') || value.startsWith('->') || value.includes('--!') || value.endsWith('-') || value.includes('<!--')) decline()
        const end = close + 3
        comment({type: 'comment', value: value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value, position: {start: {offset: lt}, end: {offset: end}}})
        i = textStart = end
        continue
      }
      if (mode === 'initial' && /^<!doctype[\t\n\f\r ]/i.test(source.slice(lt, lt + 10))) {
        const close = source.indexOf('>', lt)
        if (close < 0) decline()
        root.children.push({type: 'doctype', position: {start: {offset: lt}, end: {offset: close + 1}}} as HNode)
        i = textStart = close + 1
        continue
      }
      decline()
    }
    if (next === 63) {
      // <?xml ...?>: a bogus comment, up to the first `>`.
      const close = source.indexOf('>', lt)
      if (close < 0) decline()
      const value = source.slice(lt + 1, close)
      comment({type: 'comment', value: value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value, position: {start: {offset: lt}, end: {offset: close + 1}}})
      i = textStart = close + 1
      continue
    }
    if (next === 47) {
      // An end tag.
      let k = lt + 2
      while (k < length && isAlnum(source.charCodeAt(k))) k++
      const name = source.slice(lt + 2, k).toLowerCase()
      if (!isAlpha(source.charCodeAt(lt + 2)) || !(isSpace(source.charCodeAt(k)) || source[k] === '>')) decline()
      const end = endTagEnd(source, lt, name)
      if (mode === 'inHead') {
        if (name !== 'head') decline()
        stack.pop()
        head!.position!.end.offset = end
        mode = 'afterHead'
      } else if (mode === 'inBody') {
        let node = current()
        if (name === 'body') {
          if (node !== body) decline()
          body.position!.end.offset = end
          mode = 'afterBody'
        } else {
          if (name === 'table' && implied.has(node)) {
            stack.pop()
            node = current()
          }
          if (name === 'p' && node.tagName !== 'p' && !pInButtonScope()) {
            // A `</p>` with no p open: the standard makes an empty p there, with no position.
            node.children.push({type: 'element', tagName: 'p', properties: {}, children: []})
            i = textStart = end
            continue
          }
          const popped = stale.lastIndexOf(name)
          if (popped >= 0 && !stack.some((open) => open.tagName === name)) {
            // The end tag of a formatting element the standard popped: it leaves the list, nothing else.
            stale.splice(popped, 1)
            i = textStart = end
            continue
          }
          if (node.tagName !== name && name !== 'br' && !stack.some((open) => open.tagName === name)) {
            // An end tag of nothing open (its element was closed by the standard's rules): ignored.
            i = textStart = end
            continue
          }
          if (node.tagName !== name || implied.has(node)) decline()
          node.position!.end.offset = end
          stack.pop()
        }
      } else if (mode === 'afterBody' && name === 'html') {
        html!.position!.end.offset = end
        mode = 'afterAfterBody'
      } else decline()
      i = textStart = end
      continue
    }
    // A start tag.
    const tag = startTag(source, lt)
    const name = tag.name
    switch (mode) {
      case 'initial':
        html = opened('html', tag, lt, root, stack)
        mode = 'beforeHead'
        i = tag.end
        break
      case 'beforeHead':
        if (name === 'body' && !tag.selfClosing) {
          // No head: the standard implies one, with no position.
          html!.children.push({type: 'element', tagName: 'head', properties: {}, children: []})
          mode = 'afterHead'
          i = lt
          break
        }
        head = opened('head', tag, lt, html!, stack)
        mode = 'inHead'
        i = tag.end
        break
      case 'inHead':
        if (name === 'meta' || name === 'link' || name === 'base') {
          head!.children.push(element(name, tag.properties, lt, tag.end))
          i = tag.end
        } else if (name === 'style' || name === 'script' || name === 'title') {
          if (tag.selfClosing) decline()
          const el = element(name, tag.properties, lt, tag.end)
          head!.children.push(el)
          i = rawText(el, tag.end, name === 'title')
        } else decline()
        break
      case 'afterHead':
        body = opened('body', tag, lt, html!, stack)
        mode = 'inBody'
        i = tag.end
        break
      case 'inBody':
        i = bodyStart(tag, lt)
        break
      default:
        decline()
    }
    textStart = i
  }
  flushText(length)
  if (mode !== 'afterAfterBody') decline()
  return root as unknown as HNode
}
