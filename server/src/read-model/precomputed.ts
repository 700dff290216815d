import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { READ_TYPES } from './read-types.js';

/**
 * The fields the compiled reads answer get their value from the object PostgreSQL built, marked
 * `__pre: true` (compile.ts), instead of running their resolver (which would load again what is
 * already there); so do the fields of their connections (`totalCount` is a method there).
 * Entities never carry the mark: for them the resolver runs as before.
 */
export function answerPrecomputed(schema: GraphQLSchema): GraphQLSchema {
  const answered = Object.entries(READ_TYPES).flatMap(([typeName, type]) => {
    const connection = schema.getType(`${typeName}Connection`) as GraphQLObjectType | undefined;
    return [
      [typeName, Object.keys(type.fields)] as const,
      ...(connection ? [[connection.name, Object.keys(connection.getFields())] as const] : []),
    ];
  });
  for (const [typeName, names] of answered) {
    const object = schema.getType(typeName) as GraphQLObjectType | undefined;
    if (!object) throw new Error(`compiled reads: no type ${typeName} in the schema`);
    const fields = object.getFields();
    for (const name of names) {
      const field = fields[name];
      if (!field) throw new Error(`compiled reads: no field ${typeName}.${name} in the schema`);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        source?.__pre === true ? source[info.fieldName] : resolve(source, args, context, info);
    }
  }
  return schema;
}
