import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useRetentionRules, useUpdateRetentionRules } from '../api/retention-rules.ts';
import { RetentionRulesForm } from './retention-rules-form.tsx';
import '../messages.ts';

/** 保存期間の設定 (`/admin/retention`): city IT or the coordinating section (retention.manage). */
export function RetentionSettingsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rules = useRetentionRules();
  const update = useUpdateRetentionRules();
  const [saved, setSaved] = useState(false);

  return (
    <>
      <PageHeading lead={t('retention.settings.lead')}>{t('retention.settings.title')}</PageHeading>
      <QueryView query={rules}>
        {(data) => (
          <div className="flex flex-col gap-6">
            {saved ? <Alert tone="success" title={t('retention.settings.saved')} /> : null}
            {data.isDefault ? (
              <Alert tone="info" live={false} title={t('retention.settings.isDefault')} />
            ) : data.updatedAt ? (
              <p className="text-std-16N-170 text-solid-gray-700">
                {t('retention.settings.lastUpdated', {
                  when: formatDateTime(data.updatedAt, language),
                  who: data.updatedBy ?? '',
                })}
              </p>
            ) : null}
            <RetentionRulesForm
              rules={{
                caseYears: data.caseYears,
                consultationYears: data.consultationYears,
                personYears: data.personYears,
              }}
              saving={update.isPending}
              error={update.error}
              onSubmit={(values) => {
                setSaved(false);
                update.mutate(values, { onSuccess: () => setSaved(true) });
              }}
            />
          </div>
        )}
      </QueryView>
    </>
  );
}
