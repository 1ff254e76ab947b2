/**
 * Options of the emitters, in a module of their own: the library's types
 * (dist/index.d.ts) name them without reaching the hast types html.ts uses,
 * which a user of the package does not have unless they install them.
 */
export interface HtmlOptions {
  /** The page's title when the paper has none (a file name). */
  fallbackTitle?: string
}
