/** The shortest useful call to the API with a token: who am I? */
export function curlExample(origin: string, token: string): string {
  return [
    `curl ${origin}/graphql \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"query":"{ viewer { fullName role agency { name } } }"}'`,
  ].join('\n');
}
