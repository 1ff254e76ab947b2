/**
 * Frequent Chinese characters, used to tell a right decoding of Chinese text
 * from a wrong one (e.g. Big5 bytes read as GB18030 give valid but random
 * characters, which are rarely in this set).
 *
 * Contents: the 600 most frequent characters of general Chinese text (from
 * general frequency lists, in Simplified form), a short supplement of
 * public-administration vocabulary common in LegCo papers (港 策 議 撥款
 * 背景 討論 ...), and the Traditional / Hong Kong forms of all of them
 * (both forms are present, so a text in either script scores alike):
 * 880 characters.
 * All characters are in the BMP CJK Unified Ideographs block.
 */
import {isHan} from './chars.js'
export const COMMON_HANZI: string =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于' +
  '着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还' +
  '进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情' +
  '明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或' +
  '新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员' +
  '解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太' +
  '量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基' +
  '眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交' +
  '规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济' +
  '车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调' +
  '深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越' +
  '器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历' +
  '首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维' +
  '革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧' +
  '黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值' +
  '港澳策讯网询咨创范措署拨款额预审核监订修财税域福屋属源环卫健康背景讨附录摘档訊網' +
  '詢諮創範撥額預審監訂條規財稅屬資廣環護衛議員會項討論結錄參見關檔號這個們來為爲國' +
  '説說時對於著過發後裏裡種經麼學現當沒動還進樣開從實軍無與長機點業將兩間問並應戰頭' +
  '體產話內給門兒東聲處義幾認氣題爾別變總電數報務場計許統區隊決馬書則聽卻達強難權設' +
  '記類據邊張該萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦證轉準遠臺單羅愛擊備' +
  '連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝顯標談喫圖歷醫專費盡較語僅隨' +
  '選紅響雖勢眾衆構節維劃敵陳態興驗責營夠嚴續講終緊黃絕羣圍織鬥雙紀採舉殺蘇訴細願衞'

let table: Uint8Array | undefined

/** Lookup table indexed by BMP code unit: 1 when the character is in COMMON_HANZI. */
function lookup(): Uint8Array {
  if (table === undefined) {
    const t = new Uint8Array(0x10000)
    for (let i = 0; i < COMMON_HANZI.length; i++) t[COMMON_HANZI.charCodeAt(i)] = 1
    table = t
  }
  return table
}

/** True when the code point is one of the COMMON_HANZI characters. */
export function isCommonHanzi(codePoint: number): boolean {
  return codePoint >= 0 && codePoint < 0x10000 && lookup()[codePoint] === 1
}

export {isHan} from './chars.js'

export interface HanziScore {
  /** Number of Han characters seen. */
  han: number
  /** Number of those that are in COMMON_HANZI. */
  common: number
  /** common / han, 0 when there are no Han characters. */
  score: number
}

/** Share of Han characters in `text` that are common characters. */
export function commonHanziScore(text: string): HanziScore {
  const t = lookup()
  let han = 0
  let common = 0
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp < 0x3007) continue
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)
        i++
      }
    }
    if (isHan(cp)) {
      han++
      if (cp < 0x10000 && t[cp] === 1) common++
    }
  }
  return {han, common, score: han === 0 ? 0 : common / han}
}
