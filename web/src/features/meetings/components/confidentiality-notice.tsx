import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useAcknowledgeConfidentiality } from '../api/acknowledge-confidentiality.ts';
import '../../../lib/i18n/casework.bundle.ts';

/**
 * The duty of confidentiality of a 支援会議 (社会福祉法第106条の6第5項), shown to an invited
 * organisation before it may read the meeting's papers, with the 「確認しました」 button.
 */
export function ConfidentialityNotice({
  meetingId,
  onAcknowledged,
}: {
  meetingId: string;
  onAcknowledged: () => void;
}) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeConfidentiality();
  return (
    <section
      aria-labelledby="confidentiality-heading"
      className="flex flex-col gap-4 rounded-12 border-4 border-double border-warning-yellow-2 bg-yellow-50 p-6"
    >
      <h2 id="confidentiality-heading" className="text-std-22B-150 text-solid-gray-900">
        {t('meetingPage.confidentialityTitle')}
      </h2>
      <p>{t('meetingPage.confidentialityBody')}</p>
      <blockquote className="border-l-4 border-solid-gray-700 bg-white px-4 py-3 text-std-17B-170 text-solid-gray-900">
        {t('meetingPage.confidentialityLaw')}
      </blockquote>
      <p>{t('meetingPage.confidentialityAsk')}</p>
      <ProblemAlert error={acknowledge.error} />
      <div>
        <Button
          onClick={() => {
            if (acknowledge.isPending) return;
            // mutateAsync: the notice disappears with the acknowledgement, before a mutate callback.
            acknowledge.mutateAsync(meetingId).then(onAcknowledged, () => undefined);
          }}
          aria-disabled={acknowledge.isPending || undefined}
        >
          {t('meetingPage.acknowledge')}
        </Button>
      </div>
    </section>
  );
}
