// One formatting style for the whole workspace. 120 columns because the code carries long, explicit names
// (zones, field paths, error messages) that wrap badly at 80.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  endOfLine: 'lf',
};
