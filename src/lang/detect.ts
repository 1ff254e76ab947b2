/**
 * Which language and script a paper is written in: `en`, `zh-Hant` or
 * `zh-Hans`. Han characters against Latin letters decide Chinese or English;
 * characters that differ between the scripts decide which Chinese.
 */
import type {Lang} from '../tree.js'
import {isHan} from './chars.js'

// Pairs of frequent characters whose Traditional and Simplified forms differ.
const TRADITIONAL = '會議們與發國這時為說對經關書處門員數據務討論況資訊電傳體從現東車長間開兩進過還後點實問題應該當時區專業項條機構權員導報導環節價級際營運藝術衞衛產層壓變舉證歷濟區齊際續總聯網動勞團園學習寫讀麼樣義識邊運遞險廣韓島'
const SIMPLIFIED = '会议们与发国这时为说对经关书处门员数据务讨论况资讯电传体从现东车长间开两进过还后点实问题应该当时区专业项条机构权员导报导环节价级际营运艺术卫卫产层压变举证历济区齐际续总联网动劳团园学习写读么样义识边运递险广韩岛'

const HANT = new Set<number>()
const HANS = new Set<number>()
for (const char of TRADITIONAL) HANT.add(char.codePointAt(0)!)
for (const char of SIMPLIFIED) if (!HANT.has(char.codePointAt(0)!)) HANS.add(char.codePointAt(0)!)
for (const code of HANS) HANT.delete(code)

/** The language of the given pieces of text (the content lines; furniture left out). Reads at most `limit` characters. */
export function detectLang(pieces: Iterable<string>, limit = 60_000): Lang {
  let han = 0
  let latin = 0
  let hant = 0
  let hans = 0
  let read = 0
  for (const text of pieces) {
    if (read > limit) break
    read += text.length
    count(text)
  }
  // A Chinese character carries about as much as an English word (~5 letters).
  if (han * 4 < latin) return 'en'
  return hans > hant ? 'zh-Hans' : 'zh-Hant'

  function count(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++
    else if (isHan(code)) {
      han++
      if (HANT.has(code)) hant++
      else if (HANS.has(code)) hans++
    }
  }
  }
}
