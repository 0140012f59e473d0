import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import type { NextStepKind } from '../next-steps.ts';

/** Where each next step is done: a tab of the case, or the 担当職員 section of its overview. */
const targets: Record<
  NextStepKind,
  { tab?: 'assessment' | 'meetings' | 'plans' | 'monitoring'; hash?: string }
> = {
  assign: { hash: 'case-assignee' },
  assess: { tab: 'assessment' },
  meeting: { tab: 'meetings' },
  plan: { tab: 'plans' },
  monitor: { tab: 'monitoring' },
};

function StepLinks({ caseId, steps }: { caseId: string; steps: readonly NextStepKind[] }) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2">
      {steps.map((step) => {
        const target = targets[step];
        return (
          <li key={step}>
            <RouteLink
              to="/cases/$caseId"
              params={{ caseId }}
              search={target.tab ? { tab: target.tab } : {}}
              hash={target.hash}
              resetScroll={false}
              className="text-std-16B-170"
            >
              {t(`ui.next.step.${step}`)}
            </RouteLink>
          </li>
        );
      })}
    </ul>
  );
}

export type NextStepsProps = {
  caseId: string;
  steps: readonly NextStepKind[];
  /** The confirmation of the change just made (受理, 再開 …), shown with the steps under it. */
  confirmation: string | null;
};

/**
 * 「次にすること」: after a state change its confirmation with what comes next, and on any visit the
 * steps still open (担当職員 未設定, 課題整理 not started …), each a link to where it is done.
 */
export function NextSteps({ caseId, steps, confirmation }: NextStepsProps) {
  const { t } = useTranslation();
  if (confirmation) {
    return (
      <Alert tone="success" title={confirmation}>
        {steps.length > 0 ? (
          <div className="flex flex-col gap-2">
            <p>{t('ui.next.heading')}</p>
            <StepLinks caseId={caseId} steps={steps} />
          </div>
        ) : null}
      </Alert>
    );
  }
  if (steps.length === 0) return null;
  return (
    <Section
      id="case-next-steps"
      title={t('ui.next.heading')}
      size="small"
      className="flex flex-col gap-2 rounded-12 border border-blue-900 bg-blue-50 px-4 py-3 print:hidden"
    >
      <StepLinks caseId={caseId} steps={steps} />
    </Section>
  );
}
