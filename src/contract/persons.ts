import { z } from 'zod';
import * as clock from '../domain/clock.ts';
import { codesOf, relations, sexes } from '../domain/codeLists.ts';
import { isKana, normalizeKana } from '../domain/kana.ts';
import { firstSupportedDate } from '../domain/wareki.ts';
import { calendarDate } from './calendarDate.ts';
import { idSchema, namedRefSchema, requiredText, text } from './common.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';

/** 満年齢 on `today` of a person born on `birthDate` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A calendar date that is not after today in Asia/Tokyo (a birth date, an intake date). */
export function pastOrToday(label: string) {
  return calendarDate(label)
    .refine((date) => date >= firstSupportedDate, {
      message: `${label}は明治6年（1873年）1月1日以降の日付にしてください`,
    })
    .refine((date) => date <= clock.today(), { message: `${label}に未来の日付は指定できません` });
}

const separators = /([\s\u30FB\uFF65\u00B7]+)/;

/**
 * フリガナ as stored: ひらがな and 半角カナ become 全角カタカナ; a space or middle dot between parts
 * (foreign names: ジョン・スミス) is kept as one full-width space or '・'.
 */
export function toStoredKana(value: string): string {
  return value
    .trim()
    .split(separators)
    .map((part, index) => {
      if (index % 2 === 0) return normalizeKana(part);
      return /[\u30FB\uFF65\u00B7]/.test(part) ? '・' : '\u3000';
    })
    .join('');
}

function isStoredKana(value: string): boolean {
  return value
    .split(/[\u3000・]/)
    .filter((part) => part !== '')
    .every(isKana);
}

const kanaMessage = 'フリガナはひらがなかカタカナで入力してください';

/** フリガナ typed by a person: hiragana or katakana (half-width too), stored as katakana. */
export function kanaText(max: number) {
  return text(max)
    .transform(toStoredKana)
    .refine((value) => value === '' || isStoredKana(value), { message: kanaMessage });
}

const phoneSchema = z.strictObject({
  label: text(20).default(''),
  number: text(20)
    .regex(/^[0-9０-９+\-()（） ]+$/, { message: '電話番号は数字とハイフンで入力してください' })
    .pipe(z.string().min(1, { message: '電話番号を入力してください' })),
});

const postalCodeSchema = text(8)
  .transform((value) => value.normalize('NFKC').replace(/[-ー－]/g, ''))
  .refine((value) => value === '' || /^\d{7}$/.test(value), {
    message: '郵便番号は7桁の数字で入力してください（例: 892-8677）',
  })
  .transform((value) => (value === '' ? null : `${value.slice(0, 3)}-${value.slice(3)}`));

/**
 * 宛名番号: the city's own resident number, digits only. Never a 個人番号 (マイナンバー): Kasane must
 * not hold one, so a 12-digit number — the length of a 個人番号 — is refused outright.
 */
const addresseeNumberSchema = text(20)
  .transform((value) => value.normalize('NFKC'))
  .refine((value) => value === '' || /^\d+$/.test(value), { message: '宛名番号は数字のみで入力してください' })
  .refine((value) => value.length !== 12, {
    message:
      '12桁の番号は個人番号（マイナンバー）の可能性があるため登録できません。宛名番号を入力してください',
  })
  .transform((value) => (value === '' ? null : value));

/**
 * A new person as typed at a counter (相談受付・申込票): 氏・名 with フリガナ, birth date (the web
 * sends what it parsed from 和暦 input), sex, address and phones. There is no マイナンバー field and
 * unknown fields are refused, so one cannot be slipped in.
 */
export const newPersonSchema = z
  .strictObject({
    familyName: requiredText(50),
    givenName: text(50).default(''),
    familyNameKana: kanaText(100).pipe(z.string().min(1, { message: 'フリガナ（氏）を入力してください' })),
    givenNameKana: kanaText(100).default(''),
    birthDate: pastOrToday('生年月日').nullable().default(null),
    sex: z.enum(codesOf(sexes), { message: '性別を選んでください' }).default('unknown'),
    postalCode: postalCodeSchema.optional(),
    address: text(200).optional(),
    phones: z.array(phoneSchema).max(5, { message: '電話番号は5件までです' }).default([]),
    addresseeNumber: addresseeNumberSchema.optional(),
  })
  .refine((person) => person.givenName === '' || person.givenNameKana !== '', {
    message: 'フリガナ（名）を入力してください',
    path: ['givenNameKana'],
  });
export type NewPersonInput = z.input<typeof newPersonSchema>;
export type NewPerson = z.output<typeof newPersonSchema>;

/** An existing person, by id: the caller must be able to see them. */
export const personRefSchema = z.strictObject({ personId: idSchema });

/** Either an existing person the caller may see, or a new one. */
export const personChoiceSchema = z.union([personRefSchema, newPersonSchema]);
export type PersonChoice = z.output<typeof personChoiceSchema>;

/** A person's name, its reading and birth date: how people tell one person from another. */
const personIdentityFields = {
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  birthDate: z.string().nullable(),
};

/** What identifies a person on a list or inside another resource. */
export const personSummarySchema = z
  .object({
    id: z.uuid(),
    ...personIdentityFields,
    age: z.number().int().nullable().describe('満年齢 today in Asia/Tokyo'),
    sex: z.enum(codesOf(sexes)),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const householdMemberSchema = z.object({
  person: personSummarySchema,
  relation: z.enum(codesOf(relations)).describe('続柄 to the person the consultation is about (本人)'),
  livingTogether: z.boolean(),
});

export const personSchema = personSummarySchema
  .extend({
    postalCode: z.string().nullable(),
    address: z.string().nullable(),
    phones: z.array(z.object({ label: z.string(), number: z.string() })),
    addresseeNumber: z.string().nullable(),
    registeredBy: namedRefSchema,
    households: z
      .array(
        z.object({
          householdId: z.uuid(),
          relation: z.enum(codesOf(relations)),
          livingTogether: z.boolean(),
          members: z.array(householdMemberSchema).describe('The other members the caller may see'),
        }),
      )
      .describe('Households (of consultations or cases) the caller may see'),
    links: z
      .array(
        z.object({
          personId: z.uuid(),
          linkedAt: z.string(),
          person: z
            .object({
              ...personIdentityFields,
              registeredBy: namedRefSchema,
            })
            .nullable()
            .describe('null when the caller may not see the other record'),
        }),
      )
      .describe('Other records recorded as the same human (person.link)'),
    consultations: z
      .array(
        z.object({
          id: z.uuid(),
          receivedOn: z.string(),
          organization: namedRefSchema,
          mainTopic: z.string(),
          status: z.enum(['open', 'referred', 'handedOver', 'closed']),
          role: z.enum(['subject', 'householdMember']).describe('Consulted about, or in the household'),
        }),
      )
      .describe('Consultations about the person or their household that the caller may see, newest first'),
    cases: z
      .array(
        z.object({
          id: z.uuid(),
          caseNumber: z.string(),
          stage: z.string(),
          acceptedOn: z.string(),
          coordinatingOrganization: namedRefSchema,
          role: z.enum(['target', 'householdMember']),
        }),
      )
      .describe('Cases the person is in (supported, or in the household) that the caller may see'),
    abilities: z.object({ findDuplicates: z.boolean(), link: z.boolean() }),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const personSearchQuerySchema = pageQuerySchema
  .extend({
    kana: z
      .string({ message: 'フリガナを入力してください' })
      .max(100)
      .transform((value) => normalizeKana(value))
      .refine((value) => value.length > 0, { message: 'フリガナを入力してください' })
      .refine(isKana, { message: 'フリガナ（ひらがな・カタカナ）で検索してください' })
      .optional(),
    q: text(100)
      .refine((value) => value.length > 0, {
        message: '氏名・フリガナ・宛名番号・生年月日を入力してください',
      })
      .optional()
      .describe(
        'one box: 氏名 in kanji (異体字 alike), フリガナ in any width or script, 宛名番号 (digits) or birth date (和暦 or 西暦)',
      ),
    birthDate: calendarDate('生年月日').optional(),
  })
  .refine((query) => query.kana !== undefined || query.q !== undefined, {
    message: 'フリガナを入力してください',
    path: ['kana'],
  });

export const personSearchResultSchema = personSummarySchema
  .extend({ abilities: z.object({ findDuplicates: z.boolean() }) })
  .meta({ id: 'PersonSearchResult' });

export const personSearchListSchema = pageSchema(personSearchResultSchema).meta({ id: 'PersonSearchList' });

export const personInputSchema = newPersonSchema;

export const duplicateListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        ...personIdentityFields,
        registeredBy: namedRefSchema,
        linked: z.boolean().describe('Already recorded as the same human'),
        abilities: z.object({ link: z.boolean() }),
      }),
    ),
  })
  .meta({ id: 'PersonDuplicateList' });

export const personLinkInputSchema = z.object({
  duplicateOfId: z.uuid({ message: '同一人物とする記録を選んでください' }),
});
