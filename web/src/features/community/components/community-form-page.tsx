import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityActivity } from '../../../../../src/contract/community.ts';
import { communityActivityKinds } from '../../../../../src/domain/resources/community.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { MessageOptions } from '../../../components/ui/message-options.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { NamedOptions, SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useResources } from '../../resources/api/list-resources.ts';
import { useCommunityActivity, useSaveCommunityActivity } from '../api/community.ts';
import { fieldErrorsOf } from './problem-fields.ts';
import '../../../lib/i18n/resources.bundle.ts';

interface Values {
  name: string;
  kind: string;
  resourceId: string;
  placeName: string;
  schoolDistrict: string;
  district: string;
  organizer: string;
  note: string;
  active: boolean;
}

const empty: Values = {
  name: '',
  kind: 'salon',
  resourceId: '',
  placeName: '',
  schoolDistrict: '',
  district: '',
  organizer: '',
  note: '',
  active: true,
};

const valuesOf = (a: CommunityActivity): Values => ({
  name: a.name,
  kind: a.kind,
  resourceId: a.resource?.id ?? '',
  placeName: a.placeName,
  schoolDistrict: a.schoolDistrict ?? '',
  district: a.district ?? '',
  organizer: a.organizer ?? '',
  note: a.note ?? '',
  active: a.active,
});

function CommunityForm({ activity }: { activity?: CommunityActivity }) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const save = useSaveCommunityActivity();
  const resources = useResources({});
  const [values, setValues] = useState<Values>(activity ? valuesOf(activity) : empty);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const errors = fieldErrorsOf(save.error);
  /** A text field bound to its value, its change and the server's message for it. */
  const field = (key: Exclude<keyof Values, 'active'>) => ({
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => set({ [key]: e.currentTarget.value }),
  });
  const wire = useFieldWiring(field, { idPrefix: 'community', textPrefix: 'resources.community' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(
      {
        id: activity?.id,
        body: {
          name: values.name,
          kind: values.kind as CommunityActivity['kind'],
          resourceId: values.resourceId || null,
          placeName: values.placeName || null,
          schoolDistrict: values.schoolDistrict || null,
          district: values.district || null,
          organizer: values.organizer || null,
          note: values.note || null,
          active: values.active,
        },
      },
      {
        onSuccess: (saved) => {
          goWithFlash(
            t(activity ? 'resources.community.updated' : 'resources.community.created', { name: saved.name }),
            { to: '/community/$activityId', params: { activityId: saved.id } },
          );
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={submit} className="flex max-w-[48rem] flex-col gap-6">
      <ProblemAlert error={save.error} />
      <TextField {...wire('name')} required />
      <SelectField {...wire('kind')} required>
        <MessageOptions codes={communityActivityKinds} textPrefix="resources.community.kinds" />
      </SelectField>
      <SelectField {...wire('resourceId', { text: 'resource', support: 'resourceSupport' })}>
        <option value="">{t('resources.community.noResource')}</option>
        <NamedOptions items={resources.data?.items ?? []} />
      </SelectField>
      <TextField {...wire('placeName', { id: 'community-place', support: 'placeNameSupport' })} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField {...wire('schoolDistrict')} />
        <TextField {...wire('district')} />
      </div>
      <TextField {...wire('organizer')} />
      <TextareaField {...wire('note')} />
      {activity ? (
        <Checkbox
          id="community-active"
          label={t('resources.community.active')}
          checked={values.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" variant="solid-fill">
          {save.isPending ? t('resources.form.saving') : t('resources.form.save')}
        </Button>
        <RouteLink to="/community">{t('resources.community.backToList')}</RouteLink>
      </div>
    </form>
  );
}

/** 地域づくり活動の登録 */
export function CommunityCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t('resources.community.formLead')}>
        {t('resources.community.createHeading')}
      </PageHeading>
      <CommunityForm />
    </>
  );
}

/** 地域づくり活動の編集 */
export function CommunityEditPage({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const activity = useCommunityActivity(activityId);
  return (
    <>
      <PageHeading lead={t('resources.community.formLead')}>
        {t('resources.community.editHeading')}
      </PageHeading>
      {activity.isPending ? (
        <Loading />
      ) : activity.isError ? (
        <QueryError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <CommunityForm activity={activity.data} />
      )}
    </>
  );
}
