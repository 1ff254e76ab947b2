/**
 * Emit, JSON: the tree as compact JSON a piece at a time. The pieces joined
 * are exactly `JSON.stringify(tree)`; a big paper's output then never sits
 * in memory whole (the tree is plain data: no `toJSON`, no `undefined` in
 * arrays).
 */

type Plain = Record<string, unknown>

/** Nodes with more children than this are written child by child. */
const STREAM_CHILDREN = 8

export function* jsonChunks(value: unknown): Generator<string> {
  const node = value as Plain | null
  if (!node || typeof node !== 'object' || Array.isArray(node) || !Array.isArray(node.children) || node.children.length <= STREAM_CHILDREN) {
    yield JSON.stringify(value)
    return
  }
  let open = '{'
  for (const key of Object.keys(node)) {
    const field = node[key]
    if (field === undefined || typeof field === 'function') continue
    if (key === 'children') {
      yield `${open}"children":[`
      const children = field as unknown[]
      for (let i = 0; i < children.length; i++) {
        if (i > 0) yield ','
        yield* jsonChunks(children[i])
      }
      yield ']'
    } else yield `${open}${JSON.stringify(key)}:${JSON.stringify(field)}`
    open = ','
  }
  yield open === '{' ? '{}' : '}'
}
