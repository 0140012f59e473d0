import type { PolicyActor } from './actor.ts';

/** A 要配慮個人情報 fact as the rules need it. */
export interface SensitiveFactFacts {
  person_id: string;
  recorded_by_organization_id: string;
}

/** A grant of a fact to an organisation: the recording organisation holds one by law ('recorder'). */
export interface GrantFacts {
  legal_basis: string;
}

/** Whether the actor may record a new sensitive fact about a person of a case they take part in. */
export function mayRecordSensitiveFact(actor: PolicyActor): boolean {
  return actor.permissions.has('sensitiveFact.manage');
}

/** Whether the actor may reveal (read the content of) a fact their organisation holds a grant of. */
export function mayRevealSensitiveFact(actor: PolicyActor): boolean {
  return actor.permissions.has('sensitiveFact.read');
}

/**
 * Who may grant a fact onward (and revoke such grants): its recording organisation, or the
 * coordinating section of a case of the person. `coordinatedPersons` are the persons of the cases
 * the actor's organisation coordinates (a query: src/db/sensitiveFacts.ts coordinatedPersonIds).
 */
export function mayGrantSensitiveFact(
  actor: PolicyActor,
  fact: SensitiveFactFacts,
  coordinatedPersons: ReadonlySet<string>,
): boolean {
  return (
    actor.permissions.has('sensitiveFact.manage') &&
    (fact.recorded_by_organization_id === actor.organizationId ||
      (actor.permissions.has('case.coordinate') && coordinatedPersons.has(fact.person_id)))
  );
}

/** Whether a grant may be revoked by one who may grant the fact: every grant but the recorder's own. */
export function mayRevokeGrant(mayGrant: boolean, grant: GrantFacts): boolean {
  return mayGrant && grant.legal_basis !== 'recorder';
}

export function sensitiveFactAbilities(
  actor: PolicyActor,
  fact: SensitiveFactFacts,
  coordinatedPersons: ReadonlySet<string>,
) {
  return {
    reveal: mayRevealSensitiveFact(actor),
    grant: mayGrantSensitiveFact(actor, fact, coordinatedPersons),
  };
}
