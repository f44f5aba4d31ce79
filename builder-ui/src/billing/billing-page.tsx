import { Link, useParams } from 'react-router';
import {
  isWebUrl,
  useBilling,
  useCheckout,
  usePortal,
  type BillingOn,
  type PlanId,
} from '../api/billing-queries.js';
import { Badge, Button, ErrorState, LoadingState, errorMessage } from '../ui/index.js';
import { day, LIMIT_ROWS, money, planWords } from './billing-words.js';
import { PlanComparison } from './plan-comparison.js';
import { UsageMeter } from './usage-meter.js';
import './billing.css';

/** Leaving the builder for Stripe's pages (replaceable in tests: jsdom cannot navigate). */
export const browser = {
  go(url: string): void {
    window.location.assign(url);
  },
};

/**
 * `/guilds/:guildId/billing`: the plan, its use this period (meters), renewal, invoices, the
 * plans to upgrade to (Stripe Checkout), Manage billing (Stripe's portal) and the graphs a
 * downgrade turned off. With billing off (self-hosted) there is nothing to show but that.
 */
export function BillingPage() {
  const { guildId = '' } = useParams();
  const billing = useBilling(guildId);
  return (
    <main id="main" className="gf-page">
      <div className="gf-page-header">
        <h1>Plan and billing</h1>
      </div>
      {billing.isPending ? (
        <LoadingState label="Loading the plan" />
      ) : billing.isError ? (
        <ErrorState
          error={billing.error}
          title="The plan could not be loaded"
          onRetry={() => void billing.refetch()}
        />
      ) : billing.data.billing === 'off' ? (
        <p className="gf-muted">
          This Guildflow is self-hosted: there are no plans or limits to manage.
        </p>
      ) : (
        <BillingDetails guildId={guildId} billing={billing.data} />
      )}
    </main>
  );
}

function BillingDetails({ guildId, billing }: { guildId: string; billing: BillingOn }) {
  const checkout = useCheckout(guildId);
  const portal = usePortal(guildId);
  const failure = checkout.error ?? portal.error;
  const badge = planWords(billing);
  const follow = ({ url }: { url: string }) => {
    if (isWebUrl(url)) browser.go(url);
  };
  const manage = () => portal.mutate(undefined, { onSuccess: follow });
  // A paid plan changes in the portal (Stripe prorates it); a second Checkout would start a
  // second subscription, which the service refuses (409 subscription_exists).
  const upgrade = (plan: PlanId) =>
    plan === 'free' || billing.plan !== 'free'
      ? manage()
      : checkout.mutate(plan, { onSuccess: follow });
  // A customer exists once something was paid: before that, there is no portal to open.
  const canManage = billing.plan !== 'free' || (billing.invoices?.length ?? 0) > 0;

  return (
    <>
      {billing.status === 'past_due' ? (
        <p className="gf-billing-alert" role="alert">
          The last payment failed.{' '}
          {billing.graceEndsAt
            ? `Update the payment method by ${day(billing.graceEndsAt)}, or the server moves to the Free plan and its newest graphs beyond Free’s limit are turned off.`
            : 'Update the payment method to keep this plan.'}
        </p>
      ) : null}
      {billing.status === 'canceled' ? (
        <p className="gf-notice" role="status">
          The subscription was canceled: this server is on the {billing.planName} plan
          {billing.renewsAt ? ` until ${day(billing.renewsAt)}` : ''}.
        </p>
      ) : null}
      {failure ? (
        <p className="gf-billing-alert" role="alert">
          Stripe could not be opened: {errorMessage(failure)}
        </p>
      ) : null}

      <section className="gf-billing-card" aria-labelledby="gf-billing-current">
        <div className="gf-billing-card-header">
          <div>
            <h2 id="gf-billing-current">
              Current plan: {billing.planName}{' '}
              {/* The badge says what the name does not: a failed payment. */}
              {billing.status === 'past_due' ? <Badge tone={badge.tone}>{badge.text}</Badge> : null}
            </h2>
            <p className="gf-muted">
              This period: {day(billing.usage.periodStart)} – {day(billing.usage.periodEnd)}
              {billing.renewsAt && billing.status !== 'canceled'
                ? ` · renews ${day(billing.renewsAt)}`
                : ''}
            </p>
          </div>
          {canManage ? (
            <Button busy={portal.isPending} onClick={manage}>
              Manage billing
            </Button>
          ) : null}
        </div>
        <UsageMeter
          label="Published graphs"
          used={billing.usage.publishedGraphs}
          limit={billing.limits.publishedGraphs}
        />
        <UsageMeter
          label="Runs this period"
          used={billing.usage.runsThisPeriod}
          limit={billing.limits.runsPerMonth}
        />
        <dl className="gf-billing-limits">
          {LIMIT_ROWS.slice(2).map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.words(billing.limits)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {billing.disabledGraphs.length > 0 ? (
        <section className="gf-billing-card" aria-labelledby="gf-billing-disabled">
          <h2 id="gf-billing-disabled">Graphs turned off by the plan change</h2>
          <p className="gf-muted">
            The plan allows fewer published graphs, so the newest were turned off. Upgrade, or turn
            another graph off and these back on.
          </p>
          <ul>
            {billing.disabledGraphs.map((graph) => (
              <li key={graph.graphId}>
                <Link to={`/guilds/${guildId}/graphs/${graph.graphId}`}>{graph.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <PlanComparison
        billing={billing}
        pending={checkout.isPending ? checkout.variables : undefined}
        onUpgrade={upgrade}
      />

      {billing.invoices && billing.invoices.length > 0 ? (
        <section className="gf-billing-card" aria-labelledby="gf-billing-invoices">
          <h2 id="gf-billing-invoices">Invoices</h2>
          <table className="gf-billing-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Invoice</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {billing.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>{day(invoice.createdAt)}</td>
                  <td>
                    {isWebUrl(invoice.url) ? (
                      <a href={invoice.url} target="_blank" rel="noreferrer">
                        {invoice.number ?? invoice.id}
                      </a>
                    ) : (
                      (invoice.number ?? invoice.id)
                    )}
                  </td>
                  <td>{money({ amount: invoice.amountPaid, currency: invoice.currency })}</td>
                  <td>{invoice.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
