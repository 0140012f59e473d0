import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { ButtonLink } from '../../../components/ui/button-link.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { FlashStatus } from '../../../components/ui/flash-status.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { useChallenges } from '../api/list-challenges.ts';
import { useProgrammes } from '../api/list-programmes.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 取組一覧: the catalogue, filtered by challenge (server) and responsible section (the loaded list). */
export function ProgrammeListPage() {
  const { t } = useTranslation();
  const canManage = useCan('plan.manage');
  const flash = useFlash();
  const [challengeId, setChallengeId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const challenges = useChallenges();
  const programmes = useProgrammes(challengeId || undefined);
  const all = useProgrammes();
  const sections = [
    ...new Map((all.data ?? []).map((p) => [p.responsibleSection.id, p.responsibleSection.name])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1], 'ja'));
  const shown = (programmes.data ?? []).filter((p) => !sectionId || p.responsibleSection.id === sectionId);

  return (
    <>
      <PageHeading
        lead={t('recidivism.programmes.lead')}
        actions={
          canManage ? (
            <>
              <ButtonLink to="/programmes/new">{t('recidivism.programmes.create')}</ButtonLink>
              <ButtonLink to="/programmes/import" variant="outline">
                {t('recidivism.programmes.import')}
              </ButtonLink>
            </>
          ) : null
        }
      >
        {t('recidivism.programmes.heading')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        <FlashStatus message={flash} />
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:hidden">
          <SelectField
            id="programme-filter-challenge"
            label={t('recidivism.programmes.filterChallenge')}
            value={challengeId}
            onChange={(event) => setChallengeId(event.currentTarget.value)}
          >
            <option value="">{t('recidivism.programmes.all')}</option>
            <Options
              items={challenges.data ?? []}
              value={(c) => c.id}
              label={(c) => `(${c.position}) ${c.title}`}
            />
          </SelectField>
          <SelectField
            id="programme-filter-section"
            label={t('recidivism.programmes.filterSection')}
            value={sectionId}
            onChange={(event) => setSectionId(event.currentTarget.value)}
          >
            <option value="">{t('recidivism.programmes.all')}</option>
            <Options items={sections} value={([id]) => id} label={([, name]) => name} />
          </SelectField>
        </div>
        <QueryView query={programmes}>
          {(_data) => (
            <DataTable
              caption={t('recidivism.programmes.tableCaption')}
              captionDetail={t('common.itemCount', { count: shown.length })}
              columns={textsUnder(t, 'recidivism.programmes', ['challenges', 'name', 'section'])}
              rows={shown}
              empty={t('recidivism.programmes.empty')}
            >
              {(programme) => (
                <tr key={programme.id}>
                  <Td className="whitespace-nowrap">
                    <ul className="flex flex-wrap gap-2">
                      {programme.challenges.map((c) => (
                        <li key={c.id} className="flex items-center gap-1">
                          <span>({c.position})</span>
                          {c.isRepeat ? <Badge tone="muted">{t('recidivism.plan.repeat')}</Badge> : null}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Th scope="row">
                    <RouteLink to="/programmes/$programmeId" params={{ programmeId: programme.id }}>
                      {programme.name}
                    </RouteLink>
                  </Th>
                  <Td>{programme.responsibleSection.name}</Td>
                </tr>
              )}
            </DataTable>
          )}
        </QueryView>
      </div>
    </>
  );
}
