import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { councilMeetingInputSchema } from '../../../../../src/contract/council.ts';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { Fieldset } from '../../../components/ui/fieldset.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { FormDateTimeField } from '../../../components/ui/form-date-field.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Radio } from '../../../components/ui/radio.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { problemFieldMessages } from '../../../lib/problem-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCreateCouncilMeeting } from '../api/create-meeting.ts';
import { useCouncilMembers } from '../api/list-members.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

const meetingFieldsSchema = councilMeetingInputSchema.omit({ attendees: true });
type MeetingFields = z.input<typeof meetingFieldsSchema>;
type MeetingFieldsOut = z.output<typeof meetingFieldsSchema>;
type Attendance = { present: boolean; attendeeName: string; isDeputy: boolean };

/** 会議の登録: 日時, 場所, 公開/非公開, 傍聴者, 出席者 (代理出席) per member organisation, 議題, 議事録. */
export function MeetingNewPage() {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const members = useCouncilMembers();
  const create = useCreateCouncilMeeting();
  const [attendance, setAttendance] = useState<Record<string, Attendance>>({});
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<MeetingFields, unknown, MeetingFieldsOut>({
    resolver: zodResolver(meetingFieldsSchema),
    defaultValues: { heldAt: '', place: '', observersCount: 0, observersNote: '', agenda: '', minutes: '' },
  });
  const serverErrors = problemFieldMessages(create.error);
  const field = useFieldWiring(fieldRegistrar(register, errors), {
    idPrefix: 'council-meeting',
    textPrefix: 'recidivism.council',
  });
  if (members.isPending) return <Loading />;
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  const memberList = members.data;
  const attendanceOf = (organizationId: string): Attendance =>
    attendance[organizationId] ?? { present: false, attendeeName: '', isDeputy: false };
  const setOne = (organizationId: string, change: Partial<Attendance>) =>
    setAttendance((current) => ({
      ...current,
      [organizationId]: { ...attendanceOf(organizationId), ...change },
    }));

  const submit = handleSubmit((fields) => {
    if (create.isPending) return;
    const attendees = memberList.flatMap((m) => {
      const a = attendanceOf(m.organization.id);
      return a.present
        ? [{ organizationId: m.organization.id, attendeeName: a.attendeeName.trim(), isDeputy: a.isDeputy }]
        : [];
    });
    create.mutate(
      { ...fields, attendees },
      {
        onSuccess: (saved) => {
          goWithFlash(t('recidivism.council.created'), {
            to: '/council/meetings/$meetingId',
            params: { meetingId: saved.id },
          });
        },
      },
    );
  });
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <PageHeading lead={t('recidivism.council.meetingNewLead')}>
        {t('recidivism.council.meetingNewHeading')}
      </PageHeading>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-8">
        {create.error ? (
          <ErrorSummary
            title={problemMessage(create.error, t)}
            messages={
              create.error instanceof ApiError
                ? (create.error.problem.errors ?? []).map((e) => e.message)
                : []
            }
          />
        ) : hasErrors ? (
          <ErrorSummary title={t('form.errorSummaryTitle')} messages={[]} />
        ) : null}
        <FormDateTimeField
          control={control}
          name="heldAt"
          id="council-meeting-held-at"
          legend={t('recidivism.council.heldAtLegend')}
          required
          error={errors.heldAt?.message ?? serverErrors.get('heldAt')}
        />
        <TextField
          id="council-meeting-place"
          label={t('recidivism.council.place')}
          required
          error={errors.place?.message ?? serverErrors.get('place')}
          {...register('place')}
        />
        <Controller
          control={control}
          name="isOpen"
          render={({ field }) => (
            <RadioGroup
              legend={t('recidivism.council.isOpenLegend')}
              required
              inline
              error={errors.isOpen?.message}
            >
              <Radio
                id="council-meeting-open"
                name="isOpen"
                label={t('recidivism.council.open')}
                checked={field.value === true}
                onChange={() => field.onChange(true)}
              />
              <Radio
                id="council-meeting-closed"
                name="isOpen"
                label={t('recidivism.council.closed')}
                checked={field.value === false}
                onChange={() => field.onChange(false)}
              />
            </RadioGroup>
          )}
        />
        <div className="grid grid-cols-1 gap-6 md:grid-cols-[12rem_1fr]">
          <TextField
            id="council-meeting-observers"
            label={t('recidivism.council.observersCount')}
            inputMode="numeric"
            error={errors.observersCount?.message}
            {...register('observersCount', { setValueAs: (v: string) => (v === '' ? 0 : Number(v)) })}
          />
          <TextField {...field('observersNote')} />
        </div>
        <Fieldset legend={t('recidivism.council.attendanceLegend')}>
          <p className="text-std-16N-170 text-solid-gray-700">{t('recidivism.council.attendanceSupport')}</p>
          <ul className="flex flex-col gap-3">
            {memberList.map((m, index) => {
              const a = attendanceOf(m.organization.id);
              const name = m.organization.name;
              return (
                <li key={m.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-3">
                  <Checkbox
                    id={`attend-${index}`}
                    label={t('recidivism.council.attended', { organization: name })}
                    checked={a.present}
                    onChange={(event) =>
                      setOne(m.organization.id, {
                        present: event.currentTarget.checked,
                        attendeeName: a.attendeeName || (event.currentTarget.checked ? m.representative : ''),
                      })
                    }
                  />
                  {a.present ? (
                    <div className="ml-8 flex flex-col gap-2">
                      <TextField
                        id={`attend-${index}-name`}
                        label={t('recidivism.council.attendeeName', { organization: name })}
                        required
                        value={a.attendeeName}
                        error={serverErrors.get(
                          `attendees.${memberList.filter((x, i) => i < index && attendanceOf(x.organization.id).present).length}.attendeeName`,
                        )}
                        onChange={(event) =>
                          setOne(m.organization.id, { attendeeName: event.currentTarget.value })
                        }
                      />
                      <Checkbox
                        id={`attend-${index}-deputy`}
                        label={t('recidivism.council.deputy', { organization: name })}
                        checked={a.isDeputy}
                        onChange={(event) =>
                          setOne(m.organization.id, { isDeputy: event.currentTarget.checked })
                        }
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Fieldset>
        <TextareaField {...field('agenda')} rows={4} />
        <TextareaField {...field('minutes')} rows={8} />
        <FormActions>
          <SubmitButton busy={create.isPending}>{t('recidivism.council.save')}</SubmitButton>
          <RouteLink to="/council">{t('recidivism.council.backToCouncil')}</RouteLink>
        </FormActions>
      </form>
    </>
  );
}
