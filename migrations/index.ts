import * as foundation from './2026112201_foundation';

/** Every migration, in order. Add new ones here; never edit one that has shipped. */
export const migrations = {
  '2026112201_foundation': foundation,
};
