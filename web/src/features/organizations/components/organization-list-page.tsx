import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../../src/contract/organizations.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button, buttonClassName } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Td, Th } from '../../../components/ui/table.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { useFlash } from '../../../lib/flash.ts';
import { useCan } from '../../../lib/me-context.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDisableOrganization } from '../api/disable-organization.ts';
import { useEnableOrganization } from '../api/enable-organization.ts';
import { useOrganizations } from '../api/list-organizations.ts';

export type OrganizationListPageProps = {
  includeDisabled: boolean;
  onIncludeDisabledChange: (includeDisabled: boolean) => void;
};

type PendingToggle = { organization: Organization; action: 'disable' | 'enable' };

/** 組織管理: the organisations table, with register / edit / disable / enable as the server allows. */
export function OrganizationListPage({
  includeDisabled,
  onIncludeDisabledChange,
}: OrganizationListPageProps) {
  const { t } = useTranslation();
  const canManage = useCan('organization.manage');
  const flash = useFlash();
  const organizations = useOrganizations({ includeDisabled });
  const disable = useDisableOrganization();
  const enable = useEnableOrganization();
  const [pending, setPending] = useState<PendingToggle | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = pending?.action === 'enable' ? enable : disable;

  const closeDialog = () => {
    setPending(null);
    disable.reset();
    enable.reset();
  };

  const confirmToggle = () => {
    if (!pending) return;
    const { organization, action } = pending;
    toggle.mutate(organization.id, {
      onSuccess: (saved) => {
        setDone(
          action === 'disable'
            ? t('organizations.disabledDone', { name: saved.name })
            : t('organizations.enabledDone', { name: saved.name }),
        );
        setPending(null);
      },
    });
  };

  const message = done ?? flash;

  return (
    <>
      <PageHeading
        lead={t('organizations.lead')}
        actions={
          canManage ? (
            <Link to="/admin/organizations/new" className={buttonClassName('solid-fill', 'md')}>
              {t('organizations.create')}
            </Link>
          ) : null
        }
      >
        {t('organizations.heading')}
      </PageHeading>

      <div className="flex flex-col gap-6">
        {message ? <Alert tone="success" title={message} /> : null}

        <Checkbox
          id="organizations-include-disabled"
          label={t('organizations.includeDisabled')}
          checked={includeDisabled}
          onChange={(event) => onIncludeDisabledChange(event.currentTarget.checked)}
        />

        <QueryView query={organizations}>
          {(data) => (
            <DataTable
              caption={t('organizations.tableCaption')}
              captionDetail={t('common.itemCount', { count: data.length })}
              columns={[
                t('organizations.name'),
                t('organizations.kind'),
                t('organizations.flags'),
                t('organizations.status'),
                t('common.actions'),
              ]}
              rows={data}
              empty={t('organizations.empty')}
            >
              {(organization) => (
                <tr
                  key={organization.id}
                  className={organization.disabledAt ? 'bg-solid-gray-50' : undefined}
                >
                  <Th scope="row">
                    <span className="block text-std-16B-170">{organization.name}</span>
                    {organization.nameKana ? (
                      <span className="block text-std-16N-170 text-solid-gray-700">
                        {organization.nameKana}
                      </span>
                    ) : null}
                  </Th>
                  <Td className="whitespace-nowrap">{t(`organizationKind.${organization.kind}`)}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-2">
                      {organization.isCoordinatingSection ? (
                        <Badge tone="info">{t('organizationFlag.isCoordinatingSection')}</Badge>
                      ) : null}
                      {organization.isCouncilMember ? (
                        <Badge tone="info">{t('organizationFlag.isCouncilMember')}</Badge>
                      ) : null}
                    </span>
                  </Td>
                  <Td>
                    {organization.disabledAt ? (
                      <Badge tone="muted">{t('common.disabled')}</Badge>
                    ) : (
                      <Badge tone="success">{t('common.enabled')}</Badge>
                    )}
                  </Td>
                  <Td>
                    <span className="flex items-center gap-4 whitespace-nowrap">
                      {organization.abilities.update ? (
                        <Link
                          to="/admin/organizations/$organizationId"
                          params={{ organizationId: organization.id }}
                          className={textLinkClassName}
                          aria-label={t('common.actionFor', {
                            action: t('common.edit'),
                            name: organization.name,
                          })}
                        >
                          {t('common.edit')}
                        </Link>
                      ) : null}
                      {organization.abilities.disable ? (
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={t('common.actionFor', {
                            action: organization.disabledAt ? t('common.enable') : t('common.disable'),
                            name: organization.name,
                          })}
                          onClick={() => {
                            setDone(null);
                            setPending({
                              organization,
                              action: organization.disabledAt ? 'enable' : 'disable',
                            });
                          }}
                        >
                          {organization.disabledAt ? t('common.enable') : t('common.disable')}
                        </Button>
                      ) : null}
                    </span>
                  </Td>
                </tr>
              )}
            </DataTable>
          )}
        </QueryView>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.action === 'enable' ? t('organizations.enableTitle') : t('organizations.disableTitle')
        }
        confirmLabel={pending?.action === 'enable' ? t('common.enable') : t('common.disable')}
        cancelLabel={t('common.cancel')}
        busy={toggle.isPending}
        error={toggle.isError ? <Alert tone="error" title={problemMessage(toggle.error, t)} /> : null}
        onConfirm={confirmToggle}
        onCancel={closeDialog}
      >
        <p>
          {pending
            ? pending.action === 'enable'
              ? t('organizations.enableBody', { name: pending.organization.name })
              : t('organizations.disableBody', { name: pending.organization.name })
            : null}
        </p>
      </ConfirmDialog>
    </>
  );
}
