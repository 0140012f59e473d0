import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import type { Placement } from '../../../../../src/contract/placements.ts';
import type { PlanItem } from '../../../../../src/contract/plans.ts';
import { isOpenStage } from '../../../../../src/domain/caseStage.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import {
  followUpParties,
  type PlacementEventKind,
  placementEndReasons,
  placementEventKinds,
} from '../../../../../src/domain/resources/placement.ts';
import type { ActionDialogProps } from '../../../components/action-dialog-props.ts';
import { MutationFormDialog } from '../../../components/mutation-form-dialog.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CalendarDateField } from '../../../components/ui/calendar-date-field.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateCell } from '../../../components/ui/date-cell.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useCan } from '../../../lib/me-context.tsx';
import { textsUnder } from '../../../lib/section-texts.ts';
import { usePlans } from '../../cases/api/list-plans.ts';
import { usePlacements, useRecordPlacementEvent } from '../api/placements.ts';
import { PlacementSearchDialog } from './placement-search-dialog.tsx';
import '../../../lib/i18n/participation.bundle.ts';

/** 段階 as a badge: ended muted, active success. */
export function PlacementStageBadge({ stage }: { stage: Placement['stage'] }) {
  const { t } = useTranslation();
  const tone = stage === 'active' ? 'success' : stage === 'ended' ? 'muted' : 'info';
  return <Badge tone={tone}>{t(`participation.stages.${stage}`)}</Badge>;
}

/**
 * 参加支援 of a case: from an item of the approved plan, find a place in the directory and register
 * the placement; then each placement with its steps (見学・体験・初日), follow-ups and end.
 */
export function PlacementsPanel({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const canManage = useCan('placement.manage') && isOpenStage(kase.stage);
  const placements = usePlacements({ caseId: kase.id });
  const plans = usePlans(kase.id);
  const current = plans.data?.find((plan) => plan.status === 'approved');
  const person = kase.persons.find((p) => p.isPrimary) ?? kase.persons[0];
  const [searchFor, setSearchFor] = useState<PlanItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-8">
      <Section id="placements-heading" title={t('participation.placements.heading')}>
        <p>{t('participation.placements.lead')}</p>
        {notice ? <Alert tone="success" title={notice} /> : null}
      </Section>
      {canManage && person ? (
        <Section id="placements-from-plan" title={t('participation.placements.fromPlan')} level={3}>
          {plans.isPending ? null : !current ? (
            <p>{t('participation.placements.noPlan')}</p>
          ) : (
            <>
              <p>{t('participation.placements.fromPlanLead')}</p>
              <ul className="flex flex-col gap-3">
                {current.items.map((item) => (
                  <li
                    key={item.id}
                    className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <span className="flex flex-col gap-1">
                      <span className="whitespace-pre-wrap">{item.content}</span>
                      <span className="text-dns-16N-130 text-solid-gray-700">
                        {item.organizationName}
                        {item.resource
                          ? ` ／ ${t('participation.placements.itemResource', { name: item.resource.name })}`
                          : ''}
                      </span>
                    </span>
                    <span className="shrink-0">
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={t('participation.placements.findForItemNamed', { content: item.content })}
                        onClick={() => {
                          setNotice(null);
                          setSearchFor(item);
                        }}
                      >
                        {t('participation.placements.findForItem')}
                      </Button>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
      ) : null}
      <QueryView query={placements}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('participation.placements.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-6">
              {data.items.map((placement) => (
                <li key={placement.id}>
                  <PlacementCard placement={placement} canManage={canManage} onRecorded={setNotice} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {searchFor && person ? (
        <PlacementSearchDialog
          caseId={kase.id}
          person={person}
          item={searchFor}
          onCancel={() => setSearchFor(null)}
          onDone={(message) => {
            setSearchFor(null);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}

function PlacementCard({
  placement,
  canManage,
  onRecorded,
}: {
  placement: Placement;
  canManage: boolean;
  onRecorded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const headingId = `placement-${placement.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900">
          {t('participation.placements.cardTitle', {
            resource: placement.resource.name,
            organization: placement.resource.organizationName,
          })}
        </h3>
        <PlacementStageBadge stage={placement.stage} />
      </div>
      <DescriptionList
        empty={t('common.none')}
        items={[
          { term: t('participation.placements.person'), value: placement.person.name },
          { term: t('participation.placements.kind'), value: t(`participation.kinds.${placement.kind}`) },
          { term: t('participation.placements.planItem'), value: placement.planItem?.content ?? null },
          {
            term: t('participation.placements.startedOn'),
            value: placement.startedOn ? <DateText value={placement.startedOn} withGregorian /> : null,
          },
          ...(placement.endedOn
            ? [
                {
                  term: t('participation.placements.endedOn'),
                  value: <DateText value={placement.endedOn} withGregorian />,
                },
                {
                  term: t('participation.placements.endReason'),
                  value: placement.endReason ? t(`participation.endReasons.${placement.endReason}`) : null,
                },
              ]
            : []),
          { term: t('participation.placements.note'), value: placement.note },
        ]}
      />
      <DataTable
        caption={t('participation.placements.eventsCaption', { resource: placement.resource.name })}
        columns={textsUnder(t, 'participation.placements', ['occurredOn', 'eventKind', 'note', 'recordedBy'])}
        rows={placement.events}
        empty={t('participation.placements.eventsEmpty')}
      >
        {(event) => (
          <tr key={event.id}>
            <DateCell value={event.occurredOn} rowHeader />
            <Td>
              {t(`participation.events.${event.kind}`)}
              {event.party ? `（${t(`participation.parties.${event.party}`)}）` : ''}
              {event.endReason ? `：${t(`participation.endReasons.${event.endReason}`)}` : ''}
            </Td>
            <Td className="whitespace-pre-wrap">{event.note ?? ''}</Td>
            <Td>{event.organization.name}</Td>
          </tr>
        )}
      </DataTable>
      {canManage && placement.stage !== 'ended' ? (
        <div className="print:hidden">
          <Button
            variant="outline"
            aria-label={t('participation.placements.recordNamed', { resource: placement.resource.name })}
            onClick={() => setRecording(true)}
          >
            {t('participation.placements.record')}
          </Button>
        </div>
      ) : null}
      {recording ? (
        <RecordDialog
          placement={placement}
          onCancel={() => setRecording(false)}
          onDone={(message) => {
            setRecording(false);
            onRecorded(message);
          }}
        />
      ) : null}
    </section>
  );
}

/** The steps that can follow the placement's stage (the server's state machine decides in the end). */
function possibleEvents(stage: Placement['stage']): PlacementEventKind[] {
  return placementEventKinds.filter((kind) => {
    if (stage === 'arranging') return kind !== 'followUp';
    if (stage === 'active') return kind !== 'trial' && kind !== 'start';
    return true;
  });
}

function RecordDialog({
  placement,
  onCancel,
  onDone,
}: {
  placement: Placement;
} & ActionDialogProps) {
  const { t } = useTranslation();
  const record = useRecordPlacementEvent();
  const today = clock.today();
  const events = possibleEvents(placement.stage);
  const [kind, setKind] = useState<PlacementEventKind | ''>('');
  const [occurredOn, setOccurredOn] = useState<string | undefined>(today);
  const [party, setParty] = useState('');
  const [endReason, setEndReason] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <MutationFormDialog
      mutation={record}
      open
      title={t('participation.placements.recordTitle')}
      description={t('participation.placements.recordDescription')}
      submitLabel={t('participation.placements.recordSubmit')}
      cancelLabel={t('participation.placements.cancel')}
      onCancel={onCancel}
      onSubmit={(event) => {
        event.preventDefault();
        if (record.isPending) return;
        if (!kind || !occurredOn) {
          setMissing(true);
          return;
        }
        record
          .mutateAsync({
            placement,
            input: {
              event: {
                kind,
                occurredOn,
                ...(kind === 'followUp' && party ? { party: party as 'person' | 'host' } : {}),
                ...(kind === 'end' && endReason
                  ? { endReason: endReason as Placement['endReason'] & string }
                  : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            },
          })
          .then(
            () =>
              onDone(
                t('participation.placements.recorded', {
                  resource: placement.resource.name,
                  event: t(`participation.events.${kind}`),
                }),
              ),
            () => undefined,
          );
      }}
    >
      <SelectField
        id="placement-event-kind"
        label={t('participation.placements.eventKind')}
        required
        error={missing && !kind ? t('participation.placements.choose') : undefined}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as PlacementEventKind | '')}
      >
        <option value="">{t('participation.placements.choose')}</option>
        <MessageOptions codes={events} textPrefix="participation.events" />
      </SelectField>
      <CalendarDateField
        id="placement-event-on"
        label={t('participation.placements.occurredOn')}
        required
        notAfter={today}
        value={occurredOn}
        onChange={setOccurredOn}
      />
      {kind === 'followUp' ? (
        <SelectField
          id="placement-event-party"
          label={t('participation.placements.party')}
          required
          value={party}
          onChange={(event) => setParty(event.currentTarget.value)}
        >
          <option value="">{t('participation.placements.choose')}</option>
          <MessageOptions codes={followUpParties} textPrefix="participation.parties" />
        </SelectField>
      ) : null}
      {kind === 'end' ? (
        <SelectField
          id="placement-event-end-reason"
          label={t('participation.placements.endReason')}
          required
          value={endReason}
          onChange={(event) => setEndReason(event.currentTarget.value)}
        >
          <option value="">{t('participation.placements.choose')}</option>
          <MessageOptions codes={placementEndReasons} textPrefix="participation.endReasons" />
        </SelectField>
      ) : null}
      <TextareaField
        id="placement-event-note"
        label={t('participation.placements.note')}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
    </MutationFormDialog>
  );
}
