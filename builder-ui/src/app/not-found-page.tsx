import { Link } from 'react-router';

/** Any address the builder has no page for. */
export function NotFoundPage() {
  return (
    <main id="main" className="gf-page">
      <div className="gf-state">
        <h1>No such page</h1>
        <p className="gf-muted">This address is not part of the builder.</p>
        <div className="gf-state-action">
          <Link className="gf-button gf-button-primary" to="/">
            Go to your servers
          </Link>
        </div>
      </div>
    </main>
  );
}
