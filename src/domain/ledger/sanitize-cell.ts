/**
 * A text cell that begins with = + - @ (or a tab / carriage return) would be read as a formula by a spreadsheet
 * program (formula injection); such text is written with a leading apostrophe so that it stays text.
 */
export function sanitizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
