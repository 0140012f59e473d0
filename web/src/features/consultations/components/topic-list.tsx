import { useTranslation } from 'react-i18next';
import { useCodeName } from '../../../lib/code-names.ts';
import '../../../lib/i18n/casework.bundle.ts';

/** 相談内容 with the main one first, marked ◎ (as circled on the paper form); the others marked ○. */
export function TopicList({ topics, mainTopic }: { topics: readonly string[]; mainTopic: string }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const ordered = [mainTopic, ...topics.filter((topic) => topic !== mainTopic)];
  return (
    <ul className="flex flex-col">
      {ordered.map((topic) => (
        <li key={topic}>
          {topic === mainTopic ? (
            <>
              <span aria-hidden="true">◎ </span>
              <span className="font-bold">{codeName('consultationTopic', topic)}</span>
              <span className="sr-only">{t('consultations.mainTopicMarker')}</span>
            </>
          ) : (
            <>
              <span aria-hidden="true">○ </span>
              {codeName('consultationTopic', topic)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
