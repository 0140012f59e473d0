import { describe, expect, it } from 'vitest';
import {
  type DirectoryResource,
  derivedId,
  fromHsdsService,
  hsdsService,
} from '../../src/domain/resources/hsds.ts';

const resource: DirectoryResource = {
  hsdsId: '0b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
  name: '（試験）居場所',
  alternateName: null,
  description: '週2回の居場所',
  status: 'temporarily closed',
  kinds: ['ibasho', 'participationPlace'],
  needs: ['belonging'],
  organization: {
    hsdsId: '1b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
    name: '（試験）の会',
    description: '',
    email: 'kai@example.org',
    website: null,
    phone: '099-000-0001',
  },
  eligibilityDescription: '18歳以上',
  minimumAge: 18,
  maximumAge: null,
  feesDescription: '無料',
  applicationProcess: null,
  url: 'https://example.org/ibasho',
  email: null,
  phone: '099-000-0002',
  assuredOn: '2026-10-01',
  lastModified: '2026-11-30T01:02:03.456Z',
  locations: [
    {
      hsdsId: '2b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
      name: '公民館',
      postalCode: '892-0000',
      address: '鹿児島市（架空）1-1',
      city: '鹿児島市',
      schoolDistrict: '名山校区',
      district: '中央地区',
      transportation: 'バス停から徒歩3分',
      latitude: 31.59,
      longitude: 130.55,
    },
    {
      hsdsId: '3b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
      name: null,
      postalCode: null,
      address: null,
      city: null,
      schoolDistrict: null,
      district: '上町地区',
      transportation: null,
      latitude: null,
      longitude: null,
    },
  ],
  schedules: [
    {
      hsdsId: '4b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
      freq: 'MONTHLY',
      byday: ['2SA', '-1FR'],
      opensAt: '10:00',
      closesAt: '14:30',
      notes: '祝日休み',
    },
    {
      hsdsId: '5b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
      freq: 'WEEKLY',
      byday: ['TU'],
      opensAt: null,
      closesAt: null,
      notes: null,
    },
  ],
  contacts: [
    {
      hsdsId: '6b6c8a3e-8d5c-4f0e-9d7e-6a1f2b3c4d5e',
      name: '試験 花子',
      title: '世話人',
      department: null,
      email: null,
      phone: '099-000-0003',
    },
  ],
};

describe('HSDS 3.0 mapping', () => {
  it('reads back every field of a resource it wrote (round trip)', () => {
    expect(fromHsdsService(hsdsService(resource))).toEqual(resource);
  });

  it('is deterministic: the same resource gives the same JSON, derived ids included', () => {
    expect(JSON.stringify(hsdsService(resource))).toBe(
      JSON.stringify(hsdsService(structuredClone(resource))),
    );
  });

  it('leaves out empty fields instead of writing null (HSDS fields are not nullable)', () => {
    const json = JSON.stringify(hsdsService(resource));
    expect(json).not.toContain('null');
    const service = hsdsService(resource) as Record<string, unknown>;
    expect(service).not.toHaveProperty('alternate_name');
    expect(service).not.toHaveProperty('maximum_age');
    const locations = service.service_at_locations as { location: { addresses: unknown[] } }[];
    expect(locations[1]?.location.addresses).toEqual([]);
  });

  it('writes hours with the Japan offset and reads hours in any HSDS form back as HH:MM', () => {
    const service = hsdsService(resource) as { schedules: { opens_at?: string; byday: string }[] };
    expect(service.schedules[0]).toMatchObject({ opens_at: '10:00+09:00', byday: '2SA,-1FR' });
    const read = fromHsdsService({
      id: resource.hsdsId,
      name: 'x',
      status: 'bogus',
      schedules: [{ id: 'a', freq: 'DAILY', byday: ' MO , WE ', opens_at: '09:05:00', closes_at: '17:30Z' }],
    });
    expect(read.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: ['MO', 'WE'],
      opensAt: '09:05',
      closesAt: '17:30',
    });
    expect(read.status).toBe('active');
    expect(read.kinds).toEqual([]);
    expect(read.organization.name).toBe('（提供団体名なし）');
  });

  it('keeps only Kasane’s known kinds and needs from attributes', () => {
    const read = fromHsdsService({
      id: resource.hsdsId,
      name: 'x',
      status: 'active',
      attributes: [
        { id: 'a', taxonomy_term: { code: 'kasane:kind:salon' } },
        { id: 'b', taxonomy_term: { code: 'kasane:kind:unknown' } },
        { id: 'c', taxonomy_term: { code: 'kasane:need:food' } },
        { id: 'd', taxonomy_term: { code: 'other:taxonomy' } },
      ],
    });
    expect(read.kinds).toEqual(['salon']);
    expect(read.needs).toEqual(['food']);
  });

  it('derives version-5 style ids, stable and distinct', () => {
    const id = derivedId('ns', 'name');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('ns', 'name')).toBe(id);
    expect(derivedId('ns', 'other')).not.toBe(id);
    expect(derivedId('n', 'sname')).not.toBe(derivedId('ns', 'name'));
  });
});
