import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Role } from '../user/user.enums.js';
import { ImportPhase, readImportProgress } from './import-progress.js';

registerEnumType(ImportPhase, {
  name: 'ImportPhase',
  description: 'READING the file, MATCHING (loading the records), CHECKING the rows, WRITING records, DONE.',
});

@ObjectType('ImportProgress', {
  description: 'How far a preview or an apply of an import has got in the server process that runs it.',
})
export class ImportProgressInfo {
  @Field(() => ImportPhase)
  phase!: ImportPhase;

  @Field(() => Int, { description: 'Units of the phase done: rows while CHECKING, records while WRITING.' })
  done!: number;

  @Field(() => Int, { description: 'Units of the phase (0 while READING and MATCHING).' })
  total!: number;

  @Field()
  updatedAt!: Date;
}

@Resolver()
export class ImportProgressResolver {
  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Query(() => ImportProgressInfo, {
    name: 'importProgress',
    nullable: true,
    description:
      "The viewer's running (or, for a minute, finished) preview or apply of this file, in the process answering; null when it runs nothing for it (another process may: see docs/import.md). Reads memory only.",
  })
  importProgress(@Arg('fileId', () => ID) fileId: string, @Ctx() ctx: Context): ImportProgressInfo | null {
    return readImportProgress(ctx.viewer!.agencyId, ctx.viewer!.userId, fileId);
  }
}
