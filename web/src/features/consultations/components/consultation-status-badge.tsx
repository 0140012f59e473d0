import { useTranslation } from 'react-i18next';
import type { ConsultationSummary } from '../../../../../src/contract/consultations.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import '../../../lib/i18n/casework.bundle.ts';

const tones: Record<ConsultationSummary['status'], BadgeTone> = {
  open: 'info',
  referred: 'warning',
  handedOver: 'warning',
  closed: 'muted',
};

/** 対応中 / つなぎ中 / 引継ぎ中 / 対応終了 */
export function ConsultationStatusBadge({ status }: { status: ConsultationSummary['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`consultations.status.${status}`)}</Badge>;
}
