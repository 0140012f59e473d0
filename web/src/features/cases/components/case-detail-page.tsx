import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../src/contract/cases.ts';
import { isOpenStage } from '../../../../../src/domain/caseStage.ts';
import * as clock from '../../../../../src/domain/clock.ts';
import { PrivateRecordPage } from '../../../components/private-record-page.tsx';
import { DateText } from '../../../components/ui/date-text.tsx';
import { DueDateText, DueStatusBadge } from '../../../components/ui/due-date.tsx';
import { FactStrip } from '../../../components/ui/fact-strip.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { useFlash } from '../../../lib/flash.ts';
import { CaseFormsSection } from '../../forms/components/case-forms-section.tsx';
import { OutreachPanel } from '../../participation/components/outreach-panel.tsx';
import { PlacementsPanel } from '../../participation/components/placements-panel.tsx';
import { SensitiveFactsPanel } from '../../sensitive-facts/components/sensitive-facts-panel.tsx';
import { useCase } from '../api/get-case.ts';
import { type CaseTab, caseTabs } from '../case-tabs.ts';
import { nextStepsOf } from '../next-steps.ts';
import { AssessmentPanel } from './assessment-panel.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseOverview } from './case-overview.tsx';
import { CaseStageBadge } from './case-stage-badge.tsx';
import { ConsentsPanel } from './consents-panel.tsx';
import { MeetingsPanel } from './meetings-panel.tsx';
import { MonitoringPanel } from './monitoring-panel.tsx';
import { NextSteps } from './next-steps.tsx';
import { PlansPanel } from './plans-panel.tsx';
import { SupportReportsPanel } from './support-reports-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import '../../../lib/i18n/casework.bundle.ts';
import '../../../lib/i18n/codes.bundle.ts';

export type CaseDetailPageProps = {
  caseId: string;
  tab: CaseTab;
  onTabChange: (tab: CaseTab) => void;
};

function BackToList() {
  const { t } = useTranslation();
  return (
    <p>
      <RouteLink to="/cases">{t('cases.backToList')}</RouteLink>
    </p>
  );
}

/** 事例詳細 (`/cases/:caseId`): header, 終結・中断・再開, and the case's records in tabs. */
export function CaseDetailPage({ caseId, tab, onTabChange }: CaseDetailPageProps) {
  const { t } = useTranslation();
  const kase = useCase(caseId);

  return (
    <PrivateRecordPage query={kase} heading={t('cases.detailTitle')} back={<BackToList />}>
      {(record) => <CaseDetailView kase={record} tab={tab} onTabChange={onTabChange} />}
    </PrivateRecordPage>
  );
}

function CaseDetailView({
  kase,
  tab,
  onTabChange,
}: {
  kase: CaseDetail;
  tab: CaseTab;
  onTabChange: (tab: CaseTab) => void;
}) {
  const { t } = useTranslation();
  const accepted = useFlash();
  const [notice, setNotice] = useState<string | null>(null);
  const today = clock.today();
  const person = kase.persons.find((p) => p.isPrimary) ?? kase.persons[0];
  const heading = t('cases.detailHeading', { caseNumber: kase.caseNumber, name: person?.name ?? '' });

  const panel = (() => {
    switch (tab) {
      case 'overview':
        return <CaseOverview kase={kase} />;
      case 'assessment':
        return <AssessmentPanel kase={kase} />;
      case 'consents':
        return <ConsentsPanel kase={kase} />;
      case 'meetings':
        return <MeetingsPanel kase={kase} onGoToConsents={() => onTabChange('consents')} />;
      case 'plans':
        return <PlansPanel kase={kase} />;
      case 'reports':
        return <SupportReportsPanel caseId={kase.id} />;
      case 'monitoring':
        return <MonitoringPanel kase={kase} onGoToPlans={() => onTabChange('plans')} />;
      case 'participation':
        return <PlacementsPanel kase={kase} />;
      case 'outreach':
        return <OutreachPanel target={{ caseId: kase.id }} />;
      case 'timeline':
        return <TimelinePanel kase={kase} />;
      case 'sensitive':
        return (
          <SensitiveFactsPanel
            of={{ caseId: kase.id, persons: kase.persons.map((p) => ({ id: p.id, name: p.name })) }}
          />
        );
      default: {
        const unknown: never = tab;
        return unknown;
      }
    }
  })();

  return (
    <>
      <PageHeading
        documentTitle={`${t('cases.detailTitle')} ${kase.caseNumber}`}
        actions={<CaseActions kase={kase} onDone={setNotice} />}
      >
        {heading}
      </PageHeading>
      <div className="flex flex-col gap-8">
        <NextSteps caseId={kase.id} steps={nextStepsOf(kase, today)} confirmation={notice ?? accepted} />
        <FactStrip
          label={t('cases.summary')}
          empty={t('common.none')}
          sticky
          facts={[
            { term: t('cases.caseNumber'), value: kase.caseNumber },
            {
              term: t('cases.person'),
              value: person ? (
                <span className="flex flex-wrap gap-x-2">
                  <span className="break-keep text-std-16B-170">{person.name}</span>
                  <span className="break-keep text-solid-gray-700">{person.kana}</span>
                </span>
              ) : null,
            },
            {
              term: t('cases.stage'),
              value: <CaseStageBadge stage={kase.stage} />,
            },
            // Once coordination has ended there is no next monitoring to show.
            ...(isOpenStage(kase.stage)
              ? [
                  {
                    term: t('cases.nextMonitoringOn'),
                    value:
                      kase.nextMonitoringOn && kase.nextMonitoringDueOn ? (
                        <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
                          <DueDateText
                            due={{ nominalOn: kase.nextMonitoringOn, dueOn: kase.nextMonitoringDueOn }}
                          />
                          <DueStatusBadge dueOn={kase.nextMonitoringDueOn} today={today} />
                        </span>
                      ) : null,
                  },
                ]
              : []),
            {
              term: t('cases.assignee.column'),
              value: (
                <span className="break-keep">{kase.assignedUser?.name ?? t('cases.assignee.none')}</span>
              ),
            },
            { term: t('cases.acceptedOn'), value: <DateText value={kase.acceptedOn} withGregorian /> },
            { term: t('cases.coordinatingOrganization'), value: kase.coordinatingOrganization.name },
            ...(kase.leadOrganization
              ? [{ term: t('cases.leadOrganization'), value: kase.leadOrganization.name }]
              : []),
            ...(kase.closedOn
              ? [
                  { term: t('cases.closedOn'), value: <DateText value={kase.closedOn} withGregorian /> },
                  {
                    term: t('cases.closureReason'),
                    value: kase.closureReason ? t(`codes.closureReason.${kase.closureReason}`) : null,
                  },
                  { term: t('cases.closureEvaluation'), value: kase.closureEvaluation, wide: true },
                ]
              : []),
          ]}
        />
        <Tabs
          label={t('cases.tabsLabel')}
          idPrefix="case"
          tabs={caseTabs.map((key) => ({ key, label: t(`cases.tab.${key}`) }))}
          selected={tab}
          onSelect={onTabChange}
        >
          {panel}
        </Tabs>
        {/* The sheets are printed now and then: below the records, so the tabs follow the header. */}
        <CaseFormsSection kase={kase} />
      </div>
    </>
  );
}
