// How the fixtures' pages are numbered (a support module: not a fixture pair).
export const PAGE_SIZE = 20;

/** The rows before page `page` (from 1). */
export function pageOffset(page: number, size: number): number {
  return (page - 1) * size;
}
