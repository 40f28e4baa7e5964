import styles from './load-more-button.module.css';

interface LoadMoreButtonProps {
  onClick: () => void;
  pending: boolean;
  /** The button's words, already in the reader's language: idle and while the next page loads. */
  label: string;
  pendingLabel: string;
  testId: string;
}

/** The centred "Load more" button under a cursor-paged list (sites, alarm inbox); disabled while a page loads. */
export function LoadMoreButton({ onClick, pending, label, pendingLabel, testId }: LoadMoreButtonProps) {
  return (
    <div className={styles.more}>
      <button
        type="button"
        className="fleet-button"
        onClick={onClick}
        disabled={pending}
        data-testid={testId}
      >
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
