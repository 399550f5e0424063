// Message counts in sentences ("1,234 messages"). One shared formatter: Number#toLocaleString builds a new
// Intl.NumberFormat on every call, which adds up when thousands of source groups each write their sentence.
const formatter = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return formatter.format(n);
}
