import { useTranslation } from 'react-i18next';
import type { EasyReadPlan } from '../../../../../src/contract/forms.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { usePlans } from '../../cases/api/list-plans.ts';
import { useEasyReadPlan } from '../api/easy-read.ts';
import { FormDownloadButton } from './form-download-button.tsx';
import '../../../lib/i18n/forms.bundle.ts';

type Segments = EasyReadPlan['title'];

/** Text with ふりがな: <ruby> over the kanji the server marked, in the plan's large easy-read type. */
function Ruby({ segments }: { segments: Segments }) {
  return (
    <>
      {segments.map((s, i) =>
        s.ruby ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence
          <ruby key={i}>
            {s.text}
            <rp>（</rp>
            <rt className="text-[0.55em]">{s.ruby}</rt>
            <rp>）</rp>
          </ruby>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * わかりやすい支援プラン (`/cases/:caseId/easy-read`): the current plan as the person will read it,
 * in やさしい日本語 with ふりがな (plans.easyRead), and its PDF to print and hand over.
 */
export function EasyReadPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const plans = usePlans(caseId);
  const current = plans.data?.find((p) => p.status === 'approved') ?? plans.data?.[0];
  const easy = useEasyReadPlan(caseId, current?.id);
  const back = (
    <p className="print:hidden">
      <RouteLink to="/cases/$caseId" params={{ caseId }} search={{ tab: 'plans' }}>
        {t('forms.easyRead.back')}
      </RouteLink>
    </p>
  );
  if (plans.isPending || (current && easy.isPending)) {
    return (
      <>
        <PageHeading>{t('forms.easyRead.title')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (plans.isError || easy.isError) {
    return (
      <>
        <PageHeading>{t('forms.easyRead.title')}</PageHeading>
        <QueryError
          error={plans.error ?? easy.error}
          onRetry={() => void (plans.isError ? plans.refetch() : easy.refetch())}
        />
      </>
    );
  }
  if (!current || !easy.data) {
    return (
      <>
        <PageHeading>{t('forms.easyRead.title')}</PageHeading>
        <div className="flex flex-col gap-6">
          <p>{t('forms.easyRead.none')}</p>
          {back}
        </div>
      </>
    );
  }
  const plan = easy.data;
  return (
    <>
      <PageHeading
        lead={t('forms.easyRead.lead')}
        actions={
          <FormDownloadButton
            href={`/api/plans/${encodeURIComponent(plan.planId)}/easy-read?format=pdf`}
            label={t('forms.easyRead.pdf')}
            fallbackName="easy-read.pdf"
            variant="solid-fill"
          />
        }
      >
        {t('forms.easyRead.title')}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {back}
        <article
          aria-label={t('forms.easyRead.preview')}
          lang="ja"
          className="flex max-w-[48rem] flex-col gap-8 rounded-12 border border-solid-gray-420 bg-white p-8 text-[1.375rem] leading-[2.4]"
        >
          <h2 className="text-[1.75rem] font-bold leading-[2.2]">
            <Ruby segments={plan.title} />
          </h2>
          {plan.sections.map((section, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sections are a fixed sequence
            <section key={i} className="flex flex-col gap-3">
              <h3 className="text-[1.5rem] font-bold">
                <Ruby segments={section.heading} />
              </h3>
              {section.blocks.map((block, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed sequence
                <div key={j} className="flex flex-col gap-1">
                  {block.heading ? (
                    <h4 className="font-bold">
                      <Ruby segments={block.heading} />
                    </h4>
                  ) : null}
                  <ul className="list-disc pl-8">
                    {block.sentences.map((sentence, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: sentences are a fixed sequence
                      <li key={k}>
                        <Ruby segments={sentence} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </article>
      </div>
    </>
  );
}
