/** Whole numbers as the tables print them: 1,000,000. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en');
