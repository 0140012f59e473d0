import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { setFlash } from '../../../lib/flash.ts';
import { useCreateConsultation } from '../api/create-consultation.ts';
import { ConsultationForm } from './consultation-form.tsx';
import '../../../lib/i18n/casework.bundle.ts';

/** 相談受付 (`/consultations/new`): the 相談受付・申込票 filled in at the counter. */
export function ConsultationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateConsultation();
  return (
    <>
      <PageHeading documentTitle={t('consultations.newTitle')} lead={t('consultations.newLead')}>
        {t('consultations.newHeading')}
      </PageHeading>
      <ConsultationForm
        submitting={create.isPending}
        error={create.error}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (saved) => {
              setFlash(t(`consultations.created.${saved.outcome}`));
              void navigate({ to: '/consultations/$consultationId', params: { consultationId: saved.id } });
            },
          })
        }
        cancel={<RouteLink to="/consultations">{t('common.backToList')}</RouteLink>}
      />
    </>
  );
}
