import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { TaskList } from './task-list.tsx';

/** マイタスク (`/tasks`): what my organisation has waiting. */
export function MyTasksPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t('tasks.lead')}>{t('tasks.heading')}</PageHeading>
      <TaskList groupHeadingLevel={2} />
    </>
  );
}
