import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../src/contract/persons.ts';
import type { CaseStage } from '../../../../../src/domain/caseStage.ts';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { ConsultationStatusBadge } from '../../consultations/components/consultation-status-badge.tsx';
import '../../../lib/i18n/codes.bundle.ts';
import '../../../lib/i18n/forms.bundle.ts';

/** One kind of a person's records under its heading: a table of them, or a line saying there are none. */
function RecordsSection<T extends { id: string }>({
  id,
  title,
  columns,
  records,
  children,
}: {
  id: string;
  title: string;
  columns: readonly string[];
  records: readonly T[];
  /** The cells of one record's row, its first a row header. */
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Section id={id} title={title} size="medium" className="flex flex-col gap-3">
      {records.length === 0 ? (
        <p>{t('forms.person.none')}</p>
      ) : (
        <Table caption={title}>
          <TableHead columns={columns} />
          <tbody>
            {records.map((record) => (
              <tr key={record.id}>{children(record)}</tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}

/**
 * What leads from a person to their records: the consultations (about them, or their household)
 * and the cases they are in that the viewer may see — the server lists only those.
 */
export function PersonRecords({ person }: { person: Person }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  return (
    <div className="flex flex-col gap-6">
      <RecordsSection
        id="person-cases"
        title={t('forms.person.cases')}
        columns={textsUnder(t, 'forms.person', [
          'caseNumber',
          'stage',
          'acceptedOn',
          'coordinatingOrganization',
          'role',
        ])}
        records={person.cases}
      >
        {(k) => (
          <>
            <Th scope="row">
              <RouteLink to="/cases/$caseId" params={{ caseId: k.id }}>
                {k.caseNumber}
              </RouteLink>
            </Th>
            <Td>{t(`codes.caseStage.${k.stage as CaseStage}`)}</Td>
            <Td>
              <DateText value={k.acceptedOn} />
            </Td>
            <Td>{k.coordinatingOrganization.name}</Td>
            <Td>{t(`forms.person.${k.role}`)}</Td>
          </>
        )}
      </RecordsSection>
      <RecordsSection
        id="person-consultations"
        title={t('forms.person.consultations')}
        columns={textsUnder(t, 'forms.person', ['receivedOn', 'organization', 'mainTopic', 'status', 'role'])}
        records={person.consultations}
      >
        {(c) => (
          <>
            <Th scope="row">
              <RouteLink to="/consultations/$consultationId" params={{ consultationId: c.id }}>
                <DateText value={c.receivedOn} />
              </RouteLink>
            </Th>
            <Td>{c.organization.name}</Td>
            <Td>{codeName('consultationTopic', c.mainTopic)}</Td>
            <Td>
              <ConsultationStatusBadge status={c.status} />
            </Td>
            <Td>{t(`forms.person.${c.role}`)}</Td>
          </>
        )}
      </RecordsSection>
    </div>
  );
}
