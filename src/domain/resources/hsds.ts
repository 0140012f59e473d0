import { createHash } from 'node:crypto';
import { resourceKinds, resourceNeeds } from './codes.ts';

/**
 * The 社会資源 directory as Open Referral HSDS 3.0 (docs/resources.md "HSDS mapping"): a resource
 * is an HSDS service with its organization, service_at_locations (location + address, 校区/地区 as
 * attributes), schedules, contacts (with phones), phones, and its kinds and needs as attributes
 * with taxonomy terms. Pure: the same resource always gives the same JSON, and a service Kasane
 * exported reads back as the same resource, so a directory survives export → import → export.
 */

/** A place where a resource is offered (HSDS location + its address), with the city's areas. */
export interface DirectoryLocation {
  hsdsId: string;
  name: string | null;
  postalCode: string | null;
  address: string | null;
  city: string | null;
  /** 校区 (elementary-school district) */
  schoolDistrict: string | null;
  /** 地区 (the city's area of several 校区) */
  district: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** When a resource is open (HSDS schedule: an iCal RRULE's FREQ and BYDAY with hours). */
export interface DirectorySchedule {
  hsdsId: string;
  freq: 'WEEKLY' | 'MONTHLY';
  /** BYDAY values: `MO` weekly; `2SA` (second Saturday) or `-1FR` monthly */
  byday: string[];
  opensAt: string | null;
  closesAt: string | null;
  notes: string | null;
}

/** A named contact of a resource (HSDS contact with one phone). */
export interface DirectoryContact {
  hsdsId: string;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
}

/** A resource as the directory holds it, with the HSDS id of every part. */
export interface DirectoryResource {
  hsdsId: string;
  name: string;
  alternateName: string | null;
  description: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  kinds: string[];
  needs: string[];
  organization: {
    hsdsId: string;
    name: string;
    description: string;
    email: string | null;
    website: string | null;
    phone: string | null;
  };
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  feesDescription: string | null;
  applicationProcess: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
  assuredOn: string | null;
  /** ISO 8601 with milliseconds */
  lastModified: string;
  locations: DirectoryLocation[];
  schedules: DirectorySchedule[];
  contacts: DirectoryContact[];
}

type Json = Record<string, unknown>;

/** RFC 4122 version-5 style id (SHA-1 of a namespace and a name): stable ids for derived parts. */
export function derivedId(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}\u0000${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const TAXONOMY_NS = 'kasane:taxonomy';
export const KIND_PREFIX = 'kasane:kind:';
export const NEED_PREFIX = 'kasane:need:';
export const SCHOOL_DISTRICT_CODE = 'kasane:area:schoolDistrict';
export const DISTRICT_CODE = 'kasane:area:district';
/** Japan's time zone, written on opening hours as HSDS asks (HH:MM with an offset). */
const OFFSET = '+09:00';

/** Drop null and undefined fields: HSDS fields are typed strings and numbers, not nullable. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

function taxonomyTerm(code: string, name: string, taxonomy: string): Json {
  return { id: derivedId(TAXONOMY_NS, code), code, name, description: name, taxonomy, language: 'ja' };
}

function attribute(linkId: string, linkEntity: 'service' | 'location', term: Json, value?: string): Json {
  return compact({
    id: derivedId(linkId, String(term.code)),
    link_id: linkId,
    taxonomy_term_id: term.id,
    link_type: linkEntity,
    link_entity: linkEntity,
    value,
    taxonomy_term: term,
  });
}

function kindTerm(code: string): Json {
  const label = resourceKinds.find((k) => k.code === code)?.label ?? code;
  return taxonomyTerm(`${KIND_PREFIX}${code}`, label, 'Kasane 社会資源の種別');
}
function needTerm(code: string): Json {
  const label = resourceNeeds.find((k) => k.code === code)?.label ?? code;
  return taxonomyTerm(`${NEED_PREFIX}${code}`, label, 'Kasane 社会資源が応えるニーズ');
}
const schoolDistrictTerm = () => taxonomyTerm(SCHOOL_DISTRICT_CODE, '校区', 'Kasane 地域区分');
const districtTerm = () => taxonomyTerm(DISTRICT_CODE, '地区', 'Kasane 地域区分');

/** The provider as HSDS `organization` (the basic fields of `/organizations`, with its phone). */
export function hsdsOrganization(org: DirectoryResource['organization'], options: { phones: boolean }): Json {
  return compact({
    id: org.hsdsId,
    name: org.name,
    description: org.description,
    email: org.email,
    website: org.website,
    ...(options.phones
      ? {
          phones: org.phone
            ? [
                {
                  id: derivedId(org.hsdsId, 'phone'),
                  organization_id: org.hsdsId,
                  number: org.phone,
                  type: 'voice',
                },
              ]
            : [],
        }
      : {}),
  });
}

/** The one-to-one fields of a service (an item of the paginated `/services`). */
export function hsdsServiceSummary(r: DirectoryResource): Json {
  return compact({
    id: r.hsdsId,
    organization_id: r.organization.hsdsId,
    name: r.name,
    alternate_name: r.alternateName,
    description: r.description,
    url: r.url,
    email: r.email,
    status: r.status,
    application_process: r.applicationProcess,
    fees_description: r.feesDescription,
    eligibility_description: r.eligibilityDescription,
    minimum_age: r.minimumAge,
    maximum_age: r.maximumAge,
    assured_date: r.assuredOn,
    last_modified: r.lastModified,
  });
}

/** A fully nested HSDS 3.0 service (`/services/{id}`). */
export function hsdsService(r: DirectoryResource): Json {
  const serviceId = r.hsdsId;
  return {
    ...hsdsServiceSummary(r),
    organization: hsdsOrganization(r.organization, { phones: true }),
    phones: r.phone
      ? [{ id: derivedId(serviceId, 'phone'), service_id: serviceId, number: r.phone, type: 'voice' }]
      : [],
    schedules: r.schedules.map((s) =>
      compact({
        id: s.hsdsId,
        service_id: serviceId,
        freq: s.freq,
        byday: s.byday.join(','),
        opens_at: s.opensAt ? `${s.opensAt}${OFFSET}` : null,
        closes_at: s.closesAt ? `${s.closesAt}${OFFSET}` : null,
        notes: s.notes,
      }),
    ),
    service_at_locations: r.locations.map((l) => ({
      id: derivedId(serviceId, l.hsdsId),
      service_id: serviceId,
      location_id: l.hsdsId,
      location: compact({
        id: l.hsdsId,
        location_type: 'physical',
        organization_id: r.organization.hsdsId,
        name: l.name,
        transportation: l.transportation,
        latitude: l.latitude,
        longitude: l.longitude,
        addresses:
          l.address || l.postalCode || l.city
            ? [
                {
                  id: derivedId(l.hsdsId, 'address'),
                  location_id: l.hsdsId,
                  address_1: l.address ?? '',
                  city: l.city ?? '',
                  state_province: '',
                  postal_code: l.postalCode ?? '',
                  country: 'JP',
                  address_type: 'physical',
                },
              ]
            : [],
        attributes: [
          ...(l.schoolDistrict
            ? [attribute(l.hsdsId, 'location', schoolDistrictTerm(), l.schoolDistrict)]
            : []),
          ...(l.district ? [attribute(l.hsdsId, 'location', districtTerm(), l.district)] : []),
        ],
      }),
    })),
    contacts: r.contacts.map((c) =>
      compact({
        id: c.hsdsId,
        service_id: serviceId,
        name: c.name,
        title: c.title,
        department: c.department,
        email: c.email,
        phones: c.phone
          ? [{ id: derivedId(c.hsdsId, 'phone'), contact_id: c.hsdsId, number: c.phone, type: 'voice' }]
          : [],
      }),
    ),
    attributes: [
      ...r.kinds.map((k) => attribute(serviceId, 'service', kindTerm(k))),
      ...r.needs.map((n) => attribute(serviceId, 'service', needTerm(n))),
    ],
  };
}

// ---------------------------------------------------------------- reading a service back

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const array = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
/** `10:00+09:00`, `10:00:00`, `10:00Z` → `10:00` (Kasane keeps hours in Japan time). */
const hhmm = (value: unknown): string | null => {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)/.exec(value) : null;
  return match ? `${match[1]}:${match[2]}` : null;
};
const termCode = (a: Json): string => String((a.taxonomy_term as Json | undefined)?.code ?? '');
const firstPhone = (phones: unknown): string | null => text(array(phones)[0]?.number);

/**
 * A service of an HSDS 3.0 file as a directory resource. Fields Kasane does not hold (programs,
 * funding, languages …) are left aside; kinds and needs come from attributes whose taxonomy term
 * carries Kasane's codes; 校区 and 地区 from the location's attributes.
 */
export function fromHsdsService(service: Json): DirectoryResource {
  const serviceId = String(service.id);
  const org = (service.organization as Json | undefined) ?? {};
  const attributes = array(service.attributes);
  const codes = (prefix: string, known: readonly { code: string }[]) =>
    attributes
      .map(termCode)
      .filter((code) => code.startsWith(prefix))
      .map((code) => code.slice(prefix.length))
      .filter((code) => known.some((k) => k.code === code));
  const status = String(service.status);
  return {
    hsdsId: serviceId,
    name: String(service.name ?? ''),
    alternateName: text(service.alternate_name),
    description: typeof service.description === 'string' ? service.description : '',
    status: (['active', 'inactive', 'defunct', 'temporarily closed'].includes(status)
      ? status
      : 'active') as DirectoryResource['status'],
    kinds: [...new Set(codes(KIND_PREFIX, resourceKinds))],
    needs: [...new Set(codes(NEED_PREFIX, resourceNeeds))],
    organization: {
      hsdsId: text(org.id) ?? text(service.organization_id) ?? derivedId(serviceId, 'organization'),
      name: text(org.name) ?? '（提供団体名なし）',
      description: typeof org.description === 'string' ? org.description : '',
      email: text(org.email),
      website: text(org.website),
      phone: firstPhone(org.phones),
    },
    eligibilityDescription: text(service.eligibility_description),
    minimumAge: numberOrNull(service.minimum_age),
    maximumAge: numberOrNull(service.maximum_age),
    feesDescription: text(service.fees_description),
    applicationProcess: text(service.application_process),
    url: text(service.url),
    email: text(service.email),
    phone: firstPhone(service.phones),
    assuredOn: text(service.assured_date),
    lastModified: text(service.last_modified) ?? '',
    locations: array(service.service_at_locations).flatMap((sal) => {
      const location = sal.location as Json | undefined;
      if (!location) return [];
      const address = array(location.addresses)[0];
      const area = (code: string) =>
        text(array(location.attributes).find((a) => termCode(a) === code)?.value);
      return [
        {
          hsdsId: String(location.id ?? sal.location_id),
          name: text(location.name),
          postalCode: text(address?.postal_code),
          address: text(address?.address_1),
          city: text(address?.city),
          schoolDistrict: area(SCHOOL_DISTRICT_CODE),
          district: area(DISTRICT_CODE),
          transportation: text(location.transportation),
          latitude: numberOrNull(location.latitude),
          longitude: numberOrNull(location.longitude),
        },
      ];
    }),
    schedules: array(service.schedules).map((s) => ({
      hsdsId: String(s.id),
      freq: s.freq === 'MONTHLY' ? 'MONTHLY' : 'WEEKLY',
      byday: (text(s.byday) ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      opensAt: hhmm(s.opens_at),
      closesAt: hhmm(s.closes_at),
      notes: text(s.notes),
    })),
    contacts: array(service.contacts).map((c) => ({
      hsdsId: String(c.id),
      name: text(c.name),
      title: text(c.title),
      department: text(c.department),
      email: text(c.email),
      phone: firstPhone(c.phones),
    })),
  };
}
