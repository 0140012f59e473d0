import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureCandidate } from '../../../../../src/contract/auditEvents.ts';
import { parseWareki } from '../../../../../src/domain/wareki.ts';
import { DownloadButton, DownloadResult } from '../../../components/download-controls.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { BirthDateText } from '../../../components/ui/date-text.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { fullName, KanaLine } from '../../../components/ui/person-name.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { SearchForm } from '../../../components/ui/search-form.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { WarekiDateField } from '../../../components/ui/wareki-date-field.tsx';
import { useExportDisclosure } from '../api/export-disclosure.ts';
import { type DisclosureLookup, useDisclosureLookup } from '../api/lookup-disclosure-persons.ts';
import '../../../lib/i18n/admin.bundle.ts';

function ExportPanel({ person }: { person: DisclosureCandidate }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const exporter = useExportDisclosure();
  return (
    <Section
      id="disclosure-export"
      title={t('audit.disclosure.selected', { name: fullName(person) })}
      size="medium"
      className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6"
    >
      <TextField
        id="disclosure-purpose"
        label={t('audit.disclosure.purpose')}
        supportText={t('audit.disclosure.purposeSupport')}
        autoComplete="off"
        maxLength={200}
        value={purpose}
        onChange={(event) => setPurpose(event.currentTarget.value)}
      />
      <div className="flex flex-wrap gap-4">
        {(['pdf', 'json'] as const).map((format) => (
          <DownloadButton
            key={format}
            variant={format === 'pdf' ? 'solid-fill' : 'outline'}
            pending={exporter.isPending}
            downloading={exporter.isPending && exporter.variables?.format === format}
            downloadingLabel={t('audit.downloading')}
            onDownload={() => exporter.mutate({ personId: person.id, format, purpose })}
          >
            {format === 'pdf' ? t('audit.disclosure.downloadPdf') : t('audit.disclosure.downloadJson')}
          </DownloadButton>
        ))}
      </div>
      <DownloadResult
        download={exporter}
        failed={t('audit.downloadFailed')}
        saved={(name) => t('audit.downloaded', { name })}
      />
    </Section>
  );
}

/**
 * 開示請求の出力 (`/audit/disclosure`): the 個人情報保護担当 finds the person across the city by
 * フリガナ, 氏名 or birth date (和暦), then downloads everything held about them as PDF or JSON.
 */
export function DisclosurePage() {
  const { t } = useTranslation();
  const [kana, setKana] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [errors, setErrors] = useState<{ kana?: string; birthDate?: string }>({});
  const [lookup, setLookup] = useState<DisclosureLookup | null>(null);
  const [selected, setSelected] = useState<DisclosureCandidate | null>(null);
  const results = useDisclosureLookup(lookup);

  const submit = () => {
    const next: typeof errors = {};
    let birth: string | undefined;
    if (birthDate.trim()) {
      const parsed = parseWareki(birthDate);
      if (parsed.ok) birth = parsed.date;
      else next.birthDate = parsed.reason;
    }
    if (!kana.trim() && !name.trim() && !birthDate.trim()) next.kana = t('audit.disclosure.criteriaRequired');
    setErrors(next);
    if (next.kana) document.getElementById('disclosure-kana')?.focus();
    else if (next.birthDate) document.getElementById('disclosure-birth-date')?.focus();
    if (next.kana || next.birthDate) return;
    setSelected(null);
    setLookup({
      ...(kana.trim() ? { kana: kana.trim() } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(birth ? { birthDate: birth } : {}),
    });
  };

  const items = results.data?.items ?? [];
  return (
    <>
      <PageHeading lead={t('audit.disclosure.lead')}>{t('audit.disclosure.heading')}</PageHeading>
      <div className="flex flex-col gap-8">
        <SearchForm
          label={t('audit.disclosure.searchLabel')}
          submitLabel={t('audit.disclosure.search')}
          onSubmit={submit}
          className="flex max-w-[48rem] flex-col gap-6"
          invalid={Boolean(errors.kana || errors.birthDate)}
        >
          <TextField
            id="disclosure-kana"
            label={t('audit.disclosure.kana')}
            supportText={t('audit.disclosure.kanaSupport')}
            autoComplete="off"
            value={kana}
            error={errors.kana}
            onChange={(event) => setKana(event.currentTarget.value)}
          />
          <TextField
            id="disclosure-name"
            label={t('audit.disclosure.name')}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <WarekiDateField
            id="disclosure-birth-date"
            label={t('audit.disclosure.birthDate')}
            typed={birthDate}
            value={birthDate}
            error={errors.birthDate}
            showAge
            onChange={(event) => setBirthDate(event.currentTarget.value)}
          />
        </SearchForm>

        {lookup === null ? null : results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <DataTable
            caption={t('audit.disclosure.resultsCaption')}
            captionDetail={t('audit.shownCount', { count: items.length })}
            columns={[
              t('audit.disclosure.name'),
              t('audit.disclosure.birthDate'),
              t('audit.disclosure.address'),
              t('audit.disclosure.registeredBy'),
              { label: t('audit.disclosure.select'), visuallyHidden: true },
            ]}
            rows={items}
            empty={t('audit.disclosure.empty')}
          >
            {(person) => (
              <tr key={person.id}>
                <Th scope="row">
                  {fullName(person)}
                  <KanaLine person={person} />
                </Th>
                <Td>
                  <BirthDateText birthDate={person.birthDate} age={person.age} />
                </Td>
                <Td>{person.address ?? ''}</Td>
                <Td>{person.registeredBy.name}</Td>
                <Td>
                  <Button
                    variant="outline"
                    size="sm"
                    aria-pressed={selected?.id === person.id}
                    aria-label={`${t('audit.disclosure.select')}: ${fullName(person)}`}
                    onClick={() => setSelected(person)}
                  >
                    {t('audit.disclosure.select')}
                  </Button>
                </Td>
              </tr>
            )}
          </DataTable>
        )}
        {selected ? <ExportPanel key={selected.id} person={selected} /> : null}
      </div>
    </>
  );
}
