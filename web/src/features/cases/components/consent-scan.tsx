import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_SCAN_MAX_BYTES,
  type Consent,
  consentScanMediaTypes,
} from '../../../../../src/contract/consents.ts';
import { textLinkClassName } from '../../../components/ui/text-link.ts';
import { fileToBase64 } from '../../../lib/file-base64.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { consentScanUrl, useAttachConsentScan } from '../api/attach-consent-scan.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** 同意書のスキャン: a download link when one is attached, and a file picker for those who may attach. */
export function ConsentScan({ caseId, consent }: { caseId: string; consent: Consent }) {
  const { t } = useTranslation();
  const attach = useAttachConsentScan(caseId);
  const inputId = `scan-${useId()}`;
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? (attach.error ? problemMessage(attach.error, t) : null);
  const upload = async (file: File) => {
    setLocalError(null);
    attach.reset();
    const mediaType = consentScanMediaTypes.find((type) => type === file.type);
    if (!mediaType) return setLocalError(t('consentWithdrawal.scanType'));
    if (file.size > CONSENT_SCAN_MAX_BYTES) return setLocalError(t('consentWithdrawal.scanSize'));
    const contentBase64 = await fileToBase64(file);
    await attach
      .mutateAsync({ consentId: consent.id, input: { filename: file.name, mediaType, contentBase64 } })
      .catch(() => undefined);
  };
  return (
    <div className="flex flex-col gap-2">
      {consent.scan ? (
        <a href={consentScanUrl(consent.id)} className={textLinkClassName} download={consent.scan.filename}>
          {t('consentWithdrawal.download', { filename: consent.scan.filename })}
        </a>
      ) : (
        <span className="text-solid-gray-700">{t('consentWithdrawal.noScan')}</span>
      )}
      {consent.abilities.attachScan ? (
        <div className="flex flex-col gap-1 print:hidden">
          <label htmlFor={inputId} className="text-std-16B-170">
            {consent.scan ? t('consentWithdrawal.replaceScan') : t('consentWithdrawal.attachScan')}
          </label>
          <span id={`${inputId}-support`} className="text-std-16N-170 text-solid-gray-700">
            {t('consentWithdrawal.scanSupport')}
          </span>
          <input
            id={inputId}
            type="file"
            accept={consentScanMediaTypes.join(',')}
            aria-describedby={`${inputId}-support${error ? ` ${inputId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            disabled={attach.isPending}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void upload(file);
              event.currentTarget.value = '';
            }}
          />
          {attach.isPending ? <span role="status">{t('consentWithdrawal.uploading')}</span> : null}
          {attach.isSuccess ? <span role="status">{t('consentWithdrawal.uploaded')}</span> : null}
          {error ? (
            <span id={`${inputId}-error`} className="text-error-1" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
