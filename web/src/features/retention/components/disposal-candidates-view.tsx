import { useTranslation } from 'react-i18next';
import type { DisposalCandidates } from '../../../../../src/contract/retention.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { RowActionButton } from '../../../components/ui/row-action-button.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Td } from '../../../components/ui/table.tsx';
import { useCodeName } from '../../../lib/code-names.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDate } from '../../../lib/wareki.ts';
import {
  allSelected,
  type DisposalSelection,
  type SelectionKind,
  selectableIds,
  selectedCaseNumbers,
  selectionSize,
  toggleAll,
  toggleSelected,
} from '../disposal-selection.ts';
import '../messages.ts';
import { textsUnder } from '../../../lib/section-texts.ts';

export type DisposalCandidatesViewProps = {
  candidates: DisposalCandidates;
  selection: DisposalSelection;
  onSelectionChange: (selection: DisposalSelection) => void;
  /** Opens the confirmation; only offered with something selected. */
  onApprove: () => void;
  onHold: (kase: { id: string; caseNumber: string }) => void;
  onLift: (kase: { id: string; caseNumber: string }) => void;
};

type Candidates = DisposalCandidates;

/**
 * 廃棄候補一覧 as the coordinating section reviews it: the expired cases, the standalone
 * consultations, the persons who would go (those named by no record are selected, the others go
 * with their last record) and the held cases; ticks, 保留 and the approve button.
 */
export function DisposalCandidatesView({
  candidates,
  selection,
  onSelectionChange,
  onApprove,
  onHold,
  onLift,
}: DisposalCandidatesViewProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const language = currentLanguage();
  const { rules } = candidates;
  const tick = (kind: SelectionKind, id: string) => ({
    checked: selection[kind].includes(id),
    onChange: (event: { currentTarget: HTMLInputElement }) =>
      onSelectionChange(toggleSelected(selection, kind, id, event.currentTarget.checked)),
  });
  const selectAll = (kind: SelectionKind, label: string) =>
    selectableIds(candidates, kind).length > 1 ? (
      <Checkbox
        label={label}
        checked={allSelected(selection, candidates, kind)}
        onChange={(event) =>
          onSelectionChange(toggleAll(selection, candidates, kind, event.currentTarget.checked))
        }
      />
    ) : null;
  const size = selectionSize(selection);

  return (
    <div className="flex flex-col gap-10">
      <p className="text-std-16N-170 text-solid-gray-800">{t('retention.candidates.rules', rules)}</p>

      <Section id="disposal-cases" title={t('retention.candidates.casesTitle')}>
        {selectAll('caseIds', t('retention.candidates.selectAllCases'))}
        <DataTable
          caption={t('retention.candidates.casesCaption')}
          captionDetail={t('common.itemCount', { count: candidates.cases.length })}
          columns={textsUnder(t, 'retention.candidates.columns', [
            'caseNumber',
            'person',
            'closedOn',
            'closureReason',
            'organization',
            'why',
            'disposableFrom',
            'actions',
          ])}
          rows={candidates.cases}
          empty={t('retention.candidates.emptyCases')}
        >
          {(kase) => (
            <tr key={kase.id}>
              <Td>
                <Checkbox label={kase.caseNumber} {...tick('caseIds', kase.id)} />
              </Td>
              <Td>{kase.personName ?? t('retention.candidates.nameGone')}</Td>
              <Td>
                <DateText value={kase.closedOn} />
              </Td>
              <Td>{codeName('closureReason', kase.closureReason)}</Td>
              <Td>{kase.coordinatingOrganizationName}</Td>
              <Td>{t('retention.candidates.caseWhy', { years: rules.caseYears })}</Td>
              <Td>
                <DateText value={kase.disposableFrom} />
              </Td>
              <Td>
                <RowActionButton
                  variant="outline"
                  action={t('retention.candidates.hold')}
                  name={kase.caseNumber}
                  onClick={() => onHold({ id: kase.id, caseNumber: kase.caseNumber })}
                />
              </Td>
            </tr>
          )}
        </DataTable>
      </Section>

      <Section id="disposal-consultations" title={t('retention.candidates.consultationsTitle')}>
        {selectAll('consultationIds', t('retention.candidates.selectAllConsultations'))}
        <DataTable
          caption={t('retention.candidates.consultationsCaption')}
          captionDetail={t('common.itemCount', { count: candidates.consultations.length })}
          columns={textsUnder(t, 'retention.candidates.columns', [
            'receivedOn',
            'person',
            'organization',
            'topic',
            'consultationClosedOn',
            'why',
            'disposableFrom',
          ])}
          rows={candidates.consultations}
          empty={t('retention.candidates.emptyConsultations')}
        >
          {(consultation) => (
            <tr key={consultation.id}>
              <Td>
                <Checkbox
                  label={formatDate(consultation.receivedOn, language)}
                  aria-label={t('retention.candidates.selectConsultation', {
                    date: formatDate(consultation.receivedOn, language),
                  })}
                  {...tick('consultationIds', consultation.id)}
                />
              </Td>
              <Td>{consultation.personName ?? t('retention.candidates.nameGone')}</Td>
              <Td>{consultation.organizationName}</Td>
              <Td>{codeName('consultationTopic', consultation.mainTopic)}</Td>
              <Td>{consultation.closedOn ? <DateText value={consultation.closedOn} /> : null}</Td>
              <Td>{t('retention.candidates.consultationWhy', { years: rules.consultationYears })}</Td>
              <Td>
                <DateText value={consultation.disposableFrom} />
              </Td>
            </tr>
          )}
        </DataTable>
      </Section>

      <Section id="disposal-persons" title={t('retention.candidates.personsTitle')}>
        <p className="text-std-16N-170 text-solid-gray-700">{t('retention.candidates.personsNote')}</p>
        {selectAll('personIds', t('retention.candidates.selectAllPersons'))}
        <DataTable
          caption={t('retention.candidates.personsCaption')}
          captionDetail={t('common.itemCount', { count: candidates.persons.length })}
          columns={[t('retention.candidates.columns.person'), t('retention.candidates.columns.reason')]}
          rows={candidates.persons}
          empty={t('retention.candidates.emptyPersons')}
        >
          {(person) => (
            <tr key={person.id}>
              <Td>
                {person.reason === 'noRecord' ? (
                  <Checkbox label={person.name} {...tick('personIds', person.id)} />
                ) : (
                  person.name
                )}
              </Td>
              <Td>
                {person.reason === 'noRecord'
                  ? t('retention.candidates.personReason.noRecord', { years: rules.personYears })
                  : t('retention.candidates.personReason.lastRecord')}
              </Td>
            </tr>
          )}
        </DataTable>
      </Section>

      <div className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
        <p className="text-std-16B-170 text-solid-gray-900" aria-live="polite">
          {size > 0
            ? t('retention.candidates.selected', {
                cases: selection.caseIds.length,
                consultations: selection.consultationIds.length,
                persons: selection.personIds.length,
              })
            : t('retention.candidates.nothingSelected')}
        </p>
        {size > 0 && selection.caseIds.length > 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">
            {selectedCaseNumbers(selection, candidates).join(t('common.listSeparator'))}
          </p>
        ) : null}
        <div>
          <Button
            variant="solid-fill"
            aria-disabled={size === 0 || undefined}
            onClick={() => {
              if (size > 0) onApprove();
            }}
          >
            {t('retention.candidates.approve')}
          </Button>
        </div>
      </div>

      <Section id="disposal-held" title={t('retention.candidates.heldTitle')}>
        <p className="text-std-16N-170 text-solid-gray-700">{t('retention.candidates.heldNote')}</p>
        <DataTable
          caption={t('retention.candidates.heldCaption')}
          captionDetail={t('common.itemCount', { count: candidates.held.length })}
          columns={textsUnder(t, 'retention.candidates.columns', [
            'caseNumber',
            'closedOn',
            'holdReason',
            'actions',
          ])}
          rows={candidates.held}
          empty={t('retention.candidates.emptyHeld')}
        >
          {(held) => (
            <tr key={held.id}>
              <Td>{held.caseNumber}</Td>
              <Td>{held.closedOn ? <DateText value={held.closedOn} /> : null}</Td>
              <Td className="whitespace-pre-wrap">{held.reason}</Td>
              <Td>
                <RowActionButton
                  variant="outline"
                  action={t('retention.candidates.lift')}
                  name={held.caseNumber}
                  onClick={() => onLift({ id: held.id, caseNumber: held.caseNumber })}
                />
              </Td>
            </tr>
          )}
        </DataTable>
      </Section>
    </div>
  );
}

/** What the confirmation says will be deleted, for good, and what is kept. */
export function DisposalConfirmation({
  candidates,
  selection,
}: {
  candidates: Candidates;
  selection: DisposalSelection;
}) {
  const { t } = useTranslation();
  const numbers = selectedCaseNumbers(selection, candidates);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-std-16B-170">{t('retention.candidates.confirmIrreversible')}</p>
      <ul className="list-disc pl-6">
        {numbers.length > 0 ? (
          <li>
            {t('retention.candidates.confirmCases', {
              count: numbers.length,
              numbers: numbers.join(t('common.listSeparator')),
            })}
          </li>
        ) : null}
        {selection.consultationIds.length > 0 ? (
          <li>
            {t('retention.candidates.confirmConsultations', { count: selection.consultationIds.length })}
          </li>
        ) : null}
        {selection.personIds.length > 0 ? (
          <li>{t('retention.candidates.confirmPersons', { count: selection.personIds.length })}</li>
        ) : null}
      </ul>
      <p>{t('retention.candidates.confirmDeleted')}</p>
      <p>{t('retention.candidates.confirmKept')}</p>
    </div>
  );
}
