import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Opinion, opinionFollowUps, opinionInputSchema } from '../../../../../src/contract/council.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { problemAlertOf } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { NamedOptions, Options, SelectField } from '../../../components/ui/select-field.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { applyServerFieldErrors, fieldRegistrar } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { useCan, useMe } from '../../../lib/me-context.tsx';
import { problemFieldMessage } from '../../../lib/problem-fields.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useAnswerOpinion } from '../api/answer-opinion.ts';
import { useCreateOpinion } from '../api/create-opinion.ts';
import { useCouncilMeetings } from '../api/list-meetings.ts';
import { useOpinionTargets } from '../api/list-opinion-targets.ts';
import { useOpinions } from '../api/list-opinions.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

type OpinionValues = z.input<typeof opinionInputSchema>;
type OpinionOut = z.output<typeof opinionInputSchema>;
const optionalId = (value: string | undefined) => (value ? value : undefined);

/** 意見を記録する: a council member speaks for its own organisation (the server fills it in). */
function OpinionForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const targets = useOpinionTargets();
  const meetings = useCouncilMeetings();
  const create = useCreateOpinion();
  const language = currentLanguage();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<OpinionValues, unknown, OpinionOut>({
    resolver: zodResolver(opinionInputSchema),
    defaultValues: { content: '' },
  });
  const field = useFieldWiring(fieldRegistrar(register, errors), {
    idPrefix: 'opinion',
    textPrefix: 'recidivism.opinions',
  });
  const [unplaced, setUnplaced] = useState<string[]>([]);
  useEffect(() => {
    if (!create.error) return setUnplaced([]);
    setUnplaced(
      applyServerFieldErrors(
        create.error,
        ['content', 'challengeId', 'programmeId', 'meetingId'],
        setError,
        setFocus,
      ).map((e) => e.message),
    );
  }, [create.error, setError, setFocus]);
  const submit = handleSubmit((input) => {
    if (create.isPending) return;
    create.mutate(input, {
      onSuccess: () => {
        reset({ content: '' });
        onCreated();
      },
    });
  });
  return (
    <Section
      id="opinion-form-heading"
      title={t('recidivism.opinions.formHeading')}
      className="flex flex-col gap-4 print:hidden"
    >
      <p>{t('recidivism.opinions.formLead', { organization: me.organization.name })}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-[56rem] flex-col gap-6">
        {create.error ? <ErrorSummary title={problemMessage(create.error, t)} messages={unplaced} /> : null}
        <TextareaField {...field('content')} required rows={4} />
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <SelectField
            id="opinion-challenge"
            label={t('recidivism.opinions.challenge')}
            error={errors.challengeId?.message}
            {...register('challengeId', { setValueAs: optionalId })}
          >
            <option value="">{t('recidivism.opinions.none')}</option>
            <Options
              items={targets.data?.challenges ?? []}
              value={(c) => c.id}
              label={(c) => `(${c.position}) ${c.title}`}
            />
          </SelectField>
          <SelectField
            id="opinion-programme"
            label={t('recidivism.opinions.programme')}
            error={errors.programmeId?.message}
            {...register('programmeId', { setValueAs: optionalId })}
          >
            <option value="">{t('recidivism.opinions.none')}</option>
            <NamedOptions items={targets.data?.programmes ?? []} />
          </SelectField>
        </div>
        <SelectField
          id="opinion-meeting"
          label={t('recidivism.opinions.meeting')}
          error={errors.meetingId?.message}
          {...register('meetingId', { setValueAs: optionalId })}
        >
          <option value="">{t('recidivism.opinions.none')}</option>
          <Options
            items={meetings.data ?? []}
            value={(m) => m.id}
            label={(m) => `${formatDateTime(m.heldAt, language)} ${m.place}`}
          />
        </SelectField>
        <div>
          <SubmitButton busy={create.isPending}>{t('recidivism.opinions.submit')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function AnswerDialog({
  opinion,
  onClose,
  onDone,
}: {
  opinion: Opinion;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const answer = useAnswerOpinion();
  const [text, setText] = useState(opinion.answer ?? '');
  const [status, setStatus] = useState<(typeof opinionFollowUps)[number]>(
    opinion.followUpStatus === 'open' ? 'inProgress' : opinion.followUpStatus,
  );
  const fieldError = (field: string) => problemFieldMessage(answer.error, field);
  return (
    <FormDialog
      open
      title={t('recidivism.opinions.answerTitle')}
      description={t('recidivism.opinions.answerLead')}
      submitLabel={answer.isPending ? t('common.saving') : t('recidivism.opinions.answerSubmit')}
      cancelLabel={t('common.cancel')}
      busy={answer.isPending}
      error={problemAlertOf(answer.error)}
      onCancel={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate(
          { id: opinion.id, input: { answer: text, followUpStatus: status } },
          { onSuccess: onDone },
        );
      }}
    >
      <div className="flex flex-col gap-6">
        <blockquote className="border-l-4 border-solid-gray-420 pl-4 whitespace-pre-wrap">
          {opinion.content}
        </blockquote>
        <TextareaField
          id="opinion-answer"
          label={t('recidivism.opinions.answerField')}
          required
          rows={4}
          value={text}
          error={fieldError('answer')}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <SelectField
          id="opinion-follow-up"
          label={t('recidivism.opinions.followUpField')}
          required
          value={status}
          error={fieldError('followUpStatus')}
          onChange={(event) => setStatus(event.currentTarget.value as (typeof opinionFollowUps)[number])}
        >
          <MessageOptions codes={opinionFollowUps} textPrefix="recidivism.opinions.followUpStatus" />
        </SelectField>
      </div>
    </FormDialog>
  );
}

/** 連絡会議の意見と回答: opinions with the city's answers; members record, the plan officer answers. */
export function OpinionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canSpeak = useCan('council.opinion');
  const opinions = useOpinions();
  const [answering, setAnswering] = useState<Opinion | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading lead={t('recidivism.opinions.lead')}>{t('recidivism.opinions.heading')}</PageHeading>
      <div className="flex flex-col gap-10">
        {notice ? <Alert tone="success" title={notice} /> : null}
        {canSpeak ? <OpinionForm onCreated={() => setNotice(t('recidivism.opinions.created'))} /> : null}
        <Section id="opinion-list-heading" title={t('recidivism.opinions.listCaption')}>
          {opinions.isPending ? (
            <Loading />
          ) : opinions.isError ? (
            <QueryError error={opinions.error} onRetry={() => void opinions.refetch()} />
          ) : opinions.data.length === 0 ? (
            <p>{t('recidivism.opinions.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {opinions.data.map((o) => (
                <li key={o.id}>
                  <article
                    aria-label={`${o.organization.name} ${formatDateTime(o.createdAt, language)}`}
                    className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
                  >
                    <div className="flex flex-wrap items-center justify-between gap-3">
                      <h3 className="text-std-17B-170 text-solid-gray-900">{o.organization.name}</h3>
                      <Badge
                        tone={
                          o.followUpStatus === 'done'
                            ? 'success'
                            : o.followUpStatus === 'inProgress'
                              ? 'info'
                              : 'warning'
                        }
                      >
                        {t('recidivism.opinions.followUp')}：
                        {t(`recidivism.opinions.followUpStatus.${o.followUpStatus}`)}
                      </Badge>
                    </div>
                    <p className="text-std-16N-170 text-solid-gray-700">
                      {t('recidivism.opinions.recordedAt')}：{formatDateTime(o.createdAt, language)}
                      {o.challenge || o.programme ? (
                        <>
                          {'　'}
                          {t('recidivism.opinions.related')}：
                          {[
                            o.challenge ? `(${o.challenge.position}) ${o.challenge.title}` : null,
                            o.programme?.name,
                          ]
                            .filter(Boolean)
                            .join('／')}
                        </>
                      ) : null}
                    </p>
                    <p className="whitespace-pre-wrap">{o.content}</p>
                    <div className="rounded-6 bg-solid-gray-50 p-3">
                      <h4 className="text-std-16B-170 text-solid-gray-900">
                        {t('recidivism.opinions.answer')}
                      </h4>
                      {o.answer ? (
                        <>
                          <p className="whitespace-pre-wrap">{o.answer}</p>
                          {o.answeredBy && o.answeredAt ? (
                            <p className="text-std-16N-170 text-solid-gray-700">
                              {t('recidivism.opinions.answeredBy', {
                                name: o.answeredBy.displayName,
                                at: formatDateTime(o.answeredAt, language),
                              })}
                            </p>
                          ) : null}
                        </>
                      ) : (
                        <p>{t('recidivism.opinions.notAnswered')}</p>
                      )}
                    </div>
                    {o.abilities.answer ? (
                      <div className="print:hidden">
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={t('recidivism.opinions.answerFor', {
                            organization: o.organization.name,
                          })}
                          onClick={() => {
                            setNotice(null);
                            setAnswering(o);
                          }}
                        >
                          {t('recidivism.opinions.answerAction')}
                        </Button>
                      </div>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {answering ? (
        <AnswerDialog
          opinion={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            setNotice(t('recidivism.opinions.answered'));
          }}
        />
      ) : null}
    </>
  );
}
