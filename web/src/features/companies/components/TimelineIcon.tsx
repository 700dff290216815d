import type { InteractionKind } from '../../../gql/graphql';

export type TimelineIconKind = InteractionKind | 'STAGE' | 'TASK' | 'TASK_DONE';

// 20×20 outlines, drawn with the current colour.
const PATHS: Record<TimelineIconKind, string> = {
  MEETING:
    'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm6.5 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM1.5 16c0-2.8 2.5-5 5.5-5s5.5 2.2 5.5 5v1h-11v-1Zm12.5 1v-1c0-1.5-.5-2.9-1.4-4 .3 0 .6-.1.9-.1 2.5 0 4.5 1.8 4.5 4.1v1H14Z',
  CALL: 'M5.6 2.5 8 5.7 6.6 7.6a10 10 0 0 0 5.8 5.8l1.9-1.4 3.2 2.4-.9 2.7c-.2.5-.7.9-1.3.9C8.4 18 2 11.6 2 4.7c0-.6.4-1.1.9-1.3l2.7-.9Z',
  EMAIL:
    'M2.5 4h15c.6 0 1 .4 1 1v10c0 .6-.4 1-1 1h-15a1 1 0 0 1-1-1V5c0-.6.4-1 1-1Zm.5 2.1V14h14V6.1l-7 4.7-7-4.7ZM4.4 5.5 10 9.2l5.6-3.7H4.4Z',
  VISIT: 'M10 1.5a6 6 0 0 1 6 6c0 4.3-6 11-6 11s-6-6.7-6-11a6 6 0 0 1 6-6Zm0 3.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  NOTE: 'M4 2h8.5L16 5.5V17a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm1 2v12h9V6.5h-3v-2.5H5Zm1.5 5h6v1.5h-6V9Zm0 3h6v1.5h-6V12Z',
  STAGE: 'M3 10h10.2L9.6 6.4 10.7 5.3 16.4 11l-5.7 5.7-1.1-1.1 3.6-3.6H3V10Z',
  TASK: 'M4 3h12a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm.5 1.5v11h11v-11h-11Z',
  TASK_DONE:
    'M4 3h12a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Zm4.8 10.6 5.9-5.9-1.1-1.1-4.8 4.8-2.2-2.2-1.1 1.1 3.3 3.3Z',
};

export function TimelineIcon({ kind }: { kind: TimelineIconKind }) {
  return (
    <svg className="timeline__icon-svg" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={PATHS[kind]} />
    </svg>
  );
}
