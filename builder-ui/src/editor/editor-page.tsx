import { Link, useParams } from 'react-router';

/**
 * Stand-in for the editor route until the editor's branch lands (it replaces this file); the
 * shell lazy-loads this module as its own chunk.
 */
export function EditorPage() {
  const { guildId = '', graphId = '' } = useParams();
  return (
    <main id="main" className="gf-page">
      <h1>Graph editor</h1>
      <p className="gf-muted">Graph {graphId}</p>
      <Link to={`/guilds/${guildId}/graphs`}>Back to the graphs</Link>
    </main>
  );
}
