import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema is the one the server emits and commits; operations live next to the
// components that use them. Output in src/gql/ is generated: never edit it by hand.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Apollo Client does the masking (dataMasking: true); codegen only shapes the types.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSONObject: 'Record<string, unknown>' },
        defaultScalarType: 'unknown',
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        inlineFragmentTypes: 'mask',
        customDirectives: { apolloUnmask: true },
      },
    },
  },
};

export default config;
