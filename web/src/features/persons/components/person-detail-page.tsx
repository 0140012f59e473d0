import { useLocation } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../src/contract/persons.ts';
import { ActionForButton } from '../../../components/action-for-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DataTable, TableHead } from '../../../components/ui/data-table.tsx';
import { BirthDateText, DateText } from '../../../components/ui/date-text.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { fullKana, fullName } from '../../../components/ui/person-name.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RecordPage } from '../../../components/ui/record-page.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, Td, Th } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { PersonRecords } from '../../forms/components/person-records.tsx';
import { SensitiveFactsPanel } from '../../sensitive-facts/components/sensitive-facts-panel.tsx';
import { usePerson } from '../api/get-person.ts';
import { useLinkPerson } from '../api/link-person.ts';
import { type PersonDuplicate, usePersonDuplicates } from '../api/list-person-duplicates.ts';
import { AccessLogPanel } from './access-log-panel.tsx';
import '../../../lib/i18n/casework.bundle.ts';

function Households({ person }: { person: Person }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  if (person.households.length === 0) return <p>{t('persons.noHouseholds')}</p>;
  return (
    <div className="flex flex-col gap-6">
      {person.households.map((household, index) => (
        <DataTable
          key={household.householdId}
          caption={t('persons.householdCaption', {
            n: index + 1,
            relation: codeName('relation', household.relation),
          })}
          columns={textsUnder(t, 'persons', ['name', 'relation', 'birthDate', 'livingTogether'])}
          rows={household.members}
          empty={t('persons.noMembers')}
        >
          {(member) => (
            <tr key={member.person.id}>
              <Th scope="row">
                <RouteLink to="/persons/$personId" params={{ personId: member.person.id }}>
                  {fullName(member.person)}
                </RouteLink>
                <span className="block text-std-16N-170 text-solid-gray-700">{fullKana(member.person)}</span>
              </Th>
              <Td>{codeName('relation', member.relation)}</Td>
              <Td>
                <BirthDateText birthDate={member.person.birthDate} age={member.person.age} />
              </Td>
              <Td>{member.livingTogether ? t('persons.together') : t('persons.apart')}</Td>
            </tr>
          )}
        </DataTable>
      ))}
    </div>
  );
}

function Duplicates({ person }: { person: Person }) {
  const { t } = useTranslation();
  const duplicates = usePersonDuplicates(person.id, { enabled: person.abilities.findDuplicates });
  const link = useLinkPerson();
  const [pending, setPending] = useState<PersonDuplicate | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const hash = useLocation({ select: (location) => location.hash });
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = duplicates.isSuccess;

  // Arriving from the 引継ぎ受付 badge (`#duplicates`): bring the list into view once it is there.
  useEffect(() => {
    if (loaded && hash === 'duplicates') {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    }
  }, [loaded, hash]);

  const confirm = () => {
    if (!pending || link.isPending) return;
    const other = pending;
    link.mutate(
      { id: person.id, duplicateOfId: other.id },
      {
        onSuccess: () => {
          setPending(null);
          setDone(t('persons.linked', { name: fullName(other), organization: other.registeredBy.name }));
        },
      },
    );
  };

  return (
    <section aria-labelledby="duplicates" className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6">
      <h2 ref={heading} id="duplicates" tabIndex={-1} className="text-std-20B-150 text-solid-gray-900">
        {t('persons.duplicatesHeading')}
      </h2>
      <p className="text-std-16N-170 text-solid-gray-700">{t('persons.duplicatesLead')}</p>
      {done ? <Alert tone="success" title={done} /> : null}
      {duplicates.isPending ? (
        <Loading />
      ) : duplicates.isError ? (
        <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} />
      ) : duplicates.data.length === 0 ? (
        <p>{person.birthDate ? t('persons.noDuplicates') : t('persons.duplicatesNeedBirthDate')}</p>
      ) : (
        <Table caption={t('persons.duplicatesCaption')}>
          <TableHead
            columns={[
              ...textsUnder(t, 'persons', ['name', 'birthDate', 'registeredBy']),
              t('common.actions'),
            ]}
          />
          <tbody>
            {duplicates.data.map((duplicate) => (
              <tr key={duplicate.id}>
                <Th scope="row">
                  <span className="block">{fullName(duplicate)}</span>
                  <span className="block text-std-16N-170 text-solid-gray-700">{fullKana(duplicate)}</span>
                </Th>
                <Td>
                  {duplicate.birthDate ? (
                    <DateText value={duplicate.birthDate} withGregorian />
                  ) : (
                    t('common.none')
                  )}
                </Td>
                <Td>{duplicate.registeredBy.name}</Td>
                <Td>
                  {duplicate.linked ? (
                    <Badge tone="success">{t('persons.alreadyLinked')}</Badge>
                  ) : duplicate.abilities.link ? (
                    <ActionForButton
                      action={t('persons.link')}
                      name={`${fullName(duplicate)}（${duplicate.registeredBy.name}）`}
                      onClick={() => {
                        setDone(null);
                        setPending(duplicate);
                      }}
                    />
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t('persons.linkTitle')}
        confirmLabel={t('persons.link')}
        action={link}
        onConfirm={confirm}
        onCancel={() => {
          setPending(null);
          link.reset();
        }}
      >
        <p>
          {pending
            ? t('persons.linkBody', {
                name: fullName(person),
                organization: person.registeredBy.name,
                otherName: fullName(pending),
                otherOrganization: pending.registeredBy.name,
              })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function PersonRecord({ person }: { person: Person }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  // the panel's own endpoint answers for the person; only the coordinating section holds the permission
  const canSeeAccessLog = useCan('person.accessLog');
  return (
    <>
      <PageHeading documentTitle={t('persons.detailTitle')} lead={fullKana(person)}>
        {fullName(person)}
      </PageHeading>
      <div className="flex max-w-[64rem] flex-col gap-8">
        <Section id="person-basic" title={t('persons.basic')} size="medium">
          <DescriptionList
            empty={t('common.none')}
            items={[
              { term: t('persons.name'), value: fullName(person) },
              { term: t('persons.kana'), value: fullKana(person) },
              {
                term: t('persons.birthDate'),
                value: <BirthDateText birthDate={person.birthDate} age={person.age} withGregorian />,
              },
              { term: t('persons.sex'), value: codeName('sex', person.sex) },
              { term: t('persons.postalCode'), value: person.postalCode },
              { term: t('persons.address'), value: person.address },
              {
                term: t('persons.phones'),
                value:
                  person.phones.length > 0 ? (
                    <ul>
                      {person.phones.map((phone) => (
                        <li key={`${phone.label}:${phone.number}`}>
                          {phone.label ? `${phone.label}：` : ''}
                          {phone.number}
                        </li>
                      ))}
                    </ul>
                  ) : null,
              },
              { term: t('persons.addresseeNumber'), value: person.addresseeNumber },
              { term: t('persons.registeredBy'), value: person.registeredBy.name },
            ]}
          />
        </Section>

        <Section
          id="person-households"
          title={t('persons.households')}
          size="medium"
          className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6"
        >
          <Households person={person} />
        </Section>

        <div className="border-t border-solid-gray-420 pt-6">
          <PersonRecords person={person} />
        </div>

        <div className="border-t border-solid-gray-420 pt-6">
          <SensitiveFactsPanel of={{ personId: person.id, personName: fullName(person) }} />
        </div>

        <Section
          id="person-links"
          title={t('persons.links')}
          size="medium"
          className="flex flex-col gap-4 border-t border-solid-gray-420 pt-6"
        >
          {person.links.length === 0 ? (
            <p>{t('persons.noLinks')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {person.links.map((link) => (
                <li key={link.personId}>
                  {link.person
                    ? `${fullName(link.person)}（${fullKana(link.person)}・${link.person.registeredBy.name}）`
                    : t('persons.linkHidden')}
                  <span className="ml-2 text-solid-gray-700">
                    {t('persons.linkedOn')}
                    <DateText value={link.linkedAt} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        {person.abilities.findDuplicates ? <Duplicates person={person} /> : null}

        {canSeeAccessLog ? <AccessLogPanel personId={person.id} /> : null}

        <p>
          <RouteLink to="/persons">{t('persons.backToSearch')}</RouteLink>
        </p>
      </div>
    </>
  );
}

/** 対象者 (`/persons/:id`): one person, their households, linked records and (coordinator) 重複候補. */
export function PersonDetailPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  return (
    <RecordPage
      query={person}
      heading={t('persons.detailTitle')}
      notFound={t('persons.notFound')}
      back={<RouteLink to="/persons">{t('persons.backToSearch')}</RouteLink>}
    >
      {(record) => <PersonRecord person={record} />}
    </RecordPage>
  );
}
