import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passwordSchema, type User, userUpdateSchema } from '../../../../../src/contract/users.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { FormErrorSummary } from '../../../components/ui/error-summary.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { SubmitButton } from '../../../components/ui/submit-button.tsx';
import { useServerCheckedForm } from '../../../lib/form-errors.ts';
import { useFieldWiring } from '../../../lib/form-fields.ts';
import { useGoWithFlash } from '../../../lib/go-with-flash.ts';
import { useUser } from '../api/list-users.ts';
import { type UserUpdate, useUpdateUser } from '../api/update-user.ts';
import { MustChangePasswordChoice, UserProfileFields } from './user-profile-fields.tsx';
import '../../../lib/i18n/admin.bundle.ts';
import '../../../lib/i18n/account.bundle.ts';

/** The contract's update schema, except that an empty password box means "keep the password". */
const userEditSchema = userUpdateSchema.extend({
  password: z.union([passwordSchema, z.literal('')]).optional(),
});
type UserEditValues = z.input<typeof userEditSchema>;
type UserEditOutput = z.output<typeof userEditSchema>;

const fields: readonly FieldPath<UserEditValues>[] = [
  'displayName',
  'organizationId',
  'roles',
  'password',
  'mustChangePassword',
];

function BackLink() {
  const { t } = useTranslation();
  return <RouteLink to="/admin/users">{t('common.backToList')}</RouteLink>;
}

/** ユーザーの編集 (`/admin/users/:userId`). */
export function UserEditPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const user = useUser(userId);

  if (user.isPending || user.isError || !user.data) {
    return (
      <>
        <PageHeading>{t('users.editTitle')}</PageHeading>
        <QueryView query={user}>
          {(_data) => (
            <div className="flex flex-col gap-6">
              <Alert tone="error" title={t('users.notFound')} />
              <BackLink />
            </div>
          )}
        </QueryView>
      </>
    );
  }
  return <UserEditor user={user.data} />;
}

function UserEditor({ user }: { user: User }) {
  const { t } = useTranslation();
  const goWithFlash = useGoWithFlash();
  const update = useUpdateUser();
  const form = useServerCheckedForm<UserEditValues, UserEditOutput>({
    resolver: zodResolver(userEditSchema),
    defaultValues: {
      displayName: user.displayName,
      organizationId: user.organization.id,
      roles: [...user.roles],
      password: '',
      mustChangePassword: user.mustChangePassword,
    },
    serverError: update.error,
    serverFields: fields,
  });
  const {
    register,
    handleSubmit,
    formState: { dirtyFields },
    unplaced,
    invalid,
    registerField,
  } = form;
  const field = useFieldWiring(registerField, { idPrefix: 'user', textPrefix: 'users' });

  const finish = (name: string) => {
    goWithFlash(t('users.updated', { name }), { to: '/admin/users' });
  };

  const submit = handleSubmit((values) => {
    if (update.isPending) return;
    const changes: UserUpdate = {};
    if (dirtyFields.displayName) changes.displayName = values.displayName;
    if (dirtyFields.organizationId) changes.organizationId = values.organizationId;
    if (dirtyFields.roles) changes.roles = values.roles;
    if (values.password) changes.password = values.password;
    if (dirtyFields.mustChangePassword) changes.mustChangePassword = values.mustChangePassword;
    if (Object.keys(changes).length === 0) {
      finish(user.displayName);
      return;
    }
    update.mutate({ id: user.id, changes }, { onSuccess: (saved) => finish(saved.displayName) });
  });

  return (
    <>
      <PageHeading documentTitle={t('users.editTitle')}>
        {t('users.editHeading', { name: user.displayName })}
      </PageHeading>
      <div className="flex flex-col gap-6">
        {user.disabledAt ? <Alert tone="info" live={false} title={t('users.disabledNotice')} /> : null}
        {user.abilities.resetPassword || user.abilities.unlock ? (
          <RouteLink to="/admin/users/$userId/security" params={{ userId: user.id }}>
            {t('accounts.userSecurity.link')}
          </RouteLink>
        ) : null}
        {!user.abilities.update ? (
          <>
            <Alert tone="warning" live={false} title={t('users.cannotEdit')} />
            <BackLink />
          </>
        ) : (
          <form noValidate onSubmit={submit} className="flex max-w-[48rem] flex-col gap-8">
            <FormErrorSummary error={update.error} unplaced={unplaced} invalid={invalid} />
            <dl className="flex flex-col gap-1">
              <dt className="text-std-17B-170 text-solid-gray-800">{t('users.loginId')}</dt>
              <dd className="font-mono text-std-16N-170">{user.loginId}</dd>
            </dl>
            <UserProfileFields form={form} currentOrganization={user.organization} />
            <PasswordField
              {...field('password', { text: 'newPassword', support: 'newPasswordSupport' })}
              purpose="new"
            />
            <MustChangePasswordChoice registration={register('mustChangePassword')} />
            <div className="flex flex-wrap items-center gap-6">
              <SubmitButton busy={update.isPending}>{t('common.save')}</SubmitButton>
              <BackLink />
            </div>
          </form>
        )}
      </div>
    </>
  );
}
