/**
 * Which language and script a paper is written in: `en`, `zh-Hant` or
 * `zh-Hans`. Han characters against Latin letters decide Chinese or English;
 * characters that differ between the scripts decide which Chinese.
 */
import type {Lang} from '../tree.js'

// Pairs of frequent characters whose Traditional and Simplified forms differ.
const TRADITIONAL =
  '會議們與發國這時為說對經關書處門員數據務討論況資訊電傳體從現東車長間開兩進過還後點實問題應該當時區專業項條機構權員導報導環節價級際營運藝術衞衛產層壓變舉證歷濟區齊際續總聯網動勞團園學習寫讀麼樣義識邊運遞險廣韓島'
const SIMPLIFIED =
  '会议们与发国这时为说对经关书处门员数据务讨论况资讯电传体从现东车长间开两进过还后点实问题应该当时区专业项条机构权员导报导环节价级际营运艺术卫卫产层压变举证历济区齐际续总联网动劳团园学习写读么样义识边运递险广韩岛'

/** One byte per BMP code point: 1 Latin letter, 2 other Han, 3 Traditional-only, 4 Simplified-only. */
const CLASS = new Uint8Array(0x10000)
CLASS.fill(1, 0x41, 0x5b)
CLASS.fill(1, 0x61, 0x7b)
// The BMP Han blocks, as isHan() has them.
CLASS.fill(2, 0x3400, 0x4dc0)
CLASS.fill(2, 0x4e00, 0xa000)
CLASS.fill(2, 0xf900, 0xfb00)
for (const char of TRADITIONAL) CLASS[char.charCodeAt(0)] = 3
for (const char of SIMPLIFIED) CLASS[char.charCodeAt(0)] = CLASS[char.charCodeAt(0)] === 3 ? 2 : 4

/** The language of the given pieces of text (the content lines; furniture left out). Reads at most `limit` characters. */
export function detectLang(pieces: Iterable<string>, limit = 20_000): Lang {
  const counts = [0, 0, 0, 0, 0]
  let read = 0
  for (const text of pieces) {
    if (read > limit) break
    read += text.length
    for (let i = 0; i < text.length; i++) counts[CLASS[text.charCodeAt(i)]!]!++
  }
  const [, latin, other, hant, hans] = counts as [number, number, number, number, number]
  const han = other + hant + hans
  // A Chinese character carries about as much as an English word (~5 letters).
  if (han * 4 < latin) return 'en'
  return hans > hant ? 'zh-Hans' : 'zh-Hant'
}
