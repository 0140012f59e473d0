import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilMeeting } from '../../../../../src/contract/council.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FileField } from '../../../components/ui/file-field.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { fileToBase64 } from '../../../lib/file-base64.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useAttachMaterial } from '../api/attach-material.ts';
import { materialUrl } from '../api/download-material.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

/** 資料: the meeting's attached materials (download) and, for the plan officer, attaching one. */
export function MeetingMaterials({ meeting }: { meeting: CouncilMeeting }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const inputId = useId();
  const attach = useAttachMaterial();
  const [file, setFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Section id="meeting-materials" title={t('recidivism.council.materials')}>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {meeting.attachments.length === 0 ? (
        <p>{t('recidivism.council.noMaterials')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {meeting.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-4">
              <a href={materialUrl(meeting.id, a.id)} download={a.fileName} className={textLinkClassName}>
                {a.fileName}
              </a>
              <span className="text-std-16N-170 text-solid-gray-700">
                {t('recidivism.council.materialSize', { size: Math.max(1, Math.round(a.sizeBytes / 1024)) })}
                {'　'}
                {t('recidivism.council.uploadedBy', {
                  name: a.uploadedBy.displayName,
                  at: formatDateTime(a.uploadedAt, language),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {meeting.abilities.attach ? (
        <form
          noValidate
          className="flex flex-col gap-4 print:hidden"
          onSubmit={(event) => {
            event.preventDefault();
            if (attach.isPending) return;
            if (!file) {
              setPickError(t('recidivism.import.chooseFirst'));
              return;
            }
            fileToBase64(file)
              .then((contentBase64) =>
                attach.mutate(
                  { meetingId: meeting.id, fileName: file.name, contentBase64 },
                  {
                    onSuccess: (saved) =>
                      setNotice(t('recidivism.council.attached', { name: saved.fileName })),
                  },
                ),
              )
              .catch(() => setPickError(t('recidivism.import.readFailed')));
          }}
        >
          <FileField
            id={inputId}
            label={t('recidivism.council.materialFile')}
            supportText={t('recidivism.council.materialSupport')}
            error={pickError}
            onPick={(picked) => {
              setPickError(null);
              setNotice(null);
              attach.reset();
              setFile(picked);
            }}
          />
          <ProblemAlert error={attach.error} />
          <div>
            <Button type="submit" variant="outline" aria-disabled={attach.isPending || undefined}>
              {attach.isPending ? t('recidivism.council.attaching') : t('recidivism.council.attach')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
