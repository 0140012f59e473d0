/**
 * A support plan told to the person in やさしい日本語 (easy Japanese): short sentences, one idea
 * each, words spaced, who does what and when, and whom to call. Built from the same plan record
 * as the プランシート; ふりがな are added afterwards (furigana.ts) over every kanji beyond the
 * 2nd grade. Staff's own words (wishes, goals, content) are kept but cut at every 。 and long
 * ones at 、, so that no line asks the reader to hold much at once.
 */

export interface EasyReadPlanInput {
  personName: string;
  version: number;
  decidedOn: string | null;
  wishes: string;
  longTermGoal: string;
  shortTermGoals: string;
  items: {
    organizationName: string;
    content: string;
    frequency: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    /** the 社会資源 where the support happens, if the item names one */
    resourceName?: string | null;
  }[];
  nextMonitoringOn: string;
  contact: { organizationName: string; phone: string | null; staffName: string | null };
}

export interface EasyReadBlock {
  /** A sub-heading (the organisation of an item), or null. */
  heading: string | null;
  sentences: string[];
}

export interface EasyReadSection {
  heading: string;
  blocks: EasyReadBlock[];
}

export interface EasyReadDocument {
  title: string;
  sections: EasyReadSection[];
}

const LONG = 40;

/** Cut text into short sentences: at 。！？ and line ends, then long ones at 、. */
export function shortSentences(text: string): string[] {
  const sentences = text
    .split(/(?<=[。！？!?])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences.flatMap((sentence) => {
    if ([...sentence].length <= LONG) return [sentence];
    return sentence
      .split(/(?<=、)/)
      .map((s) => s.trim())
      .filter(Boolean);
  });
}

/** 2026年12月1日 (the Gregorian year reads most easily; the form itself carries the 和暦). */
export function easyDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function easyReadPlan(input: EasyReadPlanInput): EasyReadDocument {
  const about: string[] = [`これは ${input.personName}さんの 支援の 計画です。`];
  if (input.decidedOn) about.push(`${easyDate(input.decidedOn)}に 会議で 決めました。`);
  about.push('みんなで 力を 合わせて、あなたを 手伝います。');
  const contact = input.contact;
  const call = [`${contact.organizationName}に 電話して ください。`];
  if (contact.phone) call.push(`電話番号は ${contact.phone} です。`);
  if (contact.staffName) call.push(`たんとうは ${contact.staffName}さん です。`);
  return {
    title: `${input.personName}さんの 支援の 計画`,
    sections: [
      { heading: 'この 計画に ついて', blocks: [{ heading: null, sentences: about }] },
      { heading: 'あなたの ねがい', blocks: [{ heading: null, sentences: shortSentences(input.wishes) }] },
      {
        heading: 'めざす こと',
        blocks: [
          { heading: 'ながい 目で めざす こと', sentences: shortSentences(input.longTermGoal) },
          { heading: 'まず めざす こと', sentences: shortSentences(input.shortTermGoals) },
        ],
      },
      {
        heading: 'だれが なにを するか',
        blocks: input.items.map((item) => ({
          heading: `${item.organizationName}が 手伝います`,
          sentences: [
            ...shortSentences(item.content),
            ...(item.resourceName ? [`ばしょは 「${item.resourceName}」です。`] : []),
            ...(item.frequency ? [`${item.frequency}です。`] : []),
            ...(item.periodFrom && item.periodTo
              ? [`${easyDate(item.periodFrom)}から ${easyDate(item.periodTo)}まで です。`]
              : []),
          ],
        })),
      },
      {
        heading: 'つぎに 話し合う 日',
        blocks: [
          {
            heading: null,
            sentences: [`${easyDate(input.nextMonitoringOn)}に、計画が うまく いって いるか 話し合います。`],
          },
        ],
      },
      {
        heading: 'こまった ときは',
        blocks: [{ heading: null, sentences: call }],
      },
    ],
  };
}
