import { chance, intBetween, pick, rngFor, STREAM, type Rng } from '../prng';
import { LANGUAGES, type Language } from '../text/languages';
import { ANNOUNCEMENTS_NAME, SCREENING_QUESTIONS, SUBGROUPS, TOPICS, type Topic } from '../text/topics';
import { PUBLIC_BASE_URL, type SandboxCommunity } from './model';
import type { CommunityKind } from '@shared/domain/community';

/**
 * The community forest: a few big communities, each with an announcements channel
 * and 3-10 sub-groups; standalone groups with screening questions; one forum with a
 * review queue; and one group whose name is hostile markup, so the console's
 * escaping is exercised on every screen that shows a community. About 40 in all.
 */
export function generateCommunities(seed: number): SandboxCommunity[] {
  const rng = rngFor(seed, STREAM.communities, 0);
  const out: SandboxCommunity[] = [];
  const usedTopics = new Set<string>();
  const nextId = () => `c_${out.length + 1}`;

  const freshTopic = (language: Language): Topic => {
    const options = TOPICS[language].filter((topic) => !usedTopics.has(topic.name));
    const topic = pick(rng, options.length > 0 ? options : TOPICS[language]);
    usedTopics.add(topic.name);
    return topic;
  };

  const add = (
    fields: Omit<SandboxCommunity, 'id' | 'url' | 'rulesUrl' | 'acceptsMembers'> & { rules: boolean },
  ): SandboxCommunity => {
    const id = nextId();
    const { rules, ...rest } = fields;
    const community: SandboxCommunity = {
      ...rest,
      id,
      url: `${PUBLIC_BASE_URL}/c/${id}`,
      rulesUrl: rules ? `${PUBLIC_BASE_URL}/c/${id}/rules` : null,
      acceptsMembers: fields.kind !== 'announcements',
    };
    out.push(community);
    return community;
  };

  const bigCount = intBetween(rng, 3, 4);
  for (let b = 0; b < bigCount; b++) {
    const language = b === 0 ? 'en' : pick(rng, LANGUAGES);
    const topic = freshTopic(language);
    const members = intBetween(rng, 5_000, 250_000);
    const parent = add({ parentId: null, name: topic.name, kind: 'community', language, tags: topic.tags, memberCount: members, screeningQuestions: [], rules: true });
    add({
      parentId: parent.id,
      name: `${topic.name} · ${ANNOUNCEMENTS_NAME[language]}`,
      kind: 'announcements',
      language,
      tags: [...topic.tags, 'announcements'],
      memberCount: Math.round(members * 0.9),
      screeningQuestions: [],
      rules: false,
    });
    const subNames = shuffled(rng, SUBGROUPS[language]).slice(0, intBetween(rng, 3, 10));
    for (const sub of subNames) {
      add({
        parentId: parent.id,
        name: `${topic.name} · ${sub}`,
        kind: 'group',
        language,
        tags: topic.tags,
        memberCount: intBetween(rng, 50, Math.round(members / 3)),
        screeningQuestions: questions(rng, language, 0, 1),
        rules: chance(rng, 0.3),
      });
    }
  }

  const standaloneCount = intBetween(rng, 8, 11);
  for (let s = 0; s < standaloneCount; s++) {
    const language = pick(rng, LANGUAGES);
    const topic = freshTopic(language);
    add(standalone(rng, topic.name, 'group', language, topic.tags, questions(rng, language, 1, 3)));
  }

  const forumTopic = freshTopic('en');
  add(standalone(rng, `${forumTopic.name} Forum`, 'forum', 'en', [...forumTopic.tags, 'forum'], questions(rng, 'en', 1, 2)));
  add(standalone(rng, '<img src=x onerror=alert(1)> Ünïcödé 🧪 \u202Egroup', 'group', 'en', ['test'], questions(rng, 'en', 1, 1)));
  return out;
}

function standalone(rng: Rng, name: string, kind: CommunityKind, language: Language, tags: readonly string[], screeningQuestions: string[]) {
  return { parentId: null, name, kind, language, tags, memberCount: intBetween(rng, 40, 20_000), screeningQuestions, rules: chance(rng, 0.7) };
}

function questions(rng: Rng, language: Language, min: number, max: number): string[] {
  return shuffled(rng, SCREENING_QUESTIONS[language]).slice(0, intBetween(rng, min, max));
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
