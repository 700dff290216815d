import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { READ_TYPES } from './read-types.js';

/**
 * The fields the compiled reads answer get their value from the object PostgreSQL built, marked
 * `__pre: true` (compile.ts), instead of running their resolver (which would load again what is
 * already there); so do the fields of their connections (`totalCount` is a method there).
 * Entities never carry the mark: for them the resolver runs as before.
 */
export function answerPrecomputed(schema: GraphQLSchema): GraphQLSchema {
  // Every connection the compiled reads may build: `<type>Connection`, and those a field names.
  const connections = new Set(Object.keys(READ_TYPES).map((typeName) => `${typeName}Connection`));
  for (const type of Object.values(READ_TYPES)) {
    for (const read of Object.values(type.fields))
      if (read.kind === 'connection' && read.connection) connections.add(read.connection);
  }
  const answered = [
    ...Object.entries(READ_TYPES).map(([typeName, type]) => [typeName, Object.keys(type.fields)] as const),
    ...[...connections].flatMap((name) => {
      const connection = schema.getType(name) as GraphQLObjectType | undefined;
      return connection ? [[name, Object.keys(connection.getFields())] as const] : [];
    }),
  ];
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
