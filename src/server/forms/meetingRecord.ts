import type { Content } from 'pdfmake/interfaces';
import type { Meeting } from '../../contract/meetings.ts';
import { labelOf, legalBases } from '../../domain/codeLists.ts';
import { approvalBoxes, fields, grid, heading, textBlock, warekiDateTime } from './formLayout.ts';

export function meetingFormName(meeting: Meeting): string {
  return `様式6 ${meeting.kind.name}記録`;
}

const withheldText = {
  acknowledgementRequired: '（守秘義務の確認前のため、議題・議事・決定事項は印刷されません）',
  notMember: '（この会議の構成員でないため、議題・議事・決定事項は印刷されません）',
} as const;

/**
 * 支援会議 / 重層的支援会議 記録: the meeting, the organisations invited with who attended (and,
 * for a 支援会議, when each acknowledged the statutory duty of confidentiality and who did), and
 * the agenda, minutes and decisions — withheld exactly as the screen withholds them.
 */
export function meetingRecord(meeting: Meeting): Content[] {
  const statutory = meeting.legalBasis === 'article106_6';
  const headers = statutory
    ? ['機関', '出席者', '代理出席', '出欠', '守秘義務の確認（日時・確認者）']
    : ['機関', '出席者', '代理出席', '出欠'];
  const widths = statutory ? ['*', 70, 60, 34, 150] : ['*', 90, 80, 40];
  const papers = meeting.withheld ? withheldText[meeting.withheld] : null;
  return [
    approvalBoxes([{ role: '記録者', name: meeting.createdBy.name }, { role: '係長' }, { role: '課長' }]),
    fields([
      ['会議', meeting.kind.name],
      ['根拠', labelOf(legalBases, meeting.legalBasis)],
      ['件名', meeting.title],
      ['事例番号', meeting.case.caseNumber],
      ['予定日時', warekiDateTime(meeting.scheduledAt)],
      ['開催日時', meeting.heldAt ? warekiDateTime(meeting.heldAt) : '（未開催）'],
      ['場所', meeting.place ?? ''],
      ['対象者', meeting.case.personName],
    ]),
    ...(statutory
      ? [
          {
            text: '本会議の構成員は、社会福祉法第106条の6第5項により、会議で知り得た秘密を漏らしてはなりません（罰則あり）。',
            style: 'small',
            margin: [0, 0, 0, 4],
          } as Content,
        ]
      : []),
    heading('出席機関'),
    grid(
      headers,
      widths,
      meeting.invitations.map((i) => [
        { text: i.organization.name },
        { text: i.attendeeName ?? '' },
        { text: i.deputyName ?? '' },
        { text: i.attended === null ? '' : i.attended ? '出席' : '欠席', alignment: 'center' },
        ...(statutory
          ? [
              {
                text: i.acknowledgedAt
                  ? `${warekiDateTime(i.acknowledgedAt)}　${i.acknowledgedBy?.name ?? ''}`
                  : '未確認',
              },
            ]
          : []),
      ]),
      '（招集した機関はありません）',
    ),
    textBlock('議題', papers ?? meeting.agenda),
    textBlock('議事録', papers ?? meeting.minutes, 80),
    textBlock('決定事項', papers ?? meeting.decisions, 40),
  ];
}
