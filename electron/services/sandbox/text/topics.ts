import type { ByLanguage } from './languages';

/** A topic a community is about: its name in one language and the tags it carries. */
export interface Topic {
  readonly name: string;
  readonly tags: readonly string[];
}

export const TOPICS: ByLanguage<Topic> = {
  en: [
    { name: 'Riverside Cyclists', tags: ['cycling', 'local'] },
    { name: 'Urban Gardening Club', tags: ['gardening', 'local'] },
    { name: 'Retro Game Collectors', tags: ['gaming', 'collecting'] },
    { name: 'Night Sky Watchers', tags: ['astronomy'] },
    { name: 'Sourdough Bakers', tags: ['cooking'] },
    { name: 'Indie Music Makers', tags: ['music'] },
    { name: 'Trail Runners', tags: ['running', 'outdoors'] },
  ],
  es: [
    { name: 'Jardinería Urbana', tags: ['gardening'] },
    { name: 'Fotografía Nocturna', tags: ['photography'] },
    { name: 'Cocina de la Abuela', tags: ['cooking'] },
    { name: 'Ciclistas de Montaña', tags: ['cycling', 'outdoors'] },
    { name: 'Intercambio de Idiomas', tags: ['languages'] },
  ],
  de: [
    { name: 'Berliner Radfahrer', tags: ['cycling', 'local'] },
    { name: 'Modelleisenbahn Freunde', tags: ['collecting'] },
    { name: 'Brettspiel-Runde', tags: ['gaming'] },
    { name: 'Wandern im Harz', tags: ['outdoors'] },
    { name: 'Heimwerker Hilfe', tags: ['diy'] },
  ],
  pt: [
    { name: 'Surf Porto', tags: ['surfing', 'local'] },
    { name: 'Receitas Veganas', tags: ['cooking'] },
    { name: 'Fotografia de Rua', tags: ['photography'] },
    { name: 'Corrida de Rua SP', tags: ['running', 'local'] },
    { name: 'Aquarismo Brasil', tags: ['pets'] },
  ],
  fr: [
    { name: 'Randonnée Alpes', tags: ['outdoors'] },
    { name: 'Club de Lecture', tags: ['books'] },
    { name: 'Jardin Partagé Lyon', tags: ['gardening', 'local'] },
    { name: 'Photographie Argentique', tags: ['photography'] },
    { name: 'Cuisine du Marché', tags: ['cooking'] },
  ],
};

/** Sub-groups of a big community, named "<community> · <sub-group>". */
export const SUBGROUPS: ByLanguage<string> = {
  en: ['General', 'Beginners', 'Marketplace', 'Events', 'Help desk', 'Off-topic', 'Photos', 'Meetups', 'Advanced', 'Feedback'],
  es: ['General', 'Principiantes', 'Compraventa', 'Eventos', 'Ayuda', 'Charla libre', 'Fotos', 'Quedadas', 'Avanzado', 'Sugerencias'],
  de: ['Allgemein', 'Einsteiger', 'Flohmarkt', 'Termine', 'Hilfe', 'Plauderecke', 'Fotos', 'Treffen', 'Fortgeschrittene', 'Feedback'],
  pt: ['Geral', 'Iniciantes', 'Classificados', 'Eventos', 'Ajuda', 'Papo livre', 'Fotos', 'Encontros', 'Avançado', 'Sugestões'],
  fr: ['Général', 'Débutants', 'Petites annonces', 'Événements', 'Entraide', 'Hors-sujet', 'Photos', 'Rencontres', 'Confirmés', 'Suggestions'],
};

export const ANNOUNCEMENTS_NAME: Readonly<Record<keyof typeof SUBGROUPS, string>> = {
  en: 'Announcements',
  es: 'Anuncios',
  de: 'Ankündigungen',
  pt: 'Avisos',
  fr: 'Annonces',
};

export const SCREENING_QUESTIONS: ByLanguage<string> = {
  en: ['Why do you want to join?', 'Have you read and agreed to the rules?', 'How did you hear about us?', 'Which city are you in?'],
  es: ['¿Por qué quieres unirte?', '¿Has leído las normas?', '¿Cómo nos conociste?', '¿En qué ciudad vives?'],
  de: ['Warum möchtest du beitreten?', 'Hast du die Regeln gelesen?', 'Wie hast du von uns erfahren?', 'Aus welcher Stadt kommst du?'],
  pt: ['Por que você quer entrar?', 'Você leu as regras?', 'Como nos conheceu?', 'De qual cidade você é?'],
  fr: ['Pourquoi veux-tu nous rejoindre ?', 'As-tu lu le règlement ?', 'Comment nous as-tu connus ?', 'Dans quelle ville habites-tu ?'],
};
