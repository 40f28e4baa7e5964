export default function Loading() {
  return (
    <main className="page">
      <p className="state-message" aria-busy="true">
        Loading sites…
      </p>
    </main>
  );
}
