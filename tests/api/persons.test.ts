import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../src/contract/consultations.ts';
import type { Person } from '../../src/contract/persons.ts';
import type { Problem } from '../../src/contract/problem.ts';
import * as clock from '../../src/domain/clock.ts';
import { demoApi } from '../support/demoApi.ts';
import { consult, intakeBody, ownAgency, personMaker } from '../support/intake.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('houkatsu', 'hogokansatsu', 'shogai', 'coordinator', 'council', 'plan');
const { houkatsu, hogokansatsu, shogai, coordinator, council, plan } = api;

/** Synthetic people only (生成): names below are made up for the tests. */

interface SearchList {
  items: (Person & { abilities: { findDuplicates: boolean } })[];
  nextCursor: string | null;
}

const newPerson = personMaker('磯浜', '花子', 'いそはま', 'はなこ', '1948-03-03', 'female');

const intake = (overrides: Record<string, unknown> = {}) =>
  intakeBody(
    newPerson(),
    { topics: ['care'], mainTopic: 'care', content: '（試験）介護についての相談' },
    ownAgency,
    overrides,
  );

describe('POST /api/persons (persons.create)', () => {
  it('stores フリガナ typed in ひらがな or 半角カナ as katakana, with the search key and the registering organisation', async () => {
    const response = await houkatsu.post<Person>('/api/persons', {
      familyName: '天文',
      givenName: '次郎',
      familyNameKana: 'てんもん',
      givenNameKana: 'ｼﾞﾛｳ',
      birthDate: '1972-01-01',
      sex: 'male',
      postalCode: '８９２-８６７７',
      address: '鹿児島市山下町（生成）',
      phones: [{ label: '携帯', number: '090-0000-0000' }],
      addresseeNumber: '１２３４５６７',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      familyName: '天文',
      givenName: '次郎',
      familyNameKana: 'テンモン',
      givenNameKana: 'ジロウ',
      birthDate: '1972-01-01',
      sex: 'male',
      postalCode: '892-8677',
      phones: [{ label: '携帯', number: '090-0000-0000' }],
      addresseeNumber: '1234567',
      registeredBy: { id: api.dir.organization('地域包括支援センター'), name: '地域包括支援センター' },
      households: [],
      consultations: [],
      cases: [],
      links: [],
      abilities: { findDuplicates: false, link: false },
    });
    const row = await api.server.database.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(row.kana_key).toBe('テンモンジロウ');
    expect(row.tenant_id).toBe(api.dir.tenantId);
    const audit = await api.server.latestAudit('person.create');
    expect(audit?.resource_id).toBe(response.body.id);
    expect(audit?.person_id).toBe(response.body.id);
    expect(audit?.actor_login_id).toBe('houkatsu');
  });

  it('keeps the separator of a foreign name and computes 満年齢 as of today in Asia/Tokyo', async () => {
    const today = clock.today();
    const birthDate = `${Number(today.slice(0, 4)) - 30}-01-01`;
    const response = await houkatsu.post<Person>(
      '/api/persons',
      newPerson({
        familyName: 'スミス',
        givenName: 'ジョン',
        familyNameKana: 'すみす',
        givenNameKana: 'じょん・ぽーる',
        birthDate,
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.givenNameKana).toBe('ジョン・ポール');
    expect(response.body.age).toBe(30);
  });

  it('refuses impossible, future and pre-明治6 birth dates, non-kana readings and bad fields with Japanese field errors, and writes nothing', async () => {
    const before = await api.server.database.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await houkatsu.post('/api/persons', {
      familyName: '',
      familyNameKana: '山田',
      givenName: '太郎',
      givenNameKana: '',
      birthDate: '2023-02-29',
      sex: 'robot',
      postalCode: '12-34',
      phones: [{ label: '自宅', number: 'abc' }],
      addresseeNumber: 'A123',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(problemFields(response.body)).toEqual([
      'addresseeNumber',
      'birthDate',
      'familyName',
      'familyNameKana',
      'phones.0.number',
      'postalCode',
      'sex',
    ]);
    const messages = Object.fromEntries(
      ((response.body as Problem).errors ?? []).map((e) => [e.field, e.message]),
    );
    expect(messages.birthDate).toBe('生年月日が存在しない日付です');
    expect(messages.familyNameKana).toBe('フリガナはひらがなかカタカナで入力してください');
    expect(messages.addresseeNumber).toBe('宛名番号は数字のみで入力してください');

    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = await houkatsu.post('/api/persons', newPerson({ birthDate: future }));
    expect(later.status).toBe(400);
    expect((later.body as Problem).errors).toEqual([
      expect.objectContaining({ field: 'birthDate', message: '生年月日に未来の日付は指定できません' }),
    ]);
    const noReading = await houkatsu.post('/api/persons', newPerson({ givenNameKana: '' }));
    expect((noReading.body as Problem).errors).toEqual([
      expect.objectContaining({ field: 'givenNameKana', message: 'フリガナ（名）を入力してください' }),
    ]);
    const ancient = await houkatsu.post('/api/persons', newPerson({ birthDate: '1872-12-31' }));
    expect(problemFields(ancient.body)).toEqual(['birthDate']);
    const malformed = await houkatsu.post('/api/persons', newPerson({ birthDate: '昭和23年3月3日' }));
    expect((malformed.body as Problem).errors?.[0]?.message).toBe(
      '生年月日は YYYY-MM-DD の形式で送ってください',
    );

    const after = await api.server.database.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('never takes a マイナンバー: no such field, no column, and a 12-digit 宛名番号 is refused', async () => {
    const slipped = await houkatsu.post('/api/persons', newPerson({ myNumber: '123456789012' }));
    expect(slipped.status).toBe(400);
    expect((slipped.body as Problem).errors?.[0]?.code).toBe('unrecognized_keys');

    const twelve = await houkatsu.post('/api/persons', newPerson({ addresseeNumber: '123456789012' }));
    expect(twelve.status).toBe(400);
    expect((twelve.body as Problem).errors).toEqual([
      expect.objectContaining({ field: 'addresseeNumber', message: expect.stringContaining('マイナンバー') }),
    ]);

    const columns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'persons'`.execute(
      api.server.database.db,
    );
    const names = columns.rows.map((c) => c.column_name);
    expect(names).toContain('addressee_number');
    expect(names.filter((n) => /my_?number|kojin|individual/i.test(n))).toEqual([]);
  });

  it('is 401 unauthenticated and 404 for roles without case data (council, plan)', async () => {
    expect((await api.server.anonymous().post('/api/persons', newPerson())).status).toBe(401);
    for (const client of [council, plan]) {
      const response = await client.post('/api/persons', newPerson());
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'notFound' });
    }
  });

  it('registers a person whom the registering counter sees and nobody else does', async () => {
    const created = await houkatsu.post<Person>('/api/persons', newPerson({ familyNameKana: 'ひとりだけ' }));
    expect(created.status).toBe(201);
    expect((await houkatsu.get(`/api/persons/${created.body.id}`)).status).toBe(200);
    expect(
      (await houkatsu.get<SearchList>('/api/persons?kana=ひとりだけ')).body.items.map((p) => p.id),
    ).toEqual([created.body.id]);
    // Not in any consultation or case yet: no other organisation finds it.
    const shogai = await api.server.as('shogai');
    expect((await shogai.get(`/api/persons/${created.body.id}`)).status).toBe(404);
    expect((await shogai.get<SearchList>('/api/persons?kana=ひとりだけ')).body.items).toEqual([]);
  });
});

describe('GET /api/persons (persons.search)', () => {
  let mother: Consultation;

  beforeAll(async () => {
    mother = await consult(
      houkatsu,
      intake({
        person: newPerson({
          familyName: '磯浜',
          givenName: '花子',
          familyNameKana: 'イソハマ',
          givenNameKana: 'ハナコ',
        }),
        householdMembers: [
          {
            person: newPerson({
              givenName: '一郎',
              givenNameKana: 'いちろう',
              birthDate: '1975-06-01',
              sex: 'male',
            }),
            relation: 'son',
            livingTogether: true,
          },
        ],
      }),
    );
  });

  it('finds a katakana name from ひらがな, from 半角カナ, and with spaces between 氏 and 名', async () => {
    for (const query of ['いそはま', 'ｲｿﾊﾏ', 'イソハマ', 'いそはま　はなこ', 'ｲｿﾊﾏ ﾊﾅｺ']) {
      const response = await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent(query)}`);
      expect(response.status, query).toBe(200);
      expect(
        response.body.items.map((p) => p.id),
        query,
      ).toContain(mother.person.id);
    }
    const found = (
      await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent('いそはまはなこ')}`)
    ).body.items;
    expect(found).toEqual([
      expect.objectContaining({
        id: mother.person.id,
        familyName: '磯浜',
        givenName: '花子',
        familyNameKana: 'イソハマ',
        givenNameKana: 'ハナコ',
        birthDate: '1948-03-03',
        age: expect.any(Number),
        abilities: { findDuplicates: false },
      }),
    ]);
  });

  it('matches inside the reading from 3 characters (after the prefix matches), by prefix only below that', async () => {
    const inside = await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent('はまはな')}`);
    expect(inside.body.items.map((p) => p.id)).toEqual([mother.person.id]);
    const short = await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent('はま')}`);
    expect(short.body.items.map((p) => p.id)).not.toContain(mother.person.id);

    const prefixed = await consult(
      houkatsu,
      intake({
        person: newPerson({ familyName: '浜田', familyNameKana: 'ハマハナ', givenNameKana: 'ミキ' }),
      }),
    );
    const ranked = await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent('ハマハナ')}`);
    expect(ranked.body.items.map((p) => p.id)).toEqual([prefixed.person.id, mother.person.id]);
  });

  it('finds by one box (q): 氏名 with 異体字 alike, フリガナ in any width, birth date in 和暦 or 西暦 — participation-scoped', async () => {
    for (const query of [
      '磯浜',
      '磯濱 花子',
      'ｲｿﾊﾏ',
      'はまはな',
      '昭和23年3月3日',
      'S23.3.3',
      '1948-03-03',
    ]) {
      const response = await houkatsu.get<SearchList>(`/api/persons?q=${encodeURIComponent(query)}`);
      expect(response.status, query).toBe(200);
      expect(
        response.body.items.map((p) => p.id),
        query,
      ).toContain(mother.person.id);
    }
    const son = await houkatsu.get<SearchList>(
      `/api/persons?q=${encodeURIComponent('磯浜')}&birthDate=1975-06-01`,
    );
    expect(son.body.items.map((p) => p.givenName)).toEqual(['一郎']);
    for (const client of [shogai, coordinator]) {
      const response = await client.get<SearchList>(`/api/persons?q=${encodeURIComponent('磯浜')}`);
      expect(response.body.items.map((p) => p.id)).not.toContain(mother.person.id);
    }
    expect(problemFields((await houkatsu.get('/api/persons?q=')).body)).toEqual(['クエリ.q']);
  });

  it('narrows by birth date', async () => {
    const match = await houkatsu.get<SearchList>('/api/persons?kana=イソハマ&birthDate=1975-06-01');
    expect(match.body.items.map((p) => p.givenName)).toEqual(['一郎']);
    const none = await houkatsu.get<SearchList>('/api/persons?kana=イソハマ&birthDate=1975-06-02');
    expect(none.body.items).toEqual([]);
  });

  it('does not find the person for a caseworker of another organisation', async () => {
    for (const client of [hogokansatsu, shogai, coordinator]) {
      const response = await client.get<SearchList>('/api/persons?kana=いそはま');
      expect(response.status).toBe(200);
      expect(response.body.items.map((p) => p.id)).not.toContain(mother.person.id);
    }
  });

  it('pages with an opaque cursor, in kana order, without repeats', async () => {
    for (const given of ['アキ', 'イネ', 'ウメ', 'エミ']) {
      await consult(
        houkatsu,
        intake({ person: newPerson({ familyName: '鹿島', familyNameKana: 'カシマ', givenNameKana: given }) }),
      );
    }
    /** Every page of a search of three, following the cursor: the readings seen and the pages. */
    const pageThrough = async (search: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/api/persons?${search}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await houkatsu.get<SearchList>(query);
        expect(response.status).toBe(200);
        seen.push(...response.body.items.map((p) => p.givenNameKana));
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor && pages < 5);
      return { seen, pages };
    };
    const all = { seen: ['アキ', 'イネ', 'ウメ', 'エミ'], pages: 2 };
    expect(await pageThrough(`kana=${encodeURIComponent('かしま')}`)).toEqual(all);
    // the search box pages the same way (its candidates are sorted before any person is read)
    expect(await pageThrough(`q=${encodeURIComponent('鹿島')}`)).toEqual(all);
  });

  it('audits the query and the returned ids', async () => {
    await houkatsu.get<SearchList>(`/api/persons?kana=${encodeURIComponent('ｲｿﾊﾏ')}&birthDate=1948-03-03`);
    const audit = await api.server.latestAudit('person.search');
    expect(audit?.actor_login_id).toBe('houkatsu');
    expect(auditDetails(audit)).toEqual({
      query: { kana: 'イソハマ', q: null, birthDate: '1948-03-03', cursor: null },
      ids: [mother.person.id],
    });
  });

  it('refuses bad queries with 400 naming the parameter', async () => {
    const kanji = await houkatsu.get(`/api/persons?kana=${encodeURIComponent('磯浜')}`);
    expect(kanji.status).toBe(400);
    expect((kanji.body as Problem).errors).toEqual([
      expect.objectContaining({
        field: 'クエリ.kana',
        message: 'フリガナ（ひらがな・カタカナ）で検索してください',
      }),
    ]);
    expect(problemFields((await houkatsu.get('/api/persons')).body)).toEqual(['クエリ.kana']);
    expect(problemFields((await houkatsu.get(`/api/persons?kana=${encodeURIComponent('%')}`)).body)).toEqual([
      'クエリ.kana',
    ]);
    expect(problemFields((await houkatsu.get('/api/persons?kana=%E3%82%A2&limit=0')).body)).toEqual([
      'クエリ.limit',
    ]);
    expect(
      problemFields((await houkatsu.get('/api/persons?kana=%E3%82%A2&birthDate=1990-13-01')).body),
    ).toEqual(['クエリ.birthDate']);
    expect(problemFields((await houkatsu.get('/api/persons?kana=%E3%82%A2&cursor=bm9wZQ')).body)).toEqual([
      'クエリ.cursor',
    ]);
  });

  it('is 401 unauthenticated and 404 for roles without case data', async () => {
    expect((await api.server.anonymous().get('/api/persons?kana=a')).status).toBe(401);
    expect((await council.get('/api/persons?kana=いそはま')).status).toBe(404);
    expect((await plan.get('/api/persons?kana=いそはま')).status).toBe(404);
  });
});

describe('GET /api/persons/:id (persons.get)', () => {
  let consultation: Consultation;

  beforeAll(async () => {
    consultation = await consult(
      houkatsu,
      intake({
        person: newPerson({
          familyName: '桜田',
          familyNameKana: 'さくらだ',
          givenName: '良子',
          givenNameKana: 'よしこ',
        }),
        householdMembers: [
          {
            person: newPerson({
              familyName: '桜田',
              familyNameKana: 'さくらだ',
              givenName: '次郎',
              givenNameKana: 'じろう',
              birthDate: '1970-02-02',
              sex: 'male',
            }),
            relation: 'son',
            livingTogether: false,
          },
        ],
      }),
    );
  });

  it('shows a visible person with 満年齢, the households I may see and their members, and audits the read', async () => {
    const response = await houkatsu.get<Person>(`/api/persons/${consultation.person.id}`);
    expect(response.status).toBe(200);
    const today = clock.today();
    const age = Number(today.slice(0, 4)) - 1948 - (today.slice(5) < '03-03' ? 1 : 0);
    expect(response.body).toMatchObject({
      id: consultation.person.id,
      familyNameKana: 'サクラダ',
      givenNameKana: 'ヨシコ',
      age,
      registeredBy: { name: '地域包括支援センター' },
      households: [
        {
          householdId: consultation.householdId,
          relation: 'self',
          livingTogether: true,
          members: [
            {
              person: { givenName: '次郎', familyNameKana: 'サクラダ', birthDate: '1970-02-02' },
              relation: 'son',
              livingTogether: false,
            },
          ],
        },
      ],
      links: [],
    });
    const audit = await api.server.latestAudit('person.read');
    expect(audit?.person_id).toBe(consultation.person.id);
    expect(audit?.actor_login_id).toBe('houkatsu');
    expect(auditDetails(audit)).toEqual({
      households: [consultation.householdId],
      consultationIds: [consultation.id],
      caseIds: [],
    });

    const son = await houkatsu.get<Person>(`/api/persons/${consultation.householdMembers[0]?.person.id}`);
    expect(son.body.households[0]).toMatchObject({ relation: 'son', members: [{ relation: 'self' }] });
  });

  it('is 404 for another organisation, for an unknown id, 400 for a malformed id, 401 unauthenticated, 404 for council', async () => {
    for (const client of [hogokansatsu, shogai, coordinator]) {
      expect((await client.get(`/api/persons/${consultation.person.id}`)).status).toBe(404);
    }
    expect((await houkatsu.get('/api/persons/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await houkatsu.get('/api/persons/not-an-id');
    expect(malformed.status).toBe(400);
    expect(problemFields(malformed.body)).toEqual(['パス.id']);
    expect((await api.server.anonymous().get(`/api/persons/${consultation.person.id}`)).status).toBe(401);
    expect((await council.get(`/api/persons/${consultation.person.id}`)).status).toBe(404);
  });
});

describe('GET /api/persons/:id/duplicates and POST /api/persons/:id/link (persons.duplicates, persons.link)', () => {
  let handedOver: Consultation;
  let elsewhere: Consultation;
  let unrelated: Consultation;
  const twin = {
    familyName: '城山',
    givenName: '一郎',
    familyNameKana: 'しろやま',
    givenNameKana: 'いちろう',
    birthDate: '1961-07-07',
    sex: 'male',
  };

  beforeAll(async () => {
    handedOver = await consult(
      houkatsu,
      intake({
        person: newPerson(twin),
        outcome: { kind: 'handover', reason: '（試験）複合課題', servicesTried: '（試験）介護保険' },
      }),
    );
    // The same human registered at the probation office, in the same reading (written in katakana there).
    elsewhere = await consult(
      hogokansatsu,
      intake({
        person: newPerson({
          ...twin,
          familyName: '城山',
          familyNameKana: 'シロヤマ',
          givenNameKana: 'イチロウ',
        }),
      }),
    );
    unrelated = await consult(hogokansatsu, intake({ person: newPerson({ familyNameKana: 'べつじん' }) }));
  });

  it('shows the coordinator the other records with the same reading and birth date: identifying fields only', async () => {
    const response = await coordinator.get<{ items: Record<string, unknown>[] }>(
      `/api/persons/${handedOver.person.id}/duplicates`,
    );
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        id: elsewhere.person.id,
        familyName: '城山',
        givenName: '一郎',
        familyNameKana: 'シロヤマ',
        givenNameKana: 'イチロウ',
        birthDate: '1961-07-07',
        registeredBy: { id: api.dir.organization('鹿児島保護観察所'), name: '鹿児島保護観察所' },
        linked: false,
        abilities: { link: true },
      },
    ]);
    const audit = await api.server.latestAudit('person.duplicates');
    expect(audit?.person_id).toBe(handedOver.person.id);
    expect(auditDetails(audit)).toEqual({ ids: [elsewhere.person.id] });
  });

  it('is 404 for a caseworker (no person.link), for a person outside the coordinator’s cases, 401 unauthenticated', async () => {
    expect((await houkatsu.get(`/api/persons/${handedOver.person.id}/duplicates`)).status).toBe(404);
    expect((await coordinator.get(`/api/persons/${elsewhere.person.id}/duplicates`)).status).toBe(404);
    expect((await coordinator.get('/api/persons/bad/duplicates')).status).toBe(400);
    expect((await api.server.anonymous().get(`/api/persons/${handedOver.person.id}/duplicates`)).status).toBe(
      401,
    );
  });

  it('links the two records without merging them; each side shows the link to whom may see it', async () => {
    const bad = await coordinator.post(`/api/persons/${handedOver.person.id}/link`, { duplicateOfId: 'x' });
    expect(problemFields(bad.body)).toEqual(['duplicateOfId']);
    const self = await coordinator.post(`/api/persons/${handedOver.person.id}/link`, {
      duplicateOfId: handedOver.person.id,
    });
    expect(self.status).toBe(400);
    expect(problemFields(self.body)).toEqual(['duplicateOfId']);
    const stranger = await coordinator.post(`/api/persons/${handedOver.person.id}/link`, {
      duplicateOfId: unrelated.person.id,
    });
    expect(stranger.status).toBe(400);
    expect(problemFields(stranger.body)).toEqual(['duplicateOfId']);
    expect(
      (
        await houkatsu.post(`/api/persons/${handedOver.person.id}/link`, {
          duplicateOfId: elsewhere.person.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.server
          .anonymous()
          .post(`/api/persons/${handedOver.person.id}/link`, { duplicateOfId: elsewhere.person.id })
      ).status,
    ).toBe(401);

    const linked = await coordinator.post<Person>(`/api/persons/${handedOver.person.id}/link`, {
      duplicateOfId: elsewhere.person.id,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.links).toEqual([
      {
        personId: elsewhere.person.id,
        linkedAt: expect.any(String),
        person: {
          familyName: '城山',
          givenName: '一郎',
          familyNameKana: 'シロヤマ',
          givenNameKana: 'イチロウ',
          birthDate: '1961-07-07',
          registeredBy: { id: api.dir.organization('鹿児島保護観察所'), name: '鹿児島保護観察所' },
        },
      },
    ]);
    const audit = await api.server.latestAudit('person.link');
    expect(audit?.person_id).toBe(handedOver.person.id);
    expect(auditDetails(audit)).toMatchObject({ duplicateOfId: elsewhere.person.id });

    // The counter sees that a link exists, not whom it points to; so does the probation office.
    const fromCounter = await houkatsu.get<Person>(`/api/persons/${handedOver.person.id}`);
    expect(fromCounter.body.links).toEqual([
      { personId: elsewhere.person.id, linkedAt: expect.any(String), person: null },
    ]);
    const fromProbation = await hogokansatsu.get<Person>(`/api/persons/${elsewhere.person.id}`);
    expect(fromProbation.body.links).toEqual([
      { personId: handedOver.person.id, linkedAt: expect.any(String), person: null },
    ]);

    const duplicates = await coordinator.get<{ items: { linked: boolean; abilities: { link: boolean } }[] }>(
      `/api/persons/${handedOver.person.id}/duplicates`,
    );
    expect(duplicates.body.items).toEqual([
      expect.objectContaining({ linked: true, abilities: { link: false } }),
    ]);

    const again = await coordinator.post(`/api/persons/${handedOver.person.id}/link`, {
      duplicateOfId: elsewhere.person.id,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict.state' });

    const rows = await api.server.database.db
      .selectFrom('persons')
      .select('id')
      .where('id', 'in', [handedOver.person.id, elsewhere.person.id])
      .execute();
    expect(rows).toHaveLength(2);
  });
});
