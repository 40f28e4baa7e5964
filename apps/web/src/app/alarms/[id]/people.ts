import type { AlarmDetail, Member } from '../../../lib/api/types';

type Person = AlarmDetail['people'][number];

/** A person as shown: the name, and the organisation when it is not the caller's (a support desk). */
export function personLabel(person: Pick<Person, 'name' | 'organisation'>): string {
  return person.organisation ? `${person.name} (${person.organisation})` : person.name;
}

/**
 * Display names by user id for an alarm page: the people the API named on the alarm (everyone
 * who acted on it, whatever the caller's role), the caller's own members, and the caller as "you".
 * An id missing here is shown raw: the API did not let this caller see that name.
 */
export function alarmNames(
  people: Person[],
  members: Pick<Member, 'id' | 'name'>[],
  me: { id: string; name: string } | undefined,
  you: string,
): Map<string, string> {
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const person of people) {
    names.set(person.id, personLabel(person));
  }
  if (me) {
    names.set(me.id, `${me.name} (${you})`);
  }
  return names;
}
