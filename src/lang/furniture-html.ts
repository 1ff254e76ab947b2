/**
 * The words of web-site furniture on HTML pages (src/read/html.ts): lines a
 * site puts around a paper — "Back to top", "Last Updated on …", print and
 * home links — and the class or id names of navigation containers. Kept
 * here because the patterns hold CJK words (a rule of src/lang/).
 */

/** A whole line that is site furniture, not the paper's text. */
export const SITE_FURNITURE_LINE =
  /^(?:\^?\s*(?:Back\s+to\s+(?:top|Top|TOP)(?:\s+of\s+(?:the\s+)?page)?|Top\s+of\s+(?:the\s+)?page|Return\s+to\s+top|Print(?:\s+this\s+page)?|Printer[-\s]friendly(?:\s+version)?|Home|Sitemap|Site\s+map|Text\s+only|Skip\s+to\s+(?:main\s+)?content|回到頁首|返回頁首|回頁首|返回頂部|回到顶部|返回页首|列印本頁|打印本页|列印|打印|主頁|首頁|网站地图|網頁指南|純文字版)\s*\^?|Last\s+(?:Updated|Revised|Revision\s+Date|modified)\s*(?:on|:)?\s*.*|最後更新日期.*|最后更新日期.*|上次更新日期.*|最後修訂日期.*|Copyright\s*©.*|©\s*\d{4}.*|版權所有.*)$/i

/** Which kind of furniture such a line is. */
export function siteFurnitureKind(line: string): 'web-footer' | 'site-header' {
  return /^(?:Last|最後|最后|上次|Copyright|©|版權)/i.test(line) ? 'web-footer' : 'site-header'
}

/** Class or id of an element that holds the site's navigation, not the paper. */
export const NAVIGATION_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|skip-?link|topbar|site-?header|site-?footer)(?:$|[\s_-])/i

/** Between the links of a menu line (`Home | Sitemap | 主頁`). */
export const MENU_SEPARATORS = /^[\s|｜·•\-–—/\\[\]()>»]*$/
