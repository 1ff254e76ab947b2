/**
 * The language-and-genre knowledge of LegCo papers, one module per kind:
 *
 *   chars       character classes: CJK, width, whitespace, punctuation, brackets
 *   numbering   paragraph markers, item labels, numerals, ordinals, label styles
 *   dates       full and partial dates, month names, validity
 *   papers      paper numbers, stamps, file references
 *   figures     figures, units, percentages, ordinance chapters
 *   headings    standard and appendix headings
 *   header      the paper header's words: council, committee, meeting, kind
 *   signature   the signature block's words
 *   letters     a letter's salutation, closing, addressee, subject, attachment lines
 *   meetings    minutes and agendas: titles, meeting fields, attendance labels, items, notes
 *   hansard     the Hansard's parts, speakers and events
 *   furniture   page numbers, web footers, notes (furniture-html: a web site's own lines)
 *   references  cross-references to paragraphs and appendices
 *   detect      which language a text is in; common-hanzi: which characters are common
 *
 * Stages import the module they need; this file gathers them for the few that want several.
 */
export * from './chars.js'
export * from './numbering.js'
export * from './dates.js'
export * from './headings.js'
export * from './papers.js'
export * from './header.js'
export * from './signature.js'
export * from './furniture.js'
export * from './figures.js'
export * from './references.js'
