import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { CheckboxGroup } from '../../../components/ui/checkbox-group.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { useTenantSettings } from '../api/tenant-settings.ts';
import { useUpdateTenantSettings } from '../api/update-tenant-settings.ts';
import '../../../lib/i18n/account.bundle.ts';

/** 市の設定 (`/admin/settings`): account-security switches of the municipality. */
export function TenantSettingsPage() {
  const { t } = useTranslation();
  const settings = useTenantSettings();
  const update = useUpdateTenantSettings();
  const [required, setRequired] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setRequired(settings.data.totpRequiredForStaff);
  }, [settings.data]);

  return (
    <>
      <PageHeading documentTitle={t('accounts.settings.title')} lead={t('accounts.settings.lead')}>
        {t('accounts.settings.title')}
      </PageHeading>
      <QueryView query={settings}>
        {(_data) => (
          <form
            noValidate
            className="flex max-w-[48rem] flex-col gap-6"
            onSubmit={(event) => {
              event.preventDefault();
              if (update.isPending) return;
              setSaved(false);
              update.mutate({ totpRequiredForStaff: required }, { onSuccess: () => setSaved(true) });
            }}
          >
            {saved ? <Alert tone="success" title={t('accounts.settings.saved')} /> : null}
            <ProblemAlert error={update.error} />
            <CheckboxGroup
              legend={t('accounts.settings.securityLegend')}
              supportText={t('accounts.settings.totpSupport')}
            >
              <Checkbox
                id="settings-totp-required"
                label={t('accounts.settings.totpRequired')}
                checked={required}
                onChange={(event) => setRequired(event.target.checked)}
              />
            </CheckboxGroup>
            <div>
              <SubmitButton busy={update.isPending}>{t('common.save')}</SubmitButton>
            </div>
          </form>
        )}
      </QueryView>
    </>
  );
}
