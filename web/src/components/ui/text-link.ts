/** DADS text link look (for router links and anchors). */
export const textLinkClassName =
  'text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px] hover:text-blue-1100 active:text-blue-1200';
