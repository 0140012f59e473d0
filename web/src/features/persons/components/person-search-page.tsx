import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personSearchQuerySchema } from '../../../../../src/contract/persons.ts';
import { parseWareki } from '../../../../../src/domain/wareki.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { BirthDateText } from '../../../components/ui/date-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { fullName, KanaLine } from '../../../components/ui/person-name.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { SearchForm } from '../../../components/ui/search-form.tsx';
import { ShowMore } from '../../../components/ui/show-more.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { type PersonSearch, usePersonSearch } from '../api/search-persons.ts';
import '../../../lib/i18n/casework.bundle.ts';

/**
 * 対象者検索 (`/persons`): persons my organisation may see, by one box — 氏名 in kanji (異体字 alike),
 * フリガナ (ひらがな/カタカナ, 全角/半角 alike), 宛名番号 or birth date — optionally narrowed by birth
 * date. The search stays in memory, never in the address.
 */
export function PersonSearchPage() {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const [kana, setKana] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [errors, setErrors] = useState<{ kana?: string; birthDate?: string }>({});
  const [search, setSearch] = useState<PersonSearch | null>(null);
  const results = usePersonSearch(search);
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = () => {
    const next: typeof errors = {};
    // The contract's own rule for `?q=`.
    const parsedKana = personSearchQuerySchema.shape.q.safeParse(kana);
    if (!parsedKana.success || parsedKana.data === undefined)
      next.kana = parsedKana.error?.issues[0]?.message ?? t('persons.queryRequired');
    let birth: string | undefined;
    if (birthDate.trim() !== '') {
      const parsed = parseWareki(birthDate);
      if (parsed.ok) birth = parsed.date;
      else next.birthDate = parsed.reason;
    }
    setErrors(next);
    if (next.kana) document.getElementById('persons-kana')?.focus();
    else if (next.birthDate) document.getElementById('persons-birth-date')?.focus();
    if (next.kana || next.birthDate) return;
    if (!parsedKana.success || parsedKana.data === undefined) return;
    setSearch({ q: parsedKana.data, ...(birth ? { birthDate: birth } : {}) });
  };

  const hasErrors = Boolean(errors.kana || errors.birthDate);
  return (
    <>
      <PageHeading lead={t('persons.lead')}>{t('persons.heading')}</PageHeading>
      <div className="flex flex-col gap-8">
        <SearchForm
          label={t('persons.searchLabel')}
          submitLabel={t('persons.search')}
          onSubmit={submit}
          className="flex max-w-[48rem] flex-col gap-6"
          invalid={hasErrors}
        >
          <TextField
            id="persons-kana"
            label={t('persons.kana')}
            supportText={t('persons.kanaSupport')}
            required
            autoComplete="off"
            value={kana}
            error={errors.kana}
            onChange={(event) => setKana(event.currentTarget.value)}
          />
          <WarekiDateField
            id="persons-birth-date"
            label={t('persons.birthDate')}
            typed={birthDate}
            value={birthDate}
            error={errors.birthDate}
            onChange={(event) => setBirthDate(event.currentTarget.value)}
          />
        </SearchForm>

        {search === null ? null : results.isPending ? (
          <Loading />
        ) : results.isError && items.length === 0 ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <>
            <DataTable
              caption={t('persons.resultsCaption', { kana: search.q })}
              captionDetail={t('persons.shownCount', { count: items.length })}
              columns={[t('persons.name'), t('persons.birthDate'), t('persons.sex')]}
              rows={items}
              empty={t('persons.empty')}
            >
              {(person) => (
                <tr key={person.id}>
                  <Th scope="row">
                    <RouteLink
                      to="/persons/$personId"
                      params={{ personId: person.id }}
                      className="break-keep sm:whitespace-nowrap"
                    >
                      {fullName(person)}
                    </RouteLink>
                    <KanaLine person={person} />
                  </Th>
                  <Td>
                    <BirthDateText birthDate={person.birthDate} age={person.age} />
                  </Td>
                  <Td>{codeName('sex', person.sex)}</Td>
                </tr>
              )}
            </DataTable>
            <ShowMore query={results} label={t('persons.showMore')} />
          </>
        )}
      </div>
    </>
  );
}
