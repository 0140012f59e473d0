import { useRouterState } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Options, SelectField } from '../../../components/ui/select-field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useAssignableUsers, useAssignCase } from '../api/assign-case.ts';
import '../../../lib/i18n/casework.bundle.ts';

/**
 * 担当職員: the worker carrying the case. The coordinating section (abilities.assign) chooses one
 * of the active staff of the organisations taking part in the case, or clears it.
 */
export function CaseAssignee({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const canAssign = kase.abilities.assign;
  const options = useAssignableUsers(kase.id, canAssign);
  const assign = useAssignCase();
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const selected = choice ?? kase.assignedUser?.id ?? '';
  // 「担当職員を設定」 (next steps) links here with #case-assignee: take the reader to the choice.
  const hash = useRouterState({ select: (state) => state.location.hash });
  const selectRef = useRef<HTMLSelectElement>(null);
  const optionsReady = options.isSuccess;
  useEffect(() => {
    if (hash !== 'case-assignee' || !optionsReady) return;
    selectRef.current?.scrollIntoView({ block: 'center' });
    selectRef.current?.focus();
  }, [hash, optionsReady]);
  const fieldError =
    assign.error instanceof ApiError
      ? assign.error.problem.errors?.find((e) => e.field === 'userId')?.message
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { caseId: kase.id, input: { userId: selected === '' ? null : selected } },
      { onSuccess: () => setChoice(undefined) },
    );
  };

  return (
    <Section id="case-assignee" title={t('cases.assignee.heading')}>
      <p data-testid="case-assignee-name">{kase.assignedUser?.name ?? t('cases.assignee.none')}</p>
      {canAssign ? (
        options.isPending ? (
          <p>{t('cases.assignee.loadingOptions')}</p>
        ) : options.isError ? (
          <Alert tone="error" title={problemMessage(options.error, t)} />
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4 print:hidden" noValidate>
            {assign.isError && !fieldError ? (
              <Alert tone="error" title={problemMessage(assign.error, t)} />
            ) : null}
            {assign.isSuccess && choice === undefined ? (
              <Alert tone="success" title={t('cases.assignee.saved')} />
            ) : null}
            <SelectField
              ref={selectRef}
              label={t('cases.assignee.select')}
              supportText={t('cases.assignee.selectSupport')}
              error={fieldError}
              name="userId"
              value={selected}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('cases.assignee.unassigned')}</option>
              <Options
                items={options.data.items}
                value={(user) => user.id}
                label={(user) =>
                  t('cases.assignee.option', { name: user.name, organization: user.organization.name })
                }
              />
            </SelectField>
            <div>
              <Button type="submit" variant="solid-fill" disabled={assign.isPending}>
                {t('cases.assignee.save')}
              </Button>
            </div>
          </form>
        )
      ) : null}
    </Section>
  );
}
