import type { DisposalCandidates } from '../../../../src/contract/retention.ts';

/** 廃棄候補 as the server lists them: two closed cases, a standalone consultation, two persons, a held case. */
export const disposalCandidates: DisposalCandidates = {
  asOf: '2026-12-02',
  rules: { caseYears: 5, consultationYears: 5, personYears: 5 },
  cases: [
    {
      id: 'c1',
      caseNumber: 'R1-0001',
      personName: '廃棄 太郎',
      closedOn: '2019-02-01',
      closureReason: 'resolved',
      disposableFrom: '2024-04-01',
      coordinatingOrganizationName: '重層事業担当',
      consultationCount: 1,
    },
    {
      id: 'c2',
      caseNumber: 'R1-0002',
      personName: null,
      closedOn: '2019-03-15',
      closureReason: 'stabilised',
      disposableFrom: '2024-04-01',
      coordinatingOrganizationName: '重層事業担当',
      consultationCount: 1,
    },
  ],
  consultations: [
    {
      id: 'q1',
      receivedOn: '2019-11-10',
      closedOn: '2019-11-10',
      personName: '荒田 昭',
      organizationName: '保護第一課',
      mainTopic: 'income',
      disposableFrom: '2025-04-01',
    },
  ],
  persons: [
    { id: 'p1', name: '廃棄 太郎', reason: 'lastRecord' },
    { id: 'p2', name: '登録 のみ', reason: 'noRecord' },
  ],
  held: [{ id: 'c9', caseNumber: 'R1-0009', closedOn: '2019-03-01', reason: '訴訟の対応中' }],
};
