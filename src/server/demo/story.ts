import type { z } from 'zod';
import type { assessmentInputSchema } from '../../contract/assessments.ts';
import type { closeCaseInputSchema } from '../../contract/cases.ts';
import type { consentInputSchema } from '../../contract/consents.ts';
import type { ConsultationInput } from '../../contract/consultations.ts';
import type { monitoringInputSchema } from '../../contract/monitorings.ts';
import type { NewPersonInput } from '../../contract/persons.ts';
import type { planItemInputSchema } from '../../contract/plans.ts';
import { at, daysAgo, daysAhead } from './demoDays.ts';
import type { DemoLogin, DemoUser } from './demoUser.ts';

/**
 * The typed builder the demo stories (./stories) are told with: each step is one call of the real
 * API, with the contract's input type, made by the user who would make it in the city.
 */

export type MeetingKind = 'supportMeeting' | 'multilayerMeeting';

/** What every story acts on: the coordinating section, the organisations by name, the meeting kinds. */
export interface DemoWorld {
  coordinator: DemoUser;
  /** Organisation id by name (the demo's organisation names are unique). */
  orgs: Record<string, string>;
  kinds: Record<MeetingKind, string>;
}

/** The demo world with its users, as a story gets it. */
export interface DemoCast extends DemoWorld {
  users: Record<DemoLogin, DemoUser>;
}

/** One story of the demo municipality, told through the API. */
export interface DemoStory {
  /** What the story shows, in a few words. */
  about: string;
  tell(cast: DemoCast): Promise<void>;
}

export type NewPerson = NewPersonInput & { sex: 'male' | 'female' };

/** A synthetic person of the demo, living at a fictitious address in the city. */
export function person(
  familyName: string,
  givenName: string,
  familyNameKana: string,
  givenNameKana: string,
  birthDate: string,
  sex: 'male' | 'female',
): NewPerson {
  return {
    familyName,
    givenName,
    familyNameKana,
    givenNameKana,
    birthDate,
    sex,
    address: '鹿児島市（架空の住所）',
  };
}

type Relation = NonNullable<ConsultationInput['householdMembers']>[number]['relation'];
type Topic = ConsultationInput['mainTopic'];
type AssessmentInput = z.input<typeof assessmentInputSchema>;

/** A member of the household a consultation records. */
export interface DemoMember {
  person: NewPerson;
  relation: Relation;
  livingTogether: boolean;
}

/** A household member who lives with the person the consultation is about. */
export function livingWith(relation: Relation, member: NewPerson): DemoMember {
  return { person: member, relation, livingTogether: true };
}

/** A consultation as a story tells it: new people, taken at the counter by a visit. */
export interface DemoConsultation {
  person: NewPerson;
  members?: DemoMember[];
  visitor?: { name: string; relation: Relation } | null;
  /** 相談内容; the first is the main one (◎) unless `mainTopic` names another. */
  topics: Topic[];
  mainTopic?: Topic;
  content: string;
  wishes?: string;
  /** 本人同意 to share: given unless the story says otherwise. */
  consentToShare?: boolean;
  receivedDaysAgo: number;
  outcome: ConsultationInput['outcome'];
}

/** The outcome of a consultation handed over to the coordinating section (重層事業へ引継ぎ). */
export function handover(reason: string, servicesTried: string): ConsultationInput['outcome'] {
  return { kind: 'handover', reason, servicesTried };
}

/** Take a consultation at `counter`'s organisation. */
export async function consultation(counter: DemoUser, body: DemoConsultation) {
  const { members, receivedDaysAgo, ...rest } = body;
  return counter.call<{ id: string; person: { id: string } }>('POST', '/api/consultations', {
    ...rest,
    householdMembers: members ?? [],
    visitor: body.visitor ?? null,
    channel: 'visit',
    mainTopic: body.mainTopic ?? body.topics[0] ?? 'other',
    consentToShare: body.consentToShare ?? true,
    receivedOn: daysAgo(receivedDaysAgo),
  } satisfies ConsultationInput);
}

/** The newest handover of a consultation. */
export async function handoverIdOf(counter: DemoUser, consultationId: string): Promise<string> {
  const detail = await counter.call<{ handovers: { id: string }[] }>(
    'GET',
    `/api/consultations/${consultationId}`,
  );
  const newest = detail.handovers[0];
  if (!newest) throw new Error('demo: no handover');
  return newest.id;
}

export type DemoPlanItem = Omit<
  z.input<typeof planItemInputSchema>,
  'organizationId' | 'periodFrom' | 'periodTo'
> & {
  /** The organisation holding the item, by name. */
  organization: string;
};

/** A plan as the API answers it, as far as the stories read it. */
export interface DemoPlan {
  id: string;
  items: { id: string }[];
}

/** The id of the plan's item at `index` (from 0); a story names only items its plan has. */
export function itemOf(plan: DemoPlan, index: number): string {
  const item = plan.items[index];
  if (!item) throw new Error(`demo: the plan has no item ${index}`);
  return item.id;
}

/**
 * A case of the demo, from the handover its coordinator accepted; its methods are the casework
 * steps, made by the coordinating section unless a user is named.
 */
export class DemoCase {
  private constructor(
    private readonly world: DemoWorld,
    readonly caseId: string,
    /** The person the consultation was about. */
    readonly personId: string,
    /** Everyone in the case (the person and the household members). */
    readonly personIds: string[],
  ) {}

  /** Take a consultation at `counter`, hand it over, and have the coordinator accept it. */
  static async accept(world: DemoWorld, counter: DemoUser, input: DemoConsultation): Promise<DemoCase> {
    const taken = await consultation(counter, input);
    const handoverId = await handoverIdOf(counter, taken.id);
    const accepted = await world.coordinator.call<{ caseId: string }>(
      'POST',
      `/api/handovers/${handoverId}/accept`,
    );
    const detail = await world.coordinator.call<{ persons: { id: string }[] }>(
      'GET',
      `/api/cases/${accepted.caseId}`,
    );
    return new DemoCase(
      world,
      accepted.caseId,
      taken.person.id,
      detail.persons.map((p) => p.id),
    );
  }

  private get path(): string {
    return `/api/cases/${this.caseId}`;
  }

  /** 課題整理, with the demo's usual wishes and strengths. */
  async assess(
    issues: AssessmentInput['issues'],
    householdFlags: AssessmentInput['householdFlags'],
    summary: string,
  ): Promise<void> {
    await this.world.coordinator.call('PUT', `${this.path}/assessment`, {
      issues,
      householdFlags,
      summary,
      wishes: '（本人）できれば今の家で暮らし続けたい。',
      strengths: '近所に見守ってくれる知人がいる。',
      relations: [],
    } satisfies AssessmentInput);
  }

  /** The person's signed consent to share with the named organisations, given that many days ago. */
  async consent(
    organizationNames: string[],
    givenDaysAgo: number,
    categories: z.input<typeof consentInputSchema>['categories'] = [
      'basic',
      'consultation',
      'assessment',
      'plan',
    ],
  ): Promise<void> {
    await this.world.coordinator.call('POST', '/api/consents', {
      personId: this.personId,
      caseId: this.caseId,
      organizationIds: this.orgIds(organizationNames),
      categories,
      givenOn: daysAgo(givenDaysAgo),
      method: 'signedForm',
    } satisfies Partial<z.input<typeof consentInputSchema>>);
  }

  /**
   * A meeting of `kind` with the named organisations, held that many days ago with its minutes; the
   * `acknowledgers` acknowledge its confidentiality first. Returns the meeting's id.
   */
  async heldMeeting(
    kind: MeetingKind,
    organizationNames: string[],
    heldDaysAgo: number,
    acknowledgers: DemoUser[] = [],
  ): Promise<string> {
    const { coordinator } = this.world;
    const meeting = await coordinator.call<{ id: string }>('POST', `${this.path}/meetings`, {
      kindId: this.world.kinds[kind],
      title:
        kind === 'supportMeeting' ? '支援会議（情報共有・見守り）' : '重層的支援会議（支援プランの協議）',
      scheduledAt: at(heldDaysAgo, '14:00'),
      place: '市役所本館 会議室',
      agenda: '1. 課題の共有\n2. 役割分担の協議',
      invitedOrganizationIds: this.orgIds(organizationNames),
    });
    for (const user of acknowledgers) await user.call('POST', `/api/meetings/${meeting.id}/acknowledgement`);
    await coordinator.call('POST', `/api/meetings/${meeting.id}/minutes`, {
      heldAt: at(heldDaysAgo, '14:00'),
      attendance: organizationNames.map((n) => ({
        organizationId: orgId(this.world, n),
        attended: true,
        attendeeName: `${n} 担当者`,
      })),
      minutes: '各機関から状況を報告し、今後の支援方針を確認した。',
      decisions:
        kind === 'multilayerMeeting'
          ? '支援プラン案のとおり役割分担を決定した。'
          : '同意取得まで各機関で見守りを継続する。',
    });
    return meeting.id;
  }

  /**
   * A plan with these items, decided at a 重層的支援会議 of the named organisations held that many
   * days ago (see approvedPlan).
   */
  async decidedPlan(
    organizationNames: string[],
    heldDaysAgo: number,
    items: DemoPlanItem[],
    nextMonitoringOn: string,
  ): Promise<DemoPlan> {
    const meetingId = await this.heldMeeting('multilayerMeeting', organizationNames, heldDaysAgo);
    return this.approvedPlan(meetingId, items, nextMonitoringOn);
  }

  /** A plan with these items (running from 40 days ago to 150 days ahead), approved at `meetingId`. */
  async approvedPlan(meetingId: string, items: DemoPlanItem[], nextMonitoringOn: string): Promise<DemoPlan> {
    const plan = await this.world.coordinator.call<DemoPlan>('POST', `${this.path}/plans`, {
      wishes: '家族それぞれが安心して暮らせるようにしたい。',
      longTermGoal: '世帯が地域の中で孤立せずに生活を続けられる。',
      shortTermGoals: '必要な制度につながり、定期的に支援者と会える。',
      nextMonitoringOn,
      items: items.map(({ organization, ...item }) => ({
        content: item.content,
        organizationId: orgId(this.world, organization),
        frequency: item.frequency,
        periodFrom: daysAgo(40),
        periodTo: daysAhead(150),
        links: item.links ?? [],
      })),
    });
    await this.world.coordinator.call('POST', `/api/plans/${plan.id}/approve`, { meetingId });
    return plan;
  }

  /** A monitoring conducted that many days ago. */
  async monitoring(
    conductedDaysAgo: number,
    input: Omit<z.input<typeof monitoringInputSchema>, 'conductedOn'>,
  ): Promise<void> {
    await this.world.coordinator.call('POST', `${this.path}/monitorings`, {
      conductedOn: daysAgo(conductedDaysAgo),
      ...input,
    });
  }

  async close(input: z.input<typeof closeCaseInputSchema>): Promise<void> {
    await this.world.coordinator.call('POST', `${this.path}/close`, input);
  }

  async suspend(reason: string): Promise<void> {
    await this.world.coordinator.call('POST', `${this.path}/suspend`, { reason });
  }

  async reopen(reason: string): Promise<void> {
    await this.world.coordinator.call('POST', `${this.path}/reopen`, { reason });
  }

  private orgIds(names: string[]): string[] {
    return names.map((n) => orgId(this.world, n));
  }
}

/** The id of the organisation of that name. */
export function orgId(world: DemoWorld, name: string): string {
  const id = world.orgs[name];
  if (!id) throw new Error(`demo: no organisation named ${name}`);
  return id;
}

/** A support report on a plan item, done that many days ago. */
export async function report(user: DemoUser, planItemId: string, supportedDaysAgo: number, content: string) {
  await user.call('POST', '/api/support-reports', {
    planItemId,
    supportedOn: daysAgo(supportedDaysAgo),
    content,
    result: 'done',
  });
}

/** The ids of the two meeting kinds the stories hold. */
export async function meetingKinds(user: DemoUser): Promise<Record<MeetingKind, string>> {
  const { items } = await user.call<{ items: { id: string; code: string }[] }>('GET', '/api/meeting-kinds');
  const id = (code: string) => items.find((k) => k.code === code)?.id ?? '';
  return { supportMeeting: id('supportMeeting'), multilayerMeeting: id('multilayerMeeting') };
}

/** The organisations of the tenant by name. */
export async function organizationsByName(user: DemoUser): Promise<Record<string, string>> {
  const { items } = await user.call<{ items: { id: string; name: string }[] }>('GET', '/api/organizations');
  return Object.fromEntries(items.map((o) => [o.name, o.id]));
}
