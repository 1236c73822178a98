/**
 * Words the synthetic backlog is made of. Picks are skewed (see `skewedPick`) so a few
 * words are common and most are rare, as in real text: searches then range from
 * "matches a third of the table" to "matches a few hundred rows".
 */
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Grace', 'Jack', 'Chloe', 'Owen', 'Zoë', 'Ryan', 'Nora', 'Kai',
  'Lucía', 'Mateo', 'Sofía', 'Hugo', 'Jürgen', 'Anja', 'Sören', 'Beatriz', 'João', 'Gonçalo', 'Léa', 'Théo', 'Maëlle',
  'Łukasz', 'Ngozi', 'Aiko', 'Dmitri', 'Priya', 'Mehmet', 'Astrid', 'Tomás', 'Yara', 'Ilse', 'Kwame', 'Rosa', 'Ahmad',
] as const;

export const LAST_NAMES = [
  'Smith', 'Walker', 'Hughes', 'Patel', 'Nguyen', "O'Brien", 'Campbell', 'Okafor', 'Kim', 'García', 'Martínez', 'López',
  'Müller', 'Schmidt', 'Weiß', 'Groß', 'Silva', 'Conceição', 'Araújo', 'Lefèvre', 'Moreau', 'Chevalier', 'Kowalski',
  'Tanaka', 'Ivanova', 'Sharma', 'Yılmaz', 'Lindqvist', 'Fernández', 'Mensah', 'Rossi', 'Haddad', 'Novák', 'Jensen',
] as const;

export const WORDS = [
  'group', 'join', 'love', 'friend', 'community', 'photos', 'garden', 'tomatoes', 'hiking', 'local', 'neighbour', 'music',
  'recipes', 'vintage', 'bikes', 'cats', 'dogs', 'sourdough', 'chess', 'knitting', 'birding', 'climbing', 'football',
  'running', 'swap', 'market', 'village', 'school', 'parents', 'volunteer', 'events', 'history', 'railway', 'astronomy',
  'fishing', 'pottery', 'sketching', 'cycling', 'jazz', 'vinyl', 'camping', 'sailing', 'beekeeping', 'orchids', 'bonsai',
  'quilting', 'woodwork', 'ceramics', 'poetry', 'theatre', 'cinema', 'anime', 'retro', 'gaming', 'coding', 'linux',
  'drones', 'radio', 'aquarium', 'reptiles', 'horses', 'farming', 'compost', 'seeds', 'harvest', 'mushrooms', 'foraging',
  'cheese', 'coffee', 'tea', 'baking', 'vegan', 'spices', 'noodles', 'dumplings', 'tacos', 'pizza', 'barbecue', 'wine',
  'brewing', 'cider', 'kombucha', 'yoga', 'pilates', 'rowing', 'kayak', 'surfing', 'skating', 'snowboard', 'tennis',
  'badminton', 'cricket', 'rugby', 'hockey', 'karate', 'judo', 'fencing', 'archery', 'genealogy', 'stamps', 'coins',
  'minerals', 'fossils', 'lighthouses', 'castles', 'bridges', 'tramways', 'canals', 'windmills', 'zeppelins', 'quasar',
] as const;

/** Answers that spammers paste by the thousand: they make clusters. */
export const PASTED_ANSWERS = [
  'pls accept me admin',
  'Earn $500 a day from home, see https://spam.example/win',
  'hi i am new here accept',
  'Crypto signals free: t.me/pumpgroup',
  'I agree to the rules',
] as const;

/** Index into a list of `size`, biased towards the start: `u` is uniform in [0, 1). */
export const skewedPick = (u: number, size: number): number => Math.min(size - 1, Math.floor(size * u * u * u));
