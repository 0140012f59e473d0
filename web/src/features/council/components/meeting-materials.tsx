import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilMeeting } from '../../../../../src/contract/council.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorText, FieldLabel, SupportText } from '../../../components/ui/form-control.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatDateTime } from '../../../lib/wareki.ts';
import { useAttachMaterial } from '../api/attach-material.ts';
import { materialUrl } from '../api/download-material.ts';
import '../../../lib/i18n/recidivism.bundle.ts';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

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
            readBase64(file)
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
          <div className="flex flex-col gap-2">
            <FieldLabel htmlFor={inputId}>{t('recidivism.council.materialFile')}</FieldLabel>
            <SupportText id={`${inputId}-support`}>{t('recidivism.council.materialSupport')}</SupportText>
            <input
              id={inputId}
              type="file"
              aria-describedby={`${inputId}-support${pickError ? ` ${inputId}-error` : ''}`}
              aria-invalid={pickError ? true : undefined}
              className="w-full max-w-[40rem] rounded-8 border border-solid-gray-600 bg-white p-3 text-std-16N-170"
              onChange={(event) => {
                setPickError(null);
                setNotice(null);
                attach.reset();
                setFile(event.currentTarget.files?.[0] ?? null);
              }}
            />
            {pickError ? <ErrorText id={`${inputId}-error`}>{pickError}</ErrorText> : null}
          </div>
          {attach.error ? <Alert tone="error" title={problemMessage(attach.error, t)} /> : null}
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
