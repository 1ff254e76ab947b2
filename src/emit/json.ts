/**
 * Emit, JSON: the tree as compact JSON a piece at a time. The pieces joined
 * are exactly `JSON.stringify(tree)`; a big paper's output then never sits
 * in memory whole (the tree is plain data: no `toJSON`, no `undefined` in
 * arrays). Arrays of two or more entries (children, furniture, rows) are
 * written entry by entry; anything else in one piece.
 */

type Plain = Record<string, unknown>

const streamed = (field: unknown): field is unknown[] => Array.isArray(field) && field.length > 1

export function* jsonChunks(value: unknown): Generator<string> {
  if (streamed(value)) {
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? '[' : ','
      yield* jsonChunks(value[i])
    }
    yield ']'
    return
  }
  const node = value as Plain | null
  if (!node || typeof node !== 'object' || Array.isArray(node) || !Object.values(node).some(streamed)) {
    yield JSON.stringify(value)
    return
  }
  let open = '{'
  for (const key of Object.keys(node)) {
    const field = node[key]
    if (field === undefined || typeof field === 'function') continue
    if (streamed(field)) {
      yield `${open}${JSON.stringify(key)}:`
      yield* jsonChunks(field)
    } else yield `${open}${JSON.stringify(key)}:${JSON.stringify(field)}`
    open = ','
  }
  yield '}'
}
