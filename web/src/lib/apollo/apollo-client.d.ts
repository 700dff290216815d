import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';

// Makes Apollo's hooks understand the masked types that codegen emits
// (inlineFragmentTypes: 'mask'), to match `dataMasking: true` on the client.
declare module '@apollo/client' {
  export interface TypeOverrides extends GraphQLCodegenDataMasking.TypeOverrides {}
}
