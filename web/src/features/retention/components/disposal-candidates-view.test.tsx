// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisposalRecord } from '../../../../../src/contract/retention.ts';
import '../../../lib/i18n/i18n.ts';
import { disposalCandidates as candidates } from '../disposal-candidates.fixture.ts';
import { type DisposalSelection, emptySelection } from '../disposal-selection.ts';
import { DisposalCandidatesView, DisposalConfirmation } from './disposal-candidates-view.tsx';
import { DisposalRecordsTable } from './disposal-records-page.tsx';

afterEach(cleanup);

function Harness(props: {
  onApprove: (selection: DisposalSelection) => void;
  onHold?: (kase: { id: string; caseNumber: string }) => void;
  onLift?: (kase: { id: string; caseNumber: string }) => void;
}) {
  const [selection, setSelection] = useState<DisposalSelection>(emptySelection);
  return (
    <DisposalCandidatesView
      candidates={candidates}
      selection={selection}
      onSelectionChange={setSelection}
      onApprove={() => props.onApprove(selection)}
      onHold={props.onHold ?? (() => undefined)}
      onLift={props.onLift ?? (() => undefined)}
    />
  );
}

describe('DisposalCandidatesView', () => {
  it('shows why each record expired with its dates in 和暦, and the held cases apart', () => {
    render(<Harness onApprove={() => undefined} />);
    const cases = screen.getByRole('table', { name: /保存期間を過ぎた支援ケース/ });
    const first = within(cases).getByRole('row', { name: /R1-0001/ });
    expect(first.textContent).toContain('廃棄 太郎');
    expect(first.textContent).toContain('平成31年2月1日');
    expect(first.textContent).toContain('令和6年4月1日');
    expect(first.textContent).toContain('終結後の保存期間（5年）が経過');
    expect(first.textContent).toContain('解決');
    // a case whose person row is already gone still reads
    expect(within(cases).getByRole('row', { name: /R1-0002/ }).textContent).toContain('（氏名なし）');
    const consultations = screen.getByRole('table', { name: /保存期間を過ぎた相談記録/ });
    expect(consultations.textContent).toContain('令和元年11月10日');
    expect(consultations.textContent).toContain('収入・生活費');
    expect(consultations.textContent).toContain('対応終了後の保存期間（5年）が経過');
    const held = screen.getByRole('table', { name: /廃棄を保留している支援ケース/ });
    expect(held.textContent).toContain('R1-0009');
    expect(held.textContent).toContain('訴訟の対応中');
    expect(screen.getByText(/適用する保存期間：支援ケース5年・相談記録5年・本人情報5年/)).toBeTruthy();
  });

  it('approves only with something ticked; persons with a last record cannot be ticked', () => {
    const onApprove = vi.fn();
    render(<Harness onApprove={onApprove} />);
    const approve = screen.getByRole('button', { name: '選んだ記録を廃棄する' });
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(approve);
    expect(onApprove).not.toHaveBeenCalled();
    expect(screen.getByText('廃棄する記録を選んでください。')).toBeTruthy();

    // 廃棄 太郎 goes with the last record: a name, not a checkbox; 登録 のみ is ticked by hand
    expect(screen.queryByRole('checkbox', { name: '廃棄 太郎' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'R1-0002' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /令和元年11月10日.*受付の相談記録を選ぶ/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: '登録 のみ' }));
    expect(screen.getByText('選んだ記録：支援ケース1件・相談記録1件・本人1人')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'すべての支援ケースを選ぶ' }));
    expect(approve.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(approve);
    expect(onApprove).toHaveBeenCalledWith({
      caseIds: ['c1', 'c2'],
      consultationIds: ['q1'],
      personIds: ['p2'],
    });
  });

  it('offers a hold on each listed case and lifting it on each held one', () => {
    const onHold = vi.fn();
    const onLift = vi.fn();
    render(<Harness onApprove={() => undefined} onHold={onHold} onLift={onLift} />);
    fireEvent.click(screen.getByRole('button', { name: '保留する：R1-0001' }));
    expect(onHold).toHaveBeenCalledWith({ id: 'c1', caseNumber: 'R1-0001' });
    fireEvent.click(screen.getByRole('button', { name: '保留を解除：R1-0009' }));
    expect(onLift).toHaveBeenCalledWith({ id: 'c9', caseNumber: 'R1-0009' });
  });
});

describe('DisposalConfirmation', () => {
  it('says the deletion cannot be undone, names the case numbers and counts, and what is kept', () => {
    render(
      <DisposalConfirmation
        candidates={candidates}
        selection={{ caseIds: ['c2', 'c1'], consultationIds: ['q1'], personIds: [] }}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('削除した情報は元に戻せません');
    expect(text).toContain('支援ケース 2件（R1-0001、R1-0002）');
    expect(text).toContain('事例にならなかった相談記録 1件');
    expect(text).not.toContain('記録のない本人');
    expect(text).toContain('残るもの');
  });
});

describe('DisposalRecordsTable', () => {
  it('shows when, by whom, how many and which case numbers, with no personal data', () => {
    const record: DisposalRecord = {
      id: 'd1',
      approvedAt: '2026-12-02T01:30:00.000Z',
      approvedBy: { id: 'u1', displayName: '重層 調整' },
      asOf: '2026-12-02',
      caseCount: 2,
      consultationCount: 3,
      personCount: 4,
      caseNumbers: ['R1-0001', 'R1-0002'],
      rules: { caseYears: 5, consultationYears: 5, personYears: 10 },
    };
    render(<DisposalRecordsTable records={[record]} />);
    const row = within(screen.getByRole('table', { name: /廃棄記録/ })).getAllByRole('row')[1];
    const text = row?.textContent ?? '';
    expect(text).toContain('令和8年12月2日 10:30');
    expect(text).toContain('重層 調整');
    expect(text).toContain('支援ケース2件・相談記録3件・本人4人');
    expect(text).toContain('ケース5年・相談5年・本人10年');
    expect(text).toContain('R1-0001、R1-0002');
  });
});
