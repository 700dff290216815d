import { useEffect, useState } from 'react';

export interface SeenVersion {
  id: string;
  updatedAt: string;
}

/**
 * The reviewer's choices in a merge dialog: the record kept, the record each field takes its
 * value from, and the versions of the records as first shown (a record changed since then makes
 * the merge a CONFLICT; reloading takes the current versions).
 */
export function useMergeState<F extends string>(ids: readonly string[], fields: readonly F[]) {
  const [keepId, setKeepId] = useState(ids[0] ?? '');
  const [choices, setChoices] = useState<Partial<Record<F, string>>>({});
  const [seen, setSeen] = useState<SeenVersion[] | null>(null);
  const mergeIds = ids.filter((id) => id !== keepId);
  const chosen = Object.fromEntries(fields.map((field) => [field, choices[field] ?? keepId])) as Record<F, string>;
  return {
    keepId,
    setKeepId,
    mergeIds,
    choices,
    choose: (field: string, recordId: string) => setChoices((current) => ({ ...current, [field]: recordId })),
    /** The preview's input: every field resolved to a record. */
    input: { keepId, mergeIds, fields: chosen },
    seen,
    setSeen,
  };
}

/** Remembers the records' versions the first time all of them are shown. */
export function useFirstSeen(
  records: readonly SeenVersion[],
  expected: number,
  seen: SeenVersion[] | null,
  setSeen: (seen: SeenVersion[]) => void,
) {
  const complete = records.length === expected;
  const key = records.map((record) => `${record.id}@${record.updatedAt}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for records
  useEffect(() => {
    if (!seen && complete) setSeen(records.map(({ id, updatedAt }) => ({ id, updatedAt })));
  }, [key, complete, seen, setSeen]);
}
