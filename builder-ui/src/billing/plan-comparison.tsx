import type { BillingOn, PlanId } from '../api/billing-queries.js';
import { Badge, Button } from '../ui/index.js';
import { LIMIT_ROWS, money } from './billing-words.js';

/**
 * The plans side by side, limit by limit. Plans above the current one offer Upgrade (Stripe
 * Checkout); a move down goes through Manage billing, where Stripe prorates it.
 */
export function PlanComparison(props: {
  billing: BillingOn;
  pending: PlanId | undefined;
  onUpgrade(plan: PlanId): void;
}) {
  const { billing } = props;
  // The service lists plans from the smallest up.
  const current = billing.plans.findIndex((plan) => plan.id === billing.plan);
  return (
    <section className="gf-billing-card" aria-labelledby="gf-billing-plans">
      <h2 id="gf-billing-plans">Plans</h2>
      <table className="gf-billing-table gf-plan-table">
        <thead>
          <tr>
            <td />
            {billing.plans.map((plan) => (
              <th scope="col" key={plan.id}>
                {plan.name}{' '}
                {plan.id === billing.plan ? <Badge tone="success">Current plan</Badge> : null}
                <div className="gf-muted gf-plan-price">
                  {plan.priceMonthly ? `${money(plan.priceMonthly)} a month` : 'No charge'}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LIMIT_ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {billing.plans.map((plan) => (
                <td key={plan.id}>{row.words(plan.limits)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            {billing.plans.map((plan, index) => (
              <td key={plan.id}>
                {index > current ? (
                  <Button
                    variant="primary"
                    size="small"
                    busy={props.pending === plan.id}
                    disabled={props.pending !== undefined}
                    onClick={() => props.onUpgrade(plan.id)}
                  >
                    Upgrade to {plan.name}
                  </Button>
                ) : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
