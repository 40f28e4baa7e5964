/**
 * Shared body of the route loading states (`loading.tsx`): the page frame with one busy line.
 * `text` is already in the reader's language (a dictionary `loading`).
 */
export function LoadingView({ text }: { text: string }) {
  return (
    <main className="page">
      <p className="state-message" aria-busy="true" data-testid="loading">
        {text}
      </p>
    </main>
  );
}
