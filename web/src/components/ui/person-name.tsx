/** What identifies a person by name; every person summary of the API has these fields. */
export type NamedPerson = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
};

/** 山田 太郎 (氏 and 名 with a space, as on the forms; 名 may be empty). */
export function fullName(person: Pick<NamedPerson, 'familyName' | 'givenName'>): string {
  return [person.familyName, person.givenName].filter(Boolean).join(' ');
}

/** ヤマダ タロウ */
export function fullKana(person: Pick<NamedPerson, 'familyNameKana' | 'givenNameKana'>): string {
  return [person.familyNameKana, person.givenNameKana].filter(Boolean).join(' ');
}

/** The フリガナ under a name in a table's row heading: on one line from the small breakpoint. */
export function KanaLine({ person }: { person: Pick<NamedPerson, 'familyNameKana' | 'givenNameKana'> }) {
  return (
    <span className="block break-keep sm:whitespace-nowrap text-std-16N-170 text-solid-gray-700">
      {fullKana(person)}
    </span>
  );
}
