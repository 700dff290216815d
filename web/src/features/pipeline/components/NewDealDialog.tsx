import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyOption } from '../../../components/pickers/CompanyPicker';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { SelectField } from '../../../components/ui/SelectField';
import { Spinner } from '../../../components/ui/Spinner';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { DEAL_FIELDS, useDealCoreCheck } from '../dealForm';
import { CreateDealMutation, MeetingForDealQuery } from '../graphql/deal';
import type { StageRef } from '../types';
import { DealCoreFields, useDealCore } from './DealCoreFields';
import { MissionSelect } from './MissionSelect';

const MEETING_FREE_FIELDS = DEAL_FIELDS.filter((field) => field !== 'fromInteractionId');

export interface NewDealDialogProps {
  open: boolean;
  pipelineId: string;
  /** The pipeline's stages; a new deal starts in an OPEN one. */
  stages: readonly StageRef[];
  baseCurrency: string;
  viewerId: string;
  /** The meeting the deal comes from (`?fromInteraction=`): the server takes exporter, buyer, mission and title from it. */
  fromInteractionId: string | null;
  onClose: () => void;
  onCreated: (dealId: string) => void;
}

export function NewDealDialog(props: NewDealDialogProps) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  return (
    <Dialog
      open={props.open}
      title={props.fromInteractionId ? t('create.titleFromMeeting') : t('create.title')}
      onClose={props.onClose}
      closeLabel={tc('common.close')}
    >
      {/* Mounted only while open, so every opening starts from a fresh form. */}
      {props.fromInteractionId ? (
        <FromMeeting {...props} fromInteractionId={props.fromInteractionId} />
      ) : (
        <NewDealForm {...props} prefill={null} />
      )}
    </Dialog>
  );
}

interface Prefill {
  title: string;
  exporter: CompanyOption | null;
  buyer: CompanyOption | null;
  missionId: string;
  /** "Meeting of 8 Sept: Fish World – Atlas", for the notice. */
  meeting: string;
}

/** Loads the meeting, then opens the form filled with its parties, mission and subject. */
function FromMeeting(props: NewDealDialogProps & { fromInteractionId: string }) {
  const { t } = useTranslation('pipeline');
  const { data, loading, error } = useQuery(MeetingForDealQuery, { variables: { id: props.fromInteractionId } });
  if (loading && !data) return <Spinner label={t('create.loadingMeeting')} />;
  const meeting = data?.interaction;
  if (error || !meeting) {
    return (
      <>
        <ErrorMessage>{t('create.meetingNotFound')}</ErrorMessage>
        <NewDealForm {...props} fromInteractionId={null} prefill={null} />
      </>
    );
  }
  return (
    <NewDealForm
      {...props}
      prefill={{
        title: meeting.subject,
        exporter: { id: meeting.exporter.id, name: meeting.exporter.name },
        buyer: meeting.counterpart ? { id: meeting.counterpart.id, name: meeting.counterpart.name } : null,
        missionId: meeting.mission?.id ?? '',
        meeting: meeting.subject,
      }}
    />
  );
}

function NewDealForm({
  pipelineId,
  stages,
  baseCurrency,
  viewerId,
  fromInteractionId,
  onClose,
  onCreated,
  prefill,
}: NewDealDialogProps & { prefill: Prefill | null }) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const formId = useId();
  const openStages = stages.filter((stage) => stage.category === 'OPEN');
  const fromMeeting = fromInteractionId !== null;
  const core = useDealCore({
    title: prefill?.title ?? '',
    exporter: prefill?.exporter ?? null,
    buyer: prefill?.buyer ?? null,
    amount: '',
    currency: baseCurrency,
    expectedCloseOn: '',
  });
  const { title, exporter, buyer, amount, currency, expectedCloseOn } = core.values;
  const [stageId, setStageId] = useState(openStages[0]?.id ?? '');
  const [ownerId, setOwnerId] = useState(viewerId);
  const [missionId, setMissionId] = useState(prefill?.missionId ?? '');
  // The meeting's own problems (unknown, no exporter...) have no field of their own here.
  const { errors, formErrors, saving: loading, submit: send } = useMutationForm(MEETING_FREE_FIELDS);
  const [createDeal] = useMutation(CreateDealMutation, { refetchQueries: ['PipelineBoard'] });
  const checkCore = useDealCoreCheck();

  function submit(event: FormEvent) {
    event.preventDefault();
    const core = checkCore({ title, exporter, amount, currency });
    const next = core.errors;
    return send(
      async () => {
        const result = await createDeal({
          variables: {
            input: {
              pipelineId,
              stageId: stageId || undefined,
              title: title.trim() || undefined,
              exporterId: exporter?.id,
              buyerId: buyer?.id ?? null,
              amount: core.amount ?? undefined,
              currency: core.currency,
              expectedCloseOn: expectedCloseOn || undefined,
              ownerId: ownerId || undefined,
              sourceMissionId: missionId || null,
              fromInteractionId: fromInteractionId ?? undefined,
            },
          },
        });
        return result.data?.createDeal;
      },
      {
        check: next,
        onSuccess: ({ deal }) => {
          if (deal) onCreated(deal.id);
        },
      },
    );
  }

  return (
    <form
      id={formId}
      className="ui-stack ui-stack--tight pipeline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('create.title')}
    >
      {fromMeeting && prefill && (
        <div className="pipeline-form__notice" role="note">
          <p className="pipeline-form__notice-title">{t('create.fromMeeting', { meeting: prefill.meeting })}</p>
          <p>{t('create.fromMeetingHelp')}</p>
        </div>
      )}
      {formErrors.length > 0 && <ErrorMessage>{formErrors.join(' ')}</ErrorMessage>}
      <DealCoreFields {...core} errors={errors} autoFocusTitle />
      <div className="pipeline-form__row">
        <SelectField
          label={t('form.stage')}
          value={stageId}
          options={openStages.map((stage) => ({ value: stage.id, label: stage.name }))}
          onChange={(event) => setStageId(event.target.value)}
          error={errors.stageId}
        />
        <UserSelect label={t('form.owner')} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
      </div>
      <MissionSelect
        label={t('form.sourceMission')}
        placeholder={tc('common.none')}
        value={missionId}
        onChange={setMissionId}
        error={errors.sourceMissionId}
      />
      <div className="pipeline-form__actions">
        <Button variant="secondary" onClick={onClose} disabled={loading}>
          {tc('common.cancel')}
        </Button>
        <Button type="submit" loading={loading}>
          {t('create.submit')}
        </Button>
      </div>
    </form>
  );
}
