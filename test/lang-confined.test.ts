// Language knowledge lives in src/lang/: no regex outside it may hold a CJK or full-width character.
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const src = join(root, 'src')

/** CJK radicals, punctuation, kana, ideographs, compatibility forms, full-width forms; surrogates for the ideograph extensions. */
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/

/** Regex literals and `RegExp(...)` / `new RegExp(...)` arguments that hold a CJK character, as `file:line  text`. */
function cjkRegexes(file: string, text: string): string[] {
  if (!CJK.test(text)) return []
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const report = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    found.push(`${relative(root, file)}:${line}  ${node.getText(source).slice(0, 80)}`)
  }
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node) && CJK.test(node.text)) report(node)
    else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const pattern = node.arguments?.[0]
      if (pattern && CJK.test(pattern.getText(source))) report(pattern)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name))
}

describe('CJK regexes are confined to src/lang/', () => {
  it('finds none elsewhere in src/', () => {
    const found = sourceFiles(src)
      .filter((file) => !relative(src, file).startsWith('lang'))
      .flatMap((file) => cjkRegexes(file, readFileSync(file, 'utf8')))
    expect(found, 'move these patterns into a module of src/lang/').toEqual([])
  })

  it('would find one in a literal, in new RegExp and in RegExp(), naming the line', () => {
    const text = [
      'const a = /[.．]$/',
      "const b = new RegExp('第' + x)",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, to be scanned
      'const c = RegExp(`${y}號文件`)',
      "const d = /ascii/.test('中文')",
      "const e = new RegExp('[\\\\u3000]')"
    ].join('\n')
    const found = cjkRegexes(join(src, 'x.ts'), text)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the same template literal as found
    expect(found).toEqual(['src/x.ts:1  /[.．]$/', "src/x.ts:2  '第' + x", 'src/x.ts:3  `${y}號文件`'])
  })
})
