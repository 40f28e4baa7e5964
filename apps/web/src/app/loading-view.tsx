/**
 * Shared body of the route loading states (`loading.tsx`): the page frame with one busy line.
 * `text` is already in the reader's language (a dictionary `loading`); `title` repeats the
 * page's heading where the page keeps it in view while loading; `testId` defaults to `loading`.
 */
export function LoadingView({
  text,
  title,
  testId = 'loading',
}: {
  text: string;
  title?: string;
  testId?: string;
}) {
  return (
    <main className="page">
      {title ? <h1 className="page-title">{title}</h1> : null}
      <p className="state-message" aria-busy="true" data-testid={testId}>
        {text}
      </p>
    </main>
  );
}
