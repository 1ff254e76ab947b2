/**
 * Monotonic alignment: of the candidate pairs (i, j) between two sequences,
 * the set with the highest total score in which pairs never cross (i and j
 * both strictly increase). A weighted longest-increasing-subsequence over
 * the candidates, O(k log k) with a Fenwick tree of prefix maxima, so that
 * long papers (thousands of paragraphs) cost no n×m table.
 */

export interface Candidate {
  i: number
  j: number
  score: number
}

/** The best chain of candidates, in order. Only candidates with a positive score are used. */
export function bestChain<C extends Candidate>(candidates: readonly C[], m: number): C[] {
  const usable = candidates.filter((c) => c.score > 0 && c.j >= 0 && c.j < m).sort((a, b) => a.i - b.i || a.j - b.j)
  if (usable.length === 0) return []
  // Fenwick tree over j (1-based), holding the best chain ending at a column <= j: its total and its last candidate.
  const treeScore = new Float64Array(m + 1)
  const treeAt = new Int32Array(m + 1).fill(-1)
  const total = new Float64Array(usable.length)
  const previous = new Int32Array(usable.length).fill(-1)
  const query = (j: number): [number, number] => {
    // best over columns 1..j
    let best = 0
    let at = -1
    for (let k = j; k > 0; k -= k & -k) {
      if (treeScore[k]! > best) {
        best = treeScore[k]!
        at = treeAt[k]!
      }
    }
    return [best, at]
  }
  const update = (j: number, value: number, at: number) => {
    for (let k = j; k <= m; k += k & -k) {
      if (value > treeScore[k]!) {
        treeScore[k] = value
        treeAt[k] = at
      }
    }
  }
  let start = 0
  while (start < usable.length) {
    let end = start
    while (end < usable.length && usable[end]!.i === usable[start]!.i) end++
    // A row's candidates may not chain to each other: query them all before any update.
    for (let c = start; c < end; c++) {
      const [best, at] = query(usable[c]!.j) // columns < j (1-based j is column j-1)
      total[c] = best + usable[c]!.score
      previous[c] = at
    }
    for (let c = start; c < end; c++) update(usable[c]!.j + 1, total[c]!, c)
    start = end
  }
  let last = 0
  for (let c = 1; c < usable.length; c++) if (total[c]! > total[last]!) last = c
  const chain: C[] = []
  for (let c = last; c >= 0; c = previous[c]!) chain.push(usable[c]!)
  return chain.reverse()
}
