import type { FastifyInstance } from 'fastify';
import { seedDemoForms } from './demoForms.ts';
import { type DemoUser, demoLogins, signInAll } from './demoUser.ts';
import { demoStories } from './stories/index.ts';
import { type DemoCast, meetingKinds, organizationsByName } from './story.ts';

/**
 * The demo's casework: synthetic cases across every stage (./stories, one story a file), made
 * through the real API (in-process, `app.inject`) as the demo users would make them, so every
 * record, participant, timeline entry and audit event is exactly what the app itself writes.
 * All people are generated.
 */

/** Seed the demo cases; call once, on a freshly seeded demo tenant. */
export async function seedDemoCases(app: FastifyInstance): Promise<void> {
  const users = await signInAll(app, demoLogins);
  const { coordinator } = users;
  const cast: DemoCast = {
    coordinator,
    users,
    orgs: await organizationsByName(coordinator),
    kinds: await meetingKinds(coordinator),
  };
  for (const story of demoStories) await story.tell(cast);
  await assignCoordinator(coordinator);
  // issue 11: the 8050 household's genogram and ecomap, and 支援経過記録 (src/server/demo/demoForms.ts)
  await seedDemoForms(app);
}

/**
 * The coordinator carries every open case of the coordinating section as its 担当職員 (cases.assign),
 * so that the April reshuffle (users.bulkReassign) has real cases to count and move in the demo.
 */
async function assignCoordinator(coordinator: DemoUser): Promise<void> {
  const me = await coordinator.call<{ user: { id: string } }>('GET', '/api/session');
  const open: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: { id: string; abilities: { assign: boolean } }[]; nextCursor: string | null } =
      await coordinator.call('GET', `/api/cases?limit=100${query}`);
    open.push(...page.items.filter((item) => item.abilities.assign).map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  // Oldest change first: assigning touches updated_at, and the case list keeps its order.
  for (const caseId of open.reverse()) {
    await coordinator.call('PUT', `/api/cases/${caseId}/assignee`, { userId: me.user.id });
  }
}
