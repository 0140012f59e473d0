import { useTranslation } from 'react-i18next';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { TaskList } from './task-list.tsx';

/** マイタスク as the landing content of ホーム, under the welcome block. */
export function HomeTasks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-tasks" className="mt-10 flex max-w-[64rem] flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="home-tasks" className="text-std-24B-150 text-solid-gray-900">
          {t('tasks.heading')}
        </h2>
        <RouteLink to="/tasks">{t('tasks.openPage')}</RouteLink>
      </div>
      <TaskList groupHeadingLevel={3} />
    </section>
  );
}
