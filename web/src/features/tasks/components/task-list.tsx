import { useTranslation } from 'react-i18next';
import { type Task, taskKinds } from '../../../../../src/contract/tasks.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { DueDateText, DueStatusBadge } from '../../../components/ui/due-date.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { RouteLink } from '../../../components/ui/route-link.tsx';
import { useTasks } from '../api/list-tasks.ts';

/** Where a task is acted on: the inbox for decisions, the meeting, my plan items, the case. */
function PrimaryLink({ task }: { task: Task }) {
  switch (task.kind) {
    case 'handover':
      return <RouteLink to="/handovers">{task.title}</RouteLink>;
    case 'referral':
      return <RouteLink to="/referrals">{task.title}</RouteLink>;
    case 'meeting':
      return (
        <RouteLink to="/meetings/$meetingId" params={{ meetingId: task.link.id }}>
          {task.title}
        </RouteLink>
      );
    case 'reportDue':
      return <RouteLink to="/plan-items">{task.title}</RouteLink>;
    case 'monitoringDue':
      return (
        <RouteLink to="/cases/$caseId" params={{ caseId: task.link.id }}>
          {task.title}
        </RouteLink>
      );
    default: {
      const unknown: never = task.kind;
      return <>{String(unknown)}</>;
    }
  }
}

/** The record behind the task, when it is not where the primary link goes. */
function RecordLink({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.link.type === 'consultation') {
    return (
      <RouteLink to="/consultations/$consultationId" params={{ consultationId: task.link.id }}>
        {t('tasks.openConsultation')}
      </RouteLink>
    );
  }
  if (task.caseId && task.kind !== 'monitoringDue') {
    return (
      <RouteLink to="/cases/$caseId" params={{ caseId: task.caseId }}>
        {t('tasks.openCase', { caseNumber: task.caseNumber ?? '' })}
      </RouteLink>
    );
  }
  return null;
}

function TaskItem({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation();
  const record = <RecordLink task={task} />;
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-std-17B-170">
        <PrimaryLink task={task} />
      </p>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-std-16N-170 text-solid-gray-800">
        <span>
          {t('tasks.dueOn')}
          <DueDateText due={{ dueOn: task.dueOn, nominalOn: task.nominalDueOn }} />
        </span>
        <DueStatusBadge dueOn={task.dueOn} today={today} />
        {/* Waiting is how long a handover or referral has waited for a decision, not lateness. */}
        {task.daysWaiting !== null ? (
          <span>{t('tasks.daysWaiting', { count: task.daysWaiting })}</span>
        ) : null}
        {task.abilities.acknowledge ? <Badge tone="info">{t('tasks.needsAcknowledgement')}</Badge> : null}
      </p>
      {record}
    </li>
  );
}

export type TaskListProps = {
  /** `h2` on the マイタスク page; `h3` when the list sits under a section heading (home). */
  groupHeadingLevel: 2 | 3;
};

/** My tasks grouped by kind (引継ぎ・つなぎの受付待ち, 会議, 支援報告・モニタリングの期限), soonest due first. */
export function TaskList({ groupHeadingLevel }: TaskListProps) {
  const { t } = useTranslation();
  const tasks = useTasks();
  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;

  const groups = taskKinds
    .map((kind) => ({ kind, items: tasks.data.items.filter((task) => task.kind === kind) }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return <p className="text-std-16N-170">{t('tasks.empty')}</p>;
  const overdue = tasks.data.items.filter((task) => task.overdue).length;

  const Heading = `h${groupHeadingLevel}` as const;
  const headingClass = groupHeadingLevel === 2 ? 'text-std-24B-150' : 'text-std-20B-150';
  return (
    <div className="flex flex-col gap-8">
      <p className="text-std-16N-170 text-solid-gray-700">
        {t('tasks.summary', { count: tasks.data.items.length })}
        {overdue > 0 ? t('tasks.overdueSummary', { count: overdue }) : null}
      </p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`tasks-${group.kind}`} className="flex flex-col gap-4">
          <Heading id={`tasks-${group.kind}`} className={`${headingClass} text-solid-gray-900`}>
            {t(`tasks.kind.${group.kind}`)}
            <span className="ml-3 text-std-16N-170 text-solid-gray-700">
              {t('common.itemCount', { count: group.items.length })}
            </span>
          </Heading>
          <ul className="flex flex-col gap-3">
            {group.items.map((task) => (
              <TaskItem key={task.id} task={task} today={tasks.data.today} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
