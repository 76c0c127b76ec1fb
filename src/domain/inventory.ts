/**
 * Network resources at the customer's address (processes.md §1 step 1,
 * seed 003: xDSL, LAN and FTTH access). Pure.
 */

/** How the line reaches the premises (seed 003 第二章: xDSL, LAN, FTTH). */
export const ACCESS_TYPES = ['xdsl', 'lan', 'ftth'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

/** Separators people write between the parts of an address, in either script. */
const SEPARATORS = /[\s,，、;；]+/g;
/** A space next to a Chinese character separates nothing ('朝阳区 建国路' is '朝阳区建国路'). */
const SPACE_BY_CJK = / (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g;

/**
 * The inventory's key of an address: the same premises written with
 * full-width digits, other spacing, separators or letter case give the same
 * key ('北京市朝阳区 建国路８８号' and '北京市朝阳区建国路88号' alike).
 */
export function addressKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim().replace(SPACE_BY_CJK, '');
}
