import { chance, intBetween, pick, token, type Rng } from '../prng';
import type { ByLanguage, Language } from './languages';

const FIRST: ByLanguage<string> = {
  en: ['Olivia', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Grace', 'Jack', 'Chloe', 'Owen', 'Zoe', 'Ryan', 'Nora', 'Kai'],
  es: ['Lucía', 'Mateo', 'Sofía', 'Hugo', 'Valentina', 'Diego', 'Carmen', 'Javier', 'Elena', 'Pablo', 'Inés', 'Álvaro'],
  de: ['Lena', 'Jonas', 'Mia', 'Lukas', 'Hannah', 'Felix', 'Jürgen', 'Anja', 'Tobias', 'Greta', 'Maximilian', 'Sören'],
  pt: ['Beatriz', 'João', 'Mariana', 'Thiago', 'Camila', 'Gonçalo', 'Larissa', 'Rafael', 'Inês', 'Caio', 'Letícia'],
  fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Théo', 'Manon', 'Raphaël', 'Élodie', 'Gaël', 'Maëlle', 'Noé'],
};

const LAST: ByLanguage<string> = {
  en: ['Smith', 'Walker', 'Hughes', 'Patel', 'Nguyen', "O'Brien", 'Campbell', 'Wright', 'Okafor', 'Kim', 'Reid'],
  es: ['García', 'Martínez', 'López', 'Sánchez', 'Romero', 'Navarro', 'Ortega', 'Rubio', 'Castillo', 'Peña'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Groß'],
  pt: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Conceição', 'Araújo'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Fontaine', 'Chevalier'],
};

/**
 * Names the console must render as inert text: markup, bidi overrides, zero-width
 * joiners, emoji sequences, combining marks, very long or blank-looking strings.
 */
export const HOSTILE_NAMES: readonly string[] = [
  '<script>alert("name")</script>',
  '"><img src=x onerror=alert(1)>',
  '<b>Admin</b> &amp; co',
  'محمد عبد الله',
  'דניאל כהן',
  '\u202Egnp.exe\u202C Moderator',
  'Zero\u200BWidth\u200DJoiner',
  '\u200B\u200B\u200B',
  '👩‍👩‍👧‍👦 Family Account 🏳️‍🌈',
  'Z̵̡̛a̶͚͝l̷̰̈g̸̯̾ö̴̜',
  'Robert"); DROP TABLE members;--',
  '${jndi:ldap://example.invalid/a}',
  'ａｄｍｉｎ (fullwidth)',
  'A'.repeat(180),
  '   leading and trailing   ',
  'new\nline name',
];

/** Accounts from a raid: throwaway names with a shared stem. */
const RAID_STEMS = ['crypto_gains', 'free_followers', 'hot_deals', 'promo_team', 'airdrop_alert'];

export interface GeneratedName {
  readonly displayName: string;
  readonly username: string | null;
}

export function personName(rng: Rng, language: Language, hostileRate: number): GeneratedName {
  if (chance(rng, hostileRate)) {
    return { displayName: pick(rng, HOSTILE_NAMES), username: chance(rng, 0.5) ? `user_${token(rng, 6)}` : null };
  }
  const first = pick(rng, FIRST[language]);
  const last = pick(rng, LAST[language]);
  const displayName = chance(rng, 0.15) ? `${first} ${last.charAt(0)}.` : chance(rng, 0.08) ? `${first} ✨` : `${first} ${last}`;
  const plain = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const username = chance(rng, 0.2) ? null : `${plain(first)}${chance(rng, 0.5) ? '_' : ''}${plain(last)}${intBetween(rng, 0, 99)}`;
  return { displayName, username };
}

/** Raid accounts look alike on purpose: the console should cluster them. */
export function raidName(rng: Rng, raidSeed: number, ordinal: number): GeneratedName {
  const stem = RAID_STEMS[raidSeed % RAID_STEMS.length] ?? 'promo';
  return { displayName: `${stem.replace('_', ' ')} ${1000 + ordinal}`, username: `${stem}_${token(rng, 4)}` };
}

/** Other admins of the same communities, who sometimes decide before we do. */
export const OTHER_ADMINS: readonly string[] = ['Rosa Delgado', 'mod_kenji', 'Amara (co-admin)', 'Hendrik', 'Sam ✦ night shift'];
