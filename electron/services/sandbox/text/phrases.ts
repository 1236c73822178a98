import { pick, token, type Rng } from '../prng';
import type { ByLanguage, Language } from './languages';

const ANSWERS: ByLanguage<string> = {
  en: ['I love this hobby and want to learn from others', 'A friend invited me', 'Yes, I read the rules', 'Found you through a search', 'Been doing this for five years', 'Just moved here and looking to meet people', 'yes', 'Looking for beginner advice'],
  es: ['Me encanta este tema y quiero aprender', 'Me invitó una amiga', 'Sí, he leído las normas', 'Os encontré buscando en internet', 'Llevo años con esto', 'sí'],
  de: ['Ich interessiere mich schon lange dafür', 'Ein Freund hat mich eingeladen', 'Ja, Regeln gelesen', 'Über die Suche gefunden', 'Bin neu in der Stadt', 'ja'],
  pt: ['Adoro o assunto e quero aprender', 'Uma amiga me convidou', 'Sim, li as regras', 'Achei vocês pesquisando', 'Faço isso há anos', 'sim'],
  fr: ["J'adore ce sujet et je veux apprendre", "Une amie m'a invité", "Oui, j'ai lu le règlement", 'Trouvé via une recherche', 'Je viens de déménager ici', 'oui'],
};

/** Copy-pasted spam: the same few texts turn up across many requests and groups. */
const SPAM: readonly string[] = [
  'Earn $5,000 weekly from home!!! DM me for details 💰💰',
  'I am a certified crypto trader, contact me on WhatsApp +1 555 0100 for guaranteed profits',
  'Check my profile for a special gift 🎁🎁',
  'Investment opportunity, 300% return in 7 days, ask me how',
  'Hello dear, I want to be your friend, add me',
];

const LINK_TEMPLATES: readonly ((id: string) => string)[] = [
  (id) => `https://bit.ly/${id}`,
  (id) => `join my channel t.me/${id}`,
  (id) => `www.free-gift-cards.example/claim?id=${id}`,
  (id) => `https://discord.gg/${id} better server here`,
];

const RAID_ANSWERS: readonly string[] = ['hi pls accept', 'hi pls accept!!', 'Hi pls accept', 'hi plz accept 🙏', 'hi pls accept.'];

export const normalAnswer = (rng: Rng, language: Language): string => pick(rng, ANSWERS[language]);
export const spamText = (rng: Rng): string => pick(rng, SPAM);
export const linkText = (rng: Rng): string => pick(rng, LINK_TEMPLATES)(token(rng, 7));
export const raidAnswer = (rng: Rng): string => pick(rng, RAID_ANSWERS);

const CHAT: ByLanguage<string> = {
  en: ['Has anyone tried the new route by the river?', 'I think the meetup is on Saturday', 'Thanks, that helped a lot!', 'Does anyone know a good repair shop?', 'lol same here', 'Welcome to the group!', 'Can someone share the rules again?', 'Photos from yesterday are up', 'I disagree, but fair point', 'Is it still on if it rains?'],
  es: ['¿Alguien ha probado la ruta nueva?', 'Creo que la quedada es el sábado', '¡Gracias, me ayudó mucho!', '¿Conocéis un buen taller?', 'jajaja igual', '¡Bienvenida al grupo!', 'Ya subí las fotos de ayer'],
  de: ['Hat jemand die neue Strecke ausprobiert?', 'Das Treffen ist am Samstag, oder?', 'Danke, hat sehr geholfen!', 'Kennt jemand eine gute Werkstatt?', 'haha, geht mir genauso', 'Willkommen in der Gruppe!', 'Fotos von gestern sind online'],
  pt: ['Alguém já testou a trilha nova?', 'Acho que o encontro é no sábado', 'Valeu, ajudou muito!', 'Alguém conhece uma boa oficina?', 'kkkk igual', 'Bem-vinda ao grupo!', 'Subi as fotos de ontem'],
  fr: ["Quelqu'un a testé le nouveau parcours ?", 'Je crois que la rencontre est samedi', "Merci, ça m'a beaucoup aidé !", "Quelqu'un connaît un bon réparateur ?", 'mdr pareil', 'Bienvenue dans le groupe !', "Les photos d'hier sont en ligne"],
};

export const chatLine = (rng: Rng, language: Language): string => pick(rng, CHAT[language]);

/** Why a message was reported, and what such a message looks like. */
export interface ReportTheme {
  readonly reason: string;
  readonly body: (rng: Rng) => string;
}

export const REPORT_THEMES: readonly ReportTheme[] = [
  { reason: 'spam', body: spamText },
  { reason: 'scam or phishing link', body: linkText },
  { reason: 'harassment', body: (rng) => pick(rng, ['Nobody wants you here, just leave.', 'You are an idiot and everyone knows it', 'Keep posting and see what happens 🙂']) },
  { reason: 'hate speech', body: (rng) => pick(rng, ['People like you should be banned from everything', 'Go back to where you came from']) },
  { reason: 'off-topic', body: (rng) => pick(rng, ['Anyone selling concert tickets?', 'Vote for my cat in this contest please!!']) },
  { reason: 'explicit content', body: () => '[image: explicit content hidden in preview]' },
  { reason: 'impersonation', body: () => 'This is the admin team. Send me your password so we can verify your account.' },
  { reason: 'automatic filter: link from a new account', body: linkText },
];
