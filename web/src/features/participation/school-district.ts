/**
 * The 校区 a person's address most likely lies in, among the 校区 the directory knows: the one whose
 * name (without 「校区」) appears in the address, the longest if several do (東谷山 before 谷山).
 * Only a preset for the search: staff can always choose another.
 */
export function schoolDistrictOf(address: string | null | undefined, schoolDistricts: readonly string[]) {
  if (!address) return undefined;
  let best: { name: string; stem: string } | undefined;
  for (const name of schoolDistricts) {
    const stem = name.replace(/校区$/, '');
    if (stem && address.includes(stem) && (!best || stem.length > best.stem.length)) best = { name, stem };
  }
  return best?.name;
}
