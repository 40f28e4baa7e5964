import { redirect } from 'next/navigation';
import { getMe } from '../lib/me';

/** The start page: an owner's own system (the owner portal), everyone else the fleet view. */
export default async function Home(): Promise<never> {
  const me = await getMe();
  redirect(me?.role === 'owner' ? '/my-system' : '/fleet');
}
