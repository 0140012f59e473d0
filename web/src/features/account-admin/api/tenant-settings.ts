import { useQuery } from '@tanstack/react-query';
import { type TenantSettings, tenantSettingsSchema } from '../../../../../src/contract/accounts.ts';
import { getJson } from '../../../lib/api-client.ts';

export const tenantSettingsQueryKey = ['tenantSettings'] as const;

/** `GET /api/tenant-settings` */
export function getTenantSettings(signal?: AbortSignal): Promise<TenantSettings> {
  return getJson('/api/tenant-settings', tenantSettingsSchema, signal);
}

export function useTenantSettings() {
  return useQuery({ queryKey: tenantSettingsQueryKey, queryFn: ({ signal }) => getTenantSettings(signal) });
}
