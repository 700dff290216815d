import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { Button } from '../../../components/ui/Button';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { graphql } from '../../../gql';
import type { DealEditForm_DealFragment } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { DEAL_FIELDS, useDealCoreCheck } from '../dealForm';
import { UpdateDealMutation } from '../graphql/deal';
import { DealCoreFields, useDealCore } from './DealCoreFields';
import { MissionSelect } from './MissionSelect';

export const DealEditFormFragment = graphql(`
  fragment DealEditForm_deal on Deal {
    ...DealSummary_deal @unmask
    version
    currency
    expectedCloseOn
    products
    lostReason
    owner {
      id
      fullName
    }
    sourceMission {
      id
      name
    }
    stage {
      id
      category
    }
  }
`);

export interface DealEditFormProps {
  deal: FragmentType<typeof DealEditFormFragment>;
  onDone: () => void;
  onCancel: () => void;
  /** Reloads the deal after a CONFLICT (the form restarts from the fresh values). */
  onReload: () => void;
}

export function DealEditForm({ deal, ...rest }: DealEditFormProps) {
  const { data, complete } = useFragment({
    fragment: DealEditFormFragment,
    fragmentName: 'DealEditForm_deal',
    from: deal,
  });
  if (!complete) return null;
  return <DealEditFields data={data} {...rest} />;
}

interface DealEditFieldsProps extends Omit<DealEditFormProps, 'deal'> {
  data: DealEditForm_DealFragment;
}

function DealEditFields({ data, onDone, onCancel, onReload }: DealEditFieldsProps) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const formId = useId();
  // The version the user started editing from: a change made meanwhile must come back as a CONFLICT,
  // even when the cache has already heard of it.
  const [baseVersion] = useState(data.version);
  const core = useDealCore({
    title: data.title,
    exporter: { id: data.exporter.id, name: data.exporter.name },
    buyer: data.buyer ? { id: data.buyer.id, name: data.buyer.name } : null,
    amount: data.amount?.amount ?? '',
    currency: data.currency,
    expectedCloseOn: data.expectedCloseOn ?? '',
  });
  const { title, exporter, buyer, amount, currency, expectedCloseOn } = core.values;
  const [ownerId, setOwnerId] = useState(data.owner.id);
  const [missionId, setMissionId] = useState(data.sourceMission?.id ?? '');
  const [products, setProducts] = useState(data.products ?? '');
  const [lostReason, setLostReason] = useState(data.lostReason ?? '');
  const { errors, formErrors, saving: loading, submit: send } = useMutationForm(DEAL_FIELDS);
  const [conflict, setConflict] = useState(false);
  const [updateDeal] = useMutation(UpdateDealMutation, { refetchQueries: ['PipelineBoard'] });

  const lost = data.stage.category === 'LOST';
  const checkCore = useDealCoreCheck();

  function submit(event: FormEvent) {
    event.preventDefault();
    const core = checkCore({ title, exporter, amount, currency });
    const next = core.errors;
    if (!ownerId) next.ownerId = tc('common.required');
    if (lost && !lostReason.trim()) next.lostReason = tc('common.required');
    setConflict(false);
    return send(
      async () => {
        const result = await updateDeal({
          variables: {
            input: {
              dealId: data.id,
              version: baseVersion,
              title: title.trim(),
              exporterId: exporter?.id,
              buyerId: buyer?.id ?? null,
              amount: core.amount,
              currency: core.currency,
              expectedCloseOn: expectedCloseOn || null,
              ownerId,
              sourceMissionId: missionId || null,
              products: products.trim() || null,
              ...(lost ? { lostReason: lostReason.trim() } : {}),
            },
          },
        });
        return result.data?.updateDeal;
      },
      {
        check: next,
        onSuccess: onDone,
        // Someone saved the deal meanwhile: offer to reload rather than show field messages.
        handle: (userErrors) => {
          if (!userErrors.some((error) => error.code === 'CONFLICT')) return userErrors;
          setConflict(true);
          return [];
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
      aria-label={t('drawer.editTitle')}
    >
      {conflict && (
        <ErrorMessage title={t('conflict.title')} retry={{ label: t('drawer.reload'), onRetry: onReload }}>
          {t('drawer.conflict')}
        </ErrorMessage>
      )}
      {formErrors.length > 0 && <ErrorMessage>{formErrors.join(' ')}</ErrorMessage>}
      <DealCoreFields {...core} errors={errors} />
      <div className="pipeline-form__row">
        <UserSelect label={t('form.owner')} value={ownerId} onChange={setOwnerId} error={errors.ownerId} required />
        <MissionSelect
          label={t('form.sourceMission')}
          placeholder={tc('common.none')}
          value={missionId}
          current={data.sourceMission}
          onChange={setMissionId}
          error={errors.sourceMissionId}
        />
      </div>
      <TextAreaField
        label={t('form.products')}
        value={products}
        onChange={(event) => setProducts(event.target.value)}
        error={errors.products}
      />
      {lost && (
        <TextAreaField
          label={t('lost.reason')}
          value={lostReason}
          onChange={(event) => setLostReason(event.target.value)}
          error={errors.lostReason}
          required
        />
      )}
      <div className="pipeline-form__actions">
        <Button variant="secondary" onClick={onCancel} disabled={loading}>
          {tc('common.cancel')}
        </Button>
        <Button type="submit" loading={loading}>
          {loading ? tc('common.saving') : tc('common.save')}
        </Button>
      </div>
    </form>
  );
}
