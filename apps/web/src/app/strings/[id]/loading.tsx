export default function Loading() {
  return (
    <main className="page">
      <p className="state-message" aria-busy="true" data-testid="loading">
        Loading string…
      </p>
    </main>
  );
}
