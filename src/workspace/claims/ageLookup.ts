import type { Claim } from '../../core/claims';
import { ageOwnerOf } from './compare';

// The ages of one group, looked up by value and by owner. Every age is in one group (whoever
// it is of, see `groupKey`), and an archive holds thousands: comparing each with all of them
// made the claim index four times slower. An age links only with the same owner's age, or, when
// one of the two may be anyone's ("the boy", "the 36-year-old"), with an age of the same value
// (`ageOwners`), so those are the only ones worth comparing.

export class AgeLookup<M extends { claim: Claim }> {
  private readonly byValue = new Map<number, Set<M>>();
  private readonly byOwner = new Map<string, Set<M>>();
  /** Ages without a single value ("in his early 30s", "about 20"): compared with every age. */
  private readonly unvalued = new Set<M>();

  add(m: M): void {
    const value = single(m.claim);
    if (value !== null) add(this.byValue, value, m);
    else this.unvalued.add(m);
    const owner = ageOwnerOf(m.claim);
    if (owner !== null && !owner.noun) add(this.byOwner, owner.owner, m);
  }

  delete(m: M): void {
    const value = single(m.claim);
    if (value !== null) remove(this.byValue, value, m);
    else this.unvalued.delete(m);
    const owner = ageOwnerOf(m.claim);
    if (owner !== null && !owner.noun) remove(this.byOwner, owner.owner, m);
  }

  /**
   * The members `m` may link with: a named person's ages and the ages of its value; the ages of
   * its value alone when it may be anyone's; every member when it has no single value ("in his
   * early 30s", "about 20"); and always the ages without one.
   */
  *candidates(m: M, all: ReadonlySet<M>): Iterable<M> {
    const value = single(m.claim);
    if (value === null) {
      yield* all;
      return;
    }
    const owner = ageOwnerOf(m.claim);
    const named = owner !== null && !owner.noun ? this.byOwner.get(owner.owner) : undefined;
    if (named !== undefined) yield* named;
    for (const other of this.byValue.get(value) ?? []) if (named === undefined || !named.has(other)) yield other;
    yield* this.unvalued;
  }
}

/** The one value an age allows, or null for a hedged or vague one. */
function single(c: Claim): number | null {
  return c.hedge === null ? c.value : null;
}

function add<K, M>(map: Map<K, Set<M>>, key: K, m: M): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(m);
}

function remove<K, M>(map: Map<K, Set<M>>, key: K, m: M): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(m);
  if (set.size === 0) map.delete(key);
}
