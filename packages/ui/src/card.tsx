import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  /** Right-aligned content of the title row, e.g. a badge or a link. */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A bordered surface grouping related content. Styles: `@fleet/ui/styles.css`. */
export function Card({ title, aside, children, className }: CardProps) {
  return (
    <section className={className ? `fleet-card ${className}` : 'fleet-card'}>
      {title !== undefined || aside !== undefined ? (
        <header className="fleet-card__header">
          {title !== undefined ? <h2 className="fleet-card__title">{title}</h2> : null}
          {aside}
        </header>
      ) : null}
      {children}
    </section>
  );
}
