import Link from 'next/link';

export default function StringNotFound() {
  return (
    <main className="page">
      <div className="fleet-card">
        <h1 className="page-title">String not found</h1>
        <p className="page-subtitle">It does not exist, or it belongs to another organisation.</p>
        <Link href="/sites">Back to sites</Link>
      </div>
    </main>
  );
}
