import type { Dictionary } from '../../../i18n/en';
import { inviteAction } from '../../members/invite-actions';
import { InviteForm } from '../../members/invite-form';

/**
 * "Invite the owner" of one site (org admins and installers, as the API allows): email and the
 * mail's language; the invitation has role owner and names this site.
 */
export function InviteOwner({ siteId, t }: { siteId: string; t: Dictionary }) {
  const m = t.accounts.invite;
  return (
    <section className="fleet-card" aria-labelledby="invite-owner-title" data-testid="invite-owner">
      <h2 id="invite-owner-title">{m.ownerTitle}</h2>
      <p className="page-subtitle">{m.ownerIntro}</p>
      <InviteForm action={inviteAction.bind(null, siteId)} withRole={false} testId="invite-owner-form" />
    </section>
  );
}
