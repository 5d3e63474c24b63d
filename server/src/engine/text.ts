// The text helpers under their old name, for the modules that still import them from here (the
// layouts, parser/patient.ts and pdf/layout.ts); new code imports the module that holds the helper.

export { editDistance } from './editDistance';
export { fold, straighten, unligated } from './fold';
export { JoinedText, type LineContent } from './joinedText';
export { LineArrays } from './lineArrays';
export { BLANK, COLON, FORM_FEED, type Line, LineTable, NOISE, SPACED, splitLines } from './lineTable';
export { isPageNoise } from './pageNoise';
export { logicalLinesIn } from './rangeLines';
export { trimEndWhere, withoutTrailingColon } from './trim';
export { isRegExpSpace, isWhite } from './whiteSpace';
