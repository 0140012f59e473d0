// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { labelCells } from './table-cards.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function table(html: string): HTMLTableElement {
  document.body.innerHTML = `<table>${html}</table>`;
  const element = document.querySelector('table');
  if (!element) throw new Error('no table');
  return element;
}

const labelsOf = (row: Element | undefined) =>
  Array.from(row?.children ?? []).map((cell) => (cell as HTMLElement).dataset.label ?? null);
const bodyRows = (t: HTMLTableElement) => Array.from(t.querySelectorAll(':scope > tbody > tr'));

describe('labelCells', () => {
  it('labels each body cell with its column header, row headers included', () => {
    const t = table(`
      <thead><tr><th scope="col">事例番号</th><th scope="col"> 本人 </th><th scope="col">段階</th></tr></thead>
      <tbody><tr><th scope="row">R8-0001</th><td>城山 和夫</td><td>支援中</td></tr></tbody>`);
    labelCells(t);
    expect(labelsOf(bodyRows(t)[0])).toEqual(['事例番号', '本人', '段階']);
  });

  it('counts spanned columns and leaves a cell spanning several columns unlabelled', () => {
    const t = table(`
      <thead><tr><th colspan="2">氏名</th><th>続柄</th><th>操作</th></tr></thead>
      <tbody>
        <tr><td>城山</td><td>和夫</td><td>本人</td><td>編集</td></tr>
        <tr><td colspan="2">城山 和夫</td><td>本人</td><td>編集</td></tr>
        <tr><td colspan="4">該当する事例はありません</td></tr>
      </tbody>`);
    labelCells(t);
    const [split, joined, empty] = bodyRows(t);
    expect(labelsOf(split)).toEqual([null, null, '続柄', '操作']);
    expect(labelsOf(joined)).toEqual([null, '続柄', '操作']);
    expect(labelsOf(empty)).toEqual([null]);
  });

  it('takes the last header row of a two-row head, and an empty header gives no label', () => {
    const t = table(`
      <thead>
        <tr><th colspan="2">期間</th><th></th></tr>
        <tr><th>開始</th><th>終了</th><th></th></tr>
      </thead>
      <tbody><tr><td>4月1日</td><td>3月31日</td><td>詳細</td></tr></tbody>`);
    labelCells(t);
    expect(labelsOf(bodyRows(t)[0])).toEqual(['開始', '終了', null]);
  });

  it('relabels rows whose cells moved and removes a label that no longer applies', () => {
    const t = table(`
      <thead><tr><th>日付</th><th>内容</th></tr></thead>
      <tbody><tr><td>4月1日</td><td>訪問</td></tr></tbody>`);
    labelCells(t);
    const row = bodyRows(t)[0];
    row?.firstElementChild?.setAttribute('colspan', '2');
    row?.lastElementChild?.remove();
    labelCells(t);
    expect(labelsOf(row)).toEqual([null]);
  });

  it('does nothing to a table without a head', () => {
    const t = table('<tbody><tr><td>1</td></tr></tbody>');
    labelCells(t);
    expect(labelsOf(bodyRows(t)[0])).toEqual([null]);
  });
});
