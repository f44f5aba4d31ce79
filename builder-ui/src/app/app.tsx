/** The builder's root: routes and providers land here. */
export function App() {
  return (
    <main>
      <h1>Guildflow</h1>
    </main>
  );
}
