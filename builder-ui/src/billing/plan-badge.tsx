import { Link } from 'react-router';
import { useBillingOn } from '../api/billing-queries.js';
import { planWords } from './billing-words.js';
import './billing.css';

/**
 * The guild's plan in the header, linking to its billing page: "Free", "Premium", or "Payment
 * failed — fix by …" while a failed payment's grace period runs. Nothing when billing is off.
 */
export function PlanBadge({ guildId }: { guildId: string }) {
  const billing = useBillingOn(guildId);
  if (!billing) return null;
  const { text, tone } = planWords(billing);
  return (
    <Link
      to={`/guilds/${guildId}/billing`}
      className={`gf-plan-badge gf-plan-badge-${tone}`}
      aria-label={`Plan: ${text}. Open plan and billing`}
    >
      {text}
    </Link>
  );
}
