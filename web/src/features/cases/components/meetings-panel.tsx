import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { type FieldPath, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { type MeetingInput, meetingInputSchema } from '../../../../../src/contract/meetings.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDateTimeField } from '../../../components/ui/form-date-field.tsx';
import { FormReveal } from '../../../components/ui/form-reveal.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { ApiError, isProblem } from '../../../lib/api-client.ts';
import { applyServerFieldErrors, fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { textsUnder } from '../../../lib/section-texts.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useCreateMeeting } from '../api/create-meeting.ts';
import { useMeetingKinds } from '../api/list-meeting-kinds.ts';
import { useOrganizationOptions } from '../api/list-organization-options.ts';
import { PartnerOrganizationCheckboxes, partnerOrganizations } from './partner-organization-checkboxes.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

/** 会議: the case's meetings and the form to convene one (支援会議 or 重層的支援会議). */
export function MeetingsPanel({ kase, onGoToConsents }: { kase: CaseDetail; onGoToConsents: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [created, setCreated] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-8">
      <h2 className="text-std-24B-150 text-solid-gray-900">{t('caseMeetings.heading')}</h2>
      {created ? <Alert tone="success" title={created} /> : null}
      <DataTable
        caption={t('caseMeetings.listCaption')}
        captionDetail={t('common.itemCount', { count: kase.meetings.length })}
        columns={textsUnder(t, 'caseMeetings', [
          'title',
          'kind',
          'legalBasis',
          'scheduledAt',
          'status',
          'myAcknowledgement',
        ])}
        rows={kase.meetings}
        empty={t('caseMeetings.empty')}
      >
        {(meeting) => (
          <tr key={meeting.id}>
            <Th scope="row">
              <RouteLink
                to="/meetings/$meetingId"
                params={{ meetingId: meeting.id }}
                search={{ fromCase: kase.id }}
              >
                {meeting.title}
              </RouteLink>
            </Th>
            <Td>{meeting.kind.name}</Td>
            <Td>{t(`codes.legalBasis.${meeting.legalBasis}`)}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(meeting.scheduledAt, language)}</Td>
            <Td>
              {meeting.status === 'held' ? (
                <Badge tone="success">{t('caseMeetings.held')}</Badge>
              ) : (
                <Badge tone="info">{t('caseMeetings.scheduled')}</Badge>
              )}
            </Td>
            <Td>
              {meeting.legalBasis !== 'article106_6' || !meeting.myInvitation ? (
                t('caseMeetings.notApplicable')
              ) : meeting.myInvitation.acknowledgedAt ? (
                <Badge tone="success">{t('caseMeetings.acknowledged')}</Badge>
              ) : (
                <Badge tone="warning">{t('caseMeetings.notAcknowledged')}</Badge>
              )}
            </Td>
          </tr>
        )}
      </DataTable>
      {kase.abilities.scheduleMeeting ? (
        <FormReveal label={t('ui.reveal.meeting')} defaultOpen={kase.meetings.length === 0}>
          {(close) => (
            <MeetingForm
              kase={kase}
              onGoToConsents={onGoToConsents}
              onStart={() => setCreated(null)}
              onCreated={(title) => {
                setCreated(t('caseMeetings.created', { title }));
                close();
              }}
            />
          )}
        </FormReveal>
      ) : null}
    </div>
  );
}

type Values = z.input<typeof meetingInputSchema>;
const fields: readonly FieldPath<Values>[] = [
  'kindId',
  'title',
  'scheduledAt',
  'place',
  'agenda',
  'invitedOrganizationIds',
];

const resolver: Resolver<Values, unknown, MeetingInput> = (values, context, options) => {
  const pruned: Values = { ...values };
  if (!pruned.place) delete pruned.place;
  if (!pruned.agenda) delete pruned.agenda;
  return zodResolver(meetingInputSchema)(pruned, context, options);
};

function MeetingForm({
  kase,
  onGoToConsents,
  onStart,
  onCreated,
}: {
  kase: CaseDetail;
  onGoToConsents: () => void;
  onStart: () => void;
  onCreated: (title: string) => void;
}) {
  const { t } = useTranslation();
  const kinds = useMeetingKinds();
  const organizations = useOrganizationOptions();
  const create = useCreateMeeting();
  const defaults: Values = {
    kindId: '',
    title: '',
    scheduledAt: '',
    place: '',
    agenda: '',
    invitedOrganizationIds: [],
  };
  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<Values, unknown, MeetingInput>({ resolver, defaultValues: defaults });
  const field = useFieldWiring(fieldRegistrar(register, errors), {
    idPrefix: 'meeting',
    textPrefix: 'caseMeetings',
  });
  const kindId = watch('kindId');
  const kind = kinds.data?.find((item) => item.id === kindId);
  const consentRequired = isProblem(create.error, 'consent.required');

  const [unplaced, setUnplaced] = useState<string[]>([]);
  useEffect(() => {
    if (!create.error) return;
    if (consentRequired && create.error instanceof ApiError) {
      const messages = (create.error.problem.errors ?? []).map((e) => e.message);
      setError('invitedOrganizationIds', { type: 'server', message: messages.join('／') });
      setUnplaced([]);
      return;
    }
    setUnplaced(applyServerFieldErrors(create.error, fields, setError, setFocus).map((e) => e.message));
  }, [create.error, consentRequired, setError, setFocus]);

  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    onStart();
    create
      .mutateAsync({ caseId: kase.id, input })
      .then((meeting) => {
        reset(defaults);
        onCreated(meeting.title);
      })
      .catch(() => undefined); // the error is shown from the mutation's state
  });
  const hasErrors = Object.keys(errors).length > 0;
  const choices = partnerOrganizations(organizations.data, kase);

  return (
    <Section
      id="meeting-form-heading"
      title={t('caseMeetings.formHeading')}
      level={3}
      className="flex flex-col gap-6 print:hidden"
    >
      {kinds.isError ? (
        <Alert tone="error" title={t('caseMeetings.kindsUnavailable')}>
          <p>{problemMessage(kinds.error, t)}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[48rem] flex-col gap-8">
        {consentRequired ? (
          <Alert tone="error" title={t('caseMeetings.consentRequiredTitle')}>
            <p>{problemMessage(create.error, t)}</p>
            <p className="mt-2">{t('caseMeetings.consentRequiredHint')}</p>
            <Button variant="outline" size="sm" className="mt-3" onClick={onGoToConsents}>
              {t('caseMeetings.goToConsents')}
            </Button>
          </Alert>
        ) : create.error ? (
          <ErrorSummary title={problemMessage(create.error, t)} messages={unplaced} />
        ) : hasErrors ? (
          <ErrorSummary title={t('form.errorSummaryTitle')} messages={[]} />
        ) : null}

        <div className="flex flex-col gap-3">
          <SelectField
            {...field('kindId', { id: 'meeting-kind', text: 'kindLabel' })}
            required
            aria-busy={kinds.isPending || undefined}
          >
            <option value="">{t('caseMeetings.kindPlaceholder')}</option>
            {(kinds.data ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {t('caseMeetings.kindOption', {
                  name: item.name,
                  basis: t(`caseMeetings.basisShort.${item.legalBasis}`),
                })}
              </option>
            ))}
          </SelectField>
          {kind ? (
            <Alert
              tone={kind.legalBasis === 'article106_6' ? 'warning' : 'info'}
              title={kind.name}
              live={false}
            >
              <p id="meeting-kind-basis">{t(`caseMeetings.basisDetail.${kind.legalBasis}`)}</p>
            </Alert>
          ) : null}
        </div>

        <TextField {...field('title', { id: 'meeting-title', text: 'titleLabel' })} required />
        <FormDateTimeField
          control={control}
          name="scheduledAt"
          id="meeting-scheduled-at"
          legend={t('caseMeetings.scheduledAtLegend')}
          required
        />
        <TextField {...field('place')} />
        <TextareaField {...field('agenda')} rows={4} />
        <CheckboxGroup
          legend={t('caseMeetings.invited')}
          supportText={t('caseMeetings.invitedSupport')}
          required
          error={errors.invitedOrganizationIds?.message}
        >
          <PartnerOrganizationCheckboxes
            organizations={choices}
            idPrefix="meeting-invite"
            field={register('invitedOrganizationIds')}
          />
        </CheckboxGroup>
        <FormActions>
          <SubmitButton busy={create.isPending}>{t('caseMeetings.submit')}</SubmitButton>
        </FormActions>
      </form>
    </Section>
  );
}
