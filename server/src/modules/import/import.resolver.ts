import { Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { loadOptionalRef } from '../../shared/load.js';
import { runMutation, UserErrorsException } from '../../shared/mutation.js';
import { validateInput } from '../../shared/validation.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { applyPlan } from './apply.js';
import { ImportKind } from './import.enums.js';
import { describeFile, presentPlan, previewFile } from './import.service.js';
import {
  ApplyImportPayload,
  ImportFileInfo,
  ImportInput,
  ImportPreview,
  ImportPreviewPayload,
  ImportRowPage,
  UndoImportPayload,
} from './import.types.js';
import { ImportBatch } from './import-batch.entity.js';
import { ImportProgress } from './import-progress.js';
import { RowAction } from './plan-model.js';
import { undoBatch } from './undo.js';

const ImportBatchConnection = ConnectionType(ImportBatch);
const EDITORS = [Role.ADMIN, Role.ACCOUNT_MANAGER];

@ArgsType()
class ImportRowsArgs {
  @Field(() => [RowAction], { nullable: true, description: 'Only rows with these actions (all when omitted).' })
  actions?: RowAction[] | null;

  @Field(() => Int, { defaultValue: 50, description: 'At most 500.' })
  @Min(0)
  @Max(500)
  first!: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  offset!: number;
}

@Resolver(() => ImportPreview)
export class ImportPreviewResolver {
  @FieldResolver(() => ImportRowPage, { description: 'The rows, in file order, a page at a time.' })
  rows(@Root() preview: ImportPreview, @Args() { actions, first, offset }: ImportRowsArgs): ImportRowPage {
    const wanted = actions?.length ? new Set(actions) : null;
    const rows = wanted ? preview.allRows.filter((row) => wanted.has(row.action)) : preview.allRows;
    return { totalCount: rows.length, nodes: rows.slice(offset, offset + Math.min(first, 500)) };
  }
}

@Resolver(() => ImportBatch)
export class ImportResolver {
  @Authorized(...EDITORS)
  @Query(() => ImportFileInfo, {
    nullable: true,
    description:
      'An uploaded file (POST /import/files) read as a table, with a mapping proposed for `kind`; null when unknown or expired.',
  })
  async importFile(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => ImportKind) kind: ImportKind,
    @Ctx() ctx: Context,
  ): Promise<ImportFileInfo | null> {
    try {
      return await describeFile(ctx.em, ctx, id, kind);
    } catch (error) {
      if (error instanceof UserErrorsException) return null;
      throw error;
    }
  }

  @Authorized(...EDITORS)
  @Query(() => ImportPreviewPayload, { description: 'What applying the import would do, row by row. Writes nothing.' })
  async previewImport(@Arg('input') input: ImportInput, @Ctx() ctx: Context): Promise<ImportPreviewPayload> {
    const invalid = await validateInput(input);
    if (invalid.length > 0) return { userErrors: invalid };
    const progress = new ImportProgress(ctx.viewer!.agencyId, ctx.viewer!.userId, input.fileId);
    try {
      const { plan } = await previewFile(ctx.em, ctx, input, progress);
      return { preview: presentPlan(plan, ctx), userErrors: [] };
    } catch (error) {
      if (error instanceof UserErrorsException) return { userErrors: error.errors };
      throw error;
    } finally {
      progress.finish();
    }
  }

  @Authorized(...EDITORS)
  @Mutation(() => ApplyImportPayload, {
    description:
      'Applies the import in one transaction (every accepted row or none); refused while a possible duplicate has no decision. Rows in error are left out: download them from /import/files/{id}/rejected.csv.',
  })
  async applyImport(@Arg('input') input: ImportInput, @Ctx() ctx: Context) {
    const progress = new ImportProgress(ctx.viewer!.agencyId, ctx.viewer!.userId, input.fileId);
    try {
      return await runMutation(ctx, input, async (em) => {
        const { file, plan } = await previewFile(em, ctx, input, progress);
        const batchId = await applyPlan(em, ctx, file, plan, progress);
        const batch = await em.findOneOrFail(ImportBatch, batchId);
        return { batch, preview: presentPlan(plan, ctx) };
      });
    } finally {
      progress.finish();
    }
  }

  @Authorized(...EDITORS)
  @Mutation(() => UndoImportPayload, {
    description:
      'Deletes what an import created and restores what it changed, while none of it was changed or used since.',
  })
  undoImport(@Arg('batchId', () => ID) batchId: string, @Ctx() ctx: Context) {
    return runMutation(ctx, undefined, async (em) => {
      await undoBatch(em, ctx, batchId);
      const batch = await em.findOneOrFail(ImportBatch, batchId, { refresh: true });
      return { batch };
    });
  }

  @Authorized()
  @Query(() => ImportBatchConnection, { description: "The agency's imports, newest first." })
  importBatches(@Args() page: PageArgs, @Ctx() { em }: Context) {
    return paginate(em, ImportBatch, {}, { field: 'createdAt', direction: OrderDirection.DESC }, page);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who imported the file.' })
  createdBy(@Root() batch: ImportBatch): Promise<User | null> {
    return loadOptionalRef(batch.createdBy);
  }

  @FieldResolver(() => Mission, { nullable: true, description: 'DELEGATION: the mission the rows joined.' })
  mission(@Root() batch: ImportBatch): Promise<Mission | null> {
    return loadOptionalRef(batch.mission);
  }
}
