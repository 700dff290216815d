import { canEdit } from '../../../lib/session/roles';
import { useViewer } from '../../../lib/session/useViewer';

/** Whether the signed-in user may create and change companies and contacts (not ANALYST). */
export function useCanEdit(): boolean {
  const { viewer } = useViewer();
  return canEdit(viewer?.role);
}
