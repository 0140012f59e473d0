import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type UserInput, userInputSchema } from '../../../../../src/contract/users.ts';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useCreateUser } from '../api/create-user.ts';
import { MustChangePasswordChoice, UserProfileFields } from './user-profile-fields.tsx';
import '../../../lib/i18n/admin.bundle.ts';

const fields: readonly FieldPath<UserInput>[] = [
  'loginId',
  'displayName',
  'organizationId',
  'roles',
  'password',
  'mustChangePassword',
];

/** ユーザーの登録 (`/admin/users/new`). */
export function UserCreatePage() {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const create = useCreateUser();
  const form = useServerCheckedForm<UserInput, z.output<typeof userInputSchema>>({
    resolver: zodResolver(userInputSchema),
    defaultValues: {
      loginId: '',
      displayName: '',
      organizationId: '',
      roles: [],
      password: '',
      mustChangePassword: false,
    },
    serverError: create.error,
    serverFields: fields,
    serverConflict: { problem: 'conflict.loginIdTaken', field: 'loginId' },
  });
  const { register, handleSubmit, unplaced, invalid, registerField } = form;
  const field = useFieldWiring(registerField, { idPrefix: 'user', textPrefix: 'users' });

  const submit = handleSubmit((values) => {
    if (create.isPending) return;
    create.mutate(values, {
      onSuccess: (saved) => {
        goWithFlash(t('users.created', { name: saved.displayName }), { to: '/admin/users' });
      },
    });
  });

  return (
    <>
      <PageHeading documentTitle={t('users.createTitle')}>{t('users.createHeading')}</PageHeading>
      <form noValidate onSubmit={submit} className="flex max-w-[48rem] flex-col gap-8">
        <FormErrorSummary error={create.error} unplaced={unplaced} invalid={invalid} />
        <TextField
          {...field('loginId', { support: 'loginIdSupport' })}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <UserProfileFields form={form} />
        <PasswordField {...field('password', { support: 'passwordSupport' })} purpose="new" required />
        <MustChangePasswordChoice registration={register('mustChangePassword')} />
        <div className="flex flex-wrap items-center gap-6">
          <SubmitButton busy={create.isPending}>{t('users.create')}</SubmitButton>
          <RouteLink to="/admin/users">{t('common.backToList')}</RouteLink>
        </div>
      </form>
    </>
  );
}
