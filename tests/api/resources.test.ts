import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/contract/resources.ts';
import { demoApi } from '../support/demoApi.ts';
import { SECOND_TENANT } from '../support/secondTenant.ts';
import { auditDetails, problemFields } from '../support/testServer.ts';

const api = demoApi('coordinator', 'houkatsu', 'plan', 'council');
const { coordinator, houkatsu, plan, council } = api;

interface Summary {
  id: string;
  name: string;
  kinds: string[];
  needs: string[];
  schoolDistricts: string[];
  districts: string[];
  nearness: string;
  status: string;
}
interface List {
  items: Summary[];
  areas: { districts: { name: string; schoolDistricts: string[] }[] };
}

const newResource = (name: string) => ({
  name,
  description: '（試験用）週2回開く居場所。',
  kinds: ['ibasho', 'participationPlace'],
  needs: ['belonging'],
  organization: { name: '（試験用）居場所の会', website: 'https://example.org/ibasho' },
  minimumAge: 18,
  feesDescription: '無料',
  phone: '099-000-9999',
  locations: [
    { name: '公民館', address: '鹿児島市（架空）1-1', schoolDistrict: '名山校区', district: '中央地区' },
  ],
  schedules: [{ freq: 'WEEKLY', byday: ['TU', 'FR'], opensAt: '10:00', closesAt: '15:00' }],
  contacts: [{ title: '世話人', name: '試験 花子', phone: '099-000-9998' }],
});

describe('resources.list', () => {
  it('serves the demo directory of at least 30 resources to every caseworker, with its areas', async () => {
    const response = await houkatsu.get<List>('/api/resources?includeInactive=true');
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThanOrEqual(30);
    const districts = response.body.areas.districts.map((d) => d.name);
    expect(districts).toEqual(expect.arrayContaining(['中央地区', '谷山地区', '桜島地区']));
    expect(response.body.areas.districts.find((d) => d.name === '中央地区')?.schoolDistricts).toContain(
      '名山校区',
    );
    // another city's directory is not there
    expect(response.body.items.map((i) => i.name).join()).not.toContain('霧島');
  });

  it('searches by need, kind and words; hides closed resources unless asked', async () => {
    const byKind = await houkatsu.get<List>('/api/resources?kind=cooperatingEmployer');
    expect(byKind.body.items.length).toBeGreaterThanOrEqual(3);
    expect(byKind.body.items.every((i) => i.kinds.includes('cooperatingEmployer'))).toBe(true);

    const byNeeds = await houkatsu.get<List>('/api/resources?need=housing&need=reentry');
    expect(byNeeds.body.items.length).toBeGreaterThan(0);
    expect(byNeeds.body.items.every((i) => i.needs.includes('housing') || i.needs.includes('reentry'))).toBe(
      true,
    );

    const byWords = await houkatsu.get<List>(`/api/resources?q=${encodeURIComponent('みかん 収穫')}`);
    expect(byWords.body.items.map((i) => i.name)).toEqual(['桜島みかん農家の就労体験']);

    const open = await houkatsu.get<List>('/api/resources?kind=childrenCafeteria');
    const all = await houkatsu.get<List>('/api/resources?kind=childrenCafeteria&includeInactive=true');
    expect(open.body.items.some((i) => i.status === 'temporarily closed')).toBe(true);
    expect(all.body.items.length).toBeGreaterThanOrEqual(open.body.items.length);
    const wildcard = await houkatsu.get<List>(`/api/resources?q=${encodeURIComponent('%_')}`);
    expect(wildcard.body.items).toEqual([]);
  });

  it('finds resources near a 校区: that 校区 first, then the rest of its 地区, nothing farther', async () => {
    const response = await houkatsu.get<List>(
      `/api/resources?kind=ibasho&schoolDistrict=${encodeURIComponent('清水校区')}`,
    );
    const items = response.body.items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]?.nearness).toBe('schoolDistrict');
    expect(items[0]?.schoolDistricts).toContain('清水校区');
    expect(items.every((i) => i.districts.includes('上町地区'))).toBe(true);
    const nearness = items.map((i) => i.nearness);
    expect(nearness).toEqual(
      [...nearness].sort((a, b) => (a === 'schoolDistrict' ? -1 : b === 'schoolDistrict' ? 1 : 0)),
    );
  });

  it('refuses bad filters with 400 naming the field, and roles without the directory with 403', async () => {
    const bad = await houkatsu.get('/api/resources?kind=unknownKind');
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body).join()).toContain('kind');
    expect((await council.get('/api/resources')).status).toBe(403);
  });
});

describe('resources.create, get, update', () => {
  it('lets the coordinating section add a resource with its provider, places, hours and contacts; audited', async () => {
    const created = await coordinator.post<Resource>('/api/resources', newResource('（試験用）居場所その1'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '（試験用）居場所その1',
      status: 'active',
      kinds: ['ibasho', 'participationPlace'],
      organization: { name: '（試験用）居場所の会', website: 'https://example.org/ibasho' },
      locations: [{ schoolDistrict: '名山校区', district: '中央地区', address: '鹿児島市（架空）1-1' }],
      schedules: [{ freq: 'WEEKLY', byday: ['TU', 'FR'], opensAt: '10:00', closesAt: '15:00', notes: null }],
      contacts: [{ title: '世話人', name: '試験 花子' }],
      abilities: { update: true },
    });
    expect(created.body.hsdsId).toBe(created.body.id);
    const audit = await api.server.latestAudit('resource.create');
    expect(audit?.resource_id).toBe(created.body.id);
    expect(auditDetails(audit).name).toBe('（試験用）居場所その1');

    // a caseworker reads it but may not change it
    const read = await houkatsu.get<Resource>(`/api/resources/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.abilities.update).toBe(false);
    const refused = await houkatsu.request('PUT', `/api/resources/${created.body.id}`, newResource('変更'));
    expect(refused.status).toBe(403);

    // 地域福祉課 keeps the directory too; the provider is found again by name, not duplicated
    const second = await plan.post<Resource>('/api/resources', newResource('（試験用）居場所その2'));
    expect(second.status).toBe(201);
    expect(second.body.organization.id).toBe(created.body.organization.id);
  });

  it('updates the whole record, keeping the HSDS ids of places, hours and contacts', async () => {
    const created = await coordinator.post<Resource>('/api/resources', newResource('（試験用）居場所その3'));
    const before = await api.server.database.db
      .selectFrom('resources')
      .select(['locations', 'schedules'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const updated = await coordinator.request<Resource>('PUT', `/api/resources/${created.body.id}`, {
      ...newResource('（試験用）居場所その3（改称）'),
      status: 'temporarily closed',
      locations: [
        { name: '新会場', schoolDistrict: '清水校区', district: '上町地区' },
        { name: '第2会場', schoolDistrict: '大龍校区', district: '上町地区' },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('（試験用）居場所その3（改称）');
    expect(updated.body.locations.map((l) => l.schoolDistrict)).toEqual(['清水校区', '大龍校区']);
    const after = await api.server.database.db
      .selectFrom('resources')
      .select(['locations', 'schedules', 'school_districts'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const parse = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(parse(after.locations)[0]?.hsdsId).toBe(parse(before.locations)[0]?.hsdsId);
    expect(parse(after.schedules)[0]?.hsdsId).toBe(parse(before.schedules)[0]?.hsdsId);
    expect(after.school_districts).toEqual(['清水校区', '大龍校区']);
    expect((await api.server.latestAudit('resource.update'))?.resource_id).toBe(created.body.id);
  });

  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const count = async () =>
      (
        await api.server.database.db
          .selectFrom('resources')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const response = await coordinator.post('/api/resources', {
      ...newResource(''),
      kinds: [],
      minimumAge: 40,
      maximumAge: 20,
      url: 'javascript:alert(1)',
      schedules: [{ freq: 'WEEKLY', byday: ['XX'], opensAt: '15:00', closesAt: '10:00' }],
    });
    expect(response.status).toBe(400);
    expect(problemFields(response.body)).toEqual(
      expect.arrayContaining(['name', 'kinds', 'url', 'schedules.0.byday.0']),
    );
    expect(await count()).toBe(before);
  });

  it('answers 404 for another city’s resource', async () => {
    const other = await api.server.database.db
      .selectFrom('resources as r')
      .innerJoin('tenants as t', 't.id', 'r.tenant_id')
      .select('r.id')
      .where('t.code', '=', SECOND_TENANT.code)
      .executeTakeFirstOrThrow();
    expect((await houkatsu.get(`/api/resources/${other.id}`)).status).toBe(404);
    expect((await coordinator.request('PUT', `/api/resources/${other.id}`, newResource('他市'))).status).toBe(
      404,
    );
  });
});
