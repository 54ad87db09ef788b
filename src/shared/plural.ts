// Counts in words a reader reads: "1 conflict", "2 conflicts", "1,024 articles".

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}
