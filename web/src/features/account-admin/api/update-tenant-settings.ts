import {
  type TenantSettings,
  type TenantSettingsUpdate,
  tenantSettingsSchema,
} from '../../../../../src/contract/accounts.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { useSavingMutation } from '../../../lib/refreshing-mutation.ts';
import { tenantSettingsQueryKey } from './tenant-settings.ts';

/** `PATCH /api/tenant-settings` */
export function updateTenantSettings(input: TenantSettingsUpdate): Promise<TenantSettings> {
  return apiRequest('PATCH', '/api/tenant-settings', { schema: tenantSettingsSchema, body: input });
}

export function useUpdateTenantSettings() {
  return useSavingMutation(updateTenantSettings, () => tenantSettingsQueryKey);
}
