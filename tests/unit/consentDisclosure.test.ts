import { describe, expect, it } from 'vitest';
import { type ConsentContext, disclosedConsentScope } from '../../src/domain/consentDisclosure.ts';

const recorder = 'org-recorder';
const probation = 'org-probation';
const centre = 'org-centre';
const meetingInvitee = 'org-invitee';
const coordinating = 'org-coordinating';
const scope = {
  categories: ['basic', 'consultation', 'offence', 'health'],
  organizationIds: [recorder, probation, centre, meetingInvitee],
};
const context = (overrides: Partial<ConsentContext> = {}): ConsentContext => ({
  recordedByOrganizationId: recorder,
  grantedCategories: new Set(),
  ...overrides,
});

describe('disclosedConsentScope', () => {
  it('shows everything to the recording organisation and to the coordinating section', () => {
    expect(
      disclosedConsentScope(scope, { organizationId: recorder, isCoordinatingSection: false }, context()),
    ).toEqual(scope);
    expect(
      disclosedConsentScope(scope, { organizationId: coordinating, isCoordinatingSection: true }, context()),
    ).toEqual(scope);
  });

  it('shows an organisation with no grant only the basic categories and, of the organisations, itself', () => {
    expect(
      disclosedConsentScope(
        scope,
        { organizationId: meetingInvitee, isCoordinatingSection: false },
        context(),
      ),
    ).toEqual({ categories: ['basic', 'consultation'], organizationIds: [meetingInvitee] });
    expect(
      disclosedConsentScope(
        scope,
        { organizationId: 'org-unnamed', isCoordinatingSection: false },
        context(),
      ),
    ).toEqual({ categories: ['basic', 'consultation'], organizationIds: [] });
  });

  it('shows a granted category to the organisation granted it, and still hides the others', () => {
    expect(
      disclosedConsentScope(
        scope,
        { organizationId: probation, isCoordinatingSection: false },
        context({ grantedCategories: new Set(['offence']) }),
      ),
    ).toEqual({ categories: ['basic', 'consultation', 'offence'], organizationIds: [probation] });
    expect(
      disclosedConsentScope(
        scope,
        { organizationId: probation, isCoordinatingSection: false },
        context({ grantedCategories: new Set(['offence', 'health']) }),
      ),
    ).toEqual(scope);
  });

  it('leaves a consent without sensitive categories whole for everyone', () => {
    const plain = { categories: ['basic', 'plan'], organizationIds: [recorder, probation] };
    expect(
      disclosedConsentScope(
        plain,
        { organizationId: meetingInvitee, isCoordinatingSection: false },
        context(),
      ),
    ).toEqual(plain);
  });

  it('treats each organisation alone: the centre named beside the probation office learns nothing of it', () => {
    expect(
      disclosedConsentScope(scope, { organizationId: centre, isCoordinatingSection: false }, context()),
    ).toEqual({ categories: ['basic', 'consultation'], organizationIds: [centre] });
  });
});
