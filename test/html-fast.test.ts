// The fast reader of well-formed pages (src/read/html-fast.ts) against the standard's parser
// (hast-util-from-html): where it accepts a page, the tree is the same (nodes, text, source
// offsets, the properties html.ts reads); where the standard would restructure, it declines.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {fastTree} from '../src/read/html-fast.js'
import {readHtml} from '../src/read/html.js'
import {loadHtml} from '../src/read/html-load.js'
import {corpus, root} from './helpers/tree.js'

const KEPT = ['className', 'id', 'style', 'colSpan', 'rowSpan', 'start', 'type', 'reversed', 'value']

interface Shape {
  type: string
  tag?: string
  value?: string
  start?: number
  end?: number
  props: Record<string, unknown>
  children?: Shape[]
}

// biome-ignore lint/suspicious/noExplicitAny: both trees, read the same way
function shape(node: any): Shape {
  const props: Record<string, unknown> = {}
  for (const key of KEPT) if (node.properties?.[key] !== undefined) props[key] = node.properties[key]
  return {
    type: node.type,
    tag: node.tagName,
    value: node.type === 'doctype' ? undefined : node.value,
    start: node.position?.start?.offset,
    end: node.position?.end?.offset,
    props,
    children: node.children?.map(shape)
  }
}

const standard = (source: string) => shape(fromHtml(source))

function pages(dir: string): [string, string][] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /\.html?$/.test(name))
    .sort()
    .map((name) => {
      const loaded = loadHtml(new Uint8Array(readFileSync(join(dir, name))))
      return [name, 'origin' in loaded ? loaded.origin.source : '']
    })
}

describe('the fast reader gives the standard tree', () => {
  const accepted = [
    ['a plain page', '<html><head><title>T &amp; U</title></head><body><p>One</p><p>Two</p></body></html>'],
    [
      'a doctype, an XML declaration and comments',
      '<?xml version="1.0"?>\n<!DOCTYPE html>\n<!-- a -->\n<html>\n<!-- b --><head>\n<meta charset="utf-8" />\n</head>\n<!-- c -->\n<body>\n<p>x</p>\n</body>\n<!-- d -->\n</html>\n<!-- e -->\n'
    ],
    ['no head', '<html><body><p>x</p></body></html>'],
    ['entities', '<html><head></head><body><p>A&amp;B &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x4E2D;&nbsp;f & g</p></body></html>'],
    ['CRLF line ends', '<html>\r\n<head>\r\n</head>\r\n<body>\r\n<p>a\r\nb</p>\r\n</body>\r\n</html>\r\n'],
    ['a table without tbody, colspan', '<html><head></head><body><table>\n<tr><td colspan="2">a</td><td>b</td></tr>\n</table></body></html>'],
    ['list attributes', '<html><head></head><body><ol start="3" type="a" reversed class=" x  y "><li value="4">a</li></ol></body></html>'],
    ['an hr inside a p', '<html><head></head><body><p>a<hr />b</p></body></html>'],
    ['a p closed through a span and an em', '<html><head></head><body><p><span class="l"><em><hr /></em></span></p><p>x</p></body></html>'],
    ['a div inside a p', '<html><head></head><body><p><div>a</div></p></body></html>'],
    ['style and script in the body', '<html><head><style>p{}</style></head><body><script>var a = "<b>"</script><p>x</p><style>b{}</style></body></html>'],
    ['a literal <', '<html><head></head><body><p>1 < 2 <3</p></body></html>']
  ]
  for (const [what, source] of accepted) {
    it(what!, () => {
      const fast = fastTree(source!)
      expect(fast).not.toBeNull()
      expect(shape(fast)).toEqual(standard(source!))
    })
  }

  const declined = [
    ['an unclosed p', '<html><head></head><body><p>a<p>b</body></html>'],
    ['a table inside a p (quirks mode decides)', '<html><head></head><body><p>a<table><tr><td>b</td></tr></table></p></body></html>'],
    ['misnested formatting', '<html><head></head><body><b>a<p>b</b>c</p></body></html>'],
    ['text directly in a table', '<html><head></head><body><table>x<tr><td>b</td></tr></table></body></html>'],
    ['an entity not in the table', '<html><head></head><body><p>caf&eacute;</p></body></html>'],
    ['an entity without its semicolon', '<html><head></head><body><p>a&nbsp b</p></body></html>'],
    ['a pre (its first newline)', '<html><head></head><body><pre>\na</pre></body></html>'],
    ['no </html>', '<html><head></head><body><p>a</p></body>'],
    ['a li in a li', '<html><head></head><body><ul><li>a<li>b</ul></body></html>'],
    ['a form control', '<html><head></head><body><p><input value="a"></p></body></html>'],
    ['text after an hr closed a formatting element', '<html><head></head><body><p><em><hr />a</em></p></body></html>'],
    ['a NUL', '<html><head></head><body><p>a\u0000</p></body></html>']
  ]
  for (const [what, source] of declined) {
    it(`declines ${what}`, () => {
      expect(fastTree(source!)).toBeNull()
      // The page is still read, by the standard's parser.
      expect(readHtml(source!).text).toBe(readHtml(source!, {standard: true}).text)
    })
  }
})

describe('fixtures and corpus pages', () => {
  const all = [...pages(join(root, 'fixtures/html')), ...pages(join(corpus, 'html')).map(([name, source]) => [`corpus ${name}`, source] as [string, string])]
  for (const [name, source] of all) {
    it(`${name}: the same tree, or declined`, () => {
      const fast = fastTree(source)
      // As JSON: the deep comparison of two large trees costs more than the reading.
      if (fast) expect(JSON.stringify(shape(fast))).toBe(JSON.stringify(standard(source)))
      const quick = readHtml(source)
      const slow = readHtml(source, {standard: true})
      expect(quick.text).toBe(slow.text)
      expect(JSON.stringify(quick.origin.map)).toBe(JSON.stringify(slow.origin.map))
      expect(JSON.stringify(quick.origin.furniture)).toBe(JSON.stringify(slow.origin.furniture))
    })
  }
  it.skipIf(!existsSync(join(corpus, 'html')))('every corpus page (well formed, as published) takes the fast reader', () => {
    const declined = pages(join(corpus, 'html')).filter(([, source]) => fastTree(source) === null)
    expect(declined.map(([name]) => name)).toEqual([])
  })
  it('the pages that need the standard decline: a truncated page', () => {
    const [, truncated] = pages(join(root, 'fixtures/html')).find(([name]) => name === 'truncated.html')!
    expect(fastTree(truncated)).toBeNull()
  })
})
