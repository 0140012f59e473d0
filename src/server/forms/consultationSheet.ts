import type { Content } from 'pdfmake/interfaces';
import type { Consultation } from '../../contract/consultations.ts';
import {
  consultationChannels,
  consultationTopics,
  labelOf,
  relations,
  sexes,
} from '../../domain/codeLists.ts';
import {
  approvalBoxes,
  box,
  fields,
  grid,
  heading,
  signatureBlock,
  textBlock,
  wareki,
} from './formLayout.ts';

export interface PersonContact {
  postalCode: string | null;
  address: string | null;
  phones: { label: string; number: string }[];
}

export function consultationFormName(consentToShare: boolean): string {
  return `様式1 相談受付・申込票【本人同意${consentToShare ? 'あり' : 'なし'}】`;
}

/** 性別 as the paper prints it: every choice, the one that applies filled. */
export function sexBoxes(sex: string): string {
  return sexes
    .filter((s) => s.code !== 'unknown')
    .map((s) => box(s.code === sex, s.label))
    .join('　');
}

export function birthLine(birthDate: string | null, age: number | null): string {
  if (!birthDate) return '不明';
  return `${wareki(birthDate)}（${age ?? ''}歳）`;
}

const outcomeLabels = { ownAgency: '自機関で対応', referral: '他機関へつなぐ', handover: '重層事業へ引継ぎ' };

/**
 * 相談受付・申込票 (A票; docs/forms.md) of one consultation, in its two versions: 【本人同意あり】
 * ends with the application the person signs, consenting to sharing with the agencies needed;
 * 【本人同意なし】 says that nothing may be shared but in a 支援会議 (社会福祉法第106条の6).
 */
export function consultationSheet(consultation: Consultation, contact: PersonContact): Content[] {
  const p = consultation.person;
  const mainTopic = consultation.mainTopic;
  const topicBoxes = consultationTopics
    .map((t) => `${t.code === mainTopic ? '◎' : consultation.topics.includes(t.code) ? '■' : '□'}${t.label}`)
    .join('　');
  const content: Content[] = [
    approvalBoxes([
      { role: '受付者', name: consultation.receivedBy.displayName },
      { role: '確認者' },
      { role: '所属長' },
    ]),
    fields([
      ['受付日', wareki(consultation.receivedOn)],
      ['受付機関', consultation.organization.name],
      ['受付者', consultation.receivedBy.displayName],
      ['相談経路', labelOf(consultationChannels, consultation.channel)],
    ]),
    heading('相談者（本人）'),
    fields(
      [
        ['ふりがな', `${p.familyNameKana}　${p.givenNameKana}`],
        ['氏名', `${p.familyName}　${p.givenName}`],
        ['性別', sexBoxes(p.sex)],
        ['生年月日', birthLine(p.birthDate, p.age)],
        ['住所', `${contact.postalCode ? `〒${contact.postalCode}　` : ''}${contact.address ?? ''}`],
        ['電話', contact.phones.map((ph) => `${ph.label ? `${ph.label} ` : ''}${ph.number}`).join('　')],
      ],
      1,
    ),
  ];
  if (consultation.visitor) {
    content.push(
      heading('来談者（本人以外）'),
      fields([
        ['氏名', consultation.visitor.name],
        ['本人との関係', labelOf(relations, consultation.visitor.relation)],
        ['電話', consultation.visitor.phone ?? ''],
      ]),
    );
  }
  content.push(
    heading('世帯の状況'),
    grid(
      ['氏名', '続柄', '生年月日（年齢）', '同居'],
      ['*', 70, 150, 40],
      consultation.householdMembers.map((m) => [
        { text: `${m.person.familyName} ${m.person.givenName}` },
        { text: labelOf(relations, m.relation) },
        { text: birthLine(m.person.birthDate, m.person.age) },
        { text: m.livingTogether ? '同居' : '別居', alignment: 'center' },
      ]),
      '（本人のほかに記録された世帯員はいません）',
    ),
    heading('相談内容（該当するものすべてに■、主なもの一つに◎）'),
    { text: topicBoxes, margin: [0, 0, 0, 6], lineHeight: 1.5 },
    textBlock('相談の内容', consultation.content, 60),
    textBlock('本人の意向・希望', consultation.wishes),
    fields([['対応', outcomeLabels[consultation.outcome]]], 1),
    heading('相談申込欄'),
  );
  if (consultation.consentToShare) {
    content.push(
      signatureBlock(
        '私は、個人情報の取扱いについて説明を受けたうえで、上記のとおり相談を申し込みます。また、支援に必要な範囲で、関係機関との間で私と世帯に関する情報を共有することに同意します。',
        ['本人署名', '代理人署名（続柄）'],
      ),
    );
  } else {
    content.push(
      textBlock(
        '本人同意なし',
        '本人の同意が得られていないため、関係機関との情報共有は行いません。必要な場合は、支援会議（社会福祉法第106条の6。構成員に守秘義務あり）において検討します。同意が得られた時点で【本人同意あり】の申込票を作成してください。',
      ),
    );
  }
  return content;
}
