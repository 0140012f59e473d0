import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../src/contract/persons.ts';
import type { CaseStage } from '../../../../../src/domain/caseStage.ts';
import { TableHead } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { ConsultationStatusBadge } from '../../consultations/components/consultation-status-badge.tsx';
import '../../../lib/i18n/codes.bundle.ts';
import '../../../lib/i18n/forms.bundle.ts';

/**
 * What leads from a person to their records: the consultations (about them, or their household)
 * and the cases they are in that the viewer may see — the server lists only those.
 */
export function PersonRecords({ person }: { person: Person }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  return (
    <div className="flex flex-col gap-6">
      <Section
        id="person-cases"
        title={t('forms.person.cases')}
        size="medium"
        className="flex flex-col gap-3"
      >
        {person.cases.length === 0 ? (
          <p>{t('forms.person.none')}</p>
        ) : (
          <Table caption={t('forms.person.cases')}>
            <TableHead
              columns={[
                t('forms.person.caseNumber'),
                t('forms.person.stage'),
                t('forms.person.acceptedOn'),
                t('forms.person.coordinatingOrganization'),
                t('forms.person.role'),
              ]}
            />
            <tbody>
              {person.cases.map((k) => (
                <tr key={k.id}>
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
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section
        id="person-consultations"
        title={t('forms.person.consultations')}
        size="medium"
        className="flex flex-col gap-3"
      >
        {person.consultations.length === 0 ? (
          <p>{t('forms.person.none')}</p>
        ) : (
          <Table caption={t('forms.person.consultations')}>
            <TableHead
              columns={[
                t('forms.person.receivedOn'),
                t('forms.person.organization'),
                t('forms.person.mainTopic'),
                t('forms.person.status'),
                t('forms.person.role'),
              ]}
            />
            <tbody>
              {person.consultations.map((c) => (
                <tr key={c.id}>
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
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
    </div>
  );
}
