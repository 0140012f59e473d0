import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, type FieldPath, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Meeting, type MinutesInput, minutesInputSchema } from '../../../../../src/contract/meetings.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { toIsoDate } from '../../../../../src/domain/wareki.ts';
import { RowFieldset } from '../../../components/row-fieldset.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDateTimeField } from '../../../components/ui/form-date-field.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useRecordMinutes } from '../api/record-minutes.ts';
import '../../../lib/i18n/casework.bundle.ts';

type Values = z.input<typeof minutesInputSchema>;

const resolver: Resolver<Values, unknown, MinutesInput> = (values, context, options) => {
  const pruned: Values = {
    ...values,
    attendance: values.attendance.map((row) => ({
      organizationId: row.organizationId,
      attended: row.attended,
      ...(row.attendeeName ? { attendeeName: row.attendeeName } : {}),
      ...(row.deputyName ? { deputyName: row.deputyName } : {}),
    })),
  };
  if (!pruned.decisions) delete pruned.decisions;
  return zodResolver(minutesInputSchema)(pruned, context, options);
};

/** The meeting's own time if it has passed, else now: a meeting is recorded after it was held. */
function defaultHeldAt(scheduledAt: string): string {
  const now = clock.now();
  const scheduled = new Date(scheduledAt);
  const at = scheduled.getTime() <= now.getTime() ? scheduled : now;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${toIsoDate(at)}T${time}:00+09:00`;
}

/** 議事録の記録: 開催日時, each invited organisation's attendance (出席者・代理出席者), minutes, decisions. */
export function MinutesForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMinutes();
  const form = useServerCheckedForm<Values, MinutesInput>({
    resolver,
    defaultValues: {
      heldAt: defaultHeldAt(meeting.scheduledAt),
      attendance: meeting.invitations.map((invitation) => ({
        organizationId: invitation.organization.id,
        attendeeName: '',
        deputyName: '',
      })) as Values['attendance'],
      minutes: '',
      decisions: '',
    },
    serverError: record.error,
    serverFields: () => {
      const fields: FieldPath<Values>[] = [
        'heldAt',
        'minutes',
        'decisions',
        ...meeting.invitations.flatMap((_invitation, index) => [
          `attendance.${index}.organizationId` as const,
          `attendance.${index}.attended` as const,
          `attendance.${index}.attendeeName` as const,
          `attendance.${index}.deputyName` as const,
        ]),
        'attendance',
      ];
      return fields;
    },
  });
  const { register, control, handleSubmit, errors, unplaced, invalid, registerField } = form;
  const field = useFieldWiring(registerField, { idPrefix: 'minutes', textPrefix: 'meetingPage' });

  const submit = handleSubmit((input) => {
    if (record.isPending) return;
    // mutateAsync: recording the minutes removes this form, before a mutate callback would run.
    record
      .mutateAsync({ meetingId: meeting.id, input })
      .then(onSaved)
      .catch(() => undefined); // the error is shown from the mutation's state
  });

  return (
    <Section
      id="minutes-heading"
      title={t('meetingPage.minutesHeading')}
      lead={t('meetingPage.minutesLead')}
      className="flex flex-col gap-6 print:hidden"
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
        <FormErrorSummary error={record.error} unplaced={unplaced} invalid={invalid} />
        <FormDateTimeField
          control={control}
          name="heldAt"
          id="minutes-held-at"
          legend={t('meetingPage.heldAtLegend')}
          required
          notAfter={clock.today()}
        />
        {meeting.invitations.map((invitation, index) => {
          const rowErrors = errors.attendance?.[index];
          return (
            <RowFieldset key={invitation.organization.id} legend={invitation.organization.name}>
              <Controller
                control={control}
                name={`attendance.${index}.attended`}
                render={({ field }) => (
                  <RadioGroup
                    legend={t('meetingPage.attendanceLegend', { organization: invitation.organization.name })}
                    required
                    inline
                    error={rowErrors?.attended?.message ?? rowErrors?.organizationId?.message}
                  >
                    <Radio
                      id={`minutes-${index}-attended`}
                      name={field.name}
                      label={t('meetingPage.attended')}
                      checked={field.value === true}
                      onChange={() => field.onChange(true)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                    />
                    <Radio
                      id={`minutes-${index}-absent`}
                      name={field.name}
                      label={t('meetingPage.absent')}
                      checked={field.value === false}
                      onChange={() => field.onChange(false)}
                      onBlur={field.onBlur}
                    />
                  </RadioGroup>
                )}
              />
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <TextField
                  id={`minutes-${index}-attendee`}
                  label={t('meetingPage.attendeeName')}
                  error={rowErrors?.attendeeName?.message}
                  {...register(`attendance.${index}.attendeeName`)}
                />
                <TextField
                  id={`minutes-${index}-deputy`}
                  label={t('meetingPage.deputyName')}
                  supportText={t('meetingPage.deputySupport')}
                  error={rowErrors?.deputyName?.message}
                  {...register(`attendance.${index}.deputyName`)}
                />
              </div>
            </RowFieldset>
          );
        })}
        <TextareaField
          {...field('minutes', { id: 'minutes-minutes', text: 'minutesLabel' })}
          required
          rows={8}
        />
        <TextareaField
          {...field('decisions', { id: 'minutes-decisions', text: 'decisionsLabel' })}
          rows={4}
        />
        <FormActions>
          <SubmitButton busy={record.isPending}>{t('meetingPage.submitMinutes')}</SubmitButton>
        </FormActions>
      </form>
    </Section>
  );
}
